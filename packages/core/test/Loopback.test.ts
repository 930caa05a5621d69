import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import type * as Http from "node:http"
import { NotionClient } from "../src/index.js"
import { bot, clientLayer, page, SECRET } from "./utils/fixtures.js"
import { loopback } from "./utils/loopback.js"

const answer = (res: Http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

const client = Effect.flatMap(NotionClient.NotionClient, Effect.succeed)

describe("NotionClient over a real loopback socket (NodeHttpClient)", () => {
  it.scoped("sends Bearer, Notion-Version and user agent; content-type only with a body", () =>
    Effect.gen(function*() {
      const server = yield* loopback((seen, res) =>
        seen.url.startsWith("/v1/search")
          ? answer(res, 200, { object: "list", results: [page("p1")], next_cursor: null, has_more: false })
          : answer(res, 200, bot)
      )
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: server.url }))
      const me = yield* c.users.me()
      assert.strictEqual(me.type, "bot")
      yield* c.search({ query: "q" })
      const [get, post] = server.seen
      assert.strictEqual(get!.method, "GET")
      assert.strictEqual(get!.url, "/v1/users/me")
      assert.strictEqual(get!.headers.authorization, `Bearer ${SECRET}`)
      assert.strictEqual(get!.headers["notion-version"], "2025-09-03")
      assert.strictEqual(get!.headers["user-agent"], "notion-effect/0.1.0")
      assert.isUndefined(get!.headers["content-type"])
      assert.strictEqual(post!.method, "POST")
      assert.strictEqual(post!.headers["content-type"], "application/json")
      assert.deepStrictEqual(JSON.parse(post!.body), { query: "q" })
    }))

  it.scoped("a server that sends headers then stalls the body times out and the socket is closed", () =>
    Effect.gen(function*() {
      const headersSent = yield* Deferred.make<void>()
      const socketClosed = yield* Deferred.make<void>()
      const server = yield* loopback((_, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.write(`{"object":"user","id":"`)
        res.on("close", () => Deferred.unsafeDone(socketClosed, Effect.void))
        Deferred.unsafeDone(headersSent, Effect.void)
      })
      const c = yield* Effect.provide(
        client,
        clientLayer(NodeHttpClient.layer, { baseUrl: server.url, timeout: "10 seconds" })
      )
      const fiber = yield* Effect.fork(Effect.flip(c.users.me({ retry: false })))
      yield* Deferred.await(headersSent)
      yield* TestClock.adjust("10 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "RequestTimeout")
      assert.include(error.message, "10s")
      yield* Deferred.await(socketClosed)
    }))

  it.scoped("connection refused is a TransportError", () =>
    Effect.gen(function*() {
      const server = yield* loopback((_, res) => answer(res, 200, bot))
      const closedUrl = server.url
      yield* Effect.promise(() =>
        new Promise<void>((r) => (server as unknown as { server: Http.Server }).server.close(() => r()))
      )
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: closedUrl }))
      const error = yield* Effect.flip(c.users.me({ retry: false }))
      assert.strictEqual(error._tag, "TransportError")
      assert.include(error.message, "GET /v1/users/me")
    }))

  it.scoped("a connection reset mid-body is a TransportError, and a GET is retried", () =>
    Effect.gen(function*() {
      const server = yield* loopback((seen, res) => {
        if (server.seen.length === 1) {
          res.writeHead(200, { "content-type": "application/json", "content-length": "500" })
          res.write(`{"object":"user",`)
          setTimeout(() => res.socket?.destroy(), 5)
        } else answer(res, 200, bot)
        void seen
      })
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: server.url }))
      const once = yield* Effect.flip(c.users.me({ retry: false }))
      assert.strictEqual(once._tag, "TransportError")
      server.seen.length = 0
      const fiber = yield* Effect.fork(c.users.me())
      yield* Effect.yieldNow()
      while (server.seen.length < 1) yield* Effect.promise(() => new Promise((r) => setTimeout(r, 5)))
      yield* TestClock.adjust("2 seconds")
      const me = yield* Fiber.join(fiber)
      assert.strictEqual(me.id, "bot-1")
      assert.strictEqual(server.seen.length, 2)
    }))

  it.scoped("the token never appears in errors, debug logs or span attributes", () =>
    Effect.gen(function*() {
      const server = yield* loopback((seen, res) =>
        seen.url === "/v1/users/me"
          ? answer(res, 401, { object: "error", status: 401, code: "unauthorized", message: "API token is invalid." }, {
            "x-notion-request-id": "req-7"
          })
          : answer(res, 200, { not: "a page" })
      )
      const logs: Array<string> = []
      const spans: Array<{ name: string; attributes: Map<string, unknown> }> = []
      const tracer = Tracer.make({
        span: (name, parent, context, links, startTime, kind) => {
          const attributes = new Map<string, unknown>()
          spans.push({ name, attributes })
          return {
            _tag: "Span",
            name,
            spanId: String(spans.length),
            traceId: "trace",
            parent,
            context,
            links,
            sampled: true,
            kind,
            status: { _tag: "Started", startTime },
            attributes,
            attribute: (key, value) => void attributes.set(key, value),
            event: () => undefined,
            addLinks: () => undefined,
            end: () => undefined
          }
        },
        context: (f) => f()
      })
      const capture = Logger.replace(
        Logger.defaultLogger,
        Logger.make((options) => void logs.push(Logger.logfmtLogger.log(options)))
      )
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: server.url }))
      const errors = yield* Effect.all([
        Effect.flip(c.users.me()),
        Effect.flip(c.pages.retrieve({ page_id: "p1" })),
        Effect.flip(c.request({ method: "GET", path: "/v1/pages/p2" }, Schema.Struct({ id: Schema.String })))
      ]).pipe(
        Effect.withTracer(tracer),
        Effect.provide(capture),
        Logger.withMinimumLogLevel(LogLevel.All)
      )
      assert.deepStrictEqual(errors.map((e) => e._tag), ["Unauthorized", "ResponseDecodeError", "ResponseDecodeError"])
      for (const error of errors) {
        assert.notInclude(String(error), SECRET)
        assert.notInclude(JSON.stringify(error), SECRET)
      }
      const span = spans.find((s) => s.name === "notion.users.me")!
      assert.strictEqual(span.attributes.get("http.response.status_code"), 401)
      assert.strictEqual(span.attributes.get("notion.request_id"), "req-7")
      assert.strictEqual(span.attributes.get("notion.path"), "/v1/users/me")
      assert.isAbove(logs.length, 0)
      const everything = JSON.stringify([...spans.map((s) => [s.name, [...s.attributes]]), ...logs])
      assert.include(everything, "authorization")
      assert.notInclude(everything, SECRET)
    }))
})
