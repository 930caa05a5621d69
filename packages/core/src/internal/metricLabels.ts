/**
 * Metric labels made once and reused, and the synchronous update with them: Effect 3 labels an update with an
 * array of `MetricLabel`s (a metric updated with the same array reuses its hook), Effect 4 with attributes. The
 * Effect 4 edition has its own version of this module (`effect4/adapters/core/src/internal/metricLabels.ts`).
 */
import type * as Metric from "effect/Metric"
import * as MetricLabel from "effect/MetricLabel"

/** A set of labels: make it once (per endpoint, per status) and reuse it. */
export type Labels = ReadonlyArray<MetricLabel.MetricLabel>

/** Labels from their names and values. */
export const make = (labels: Readonly<Record<string, string>>): Labels =>
  Object.entries(labels).map(([key, value]) => MetricLabel.make(key, value))

/** These labels and one more. */
export const add = (labels: Labels, key: string, value: string): Labels => [...labels, MetricLabel.make(key, value)]

/** Updates a metric with these labels, synchronously (from inside a running effect). */
export const update = <In>(metric: Metric.Metric<any, In, any>, value: In, labels: Labels): void =>
  metric.unsafeUpdate(value, labels)
