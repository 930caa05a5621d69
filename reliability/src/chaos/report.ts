/** What one chaos scenario measured: figures per run and whether its criterion held in every run. */
export interface ChaosReport {
  /** The scenario, e.g. "Redis killed and restarted mid-batch". */
  readonly name: string
  /** What must hold in every run, e.g. "0 failed calls". */
  readonly criterion: string
  /** One record of figures per run (counts, durations in ms, ratios). */
  readonly runs: ReadonlyArray<Readonly<Record<string, number | string>>>
  /** Whether the criterion held in every run. */
  readonly passed: boolean
}
