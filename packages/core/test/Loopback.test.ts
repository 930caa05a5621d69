import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import type * as Http from "node:http"
import { NotionClient } from "../src/index.js"
import { bot, clientLayer, page, SECRET } from "./utils/fixtures.js"
import { loopback } from "./utils/loopback.js"

const answer = (res: Http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

const client = Effect.flatMap(NotionClient.NotionClient, Effect.succeed)

// What the emulator cannot show: the exact headers on the wire, the socket closed by a timeout, refused connections.
describe("NotionClient over a raw loopback socket (NodeHttpClient)", () => {
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
})
