/**
 * A metric updated under fixed labels from plain code (no fiber at hand), in Effect 4's `Metric` API: labels are
 * attributes (`Metric.withAttributes`), and an update reads its registry from a context — here the empty one,
 * so the default (global) `MetricRegistry`, as Effect 3's global registry. The Effect 3 form is
 * `packages/core/src/internal/metricLabels.ts`.
 */
import * as Context from "effect/Context"
import * as Metric from "effect/Metric"

/** Updates `metric` under `labels`, synchronously; the labelled metric is made here, once. */
export const updater = <In>(
  metric: Metric.Metric<In, any>,
  labels: Readonly<Record<string, string>>
): (value: In) => void => {
  const labelled = Metric.withAttributes(metric, labels)
  const context = Context.empty()
  return (value) => labelled.updateUnsafe(value, context)
}
