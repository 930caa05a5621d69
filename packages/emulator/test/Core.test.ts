// Core against the emulator through a real socket (NodeHttpClient): the same server the official
// client is held to in the emulator package's fidelity tests.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { NotionAuth, NotionClient, type NotionConfig, Page } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { clientLayer } from "../../core/test/utils/fixtures.js"
import { recordingTracer } from "../../core/test/utils/tracer.js"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"

const PAGE = Fixture.pages.roadmap

/** A client pointed at a fresh emulator, with the emulator's internal token. */
const setup = (options: NotionEmulator.Options = {}, config: NotionConfig.Options = {}) =>
  Effect.gen(function*() {
    const emulator = yield* NotionEmulator.make(options)
    const client = yield* Effect.provide(
      NotionClient.NotionClient,
      clientLayer(NodeHttpClient.layer, { baseUrl: emulator.url, ...config }, NotionAuth.layer(emulator.internalToken))
    )
    return { emulator, client }
  })

/** Waits (in real time) until the emulator has seen `n` requests: the socket work is real, the clock is not. */
const untilRequests = (emulator: NotionEmulator.Service, n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      const stats = yield* emulator.stats
      if (Object.values(stats.requests).reduce((a, b) => a + b, 0) >= n) return
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
    }
    return yield* Effect.die(new Error(`the emulator never saw ${n} requests`))
  })

describe("NotionClient against the emulator", () => {
  it.scoped("users, pages, search and block children decode; paginate walks every page", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup()
      const me = yield* client.users.me()
      assert.strictEqual(me.type, "bot")
      const everyone = yield* Stream.runCollect(NotionClient.paginate(client.users.list, { page_size: 1 }))
      assert.strictEqual(everyone.length, 3)
      assert.strictEqual((yield* emulator.stats).requests["GET /v1/users"], 3)
      const page = yield* client.pages.retrieve({ page_id: PAGE })
      if (!Page.isFullPage(page)) return assert.fail("a shared page is returned in full")
      assert.strictEqual(page.in_trash, false)
      const search = yield* client.search({ query: "meeting" })
      assert.strictEqual(search.results.length, 1)
      const blocks = yield* Stream.runCollect(
        NotionClient.paginate(client.blocks.children.list, { block_id: PAGE, page_size: 2 })
      )
      assert.deepStrictEqual([...blocks].map((b) => b.type), ["paragraph", "paragraph", "paragraph"])
    }))

  it.scoped("the emulator's errors become their tagged classes", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const hidden = yield* Effect.flip(client.pages.retrieve({ page_id: Fixture.pages.privatePlans }))
      assert.strictEqual(hidden._tag, "ObjectNotFound")
      const badToken = yield* Effect.flip(client.users.me({ auth: Redacted.make("secret_wrong") }))
      assert.strictEqual(badToken._tag, "Unauthorized")
      // our schema refuses a page size over 100 before sending; the emulator refuses it too
      const refused = yield* Effect.flip(client.users.list({ page_size: 500 }))
      assert.strictEqual(refused._tag, "InvalidParameters")
      const tooBig = yield* Effect.flip(
        client.request({ method: "GET", path: "/v1/users", query: { page_size: 500 } }, Schema.Unknown)
      )
      assert.strictEqual(tooBig._tag, "ValidationError")
      if (tooBig._tag === "ValidationError") assert.isString(tooBig.requestId)
    }))

  it.scoped("a 429 from the emulator's rate limiter is retried after its Retry-After", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup({ rateLimit: { requests: 1, window: "60 seconds" } })
      yield* client.users.me()
      const fiber = yield* Effect.fork(client.users.me())
      yield* untilRequests(emulator, 2)
      yield* TestClock.adjust("59 seconds")
      assert.strictEqual((yield* emulator.stats).requests["GET /v1/users/me"], 2)
      yield* TestClock.adjust("1 seconds")
      const me = yield* Fiber.join(fiber)
      assert.strictEqual(me.type, "bot")
      const stats = yield* emulator.stats
      assert.deepStrictEqual([stats.rateLimited, stats.requests["GET /v1/users/me"]], [1, 3])
    }))

  it.scoped("an HTML 502 from the edge is retried for a GET; non-JSON 200 is HttpResponseError", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup()
      yield* emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "HtmlBadGateway" } })
      const fiber = yield* Effect.fork(client.users.me())
      yield* untilRequests(emulator, 1)
      yield* TestClock.adjust("2 seconds")
      assert.strictEqual((yield* Fiber.join(fiber)).type, "bot")
      yield* emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "HtmlBadGateway" } })
      const once = yield* Effect.flip(client.users.me({ retry: false }))
      if (once._tag !== "HttpResponseError") return assert.fail(once._tag)
      assert.strictEqual(once.status, 502)
      assert.isString(once.cfRay)
      yield* emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "NonJson" } })
      assert.strictEqual((yield* Effect.flip(client.users.me({ retry: false })))._tag, "HttpResponseError")
    }))

  it.scoped("a stalled body times out (RequestTimeout); a reset mid-body is a TransportError", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup({}, { timeout: "5 seconds" })
      yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "StallBody" } })
      const fiber = yield* Effect.fork(Effect.flip(client.users.list({ retry: false })))
      yield* untilRequests(emulator, 1)
      yield* TestClock.adjust("5 seconds")
      const timeout = yield* Fiber.join(fiber)
      assert.strictEqual(timeout._tag, "RequestTimeout")
      yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "ResetMidBody" } })
      const reset = yield* Effect.flip(client.users.list({ retry: false }))
      assert.strictEqual(reset._tag, "TransportError")
      yield* emulator.injectFault({ route: "POST /v1/search", times: 1, kind: { _tag: "StallHeaders" } })
      const post = yield* Effect.fork(Effect.flip(client.search({})))
      yield* untilRequests(emulator, 3)
      yield* TestClock.adjust("5 seconds")
      assert.strictEqual((yield* Fiber.join(post))._tag, "RequestTimeout")
      assert.strictEqual((yield* emulator.stats).requests["POST /v1/search"], 1) // a timed-out POST is not retried
    }))

  it.scoped("the token never appears in errors, debug logs or span attributes", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup()
      const secret = Redacted.value(emulator.internalToken)
      const logs: Array<string> = []
      const { recorded: spans, tracer } = recordingTracer()
      const capture = Logger.replace(
        Logger.defaultLogger,
        Logger.make((options) => void logs.push(Logger.logfmtLogger.log(options)))
      )
      yield* emulator.injectFault({ route: "GET /v1/pages/{id}", times: 1, kind: { _tag: "HtmlBadGateway" } })
      const errors = yield* Effect.all([
        Effect.flip(client.pages.retrieve({ page_id: PAGE, retry: false })),
        Effect.flip(client.pages.retrieve({ page_id: Fixture.pages.privatePlans })),
        Effect.flip(client.request({ method: "GET", path: "/v1/users", query: { page_size: 0 } }, Schema.Unknown))
      ]).pipe(Effect.withTracer(tracer), Effect.provide(capture), Logger.withMinimumLogLevel(LogLevel.All))
      assert.deepStrictEqual(errors.map((e) => e._tag), ["HttpResponseError", "ObjectNotFound", "ValidationError"])
      for (const error of errors) {
        assert.notInclude(String(error), secret)
        assert.notInclude(JSON.stringify(error), secret)
      }
      const retrieves = spans.filter((s) => s.name === "notion.pages.retrieve")
      assert.deepStrictEqual(retrieves.map((s) => s.attributes.get("http.response.status_code")), [502, 404])
      const span = retrieves[1]!
      assert.isString(span.attributes.get("notion.request_id"))
      assert.isAbove(logs.length, 0)
      const everything = JSON.stringify([...spans.map((s) => [s.name, [...s.attributes]]), ...logs])
      // the platform's http.client span (its exit holds the request and its headers) is not created
      assert.isFalse(spans.some((s) => s.name.startsWith("http.client")))
      assert.notInclude(everything, secret)
    }))
})
