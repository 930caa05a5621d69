/** Every chaos scenario `pnpm chaos` runs, in order. */
import * as Postgres from "./postgres.js"
import type { ChaosReport } from "./report.js"
import * as Webhooks from "./webhooks.js"

/** A scenario: its name, and a run of it `runs` times. */
export interface Scenario {
  readonly name: string
  readonly run: (options: { readonly runs: number }) => Promise<ChaosReport>
}

/** The scenarios, in order. */
export const scenarios: ReadonlyArray<Scenario> = [
  { name: "PostgreSQL stopped mid-refresh", run: Postgres.run },
  { name: "mutated webhook deliveries", run: Webhooks.run }
]
