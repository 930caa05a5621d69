import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import type { NotionError } from "../src/NotionError.js"
import * as NotionRetry from "../src/NotionRetry.js"

/** An error as the retry rule reads it: a tag, a status, Notion's additional data, a `Retry-After`. */
const error = (status: number, extra: { retryAfter?: Duration.Duration; reason?: string } = {}): NotionError =>
  ({
    _tag: `Status${status}`,
    status,
    retryAfter: Option.fromNullable(extra.retryAfter),
    ...(extra.reason === undefined ? {} : { additionalData: { rate_limit_reason: extra.reason } })
  }) as never

/**
 * Retries an effect failing `failures` times (always by default) with `schedule`, on the TestClock; gives the
 * attempts' times and whether it succeeded in the end.
 */
const retry = (
  schedule: NotionRetry.RetrySchedule,
  input: NotionRetry.RetryInput,
  failures = Infinity
) =>
  Effect.gen(function*() {
    const times: Array<number> = []
    const attempt = Effect.flatMap(Clock.currentTimeMillis, (now) => {
      times.push(now)
      return times.length <= failures ? Effect.fail(input) : Effect.void
    })
    const fiber = yield* Effect.fork(Effect.retry(attempt, schedule))
    yield* TestClock.adjust("1 hour")
    const exit = yield* Fiber.await(fiber)
    return { times: times.map((t) => t - times[0]!), ok: Exit.isSuccess(exit) }
  })

const attempts = (schedule: NotionRetry.RetrySchedule, input: NotionRetry.RetryInput) =>
  Effect.map(retry(schedule, input), (r) => r.times.length)

describe("NotionRetry's schedule", () => {
  it.effect("retries 429/529 for every method, 5xx and timeouts for GET and DELETE only, never other 4xx", () =>
    Effect.gen(function*() {
      const policy = NotionRetry.defaultSchedule
      assert.strictEqual(yield* attempts(policy, { error: error(429), method: "POST" }), 3)
      assert.strictEqual(yield* attempts(policy, { error: error(529), method: "PATCH" }), 3)
      assert.strictEqual(yield* attempts(policy, { error: error(503), method: "GET" }), 3)
      assert.strictEqual(yield* attempts(policy, { error: error(500), method: "DELETE" }), 3)
      assert.strictEqual(yield* attempts(policy, { error: error(503), method: "POST" }), 1)
      assert.strictEqual(yield* attempts(policy, { error: error(404), method: "GET" }), 1)
      assert.strictEqual(yield* attempts(policy, { error: { _tag: "RequestTimeout" } as never, method: "GET" }), 3)
      assert.strictEqual(yield* attempts(policy, { error: { _tag: "TransportError" } as never, method: "POST" }), 1)
      const blocked = error(429, { reason: "public_api_request_blocked" })
      assert.strictEqual(yield* attempts(policy, { error: blocked, method: "GET" }), 1)
      assert.isTrue((yield* retry(policy, { error: error(429), method: "POST" }, 2)).ok)
    }))

  it.effect("counts retries; disabled never retries", () =>
    Effect.gen(function*() {
      const input = { error: error(429), method: "GET" }
      assert.strictEqual(yield* attempts(NotionRetry.make({ retries: 5 }), input), 6)
      assert.strictEqual(yield* attempts(NotionRetry.make({ retries: 1 }), input), 2)
      assert.strictEqual(yield* attempts(NotionRetry.disabled, input), 1)
    }))

  it.effect("waits Retry-After exactly, up to the cap; a longer one is not retried", () =>
    Effect.gen(function*() {
      const after = (seconds: number) => ({
        error: error(429, { retryAfter: Duration.seconds(seconds) }),
        method: "GET"
      })
      assert.deepStrictEqual((yield* retry(NotionRetry.defaultSchedule, after(5), 1)).times, [0, 5000])
      assert.deepStrictEqual((yield* retry(NotionRetry.defaultSchedule, after(60), 1)).times, [0, 60000])
      assert.strictEqual(yield* attempts(NotionRetry.defaultSchedule, after(61)), 1)
      const tenSeconds = NotionRetry.make({ maxDelay: "10 seconds" })
      assert.deepStrictEqual((yield* retry(tenSeconds, after(10), 1)).times, [0, 10000])
      assert.strictEqual(yield* attempts(tenSeconds, after(11)), 1)
    }))

  it.effect("backs off exponentially from 1 s with ±50 % jitter, every wait capped at 60 s", () =>
    Effect.gen(function*() {
      for (let run = 0; run < 10; run++) {
        const { times } = yield* retry(NotionRetry.make({ retries: 8 }), { error: error(503), method: "GET" })
        const waits = times.slice(1).map((t, i) => t - times[i]!)
        assert.strictEqual(waits.length, 8)
        waits.forEach((wait, i) => {
          assert.isAtLeast(wait, Math.min(500 * 2 ** i, 60000) - 1e-6)
          assert.isAtMost(wait, Math.min(1500 * 2 ** i, 60000) + 1e-6)
        })
      }
    }))
})
