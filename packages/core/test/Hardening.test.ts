import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Cause from "effect/Cause"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Http from "node:http"
import { Endpoint, NotionAuth, NotionClient, NotionConfig, NotionError } from "../src/index.js"
import { fakeHttp, formOf, json, notionError } from "./utils/fakeHttp.js"
import { bot, clientLayer, page, person, SECRET, token } from "./utils/fixtures.js"
import { loopback } from "./utils/loopback.js"
import { recordingTracer } from "./utils/tracer.js"

const client = Effect.flatMap(NotionClient.NotionClient, Effect.succeed)

/** Every way an error can be shown: none may contain a secret. */
const renderings = (error: unknown) => [
  String(error),
  JSON.stringify(error),
  Inspectable.format(error),
  Cause.pretty(Cause.fail(error))
]

describe("hardening", () => {
  it.scoped("no span — attributes, events or exit — holds the bearer token, even on a transport error", () =>
    Effect.gen(function*() {
      const server = yield* loopback((_, res) => res.destroy())
      const { dump, recorded, tracer } = recordingTracer()
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: server.url }))
      const error = yield* Effect.flip(c.users.me({ retry: false })).pipe(Effect.withTracer(tracer))
      assert.strictEqual(error._tag, "TransportError")
      assert.isAbove(recorded.length, 0)
      assert.notInclude(dump(), SECRET)
      for (const text of renderings(error)) assert.notInclude(text, SECRET)
    }))

  it.scoped("a UTF-8 byte order mark before valid JSON is accepted with NodeHttpClient", () =>
    Effect.gen(function*() {
      const server = yield* loopback((_, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(bot))]))
      })
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: server.url }))
      const me = yield* c.users.me()
      assert.strictEqual(me.id, "bot-1")
    }))

  it.effect("100,000 items of the wrong kind fail fast with a bounded message", () =>
    Effect.gen(function*() {
      const results = Array.from({ length: 100_000 }, (_, i) => ({ object: "user", id: i }))
      const http = fakeHttp(() => json(200, { object: "list", results, next_cursor: null, has_more: false }))
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      const started = performance.now()
      const error = yield* Effect.flip(c.users.list({ retry: false }))
      const elapsed = performance.now() - started
      if (error._tag !== "ResponseDecodeError") return assert.fail(error._tag)
      assert.isAtMost(error.message.length, 2300)
      assert.include(error.message, `at ["results"]["0"]`)
      // a generous bound: before the fix this took 6–8 s and built a 180 MB message
      assert.isBelow(elapsed, 3000)
    }))

  it.scoped("a body over maxResponseBytes fails with ResponseTooLarge, declared or chunked", () =>
    Effect.gen(function*() {
      const big = JSON.stringify({ ...bot, name: "x".repeat(10_000) })
      const server = yield* loopback((seen, res) => {
        if (seen.url.includes("chunked")) {
          res.writeHead(200, { "content-type": "application/json", "cf-ray": "ray-1" })
          for (let i = 0; i < 10; i++) res.write(big.slice(i * 1000, (i + 1) * 1000))
          res.end(big.slice(10_000))
        } else {
          res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) })
          res.end(big)
        }
      })
      const c = yield* Effect.provide(
        client,
        clientLayer(NodeHttpClient.layer, { baseUrl: server.url, maxResponseBytes: 4096 })
      )
      const declared = yield* Effect.flip(c.users.me({ retry: false }))
      if (declared._tag !== "ResponseTooLarge") return assert.fail(declared._tag)
      assert.strictEqual(declared.limit, 4096)
      assert.strictEqual(declared.status, 200)
      const chunked = yield* Effect.flip(
        c.request({ method: "GET", path: "/v1/chunked", retry: false }, NotionError.InvalidToken)
      )
      if (chunked._tag !== "ResponseTooLarge") return assert.fail(chunked._tag)
      assert.strictEqual(chunked.cfRay, "ray-1")
      assert.strictEqual(chunked.code, NotionError.ClientErrorCode.ResponseTooLarge)
    }))

  it.scoped("TransportError says why and keeps its cause", () =>
    Effect.gen(function*() {
      const server = yield* loopback(() => undefined)
      const closedUrl = server.url
      yield* Effect.promise(() =>
        new Promise<void>((r) => (server as unknown as { server: Http.Server }).server.close(() => r()))
      )
      const c = yield* Effect.provide(client, clientLayer(NodeHttpClient.layer, { baseUrl: closedUrl }))
      const error = yield* Effect.flip(c.users.me({ retry: false }))
      if (error._tag !== "TransportError") return assert.fail(error._tag)
      assert.include(error.message, "ECONNREFUSED")
      assert.instanceOf(error.cause, Error)
      assert.strictEqual(error.code, NotionError.ClientErrorCode.TransportError)
    }))

  it.effect("a secret echoed in an error body is scrubbed from message, body and data", () =>
    Effect.gen(function*() {
      const http = fakeHttp((request) =>
        request.url.endsWith("/me")
          ? notionError(400, "validation_error", {
            message: `body.token should not be ${SECRET}`,
            additional_data: { echoed: SECRET }
          })
          : new Response(`<html>${SECRET}</html>`, { status: 502 })
      )
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      const validation = yield* Effect.flip(c.users.me({ retry: false }))
      const proxy = yield* Effect.flip(c.users.list({ retry: false }))
      assert.strictEqual(validation._tag, "ValidationError")
      assert.include(validation.message, "[redacted]")
      assert.strictEqual(proxy._tag, "HttpResponseError")
      for (const error of [validation, proxy]) {
        for (const text of renderings(error)) assert.notInclude(text, SECRET)
      }
    }))

  it.effect("request fidelity: repeated array keys, null/undefined omitted, no body on GET, declared keys only", () =>
    Effect.gen(function*() {
      const http = fakeHttp((request) =>
        request.url.includes("/search")
          ? json(200, { object: "list", results: [], next_cursor: null, has_more: false })
          : json(200, page("p1"))
      )
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      yield* c.pages.retrieve({ page_id: "p1", filter_properties: ["a", "b c"] })
      yield* c.search({ query: "q", start_cursor: undefined, ...({ surprise: "not declared" } as object) })
      const [get, post] = http.requests
      assert.deepStrictEqual([...get!.urlParams], [["filter_properties", "a"], ["filter_properties", "b c"]])
      assert.strictEqual(get!.body._tag, "Empty")
      assert.isUndefined(get!.headers["content-type"])
      if (post!.body._tag !== "Uint8Array") return assert.fail(post!.body._tag)
      assert.deepStrictEqual(JSON.parse(new TextDecoder().decode(post!.body.body)), { query: "q" })
      assert.isUndefined(post!.headers.traceparent)
      assert.isUndefined(post!.headers.b3)
    }))

  it.effect("custom headers per client and per request; the SDK's own headers win", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const c = yield* Effect.provide(
        client,
        clientLayer(http.layer, { headers: { "X-Team": "core", "Notion-Version": "1999-01-01" } })
      )
      yield* c.users.me()
      yield* c.users.me({ headers: { "x-team": "call", authorization: "Bearer stolen", "x-trace": "1" } })
      const [first, second] = http.requests
      assert.strictEqual(first!.headers["x-team"], "core")
      assert.strictEqual(first!.headers["notion-version"], "2025-09-03")
      assert.strictEqual(second!.headers["x-team"], "call")
      assert.strictEqual(second!.headers["x-trace"], "1")
      assert.strictEqual(second!.headers.authorization, `Bearer ${SECRET}`)
    }))

  it.effect("tracer propagation is opt-in: traceparent of the request's span, only when asked", () =>
    Effect.gen(function*() {
      const { recorded, tracer } = recordingTracer()
      const http = fakeHttp(() => json(200, bot))
      const off = yield* Effect.provide(client, clientLayer(http.layer))
      const on = yield* Effect.provide(client, clientLayer(http.layer, { tracerPropagation: true }))
      yield* Effect.zip(off.users.me(), on.users.me()).pipe(Effect.withTracer(tracer))
      assert.isUndefined(http.requests[0]!.headers.traceparent)
      assert.strictEqual(recorded[1]!.name, "notion.users.me")
      assert.strictEqual(
        http.requests[1]!.headers.traceparent,
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000002-01"
      )
    }))

  it.effect("transformClient wraps the composed client once", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const seen: Array<string> = []
      const c = yield* Effect.provide(
        client,
        clientLayer(http.layer, {
          transformClient: HttpClient.mapRequest((request) => {
            seen.push(request.url)
            return request
          })
        })
      )
      yield* c.users.me()
      assert.deepStrictEqual(seen, ["https://api.notion.com/v1/users/me"])
    }))

  it.effect("parameters a schema can catch fail with InvalidParameters before anything is sent", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      const tooMany = yield* Effect.flip(c.users.list({ page_size: 101 }))
      const wrongType = yield* Effect.flip(c.users.retrieve({ user_id: 5 as unknown as string }))
      const missing = yield* Effect.flip(c.pages.retrieve({} as { page_id: string }))
      for (const error of [tooMany, wrongType, missing]) assert.strictEqual(error._tag, "InvalidParameters")
      assert.include(tooMany.message, "page_size")
      assert.strictEqual(http.requests.length, 0)
    }))

  it.effect("a multipart endpoint sends its file part and fields as form data", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { object: "file_upload", id: "f1" }))
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      const send = Endpoint.make({
        name: "fileUploads.send",
        method: "POST",
        path: "/v1/file_uploads/{file_upload_id}/send",
        body: ["file", "part_number"],
        encoding: "multipart",
        params: Schema.Struct({
          file_upload_id: Schema.String,
          file: Schema.Struct({ data: Schema.Unknown, filename: Schema.optional(Schema.String) }),
          part_number: Schema.optional(Schema.String)
        }),
        success: Schema.Struct({ object: Schema.Literal("file_upload"), id: Schema.String })
      })
      const bytes = new TextEncoder().encode("hello, notion")
      const answer = yield* c.call(send, {
        file_upload_id: "f1",
        file: { data: bytes, filename: "hello.txt" },
        part_number: "2"
      })
      assert.strictEqual(answer.id, "f1")
      const request = http.requests[0]!
      assert.strictEqual(request.url, "https://api.notion.com/v1/file_uploads/f1/send")
      const form = yield* Effect.promise(() => formOf(request))
      const file = form.get("file") as File
      assert.strictEqual(file.name, "hello.txt")
      assert.strictEqual(yield* Effect.promise(() => file.text()), "hello, notion")
      assert.strictEqual(form.get("part_number"), "2")
    }))

  it.effect("every error is branded, has a code and decodes with NotionErrorSchema", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, person("u1")))
      const c = yield* Effect.provide(client, clientLayer(http.layer))
      const errors: Array<NotionError.NotionError> = [
        yield* Effect.flip(c.users.list({ page_size: 0 })),
        yield* Effect.flip(c.users.me({ auth: Redacted.make("") })),
        yield* Effect.flip(c.pages.retrieve({ page_id: ".." }))
      ]
      for (const error of errors) {
        assert.isTrue(NotionError.isNotionClientError(error))
        assert.isString(error.code)
        assert.isTrue(NotionError.TypeId in error)
      }
      assert.isFalse(NotionError.isNotionClientError(new Error("x")))
    }))
})

describe("the timeout on the live clock (a plain timer; TestClock is covered by the loopback tests)", () => {
  const undiciLayers = [
    ["UndiciHttpClient.layer", UndiciHttpClient.layer],
    ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici]
  ] as const
  for (const [name, http] of undiciLayers) {
    for (const stall of ["headers", "body"] as const) {
      it.scopedLive(`${name}, stalled ${stall}: RequestTimeout after the timeout, and the socket is closed`, () =>
        Effect.gen(function*() {
          const closed = yield* Deferred.make<void>()
          const server = yield* loopback((_, res) => {
            res.on("close", () => Deferred.unsafeDone(closed, Effect.void))
            if (stall === "body") {
              res.writeHead(200, { "content-type": "application/json" })
              res.write(`{"object":"user",`)
            }
          })
          const started = Date.now()
          const error = yield* Effect.flip(Effect.flatMap(client, (c) => c.users.me({ retry: false }))).pipe(
            Effect.provide(clientLayer(http, { baseUrl: server.url, timeout: "300 millis" }))
          )
          if (error._tag !== "RequestTimeout") return assert.fail(error._tag)
          assert.isAtLeast(Date.now() - started, 290)
          assert.isBelow(Date.now() - started, 5000)
          // the server sees the socket close: the timeout aborted the request (the test times out otherwise)
          yield* Deferred.await(closed)
        }))
    }
  }
})

describe("connections are reused by every HTTP layer the README offers", () => {
  const layers: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
    ["UndiciHttpClient.layer", UndiciHttpClient.layer],
    ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
    ["FetchHttpClient.layer", FetchHttpClient.layer],
    [
      "NodeHttpClient with a keep-alive agent",
      NodeHttpClient.layerWithoutAgent.pipe(Layer.provide(NodeHttpClient.makeAgentLayer({ keepAlive: true })))
    ]
  ]
  for (const [name, http] of layers) {
    // the official SDK (fetch) uses 2 connections for 50 requests: a pool may open a second one, never one each
    it.scopedLive(`${name}: 20 sequential requests reuse their connection`, () =>
      Effect.gen(function*() {
        let connections = 0
        const server = yield* loopback((_, res) => {
          res.writeHead(200, { "content-type": "application/json" })
          res.end(JSON.stringify(bot))
        })
        ;(server as unknown as { server: Http.Server }).server.on("connection", () => connections++)
        const layer = NotionClient.layer.pipe(
          Layer.provide([http, NotionAuth.layer(token), NotionConfig.layer({ baseUrl: server.url })])
        )
        yield* Effect.provide(
          Effect.flatMap(client, (c) => Effect.repeat(c.users.me(), { times: 19 })),
          layer
        )
        assert.strictEqual(server.seen.length, 20)
        assert.isAtMost(connections, 2)
      }))
  }
})
