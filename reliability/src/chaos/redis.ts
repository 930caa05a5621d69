/**
 * Chaos: Redis killed and restarted mid-batch. Worker processes share one token's budget through
 * `RedisRateLimiter.layer` on a private redis-server; once a third of the calls went out, Redis is SIGKILLed and
 * started again, empty, some seconds later. Every call must succeed (429s are retried by the SDK's schedule; a
 * call fails only if it ends in an error); the 429s and the duration against the ideal are reported.
 */
import { budget, idealMillis, sleep, until, withStage } from "./limiterScenario.js"
import { startWorker, type WorkerResult } from "./limiterWorkers.js"
import type { ChaosReport } from "./report.js"

export interface Options {
  readonly runs: number
  /** Worker processes (default 3). */
  readonly workers?: number
  /** Calls per worker (default 100). */
  readonly calls?: number
  /** Calls in flight per worker (default 20). */
  readonly concurrency?: number
  /** How long Redis stays dead (default 4 s). */
  readonly downMillis?: number
}

const once = (options: Options) =>
  withStage(async (stage) => {
    const workers = options.workers ?? 3
    const calls = options.calls ?? 100
    const total = workers * calls
    const started = Array.from({ length: workers }, () =>
      startWorker({
        baseUrl: stage.emulator.url,
        token: stage.token,
        redisUrl: stage.redis.url,
        prefix: stage.prefix,
        path: "/v1/users/me",
        count: calls,
        concurrency: options.concurrency ?? 20,
        requests: budget.requests,
        windowMillis: budget.windowMillis
      }))
    try {
      await Promise.all(started.map((w) => w.ready))
      const begin = Date.now()
      for (const w of started) w.go()
      const results = Promise.all(started.map((w) => w.result))
      // mid-batch: a third of the calls out, the current window partly spent
      await until(async () => (await stage.counts()).accepted >= Math.floor(total / 3), 60_000)
      const atKill = await stage.counts()
      await stage.redis.kill()
      const killedAt = Date.now() - begin
      await sleep(options.downMillis ?? 4000)
      const atRestart = await stage.counts()
      await stage.redis.restart()
      const done: ReadonlyArray<WorkerResult> = await results
      const ms = Date.now() - begin
      const end = await stage.counts()
      const ideal = idealMillis(end.accepted)
      return {
        calls: total,
        failed: done.reduce((sum, r) => sum + r.failed, 0),
        "429s": end.rateLimited,
        "429s before the kill": atKill.rateLimited,
        "429s while Redis was down": atRestart.rateLimited - atKill.rateLimited,
        "429s after the restart": end.rateLimited - atRestart.rateLimited,
        "killed at ms": killedAt,
        "duration ms": ms,
        "ideal ms": ideal,
        "duration / ideal": Math.round((ms / ideal) * 100) / 100
      }
    } finally {
      for (const w of started) w.kill()
    }
  })

/**
 * Runs the scenario `runs` times: 3 workers × 100 calls at concurrency 20, a budget of 30 per 2 s, Redis dead
 * for 4 s mid-batch.
 *
 * @since 0.1.0
 */
export const run = async (options: Options): Promise<ChaosReport> => {
  const runs: Array<Record<string, number>> = []
  for (let i = 0; i < options.runs; i++) runs.push(await once(options))
  return {
    name: "Redis killed and restarted mid-batch",
    criterion: "0 failed calls",
    runs,
    passed: runs.every((r) => r.failed === 0)
  }
}
