/**
 * Effect 4's form of `packages/core/src/internal/metricLabels.ts`: labels are a metric's attributes. A labelled
 * metric (`Metric.withAttributes`) is made once per metric and label set and updated with the running fiber's
 * context (its metric registry and attributes). Effect 3's hook cache keyed by the labels array has no Effect 4
 * equivalent: each update here adds the attributes to the context (Effect 4's plain form).
 */
import * as Context from "effect/Context"
import * as Fiber from "effect/Fiber"
import * as Metric from "effect/Metric"

/** A set of labels: make it once (per endpoint, per status) and reuse it. */
export interface Labels {
  readonly attributes: Readonly<Record<string, string>>
  /** The labelled form of each metric updated with these labels. */
  readonly metrics: WeakMap<Metric.Metric<any, any>, Metric.Metric<any, any>>
}

/** Labels from their names and values. */
export const make = (labels: Readonly<Record<string, string>>): Labels => ({
  attributes: { ...labels },
  metrics: new WeakMap()
})

/** These labels and one more. */
export const add = (labels: Labels, key: string, value: string): Labels => make({ ...labels.attributes, [key]: value })

/** Updates a metric with these labels, synchronously (from inside a running effect). */
export const update = <In>(metric: Metric.Metric<In, any>, value: In, labels: Labels): void => {
  let labelled = labels.metrics.get(metric)
  if (labelled === undefined) {
    labelled = Metric.withAttributes(metric, labels.attributes)
    labels.metrics.set(metric, labelled)
  }
  labelled.updateUnsafe(value, Fiber.getCurrent()?.context ?? Context.empty())
}
