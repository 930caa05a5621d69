import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { NotionClient, NotionRateLimiter, NotionRetry } from "../src/index.js"
import { fakeHttp, json, notionError } from "./utils/fakeHttp.js"
import { clientLayer } from "./utils/fixtures.js"

/** Lets forked fibers run up to their next suspension without moving the clock. */
const settle = TestClock.adjust(0)

describe("NotionRateLimiter through the client", () => {
  it.effect("shared back-off through the client: one 429 holds the other requests of the token", () =>
    Effect.gen(function*() {
      const sent: Array<number> = []
      const http = fakeHttp((_, n) => {
        sent.push(n)
        return n === 1 ? notionError(429, "rate_limited", {}, { "retry-after": "5" }) : json(200, { ok: true })
      })
      const layer = clientLayer(http.layer).pipe(Layer.provide(NotionRateLimiter.layer({ requests: 100 })))
      const results = yield* Effect.gen(function*() {
        const client = yield* NotionClient.NotionClient
        const call = client.request({ method: "GET", path: "/v1/x" }, Schema.Struct({ ok: Schema.Boolean }))
        const first = yield* Effect.fork(call)
        yield* settle // the first one got its 429
        const others = yield* Effect.forEach([1, 2, 3, 4], () => Effect.fork(call))
        yield* TestClock.adjust("4999 millis")
        assert.strictEqual(http.requests.length, 1) // nobody sent anything during the back-off
        yield* TestClock.adjust("1 millis")
        return yield* Fiber.joinAll([first, ...others])
      }).pipe(Effect.provide(layer))
      assert.strictEqual(results.length, 5)
      assert.strictEqual(http.requests.length, 6)
    }))

  it.effect("through the client: a Retry-After past maxWait fails the call at once, the next without sending", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => notionError(429, "rate_limited", {}, { "retry-after": "86400" }))
      const layer = clientLayer(http.layer).pipe(Layer.provide(NotionRateLimiter.layer()))
      yield* Effect.gen(function*() {
        const client = yield* NotionClient.NotionClient
        const call = client.request({ method: "GET", path: "/v1/x" }, Schema.Unknown)
        const first = yield* Effect.flip(call)
        assert.strictEqual(first._tag, "RateLimited")
        assert.strictEqual(http.requests.length, 1) // no retry: the Retry-After is past the schedule's cap
        const second = yield* Effect.flip(call)
        assert.strictEqual(NotionRetry.rateLimitReason(second), "client_rate_limit")
        assert.strictEqual(http.requests.length, 1) // held by the limiter: nothing sent
      }).pipe(Effect.provide(layer))
    }))

  it.effect("composes with the retry schedule: a 429 within the cap is retried once the back-off ends", () =>
    Effect.gen(function*() {
      const http = fakeHttp((_, n) =>
        n <= 2 ? notionError(429, "rate_limited", {}, { "retry-after": "3" }) : json(200, { ok: true })
      )
      const layer = clientLayer(http.layer).pipe(Layer.provide(NotionRateLimiter.layer({ requests: 10 })))
      const fiber = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((client) => client.request({ method: "POST", path: "/v1/x" }, Schema.Unknown)),
        Effect.provide(layer),
        Effect.fork
      )
      yield* TestClock.adjust("5999 millis")
      assert.strictEqual(http.requests.length, 2)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 3)
    }))

  it.effect("through the client: a burst past the budget is paced, never sent early", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { ok: true }))
      const layer = clientLayer(http.layer).pipe(
        Layer.provide(NotionRateLimiter.layer({ requests: 5, window: "1 second" }))
      )
      const fiber = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((client) =>
          Effect.forEach(
            Array.from({ length: 12 }),
            () => client.request({ method: "GET", path: "/v1/x" }, Schema.Unknown),
            { concurrency: "unbounded" }
          )
        ),
        Effect.provide(layer),
        Effect.fork
      )
      yield* settle
      assert.strictEqual(http.requests.length, 5)
      yield* TestClock.adjust("999 millis")
      assert.strictEqual(http.requests.length, 5)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(http.requests.length, 10)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).length, 12)
    }))

  it.effect("turned off: enabled false lets a burst through at once", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { ok: true }))
      const layer = clientLayer(http.layer).pipe(
        Layer.provide(NotionRateLimiter.layer({ enabled: false, requests: 1 }))
      )
      yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((client) =>
          Effect.forEach(
            Array.from({ length: 20 }),
            () => client.request({ method: "GET", path: "/v1/x" }, Schema.Unknown),
            { concurrency: "unbounded" }
          )
        ),
        Effect.provide(layer)
      )
      assert.strictEqual(http.requests.length, 20)
    }))
})
