/**
 * What the rate-limiter chaos scenarios share: the emulator as Notion (in this process, on a loopback port, with
 * the scenario's budget per connection), a private redis-server, worker processes, and the ideal duration.
 */
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import { randomUUID } from "node:crypto"
import { type RedisServer, startRedisServer } from "./redisServer.js"

/** The budget of the scenarios: the 30 requests per 2 s. */
export const budget = { requests: 30, windowMillis: 2000 } as const

export interface Stage {
  readonly emulator: NotionEmulator.Service
  readonly token: string
  readonly redis: RedisServer
  readonly prefix: string
  /** Requests the emulator accepted (arrived minus answered 429) and the 429s so far. */
  readonly counts: () => Promise<{ readonly accepted: number; readonly rateLimited: number }>
}

/** Runs `use` with the emulator and a private Redis, both stopped when it ends (also on failure). */
export const withStage = async <A>(use: (stage: Stage) => Promise<A>): Promise<A> => {
  const scope = Effect.runSync(Scope.make())
  let redis: RedisServer | undefined
  try {
    const emulator = await Effect.runPromise(
      Scope.extend(
        NotionEmulator.make({ rateLimit: { requests: budget.requests, window: budget.windowMillis } }),
        scope
      )
    )
    redis = await startRedisServer()
    const counts = () =>
      Effect.runPromise(emulator.stats).then((stats) => {
        const arrived = Object.values(stats.requests).reduce((sum, n) => sum + n, 0)
        return { accepted: arrived - stats.rateLimited, rateLimited: stats.rateLimited }
      })
    return await use({
      emulator,
      token: Redacted.value(emulator.internalToken),
      redis,
      prefix: `notion-effect:chaos:${randomUUID()}:`,
      counts
    })
  } finally {
    await redis?.stop()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

/** The time `requests` requests take at the budget's pace (30 per 2 s: 15 per second). */
export const idealMillis = (requests: number) => Math.round((requests * budget.windowMillis) / budget.requests)

/** Polls `check` every 10 ms until it holds, at most `timeoutMillis`. */
export const until = async (check: () => boolean | Promise<boolean>, timeoutMillis: number) => {
  const end = Date.now() + timeoutMillis
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`a chaos step did not happen within ${timeoutMillis} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))
