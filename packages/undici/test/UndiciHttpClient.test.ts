import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { UndiciHttpClient } from "../src/index.js"
import { kindOf } from "./utils/httpError.js"

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

/** A loopback server for the test's scope: what it saw, how many connections it accepted. */
const serve = (handler: (req: Http.IncomingMessage, res: Http.ServerResponse) => void) =>
  Effect.acquireRelease(
    Effect.async<{ url: string; seen: Array<Seen>; connections: () => number; server: Http.Server }>((resume) => {
      const seen: Array<Seen> = []
      let connections = 0
      const server = Http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", () => {
          seen.push({
            method: req.method!,
            url: req.url!,
            headers: req.headers,
            body: Buffer.concat(chunks).toString()
          })
          handler(req, res)
        })
      })
      server.keepAliveTimeout = 30_000
      server.on("connection", () => connections++)
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          seen,
          connections: () => connections,
          server
        })))
    }),
    (s) =>
      Effect.async<void>((resume) => {
        s.server.closeAllConnections()
        if (s.server.listening) s.server.close(() => resume(Effect.void))
        else resume(Effect.void)
      })
  )

const client = HttpClient.HttpClient

describe("UndiciHttpClient", () => {
  it.scoped("sends method, path, query and headers; reads status, headers, cookies and the body (more than once)", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, res) => {
        res.setHeader("set-cookie", ["a=1; Path=/", "b=2"])
        res.writeHead(201, { "content-type": "application/json", "x-notion-request-id": "req-1" })
        res.end(`{"ok":true}`)
      })
      const http = yield* client
      const response = yield* http.execute(
        HttpClientRequest.get(`${server.url}/v1/users`, {
          urlParams: [["page_size", "10"], ["filter", "a b"], ["filter", "c"]],
          headers: { "notion-version": "2025-09-03" }
        })
      )
      assert.strictEqual(response.status, 201)
      assert.strictEqual(response.headers["x-notion-request-id"], "req-1")
      assert.strictEqual(response.headers["content-type"], "application/json")
      assert.deepStrictEqual(Object.keys(response.cookies.cookies).sort(), ["a", "b"])
      assert.deepStrictEqual(yield* response.json, { ok: true })
      assert.strictEqual(yield* response.text, `{"ok":true}`)
      assert.strictEqual(server.seen[0].method, "GET")
      assert.strictEqual(server.seen[0].url, "/v1/users?page_size=10&filter=a+b&filter=c")
      assert.strictEqual(server.seen[0].headers["notion-version"], "2025-09-03")
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  it.scoped("sends bytes, text and streamed bodies whole; arrayBuffer and stream read the answer", () =>
    Effect.gen(function*() {
      const server = yield* serve((req, res) => {
        res.writeHead(200, { "content-type": "application/octet-stream" })
        res.end(`echo:${req.headers["content-type"]}`)
      })
      const http = yield* client
      const post = (body: HttpBody.HttpBody) => http.execute(HttpClientRequest.post(`${server.url}/v1/x`, { body }))
      const bytes = yield* post(HttpBody.uint8Array(new TextEncoder().encode("raw bytes"), "application/x-raw"))
      assert.strictEqual(new TextDecoder().decode(yield* bytes.arrayBuffer), "echo:application/x-raw")
      const text = yield* post(HttpBody.text(`{"a":1}`, "application/json"))
      const chunks = yield* Stream.runCollect(text.stream)
      assert.strictEqual(
        Array.from(chunks).map((c) => new TextDecoder().decode(c)).join(""),
        "echo:application/json"
      )
      const pieces = ["part one, ", "part two, ", "part three"].map((p) => new TextEncoder().encode(p))
      const streamed = yield* post(HttpBody.stream(Stream.fromIterable(pieces), "text/plain", 30))
      assert.strictEqual(yield* streamed.text, "echo:text/plain")
      assert.deepStrictEqual(server.seen.map((s) => s.body), ["raw bytes", `{"a":1}`, "part one, part two, part three"])
      assert.strictEqual(server.seen[2].headers["content-length"], "30")
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  // as with the official SDK (fetch), the pool may open a second connection while the first is being released
  it.scoped("keeps connections alive: 50 sequential requests over at most two connections", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, res) => res.end("{}"))
      const http = yield* client
      yield* Effect.repeat(Effect.flatMap(http.get(`${server.url}/v1/users/me`), (r) => r.text), { times: 49 })
      assert.strictEqual(server.seen.length, 50)
      assert.isAtMost(server.connections(), 2)
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  for (const stall of ["headers", "body", "declared body"] as const) {
    it.scoped(`interrupted while waiting for the ${stall}: the request is aborted and its socket closed`, () =>
      Effect.gen(function*() {
        const arrived = yield* Deferred.make<void>()
        const closed = yield* Deferred.make<void>()
        const server = yield* serve((_, res) => {
          res.on("close", () => Deferred.unsafeDone(closed, Effect.void))
          if (stall !== "headers") {
            // a declared length is read together with the headers; an undeclared one when asked for
            res.writeHead(200, {
              "content-type": "application/json",
              ...(stall === "body" ? {} : { "content-length": 100 })
            })
            res.write(`{"partial":`)
          }
          Deferred.unsafeDone(arrived, Effect.void)
        })
        const http = yield* client
        const fiber = yield* Effect.fork(Effect.flatMap(http.get(`${server.url}/v1/slow`), (r) => r.text))
        yield* Deferred.await(arrived)
        yield* Fiber.interrupt(fiber)
        const exit = yield* Effect.exit(Fiber.join(fiber))
        assert.isTrue(Exit.isInterrupted(exit))
        // the server sees the socket close (the test times out otherwise)
        yield* Deferred.await(closed)
      }).pipe(Effect.provide(UndiciHttpClient.layer)))
  }

  it.scoped("small declared, large declared and undeclared bodies read alike through every reader", () =>
    Effect.gen(function*() {
      const small = "x".repeat(1000)
      const large = "y".repeat(300 * 1024)
      const server = yield* serve((req, res) => {
        const body = req.url === "/large" ? large : small
        if (req.url === "/chunked") {
          res.writeHead(200)
          res.write(body.slice(0, 10))
          res.end(body.slice(10))
        } else {
          res.writeHead(200, { "content-length": Buffer.byteLength(body) })
          res.end(body)
        }
      })
      const http = yield* client
      for (const [path, body] of [["/small", small], ["/large", large], ["/chunked", small]] as const) {
        const get = http.get(`${server.url}${path}`)
        assert.strictEqual(yield* Effect.flatMap(get, (r) => r.text), body, path)
        const bytes = yield* Effect.flatMap(get, (r) => r.arrayBuffer)
        assert.strictEqual(new TextDecoder().decode(bytes), body, path)
        const chunks = yield* Effect.flatMap(get, (r) => Stream.runCollect(r.stream))
        assert.strictEqual(Array.from(chunks).map((c) => new TextDecoder().decode(c)).join(""), body, path)
        const twice = yield* get
        assert.strictEqual((yield* twice.text) + (yield* twice.text), body + body, path)
      }
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  it.scoped("a stream left early aborts the rest of the body", () =>
    Effect.gen(function*() {
      const closed = yield* Deferred.make<void>()
      const server = yield* serve((_, res) => {
        res.on("close", () => Deferred.unsafeDone(closed, Effect.void))
        res.writeHead(200)
        res.write("first chunk")
      })
      const http = yield* client
      const response = yield* http.get(`${server.url}/v1/big`)
      const first = yield* Stream.runCollect(Stream.take(response.stream, 1))
      assert.strictEqual(new TextDecoder().decode(Array.from(first)[0]), "first chunk")
      yield* Deferred.await(closed)
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  it.scoped("failures are typed: a refused connection, an invalid URL, a body cut short", () =>
    Effect.gen(function*() {
      const http = yield* client
      // a port nobody listens on: bind one, then close it
      const free = yield* serve(() => {})
      const url = free.url
      yield* Effect.async<void>((resume) => void free.server.close(() => resume(Effect.void)))
      const refused = yield* Effect.flip(http.get(`${url}/v1/users`))
      assert.strictEqual(kindOf(refused), "Transport")

      const invalid = yield* Effect.flip(http.get("http://[not a host/v1"))
      assert.strictEqual(kindOf(invalid), "InvalidUrl")

      const cut = yield* serve((req, res) => {
        res.writeHead(200, { "content-length": "100" })
        res.write("only part", () => req.socket.destroy())
      })
      const response = yield* http.get(`${cut.url}/v1/cut`)
      const decode = yield* Effect.flip(response.text)
      assert.strictEqual(kindOf(decode), "Decode")
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  it.scoped("composes like any HttpClient: mapRequest and filterStatusOk", () =>
    Effect.gen(function*() {
      const server = yield* serve((req, res) => {
        res.writeHead(req.url === "/v1/missing" ? 404 : 200)
        res.end(req.headers["x-added"] ?? "")
      })
      const http = (yield* client).pipe(
        HttpClient.mapRequest(HttpClientRequest.prependUrl(server.url)),
        HttpClient.mapRequest(HttpClientRequest.setHeader("x-added", "yes"))
      )
      assert.strictEqual(yield* Effect.flatMap(http.get("/v1/ok"), (r) => r.text), "yes")
      const error = yield* Effect.flip(HttpClient.filterStatusOk(http).get("/v1/missing"))
      assert.strictEqual(kindOf(error), "StatusCode")
    }).pipe(Effect.provide(UndiciHttpClient.layer)))
})
