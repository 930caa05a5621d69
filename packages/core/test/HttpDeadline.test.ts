// The timeout through an HttpDeadline-marked client: a registered signal on the live clock, no fiber forked; any
// other case (an unmarked client, a marked one under transformClient, TestClock) keeps the forked or Effect timeout.
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as HttpDeadline from "../src/HttpDeadline.js"
import * as Index from "../src/index.js"
import { NotionClient } from "../src/index.js"
import { json } from "./utils/fakeHttp.js"
import { bot, clientLayer } from "./utils/fixtures.js"

interface Seen {
  readonly url: string
  readonly signal: AbortSignal | undefined
  readonly fiber: Fiber.RuntimeFiber<unknown, unknown>
}

/**
 * A client that answers `users.me` after `delayMs` (never, with `undefined`), records the signal registered for each
 * request and the fiber it runs on, and fails as soon as the signal fires (as a marked client must).
 */
const probe = (options: { readonly marked: boolean; readonly delayMs: number | undefined }) => {
  const seen: Array<Seen> = []
  const answer = (request: HttpClientRequest.HttpClientRequest, signal: AbortSignal | undefined) =>
    Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((resume) => {
      const timer = options.delayMs === undefined ?
        undefined :
        setTimeout(() => resume(Effect.succeed(HttpClientResponse.fromWeb(request, json(200, bot)))), options.delayMs)
      signal?.addEventListener("abort", () => {
        clearTimeout(timer)
        resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause: "aborted" })))
      })
      return Effect.sync(() => clearTimeout(timer))
    })
  const client = HttpClient.makeWith(
    (effect) =>
      Effect.flatMap(
        effect,
        (request) =>
          Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((fiber) => {
            const signal = HttpDeadline.signalOf(request)
            seen.push({ url: request.url, signal, fiber })
            return answer(request, signal)
          })
      ),
    Effect.succeed as HttpClient.HttpClient.Preprocess<never, never>
  )
  return { seen, layer: Layer.succeed(HttpClient.HttpClient, options.marked ? HttpDeadline.mark(client) : client) }
}

const currentFiber = Effect.withFiberRuntime((fiber) => Effect.succeed(fiber as Fiber.RuntimeFiber<unknown, unknown>))

const me = Effect.flatMap(NotionClient.NotionClient, (c) => c.users.me({ retry: false }))

describe("HttpDeadline", () => {
  it("is reached by its subpath only, not the public index", () => {
    assert.notProperty(Index, "HttpDeadline")
    assert.isFunction(HttpDeadline.mark)
  })

  it("mark and isMarked: a client derived from a marked one is not marked", () => {
    const client = HttpDeadline.mark(HttpClient.makeWith(Effect.flatMap(() => Effect.never), Effect.succeed))
    assert.isTrue(HttpDeadline.isMarked(client))
    assert.isFalse(HttpDeadline.isMarked(HttpClient.mapRequest(client, (r) => r)))
  })

  it.live("a marked client: the request carries the base URL and a signal, and runs on the caller's fiber", () =>
    Effect.gen(function*() {
      const { layer, seen } = probe({ marked: true, delayMs: 0 })
      const caller = yield* currentFiber
      const user = yield* Effect.provide(me, clientLayer(layer, { baseUrl: "http://notion.test" }))
      assert.strictEqual(user.id, bot.id)
      assert.strictEqual(seen.length, 1)
      assert.strictEqual(seen[0].url, "http://notion.test/v1/users/me")
      assert.isDefined(seen[0].signal)
      assert.isFalse(seen[0].signal!.aborted)
      assert.strictEqual(seen[0].fiber, caller)
    }))

  it.live("a marked client that stalls: the signal fires at the timeout and the call fails with RequestTimeout", () =>
    Effect.gen(function*() {
      const { layer, seen } = probe({ marked: true, delayMs: undefined })
      const started = Date.now()
      const error = yield* Effect.flip(Effect.provide(me, clientLayer(layer, { timeout: "200 millis" })))
      assert.strictEqual(error._tag, "RequestTimeout")
      assert.isAtLeast(Date.now() - started, 190)
      assert.isTrue(seen[0].signal!.aborted)
    }))

  it.live("unmarked, or marked under transformClient: no signal, the exchange runs in a fiber of its own", () =>
    Effect.gen(function*() {
      const caller = yield* currentFiber
      for (
        const [marked, transformClient] of [
          [false, undefined],
          [true, (client: HttpClient.HttpClient) => client]
        ] as const
      ) {
        const { layer, seen } = probe({ marked, delayMs: 0 })
        yield* Effect.provide(me, clientLayer(layer, transformClient ? { transformClient } : {}))
        assert.isUndefined(seen[0].signal)
        assert.notStrictEqual(seen[0].fiber, caller)
      }
    }))

  it.effect("a marked client under TestClock: the timeout follows the test clock, with no signal", () =>
    Effect.gen(function*() {
      const { layer, seen } = probe({ marked: true, delayMs: undefined })
      const fiber = yield* Effect.fork(Effect.flip(Effect.provide(me, clientLayer(layer, { timeout: "5 seconds" }))))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "RequestTimeout")
      assert.isUndefined(seen[0].signal)
    }))
})
