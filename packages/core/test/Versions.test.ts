// What each method sends per Notion version, seen on the wire of a fake HttpClient: translations, refusals before
// sending, the per-call version, the status-group preview header, the one-time warning for an unknown version.
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import { Filter, NotionClient, NotionVersion } from "../src/index.js"
import { fakeHttp, json } from "./utils/fakeHttp.js"
import { clientLayer, page } from "./utils/fixtures.js"

const list = { object: "list", results: [], next_cursor: null, has_more: false, type: "block", block: {} }
const markdown = { object: "page_markdown", id: "p1", markdown: "", truncated: false, unknown_block_ids: [] }

const answer = (request: HttpClientRequest.HttpClientRequest) =>
  request.url.includes("/markdown")
    ? json(200, markdown)
    : request.url.includes("/children") || request.url.includes("/query")
    ? json(200, list)
    : json(200, page("p1"))

const withClient = <A, E>(
  layer: Layer.Layer<NotionClient.NotionClient>,
  f: (client: NotionClient.Service) => Effect.Effect<A, E>
) => Effect.provide(Effect.flatMap(NotionClient.NotionClient, f), layer)

const bodyOf = (request: HttpClientRequest.HttpClientRequest): Record<string, unknown> => {
  if (request.body._tag !== "Uint8Array") throw new Error(`no JSON body: ${request.body._tag}`)
  return JSON.parse(new TextDecoder().decode(request.body.body)) as Record<string, unknown>
}

const on = (version: NotionVersion.NotionVersion) => {
  const http = fakeHttp(answer)
  return { http, layer: clientLayer(http.layer, { notionVersion: version }) }
}

describe("requests per Notion version", () => {
  it.effect("the configured version is sent, and a call option overrides it for one request", () =>
    Effect.gen(function*() {
      const { http, layer } = on("2026-03-11")
      yield* withClient(layer, (c) =>
        Effect.zipRight(
          c.pages.retrieve({ page_id: "p1" }),
          c.pages.retrieve({ page_id: "p1", notionVersion: "2026-12-01" })
        ))
      assert.deepStrictEqual(http.requests.map((r) => r.headers["notion-version"]), ["2026-03-11", "2026-12-01"])
      assert.strictEqual(http.requests[1]!.url, "https://api.notion.com/v1/pages/p1")
    }))

  it.effect("append: `after` becomes `position` from 2026-03-11, and `position` after a block becomes `after` before", () =>
    Effect.gen(function*() {
      const children = [{ paragraph: { rich_text: [] } }]
      const newer = on("2026-03-11")
      yield* withClient(newer.layer, (c) => c.blocks.children.append({ block_id: "b1", children, after: "b0" }))
      const sent = bodyOf(newer.http.requests[0]!)
      assert.deepStrictEqual(sent.position, { type: "after_block", after_block: { id: "b0" } })
      assert.isFalse("after" in sent)

      const older = on("2025-09-03")
      yield* withClient(older.layer, (c) =>
        Effect.zipRight(
          c.blocks.children.append({
            block_id: "b1",
            children,
            position: { type: "after_block", after_block: { id: "b0" } }
          }),
          c.blocks.children.append({ block_id: "b1", children, position: { type: "end" } })
        ))
      const [first, second] = older.http.requests.map(bodyOf)
      assert.strictEqual(first!.after, "b0")
      assert.isFalse("position" in first!)
      assert.deepStrictEqual(Object.keys(second!), ["children"])
    }))

  it.effect("`archived` is refused from 2026-03-11 before anything is sent; `in_trash` goes everywhere", () =>
    Effect.gen(function*() {
      for (const version of ["2026-03-11", "2026-12-01"] as const) {
        const { http, layer } = on(version)
        const refused = yield* withClient(layer, (c) => c.pages.update({ page_id: "p1", archived: true })).pipe(
          Effect.flip
        )
        assert.strictEqual(refused._tag, "InvalidParameters")
        assert.include(refused.message, `"archived" is refused on Notion-Version ${version}`)
        const blocks = yield* withClient(layer, (c) => c.blocks.update({ block_id: "b1", archived: true })).pipe(
          Effect.flip
        )
        assert.strictEqual(blocks._tag, "InvalidParameters")
        assert.strictEqual(http.requests.length, 0)
        yield* withClient(layer, (c) => c.pages.update({ page_id: "p1", in_trash: true }))
        assert.deepStrictEqual(bodyOf(http.requests[0]!), { in_trash: true })
      }
      const older = on("2025-09-03")
      yield* withClient(older.layer, (c) => c.pages.update({ page_id: "p1", archived: true }))
      assert.deepStrictEqual(bodyOf(older.http.requests[0]!), { archived: true })
    }))

  it.effect("markdown: v2 sent explicitly on 2026-12-01, v1 and replace_content_range refused there", () =>
    Effect.gen(function*() {
      const { http, layer } = on("2026-12-01")
      yield* withClient(layer, (c) =>
        Effect.all([
          c.pages.retrieveMarkdown({ page_id: "p1" }),
          c.pages.updateMarkdown({
            page_id: "p1",
            type: "update_content",
            update_content: { content_updates: [{ old_str: "a", new_str: "b" }] }
          })
        ]))
      assert.deepStrictEqual([...http.requests[0]!.urlParams], [["markdown_version", "v2"]])
      assert.strictEqual(bodyOf(http.requests[1]!).markdown_version, "v2")
      const errors = yield* withClient(layer, (c) =>
        Effect.all([
          Effect.flip(c.pages.retrieveMarkdown({ page_id: "p1", markdown_version: "v1" })),
          Effect.flip(c.pages.updateMarkdown({
            page_id: "p1",
            type: "replace_content_range",
            replace_content_range: { content: "x", content_range: "a...b" }
          }))
        ]))
      assert.deepStrictEqual(errors.map((e) => e._tag), ["InvalidParameters", "InvalidParameters"])
      assert.include(errors[1]!.message, "update_content")
      assert.strictEqual(http.requests.length, 2)

      const older = on("2026-03-11")
      yield* withClient(older.layer, (c) =>
        Effect.zipRight(
          c.pages.retrieveMarkdown({ page_id: "p1" }),
          c.pages.updateMarkdown({
            page_id: "p1",
            type: "replace_content_range",
            replace_content_range: { content: "x", content_range: "a...b" }
          })
        ))
      assert.deepStrictEqual([...older.http.requests[0]!.urlParams], [])
      assert.strictEqual(bodyOf(older.http.requests[1]!).type, "replace_content_range")
    }))

  it.effect("markdown_version goes only with markdown content", () =>
    Effect.gen(function*() {
      const { http, layer } = on("2025-09-03")
      const refused = yield* withClient(layer, (c) =>
        c.pages.create({
          parent: { page_id: "p0" },
          children: [],
          markdown_version: "v2"
        })).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "InvalidParameters")
      assert.include(refused.message, `"markdown_version" goes only with "markdown"`)
      assert.strictEqual(http.requests.length, 0)
    }))

  it.effect("a status group filter adds the preview header before 2026-12-01, unless the caller set one", () =>
    Effect.gen(function*() {
      const filter = Filter.or(
        Filter.status("Status", { group: { equals: "Complete" } }),
        Filter.checkbox("Done", { equals: true })
      )
      for (const version of NotionVersion.versions) {
        const { http, layer } = on(version)
        yield* withClient(layer, (c) =>
          Effect.all([
            c.dataSources.query({ data_source_id: "d1", filter }),
            c.dataSources.query({ data_source_id: "d1", filter, headers: { "Notion-Beta": "mine" } }),
            c.dataSources.query({ data_source_id: "d1", filter: Filter.status("Status", { equals: "Done" }) })
          ]))
        const betas = http.requests.map((r) => r.headers["notion-beta"])
        assert.deepStrictEqual(
          betas,
          version === "2026-12-01"
            ? [undefined, "mine", undefined]
            : ["status-group-filters-2026-10-06", "mine", undefined]
        )
      }
    }))

  it.effect("filter_properties ids are sent decoded once, as repeated keys", () =>
    Effect.gen(function*() {
      const { http, layer } = on("2026-12-01")
      yield* withClient(layer, (c) =>
        c.dataSources.query({ data_source_id: "d1", filter_properties: ["title", "%3AUPp"] }))
      assert.deepStrictEqual([...http.requests[0]!.urlParams], [["filter_properties", "title"], [
        "filter_properties",
        ":UPp"
      ]])
    }))

  it.effect("an unknown version is sent as given, with one warning, and follows the latest earlier version's rules", () =>
    Effect.gen(function*() {
      const logged: Array<string> = []
      const logger = Logger.make(({ message }) => logged.push(String(message)))
      const { http, layer } = on("2026-06-30")
      const refused = yield* withClient(layer, (c) =>
        Effect.zipRight(
          Effect.zipRight(c.pages.retrieve({ page_id: "p1" }), c.pages.retrieve({ page_id: "p1" })),
          Effect.flip(c.pages.update({ page_id: "p1", archived: true }))
        )).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
      assert.strictEqual(refused._tag, "InvalidParameters")
      assert.deepStrictEqual(http.requests.map((r) => r.headers["notion-version"]), ["2026-06-30", "2026-06-30"])
      assert.strictEqual(logged.filter((m) => m.includes(`"2026-06-30"`)).length, 1)
      assert.strictEqual(NotionVersion.rulesOf("2026-06-30"), "2026-03-11")
      assert.strictEqual(NotionVersion.rulesOf("2021-05-13"), "2025-09-03")
    }))
})
