import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { NotionClient, NotionRateLimiter, NotionRetry } from "../src/index.js"
import { fakeHttp, json, notionError } from "./utils/fakeHttp.js"
import { clientLayer } from "./utils/fixtures.js"

type Method = "GET" | "POST" | "PATCH" | "DELETE"

/**
 * Runs one request against a server that answers `failure()` for the first `failures` attempts and 200
 * after, advancing the TestClock by `advance`. Returns the number of attempts and whether it succeeded.
 */
const run = (options: {
  readonly method: Method
  readonly failure: () => Response
  readonly failures?: number
  readonly advance?: Duration.DurationInput
  readonly config?: Parameters<typeof clientLayer>[1]
  readonly retry?: NotionRetry.RetrySchedule | false
}) =>
  Effect.gen(function*() {
    const http = fakeHttp((_, attempt) =>
      attempt <= (options.failures ?? 99) ? options.failure() : json(200, { ok: true })
    )
    const fiber = yield* NotionClient.NotionClient.pipe(
      Effect.flatMap((client) =>
        client.request(
          { method: options.method, path: "/v1/x", ...(options.retry === undefined ? {} : { retry: options.retry }) },
          Schema.Struct({ ok: Schema.Boolean })
        )
      ),
      Effect.provide(clientLayer(http.layer, options.config)),
      Effect.fork
    )
    yield* TestClock.adjust(options.advance ?? "10 minutes")
    const exit = yield* Fiber.await(fiber)
    return { attempts: http.requests.length, ok: Exit.isSuccess(exit) }
  })

const statuses: ReadonlyArray<readonly [number, string]> = [
  [429, "rate_limited"],
  [529, "service_overload"],
  [500, "internal_server_error"],
  [502, "bad_gateway"],
  [503, "service_unavailable"],
  [504, "gateway_timeout"],
  [400, "validation_error"],
  [401, "unauthorized"],
  [404, "object_not_found"],
  [409, "conflict_error"]
]

const expectedAttempts = (status: number, method: Method) => {
  if (status === 429 || status === 529) return 3
  if (status >= 500) return method === "GET" || method === "DELETE" ? 3 : 1
  return 1
}

describe("NotionRetry", () => {
  for (const method of ["GET", "DELETE", "POST", "PATCH"] as const) {
    for (const [status, code] of statuses) {
      const expected = expectedAttempts(status, method)
      it.effect(`${method} ${status} ${code}: ${expected} attempt(s)`, () =>
        Effect.gen(function*() {
          const result = yield* run({ method, failure: () => notionError(status, code) })
          assert.strictEqual(result.attempts, expected)
          assert.isFalse(result.ok)
        }))
    }
  }

  it.effect("a retried request succeeds once the server recovers", () =>
    Effect.gen(function*() {
      const result = yield* run({ method: "POST", failure: () => notionError(429, "rate_limited"), failures: 2 })
      assert.deepStrictEqual(result, { attempts: 3, ok: true })
    }))

  it.effect("5xx HTML from the edge is retried for GET only", () =>
    Effect.gen(function*() {
      const html = () => new Response("<html>502</html>", { status: 502 })
      assert.strictEqual((yield* run({ method: "GET", failure: html })).attempts, 3)
      assert.strictEqual((yield* run({ method: "POST", failure: html })).attempts, 1)
    }))

  it.effect("public_api_request_blocked is never retried", () =>
    Effect.gen(function*() {
      const blocked = () =>
        notionError(429, "rate_limited", { additional_data: { rate_limit_reason: "public_api_request_blocked" } })
      assert.strictEqual((yield* run({ method: "GET", failure: blocked })).attempts, 1)
    }))

  it.effect("Retry-After in seconds is waited exactly", () =>
    Effect.gen(function*() {
      const http = fakeHttp((_, n) =>
        n === 1 ? notionError(429, "rate_limited", {}, { "retry-after": "5" }) : json(200, { ok: true })
      )
      const fiber = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((c) => c.request({ method: "POST", path: "/v1/x" }, Schema.Unknown)),
        Effect.provide(clientLayer(http.layer)),
        Effect.fork
      )
      yield* TestClock.adjust("4999 millis")
      assert.strictEqual(http.requests.length, 1)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 2)
    }))

  it.effect("Retry-After as an HTTP date is waited until that date", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-01-01T00:00:00Z"))
      const http = fakeHttp((_, n) =>
        n === 1
          ? notionError(529, "service_overload", {}, { "retry-after": "Thu, 01 Jan 2026 00:00:20 GMT" })
          : json(200, { ok: true })
      )
      const fiber = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((c) => c.request({ method: "GET", path: "/v1/x" }, Schema.Unknown)),
        Effect.provide(clientLayer(http.layer)),
        Effect.fork
      )
      yield* TestClock.adjust("19 seconds")
      assert.strictEqual(http.requests.length, 1)
      yield* TestClock.adjust("1 seconds")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 2)
    }))

  it.effect("a Retry-After past the cap (60 s by default, configurable) is not retried: it fails at once", () =>
    Effect.gen(function*() {
      for (
        const [config, cap] of [[{}, 60], [{ retry: NotionRetry.make({ maxDelay: "10 seconds" }) }, 10]] as const
      ) {
        for (const [retryAfter, attempts] of [[cap, 2], [cap + 1, 1], [86400, 1]] as const) {
          const http = fakeHttp((_, n) =>
            n === 1
              ? notionError(429, "rate_limited", {}, { "retry-after": String(retryAfter) })
              : json(200, { ok: true })
          )
          const fiber = yield* NotionClient.NotionClient.pipe(
            Effect.flatMap((c) => c.request({ method: "GET", path: "/v1/x" }, Schema.Unknown)),
            Effect.provide(clientLayer(http.layer, config)),
            Effect.fork
          )
          yield* TestClock.adjust(0)
          if (attempts === 1) {
            // no sleep at all: the error comes back with the server's retry time
            const exit = yield* Fiber.await(fiber)
            assert.isTrue(Exit.isFailure(exit))
            const error = yield* Effect.flip(Fiber.join(fiber))
            assert.strictEqual(error._tag, "RateLimited")
            assert.deepStrictEqual(
              "retryAfter" in error ? Option.map(error.retryAfter, Duration.toSeconds) : Option.none(),
              Option.some(retryAfter)
            )
          } else {
            yield* TestClock.adjust(cap * 1000)
            yield* Fiber.join(fiber)
          }
          assert.strictEqual(http.requests.length, attempts)
        }
      }
    }))

  it.effect("without Retry-After the back-off is exponential from 1 s with ±50 % jitter", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => notionError(503, "service_unavailable"))
      const fiber = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((c) => c.request({ method: "GET", path: "/v1/x" }, Schema.Unknown)),
        Effect.provide(clientLayer(http.layer)),
        Effect.fork
      )
      yield* TestClock.adjust("499 millis") // the first retry waits 0.5–1.5 s
      assert.strictEqual(http.requests.length, 1)
      yield* TestClock.adjust("1001 millis")
      assert.isAtLeast(http.requests.length, 2)
      yield* TestClock.adjust("3 seconds") // the second waits 1–3 s after the first
      assert.strictEqual(http.requests.length, 3)
      yield* Fiber.await(fiber)
    }))

  it.effect("retries can be counted, turned off per client and per request", () =>
    Effect.gen(function*() {
      const failure = () => notionError(429, "rate_limited")
      assert.strictEqual(
        (yield* run({ method: "GET", failure, config: { retry: NotionRetry.make({ retries: 5 }) } })).attempts,
        6
      )
      assert.strictEqual((yield* run({ method: "GET", failure, config: { retry: NotionRetry.disabled } })).attempts, 1)
      assert.strictEqual((yield* run({ method: "GET", failure, retry: false })).attempts, 1)
      assert.strictEqual((yield* run({ method: "GET", failure, retry: NotionRetry.make({ retries: 1 }) })).attempts, 2)
    }))

  it("isRetryable: timeouts and transport errors only for idempotent methods", () => {
    const timeout = { _tag: "RequestTimeout" } as never
    assert.isTrue(NotionRetry.isRetryable({ error: timeout, method: "GET" }))
    assert.isFalse(NotionRetry.isRetryable({ error: timeout, method: "POST" }))
    assert.isFalse(NotionRetry.isRetryable({ error: { _tag: "TransportError" } as never, method: "PATCH" }))
    assert.isTrue(NotionRetry.isRetryable({ error: { _tag: "TransportError" } as never, method: "DELETE" }))
  })

  it("isRetryable: never the client-side limiter's own RateLimited", () => {
    const error = NotionRateLimiter.waitTooLong(90_000, 60_000, "window")
    assert.isFalse(NotionRetry.isRetryable({ error, method: "GET" }))
  })
})
