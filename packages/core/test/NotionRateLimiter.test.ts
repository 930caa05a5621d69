import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Metric from "effect/Metric"
import * as MetricLabel from "effect/MetricLabel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as NotionMetrics from "../src/NotionMetrics.js"
import * as NotionRateLimiter from "../src/NotionRateLimiter.js"
import * as NotionRetry from "../src/NotionRetry.js"
import { SECRET, token } from "./utils/token.js"

/** Forks `acquire` and returns its fiber; `done` polls whether it finished (without waiting). */
const pending = (limiter: NotionRateLimiter.Service, t: Redacted.Redacted<string> = token) =>
  Effect.map(Effect.fork(limiter.acquire(t)), (fiber) => ({
    fiber,
    done: Effect.map(Fiber.poll(fiber), Option.isSome)
  }))

/** Lets forked fibers run up to their next suspension without moving the clock. */
const settle = TestClock.adjust(0)

const waited = (reason: NotionRateLimiter.WaitReason) =>
  Effect.map(
    Metric.value(Metric.taggedWithLabels(NotionMetrics.limiterWait, [MetricLabel.make("reason", reason)])),
    (state) => ({ count: state.count, sum: state.sum })
  )

describe("NotionRateLimiter", () => {
  it.effect("window budget: spendable at once, a slot frees one window after its request ends", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 3, window: "10 seconds" })
      for (let i = 0; i < 3; i++) yield* limiter.acquire(token) // a burst of the whole budget passes at once
      const fourth = yield* pending(limiter)
      yield* settle
      assert.isFalse(yield* fourth.done)
      yield* TestClock.adjust("2 seconds")
      yield* limiter.release(token) // ended at t = 2 s: its slot frees at t = 12 s
      yield* TestClock.adjust("9999 millis")
      assert.isFalse(yield* fourth.done)
      yield* TestClock.adjust("1 millis")
      assert.isTrue(yield* fourth.done)
    }))

  it.effect("window budget: waiters are served in arrival order, other tokens are not affected", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 2, window: "1 second" })
      const other = Redacted.make("secret_another_token")
      yield* limiter.acquire(token)
      yield* limiter.acquire(token)
      const order: Array<number> = []
      const fibers = yield* Effect.forEach(
        [1, 2, 3],
        (n) => Effect.fork(Effect.zipRight(limiter.acquire(token), Effect.sync(() => order.push(n))))
      )
      yield* settle
      yield* limiter.acquire(other) // its own budget
      yield* limiter.release(token)
      yield* limiter.release(token)
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(order, [1, 2])
      yield* limiter.release(token)
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(order, [1, 2, 3])
      yield* Fiber.joinAll(fibers)
    }))

  it.effect("in-flight cap: a request waits for one to end, not for the window", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 100, window: "1 minute", maxInFlight: 2 })
      const before = yield* waited("in_flight")
      yield* limiter.acquire(token)
      yield* limiter.acquire(token)
      const third = yield* pending(limiter)
      yield* TestClock.adjust("5 seconds")
      assert.isFalse(yield* third.done)
      yield* limiter.release(token)
      yield* settle
      assert.isTrue(yield* third.done)
      const after = yield* waited("in_flight")
      assert.strictEqual(after.count - before.count, 1)
      assert.closeTo(after.sum - before.sum, 5, 1e-9)
    }))

  it.effect("an interrupted waiter takes no slot", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 1, window: "1 second" })
      yield* limiter.acquire(token)
      const gone = yield* pending(limiter)
      const next = yield* pending(limiter)
      yield* settle
      yield* Fiber.interrupt(gone.fiber)
      yield* limiter.release(token)
      yield* TestClock.adjust("1 second")
      assert.isTrue(yield* next.done)
      const last = yield* pending(limiter)
      yield* settle
      assert.isFalse(yield* last.done) // the interrupted one did not hold a slot: `next` has the only one
      yield* limiter.release(token)
      yield* TestClock.adjust("1 second")
      assert.isTrue(yield* last.done)
    }))

  it.effect("shared back-off: after a Retry-After every request of the token waits until then", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 100, window: "1 minute" })
      const before = yield* waited("backoff")
      yield* limiter.backoff(token, Duration.seconds(5))
      const waiting = yield* Effect.forEach([1, 2, 3], () => pending(limiter))
      yield* TestClock.adjust("4999 millis")
      for (const w of waiting) assert.isFalse(yield* w.done)
      yield* limiter.acquire(Redacted.make("secret_another_token")) // another token is not held
      yield* TestClock.adjust("1 millis")
      for (const w of waiting) assert.isTrue(yield* w.done)
      assert.strictEqual((yield* waited("backoff")).count - before.count, 3)
    }))

  it.effect("maxWait: a longer back-off fails at once with RateLimited, and the token stays held until then", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ maxWait: "1 minute" })
      const queued = yield* pending(limiter)
      yield* limiter.backoff(token, Duration.seconds(30)) // within maxWait: waited
      yield* TestClock.adjust("29 seconds")
      yield* limiter.backoff(token, Duration.days(1)) // past it: queued requests fail too
      const exit = yield* Fiber.await(queued.fiber)
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(limiter.acquire(token))
      assert.strictEqual(error._tag, "RateLimited")
      assert.strictEqual(error.status, 429)
      assert.strictEqual(NotionRetry.rateLimitReason(error), "client_rate_limit")
      assert.deepStrictEqual(Option.map(error.retryAfter, Duration.toSeconds), Option.some(86400))
      assert.notInclude(error.message, SECRET)
      yield* TestClock.adjust("23 hours")
      const later = yield* Effect.flip(limiter.acquire(token))
      assert.deepStrictEqual(Option.map(later.retryAfter, Duration.toSeconds), Option.some(3600))
      yield* TestClock.adjust("1 hour")
      yield* limiter.acquire(token)
    }))

  it.effect("maxWait: a window wait past it fails at once with the time the slot frees", () =>
    Effect.gen(function*() {
      const limiter = yield* NotionRateLimiter.make({ requests: 2, window: "2 minutes", maxWait: "1 minute" })
      yield* limiter.acquire(token)
      yield* limiter.acquire(token)
      yield* limiter.release(token)
      yield* TestClock.adjust("30 seconds")
      const error = yield* Effect.flip(limiter.acquire(token))
      assert.deepStrictEqual(Option.map(error.retryAfter, Duration.toSeconds), Option.some(90))
      assert.include(error.message, "window budget")
      yield* TestClock.adjust("90 seconds")
      yield* limiter.acquire(token)
    }))

  it.effect("local limiter: take counts a request sent elsewhere, at once, even past the budget", () =>
    Effect.gen(function*() {
      const limiter = NotionRateLimiter.unsafeMakeLocal({ requests: 2, window: "1 second" })
      yield* limiter.take(token)
      yield* limiter.take(token)
      yield* limiter.take(token) // a third, past the budget: counted, not refused
      const next = yield* pending(limiter)
      yield* limiter.release(token)
      yield* limiter.release(token)
      yield* limiter.release(token)
      yield* settle
      assert.isFalse(yield* next.done)
      // three slots end at t = 1 s: the budget of 2 has room again only once all three freed
      yield* TestClock.adjust("1 second")
      assert.isTrue(yield* next.done)
    }))

  it.effect("local limiter: reserve counts slots of other processes until their windows end", () =>
    Effect.gen(function*() {
      const limiter = NotionRateLimiter.unsafeMakeLocal({ requests: 3, window: "2 seconds" })
      yield* limiter.reserve(token, 2, 500)
      yield* limiter.reserve(token, 5, 0) // already over: ignored
      yield* limiter.acquire(token)
      const second = yield* pending(limiter)
      yield* settle
      assert.isFalse(yield* second.done)
      yield* TestClock.adjust("499 millis")
      assert.isFalse(yield* second.done)
      yield* TestClock.adjust("1 millis")
      assert.isTrue(yield* second.done)
    }))

  it.effect("local limiter: share narrows the budget and the in-flight cap, counting slots taken; 1 restores it", () =>
    Effect.gen(function*() {
      const limiter = NotionRateLimiter.unsafeMakeLocal({ requests: 9, window: "2 seconds", maxInFlight: 6 })
      yield* limiter.take(token)
      yield* limiter.release(token) // one slot of this window already spent
      yield* limiter.share(1 / 3) // 3 per window, 2 in flight
      yield* limiter.acquire(token)
      yield* limiter.acquire(token)
      const third = yield* pending(limiter)
      yield* settle
      assert.isFalse(yield* third.done) // 1 + 2 = the share of 3
      yield* TestClock.adjust("2 seconds") // the first slot frees; the two others are in flight: cap of 2
      assert.isFalse(yield* third.done)
      yield* limiter.release(token)
      yield* settle
      assert.isTrue(yield* third.done)
      const fourth = yield* pending(limiter)
      yield* settle
      assert.isFalse(yield* fourth.done)
      yield* limiter.share(1) // the whole budget again: 3 used of 9, 2 in flight of 6
      yield* settle
      assert.isTrue(yield* fourth.done)
      const other = NotionRateLimiter.unsafeMakeLocal({ requests: 2 })
      assert.isTrue(Exit.isFailure(yield* Effect.exit(other.share(0))))
    }))

  it.effect("layerConfig reads NOTION_RATE_LIMIT_* over the given options", () =>
    Effect.gen(function*() {
      const provider = ConfigProvider.fromMap(
        new Map([["NOTION_RATE_LIMIT_REQUESTS", "1"], ["NOTION_RATE_LIMIT_WINDOW", "3 seconds"]])
      )
      const limiter = yield* NotionRateLimiter.NotionRateLimiter.pipe(
        Effect.provide(NotionRateLimiter.layerConfig({ requests: 50, maxWait: "10 seconds" })),
        Effect.withConfigProvider(provider)
      )
      yield* limiter.acquire(token)
      yield* limiter.release(token)
      const second = yield* pending(limiter)
      yield* TestClock.adjust("2999 millis")
      assert.isFalse(yield* second.done)
      yield* TestClock.adjust("1 millis")
      assert.isTrue(yield* second.done)
      const off = yield* NotionRateLimiter.NotionRateLimiter.pipe(
        Effect.provide(NotionRateLimiter.layerConfig()),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["NOTION_RATE_LIMIT_ENABLED", "false"]])))
      )
      assert.strictEqual(off, NotionRateLimiter.unlimited)
      const invalid = yield* NotionRateLimiter.NotionRateLimiter.pipe(
        Effect.provide(NotionRateLimiter.layerConfig()),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["NOTION_RATE_LIMIT_REQUESTS", "0"]]))),
        Effect.exit
      )
      assert.isTrue(Exit.isFailure(invalid))
    }))

  it.effect("state is keyed by the token's SHA-256, never the token", () =>
    Effect.gen(function*() {
      const hash = yield* NotionRateLimiter.tokenHash(token)
      assert.match(hash, /^[0-9a-f]{64}$/)
      assert.notInclude(hash, SECRET)
      assert.strictEqual(yield* NotionRateLimiter.tokenHash(Redacted.make(SECRET)), hash)
    }))
  it.effect("turned off: enabled false and layerUnlimited are the unlimited hook", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* NotionRateLimiter.make({ enabled: false }), NotionRateLimiter.unlimited)
      assert.strictEqual(
        yield* Effect.provide(NotionRateLimiter.NotionRateLimiter, NotionRateLimiter.layerUnlimited),
        NotionRateLimiter.unlimited
      )
      assert.strictEqual(yield* NotionRateLimiter.NotionRateLimiter, NotionRateLimiter.unlimited) // the default
    }))
})
