/**
 * Chaos: a worker process killed with requests in flight. Worker processes share one token's budget through
 * `RedisRateLimiter.layer` on a private redis-server; one of them talks to the emulator through a proxy that, one
 * window in, stops passing answers on: as soon as its share of the next batch is on the wire (counted by the
 * emulator, never answered) it is SIGKILLed. The survivors must finish within 15 %
 * of the ideal: the time every request the emulator accepted takes at the budget's pace (the victim's
 * included).
 */
import { startHoldProxy } from "./holdProxy.js"
import { budget, idealMillis, until, withStage } from "./limiterScenario.js"
import { startWorker, type WorkerResult } from "./limiterWorkers.js"
import type { ChaosReport } from "./report.js"

export interface Options {
  readonly runs: number
  /** Surviving worker processes (default 3); one more is killed. */
  readonly survivors?: number
  /** Calls per survivor (default 100). */
  readonly calls?: number
  /** Calls in flight per worker (default 20). */
  readonly concurrency?: number
}

/** How much slower than the ideal the survivors may be. */
export const tolerance = 0.15

const once = (options: Options) =>
  withStage(async (stage) => {
    const survivors = options.survivors ?? 3
    const calls = options.calls ?? 100
    const proxy = await startHoldProxy(stage.emulator.url)
    const settings = (baseUrl: string, count: number) => ({
      baseUrl,
      token: stage.token,
      redisUrl: stage.redis.url,
      prefix: stage.prefix,
      path: "/v1/users/me",
      count,
      concurrency: options.concurrency ?? 20,
      requests: budget.requests,
      windowMillis: budget.windowMillis
    })
    const living = Array.from({ length: survivors }, () => startWorker(settings(stage.emulator.url, calls)))
    const victim = startWorker(settings(proxy.url, calls))
    try {
      await Promise.all([...living, victim].map((w) => w.ready))
      const begin = Date.now()
      for (const w of [...living, victim]) w.go()
      const results = Promise.all(living.map((w) => w.result))
      // one window in, the victim's answers are held: once its part of a batch is on the wire, it dies
      await until(() => Date.now() - begin >= budget.windowMillis, 60_000)
      proxy.hold()
      await until(() => victim.progress().onWire >= 6, 60_000)
      const inFlight = victim.progress().onWire
      const victimDone = victim.progress().done
      victim.kill()
      const killedAt = Date.now() - begin
      const done: ReadonlyArray<WorkerResult> = await results
      const ms = Math.max(...done.map((r) => r.ms))
      const end = await stage.counts()
      const ideal = idealMillis(end.accepted)
      const ratio = ms / ideal
      return {
        "survivor calls": survivors * calls,
        failed: done.reduce((sum, r) => sum + r.failed, 0),
        "victim calls done": victimDone,
        "victim requests in flight when killed": inFlight,
        "killed at ms": killedAt,
        "requests accepted": end.accepted,
        "429s": end.rateLimited,
        "survivors' duration ms": ms,
        "ideal ms": ideal,
        "duration / ideal": Math.round(ratio * 100) / 100
      }
    } finally {
      for (const w of [...living, victim]) w.kill()
      await proxy.stop()
    }
  })

/**
 * Runs the scenario `runs` times: 3 survivors × 100 calls and one worker killed, concurrency 20, a budget of 30
 * per 2 s.
 *
 * @since 0.1.0
 */
export const run = async (options: Options): Promise<ChaosReport> => {
  const runs: Array<Record<string, number>> = []
  for (let i = 0; i < options.runs; i++) runs.push(await once(options))
  return {
    name: "A worker process killed with requests in flight",
    criterion: `0 failed calls; the survivors finish within ${tolerance * 100} % of the ideal`,
    runs,
    passed: runs.every((r) => r.failed === 0 && r["duration / ideal"]! <= 1 + tolerance)
  }
}
