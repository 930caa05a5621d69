// The Redis limiter when Redis is away or fails, and when a process dies: the outage share, what is written back
// on recovery, lease renewal. Against the test Redis (NOTION_EFFECT_REDIS_URL), through a TCP proxy that plays the
// outage; skipped like the other Redis tests when it is unreachable.
import { assert, describe, it } from "@effect/vitest"
import { NotionRateLimiter } from "@notion-effect/core"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import { execFile } from "node:child_process"
import { randomUUID } from "node:crypto"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { RedisRateLimiter } from "../src/index.js"
import { capture, clear, proxy, redisReachable, redisUrl, required, withPrefix, withRedis } from "./utils/redis.js"

const here = dirname(fileURLToPath(import.meta.url))
const reachable = await redisReachable()

const newToken = () => Redacted.make(`secret_outage_${randomUUID()}`)

/** Acquires `count` slots one after the other, each within `within` ms of real time; answers how many made it. */
const burst = (limiter: NotionRateLimiter.Service, token: Redacted.Redacted<string>, count: number, within = 300) =>
  Effect.gen(function*() {
    let granted = 0
    for (let i = 0; i < count; i++) {
      const exit = yield* Effect.exit(Effect.timeoutFail(limiter.acquire(token), {
        duration: Duration.millis(within),
        onTimeout: () => "waiting" as const
      }))
      if (Exit.isFailure(exit)) break
      granted++
    }
    return granted
  })

/** Polls until `check` holds (real time), at most `seconds`. */
const eventually = (check: Effect.Effect<boolean>, seconds = 10) =>
  Effect.gen(function*() {
    const until = Date.now() + seconds * 1000
    while (!(yield* check)) {
      if (Date.now() > until) return assert.fail(`not within ${seconds} s`)
      yield* Effect.sleep("50 millis")
    }
  })

const tokenKey = (prefix: string, token: Redacted.Redacted<string>, name: string) =>
  Effect.map(NotionRateLimiter.tokenHash(token), (hash) => `${prefix}{${hash}}:${name}`)

describe("RedisRateLimiter without Redis (no Redis needed)", () => {
  it.scoped("while Redis is unreachable a process uses its fallbackShare of the budget", () =>
    Effect.gen(function*() {
      const token = newToken()
      const limiter = yield* RedisRateLimiter.make({
        url: "redis://127.0.0.1:1",
        requests: 9,
        window: "2 seconds",
        fallbackShare: 1 / 3
      })
      for (let i = 0; i < 3; i++) yield* limiter.acquire(token)
      const fourth = yield* Effect.fork(limiter.acquire(token))
      yield* TestClock.adjust(0)
      assert.isTrue(Option.isNone(yield* Fiber.poll(fourth)))
      for (let i = 0; i < 3; i++) yield* limiter.release(token)
      yield* TestClock.adjust("1999 millis")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fourth)))
      yield* TestClock.adjust("1 millis")
      assert.isTrue(Option.isSome(yield* Fiber.poll(fourth)))
    }))

  it.scoped("by default a process that never reached Redis takes half of the budget; 1 gives it all; or from the environment", () =>
    Effect.gen(function*() {
      const token = newToken()
      const half = yield* RedisRateLimiter.make({ url: "redis://127.0.0.1:1", requests: 10, window: "1 second" })
      for (let i = 0; i < 5; i++) yield* half.acquire(token)
      const sixth = yield* Effect.fork(half.acquire(token))
      yield* TestClock.adjust(0)
      assert.isTrue(Option.isNone(yield* Fiber.poll(sixth)))
      const all = yield* RedisRateLimiter.make({
        url: "redis://127.0.0.1:1",
        requests: 10,
        window: "1 second",
        fallbackShare: 1
      })
      for (let i = 0; i < 10; i++) yield* all.acquire(token)
      const wrong = yield* Effect.exit(Effect.scoped(RedisRateLimiter.make({ fallbackShare: 0 })))
      assert.isTrue(Exit.isFailure(wrong) && String(wrong.cause).includes("fallbackShare"))
      // from the environment
      const quarter = yield* Layer.build(RedisRateLimiter.layerConfig({ url: "redis://127.0.0.1:1", requests: 8 }))
        .pipe(
          Effect.map(Context.get(NotionRateLimiter.NotionRateLimiter)),
          Effect.withConfigProvider(
            ConfigProvider.fromMap(new Map([["NOTION_RATE_LIMIT_REDIS_FALLBACK_SHARE", "0.25"]]))
          )
        )
      const other = newToken()
      for (let i = 0; i < 2; i++) yield* quarter.acquire(other)
      const third = yield* Effect.fork(quarter.acquire(other))
      yield* TestClock.adjust(0)
      assert.isTrue(Option.isNone(yield* Fiber.poll(third)))
      const invalid = yield* Effect.exit(
        Layer.build(RedisRateLimiter.layerConfig({ url: "redis://127.0.0.1:1" })).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["NOTION_RATE_LIMIT_REDIS_FALLBACK_SHARE", "2"]])))
        )
      )
      assert.isTrue(Exit.isFailure(invalid))
    }))

  it.live(
    "a process whose Redis never answered exits on its own once its limiter is closed",
    () =>
      Effect.gen(function*() {
        // killed, and failing, if it is still running after 20 seconds
        const exit = yield* Effect.exit(Effect.tryPromise(() =>
          promisify(execFile)(process.execPath, ["--import", "tsx", join(here, "fixtures/unreachable.ts")], {
            cwd: join(here, "../../.."),
            timeout: 20_000
          })
        ))
        assert.isTrue(Exit.isSuccess(exit), String(exit))
        if (Exit.isSuccess(exit)) {
          assert.include(exit.value.stdout, "done")
        }
      }),
    30_000
  )
})

describe.skipIf(!reachable && !required)("RedisRateLimiter through outages", () => {
  it.scopedLive(
    "the default share is 1 / the live processes of the prefix seen in Redis",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const cut = yield* proxy
          const token = newToken()
          const options = { url: cut.url, prefix, requests: 9, window: "5 seconds", lease: "900 millis" } as const
          const limiters = yield* Effect.all([
            RedisRateLimiter.make(options),
            RedisRateLimiter.make(options),
            RedisRateLimiter.make(options)
          ])
          // every process has announced itself, and seen the others at its next heartbeat
          yield* Effect.sleep("700 millis")
          yield* cut.cut
          for (const limiter of limiters) assert.strictEqual(yield* burst(limiter, token, 4), 3)
        }).pipe(Effect.provide(capture().layer))
      ),
    20_000
  )

  it.scopedLive(
    "on recovery the back-off and the slots used meanwhile are written back to a Redis that lost them",
    () => {
      const logs = capture()
      return withPrefix((prefix) =>
        Effect.gen(function*() {
          const cut = yield* proxy
          const token = newToken()
          const settings = { prefix, requests: 4, window: "4 seconds", lease: "900 millis" } as const
          const a = yield* RedisRateLimiter.make({ ...settings, url: cut.url, fallbackShare: 1 })
          const b = yield* RedisRateLimiter.make({ ...settings, url: redisUrl })
          yield* cut.cut
          // a, alone on its in-process limiter: two requests, then a 429 with Retry-After of 2 s
          yield* a.acquire(token)
          yield* a.acquire(token)
          yield* a.release(token)
          yield* a.release(token)
          yield* a.backoff(token, Duration.seconds(2))
          const backoffEnds = Date.now() + 2000
          // Redis restarts empty, and a comes back to it
          yield* Effect.promise(() => clear(prefix))
          yield* cut.reopen
          yield* eventually(Effect.sync(() => logs.lines.some((l) => l.startsWith("INFO") && l.includes("is back"))))
          const [blocked, released] = yield* Effect.all([
            tokenKey(prefix, token, "blocked"),
            tokenKey(prefix, token, "released")
          ])
          const state = yield* Effect.promise(() =>
            withRedis(async (redis) => ({
              blocked: await redis.pttl(blocked),
              released: await redis.zcard(released),
              releasedTtl: await redis.pttl(released)
            }))
          )
          assert.isAbove(state.blocked, 0)
          assert.strictEqual(state.released, 2)
          // written into an empty Redis, the released slots still expire (within the window)
          assert.isAbove(state.releasedTtl, 0)
          assert.isAtMost(state.releasedTtl, 4000)
          // b never saw the 429 nor a's requests: it waits for the back-off, then finds two slots left
          yield* b.acquire(token)
          assert.isAtLeast(Date.now(), backoffEnds - 50)
          assert.strictEqual(yield* burst(b, token, 2), 1)
          assert.strictEqual(logs.lines.filter((l) => l.startsWith("WARN")).length, 1, logs.lines.join("\n"))
        })
      ).pipe(Effect.provide(logs.layer))
    },
    20_000
  )

  it.scopedLive("one window after recovery a process takes a slot only within its share and Redis", () => {
    const logs = capture()
    return withPrefix((prefix) =>
      Effect.gen(function*() {
        const cut = yield* proxy
        const token = newToken()
        const a = yield* RedisRateLimiter.make({
          url: cut.url,
          prefix,
          requests: 6,
          window: "3 seconds",
          lease: "600 millis",
          fallbackShare: 1 / 3
        })
        yield* cut.cut
        yield* a.acquire(token) // via the in-process limiter, before it is back
        yield* cut.reopen
        yield* eventually(Effect.sync(() => logs.lines.some((l) => l.startsWith("INFO") && l.includes("is back"))))
        const since = Date.now()
        // Redis has room for 5 more, the share of 2 only for 1
        assert.strictEqual(yield* burst(a, token, 2), 1)
        // after the window, Redis alone: the share no longer applies
        yield* a.release(token)
        yield* Effect.sleep(Duration.millis(Math.max(0, since + 3100 - Date.now())))
        assert.strictEqual(yield* burst(a, token, 4, 500), 4)
      })
    ).pipe(Effect.provide(logs.layer))
  }, 20_000)

  it.scopedLive(
    "on the way down the processes together add at most what Redis last said was left",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const cut = yield* proxy
          const token = newToken()
          const options = { url: cut.url, prefix, requests: 9, window: "10 seconds", fallbackShare: 1 / 2 } as const
          const a = yield* RedisRateLimiter.make(options)
          const b = yield* RedisRateLimiter.make(options)
          for (let i = 0; i < 6; i++) yield* a.acquire(token)
          yield* b.acquire(token) // b learns that 7 of 9 are taken
          yield* cut.cut
          // a has used more than its share (4 of 9) and takes nothing; b counts half of the 7 taken (4, rounded up)
          // against its share: nothing more either, where it alone would otherwise have taken 3 of the 2 left
          assert.strictEqual(yield* burst(a, token, 1), 0)
          assert.strictEqual(yield* burst(b, token, 2), 0)
        }).pipe(Effect.provide(capture().layer))
      ),
    20_000
  )

  it.scopedLive(
    "a live process renews its slots; a dead one's come back within its lease",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const token = newToken()
          const settings = { url: redisUrl, prefix, requests: 3, window: "1 second", lease: "1500 millis" } as const
          const scope = yield* Scope.make()
          const a = yield* RedisRateLimiter.make(settings).pipe(Scope.extend(scope))
          const b = yield* RedisRateLimiter.make(settings)
          for (let i = 0; i < 3; i++) yield* a.acquire(token)
          // in flight for more than two leases: still held
          yield* Effect.sleep("3500 millis")
          assert.strictEqual(yield* burst(b, token, 1), 0)
          // a dies without releasing (its heartbeat stops, at most a third of the lease after it last ran): b gets
          // a slot once the lease runs out, which is past the slot's window counted from its last renewal
          const died = Date.now()
          yield* Scope.close(scope, Exit.void)
          yield* b.acquire(token)
          const waited = Date.now() - died
          assert.isAtMost(waited, 1500 + 300)
          assert.isAtLeast(waited, 1000 - 100)
        })
      ),
    20_000
  )

  it.scopedLive("a Redis that answers with a script error or hangs: the in-process limiter, no failure", () => {
    const logs = capture()
    return withPrefix((prefix) =>
      Effect.gen(function*() {
        const token = newToken()
        const broken = yield* RedisRateLimiter.make({ url: redisUrl, prefix, requests: 5 })
        const inFlight = yield* tokenKey(prefix, token, "inflight")
        yield* Effect.promise(() => withRedis((redis) => redis.set(inFlight, "not a sorted set")))
        for (let i = 0; i < 2; i++) yield* broken.acquire(token)
        for (let i = 0; i < 2; i++) yield* broken.release(token)
        assert.include(logs.lines.join("\n"), "WRONGTYPE")
        const cut = yield* proxy
        const hanging = yield* RedisRateLimiter.make({ url: cut.url, prefix: `${prefix}b:`, requests: 5 })
        yield* cut.freeze
        const started = Date.now()
        yield* hanging.acquire(token)
        assert.isBelow(Date.now() - started, 3000)
      })
    ).pipe(Effect.provide(logs.layer))
  }, 20_000)
})
