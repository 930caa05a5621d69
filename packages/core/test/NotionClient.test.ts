import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Users from "../src/api/users.js"
import { NotionAuth, NotionCaller, NotionClient, NotionConfig } from "../src/index.js"
import { isMissingConfig } from "./utils/config.js"
import { fakeHttp, json, notionError } from "./utils/fakeHttp.js"
import { bot, clientLayer, page, person, SECRET, token } from "./utils/fixtures.js"

const withClient = <A, E, LE = never>(
  layer: Layer.Layer<NotionClient.NotionClient, LE>,
  f: (client: NotionClient.Service) => Effect.Effect<A, E>
) => Effect.provide(Effect.flatMap(NotionClient.NotionClient, f), layer)

describe("NotionCaller", () => {
  it.effect("calls an endpoint declaration without the client's tree, with the same decoding and options", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { object: "list", results: [bot], next_cursor: null, has_more: false }))
      const caller = NotionCaller.layer.pipe(
        Layer.provide([http.layer, NotionAuth.layer(token), NotionConfig.layer({})])
      )
      const users = yield* Effect.provide(
        Effect.flatMap(NotionCaller.NotionCaller, (notion) => notion.call(Users.list, { page_size: 1 })),
        caller
      )
      assert.deepStrictEqual(users.results.map((u) => u.id), [bot.id])
      assert.strictEqual(http.requests[0]!.url, "https://api.notion.com/v1/users")
      assert.deepStrictEqual([...http.requests[0]!.urlParams], [["page_size", "1"]])
      assert.strictEqual(http.requests[0]!.headers.authorization, `Bearer ${SECRET}`)
      const refused = yield* Effect.provide(
        Effect.flatMap(NotionCaller.NotionCaller, (notion) => Effect.flip(notion.call(Users.list, { page_size: 0 }))),
        caller
      )
      assert.strictEqual(refused._tag, "InvalidParameters")
      assert.strictEqual(http.requests.length, 1)
    }))
})

describe("NotionClient", () => {
  it.effect("decodes a page and keeps the fields the schema does not name", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { ...page("p1"), brand_new_field: { x: 1 } }))
      const result = yield* withClient(clientLayer(http.layer), (c) => c.pages.retrieve({ page_id: "p1" }))
      assert.strictEqual(result.id, "p1")
      assert.deepStrictEqual((result as unknown as Record<string, unknown>).brand_new_field, { x: 1 })
      assert.strictEqual(http.requests[0]!.url, "https://api.notion.com/v1/pages/p1")
    }))

  it.effect("per-request auth beats withToken, which beats the layer", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const layer = clientLayer(http.layer, {}, NotionAuth.layer(Redacted.make("layer-token")))
      yield* withClient(layer, (c) =>
        Effect.gen(function*() {
          yield* c.users.me()
          yield* NotionAuth.withToken(c.users.me(), Redacted.make("scoped-token"))
          yield* c.users.me({ auth: Redacted.make("param-token") }).pipe(
            NotionAuth.withToken(Redacted.make("scoped-token"))
          )
        }))
      assert.deepStrictEqual(
        http.requests.map((r) => r.headers.authorization),
        ["Bearer layer-token", "Bearer scoped-token", "Bearer param-token"]
      )
    }))

  it.effect("no auth at all sends no Authorization header", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => notionError(401, "unauthorized"))
      const error = yield* withClient(clientLayer(http.layer, {}, NotionAuth.none), (c) => Effect.flip(c.users.me()))
      assert.strictEqual(error._tag, "Unauthorized")
      assert.isUndefined(http.requests[0]!.headers.authorization)
    }))

  it.effect("an empty token fails with InvalidToken and sends nothing", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const error = yield* withClient(clientLayer(http.layer), (c) =>
        Effect.flip(c.users.me({ auth: Redacted.make("") })))
      assert.strictEqual(error._tag, "InvalidToken")
      assert.strictEqual(http.requests.length, 0)
    }))

  it.effect("path traversal in any id is rejected before any request", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, page("x")))
      const layer = clientLayer(http.layer)
      for (const id of ["../users", "a/..", "%2e%2e/x", "%2E%2e", ".%2E"]) {
        const error = yield* withClient(layer, (c) => Effect.flip(c.pages.retrieve({ page_id: id })))
        assert.strictEqual(error._tag, "InvalidPathParameter", id)
      }
      const viaBlock = yield* withClient(layer, (c) => Effect.flip(c.blocks.children.list({ block_id: "%2e%2E" })))
      assert.strictEqual(viaBlock._tag, "InvalidPathParameter")
      const viaUser = yield* withClient(layer, (c) => Effect.flip(c.users.retrieve({ user_id: ".." })))
      assert.strictEqual(viaUser._tag, "InvalidPathParameter")
      const viaRequest = yield* withClient(layer, (c) =>
        Effect.flip(c.request({ method: "GET", path: "/v1/pages/../users" }, Schema.Unknown)))
      assert.strictEqual(viaRequest._tag, "InvalidPathParameter")
      assert.strictEqual(http.requests.length, 0)
    }))

  it.effect("ids are URL-encoded into the path", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, person("a b")))
      yield* withClient(clientLayer(http.layer), (c) => c.users.retrieve({ user_id: "a b/c" }))
      assert.strictEqual(http.requests[0]!.url, "https://api.notion.com/v1/users/a%20b%2Fc")
    }))

  it.effect("paginate streams every result across pages, passing the cursor on", () =>
    Effect.gen(function*() {
      const pages = [["u1", "u2"], ["u3", "u4"], ["u5"]]
      const http = fakeHttp((request) => {
        const cursor = [...request.urlParams].find(([k]) => k === "start_cursor")?.[1]
        const index = cursor === undefined ? 0 : Number(cursor)
        const next = index + 1 < pages.length ? String(index + 1) : null
        return json(200, {
          object: "list",
          type: "user",
          user: {},
          results: pages[index]!.map(person),
          next_cursor: next,
          has_more: next !== null
        })
      })
      const ids = yield* withClient(clientLayer(http.layer), (c) =>
        Stream.runCollect(NotionClient.paginate(c.users.list, { page_size: 2 })))
      assert.deepStrictEqual(
        [...ids].map((u) =>
          u.id
        ),
        ["u1", "u2", "u3", "u4", "u5"]
      )
      assert.strictEqual(http.requests.length, 3)
      assert.deepStrictEqual([...http.requests[2]!.urlParams], [["start_cursor", "2"], ["page_size", "2"]])
    }))

  it.effect("search sends its parameters as the JSON body, without auth or retry", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() =>
        json(200, { object: "list", results: [page("p1")], next_cursor: null, has_more: false })
      )
      const list = yield* withClient(clientLayer(http.layer), (c) =>
        c.search({ query: "roadmap", page_size: 10, auth: token, retry: false }))
      assert.strictEqual(list.results[0]!.object, "page")
      const body = http.requests[0]!.body
      assert.strictEqual(body._tag, "Uint8Array")
      if (body._tag !== "Uint8Array") {
        return
      }
      assert.deepStrictEqual(JSON.parse(new TextDecoder().decode(body.body)), { query: "roadmap", page_size: 10 })
      assert.strictEqual(body.contentType, "application/json")
    }))

  it.effect("the escape hatch reaches any endpoint with your schema", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { object: "comment", id: "c1", extra: true }))
      const comment = yield* withClient(clientLayer(http.layer), (c) =>
        c.request(
          { method: "GET", path: "/v1/comments/c1", query: { page_size: 5 } },
          Schema.Struct({ object: Schema.Literal("comment"), id: Schema.String })
        ))
      assert.deepStrictEqual(comment as unknown, { object: "comment", id: "c1", extra: true })
      assert.strictEqual(http.requests[0]!.url, "https://api.notion.com/v1/comments/c1")
    }))

  it.effect("NotionConfig.layerConfig and NotionAuth.layerConfig read the environment", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const provider = ConfigProvider.fromMap(
        new Map([
          ["NOTION_TOKEN", SECRET],
          ["NOTION_BASE_URL", "http://127.0.0.1:9/"],
          ["NOTION_VERSION", "2026-03-11"],
          ["NOTION_TIMEOUT", "5 seconds"]
        ])
      )
      const layer = NotionClient.layer.pipe(
        Layer.provide([http.layer, NotionAuth.layerConfig(), NotionConfig.layerConfig()]),
        Layer.provide(Layer.setConfigProvider(provider))
      )
      yield* withClient(layer, (c) => c.users.me())
      const request = http.requests[0]!
      assert.strictEqual(request.url, "http://127.0.0.1:9/v1/users/me")
      assert.strictEqual(request.headers["notion-version"], "2026-03-11")
      assert.strictEqual(request.headers.authorization, `Bearer ${SECRET}`)
    }))

  it.effect("a missing NOTION_TOKEN is a ConfigError naming it", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      const layer = NotionClient.layer.pipe(
        Layer.provide([http.layer, NotionAuth.layerConfig()]),
        Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map())))
      )
      const error = yield* Effect.flip(withClient(layer, (c) => c.users.me()))
      assert.isTrue(isMissingConfig(error))
      assert.include(String(error), "NOTION_TOKEN")
    }))

  it.effect("NotionAuth.layerEffect asks its effect for a token on every request", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, bot))
      let n = 0
      const layer = clientLayer(http.layer, {}, NotionAuth.layerEffect(Effect.sync(() => Redacted.make(`t${++n}`))))
      yield* withClient(layer, (c) => Effect.zip(c.users.me(), c.users.me()))
      assert.deepStrictEqual(http.requests.map((r) => r.headers.authorization), ["Bearer t1", "Bearer t2"])
    }))

  it.effect("NotionAuth.layerRefreshing refreshes once after a 401 and retries once; a second 401 is returned", () =>
    Effect.gen(function*() {
      const valid = new Set(["Bearer fresh-1"])
      const http = fakeHttp((request) =>
        valid.has(request.headers.authorization ?? "") ? json(200, bot) : notionError(401, "unauthorized")
      )
      const refreshed: Array<string> = []
      let n = 0
      let current = "stale"
      const layer = clientLayer(
        http.layer,
        {},
        NotionAuth.layerRefreshing({
          token: Effect.sync(() => Redacted.make(current)),
          refresh: (rejected) =>
            Effect.sync(() => {
              refreshed.push(Redacted.value(rejected))
              current = `fresh-${++n}`
              return Redacted.make(current)
            })
        })
      )
      yield* withClient(layer, (c) => c.users.me())
      assert.deepStrictEqual(refreshed, ["stale"])
      assert.deepStrictEqual(http.requests.map((r) => r.headers.authorization), ["Bearer stale", "Bearer fresh-1"])
      // fresh-1 stops working: one refresh to fresh-2, which fails too, and that 401 is returned
      valid.clear()
      const error = yield* withClient(layer, (c) => Effect.flip(c.users.me()))
      assert.strictEqual(error._tag, "Unauthorized")
      assert.deepStrictEqual(refreshed, ["stale", "fresh-1"])
      assert.strictEqual(http.requests.length, 4)
      // a per-call token is never refreshed
      const perCall = yield* withClient(layer, (c) => Effect.flip(c.users.me({ auth: token })))
      assert.strictEqual(perCall._tag, "Unauthorized")
      assert.strictEqual(refreshed.length, 2)
    }))
})
