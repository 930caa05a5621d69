/**
 * A metric updated under fixed labels from plain code (no fiber at hand), in Effect 3's `Metric` API: labels are
 * `MetricLabel`s passed to `unsafeUpdate`, made once. Effect 4 has attributes instead: the Effect 4 edition has its
 * own version of this module (`effect4/adapters/core/src/internal/metricLabels.ts`).
 */
import type * as Metric from "effect/Metric"
import * as MetricLabel from "effect/MetricLabel"

/** Updates `metric` under `labels`, synchronously; the label set is made here, once. */
export const updater = <In>(
  metric: Metric.Metric<any, In, any>,
  labels: Readonly<Record<string, string>>
): (value: In) => void => {
  const set = Object.entries(labels).map(([key, value]) => MetricLabel.make(key, value))
  return (value) => metric.unsafeUpdate(value, set)
}
