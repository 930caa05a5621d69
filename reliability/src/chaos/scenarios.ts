/** Every chaos scenario `pnpm chaos` runs, in order. */
import * as Postgres from "./postgres.js"
import * as Redis from "./redis.js"
import type { ChaosReport } from "./report.js"
import * as Webhooks from "./webhooks.js"
import * as Worker from "./worker.js"

/** A scenario: its name, and a run of it `runs` times. */
export interface Scenario {
  readonly name: string
  readonly run: (options: { readonly runs: number }) => Promise<ChaosReport>
}

/** The scenarios, in order. */
export const scenarios: ReadonlyArray<Scenario> = [
  { name: "Redis killed and restarted mid-batch", run: Redis.run },
  { name: "a worker killed with requests in flight", run: Worker.run },
  { name: "PostgreSQL stopped mid-refresh", run: Postgres.run },
  { name: "mutated webhook deliveries", run: Webhooks.run }
]
