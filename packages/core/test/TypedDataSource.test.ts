import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { Filter, Sort } from "../src/Filter.js"
import * as Streams from "../src/internal/streams.js"
import { NotionClient } from "../src/NotionClient.js"
import type * as NotionConfig from "../src/NotionConfig.js"
import type { Page } from "../src/Page.js"
import * as TypedDataSource from "../src/TypedDataSource.js"
import { fakeHttp, json } from "./utils/fakeHttp.js"
import { clientLayer, page } from "./utils/fixtures.js"

// ---------------------------------------------------------------------------------------------------------------
// a definition with every kind, and pages that fit it
// ---------------------------------------------------------------------------------------------------------------

const DS = "ds000000-0000-4000-8000-000000000001"

const Tasks = TypedDataSource.define({
  dataSourceId: DS,
  title: "Tasks",
  fields: {
    name: { kind: "title", id: "title", name: "Name" },
    notes: { kind: "rich_text", id: "n%3Ao", name: "Notes" },
    estimate: { kind: "number", id: "est", name: "Estimate" },
    done: { kind: "checkbox", id: "dn", name: "Done" },
    link: { kind: "url", id: "ur", name: "Link" },
    contact: { kind: "email", id: "em", name: "Contact" },
    phone: { kind: "phone_number", id: "ph", name: "Phone" },
    due: { kind: "date", id: "du", name: "Due" },
    priority: { kind: "select", id: "pr", name: "Priority", options: ["Low", "High"] },
    status: { kind: "status", id: "st", name: "Status", options: ["Not started", "In progress", "Done"] },
    tags: { kind: "multi_select", id: "tg", name: "Tags", options: ["bug", "feature"] },
    owners: { kind: "people", id: "pe", name: "Owners" },
    project: { kind: "relation", id: "re", name: "Project" },
    attachments: { kind: "files", id: "fi", name: "Attachments" },
    score: { kind: "formula", id: "fo", name: "Score", result: "number", readOnly: true },
    total: { kind: "rollup", id: "ro", name: "Total", result: "number", function: "sum", readOnly: true },
    ref: { kind: "unique_id", id: "ui", name: "ID", readOnly: true },
    createdTime: { kind: "created_time", id: "ct", name: "Created", readOnly: true },
    createdBy: { kind: "created_by", id: "cb", name: "Created by", readOnly: true },
    editedTime: { kind: "last_edited_time", id: "et", name: "Edited", readOnly: true },
    editedBy: { kind: "last_edited_by", id: "eb", name: "Edited by", readOnly: true }
  }
})

const text = (content: string) => ({
  type: "text",
  text: { content, link: null },
  annotations: {
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
    code: false,
    color: "default"
  },
  plain_text: content,
  href: null
})

const user = (id: string) => ({ object: "user", id })

/** Every property of the Tasks data source, keyed by name as Notion sends them. */
const properties = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  Name: { id: "title", type: "title", title: [text("Write "), text("docs")] },
  Notes: { id: "n%3Ao", type: "rich_text", rich_text: [text("two runs")] },
  Estimate: { id: "est", type: "number", number: 3 },
  Done: { id: "dn", type: "checkbox", checkbox: false },
  Link: { id: "ur", type: "url", url: "https://example.com" },
  Contact: { id: "em", type: "email", email: null },
  Phone: { id: "ph", type: "phone_number", phone_number: "+1 555" },
  Due: { id: "du", type: "date", date: { start: "2025-03-01", end: null } },
  Priority: { id: "pr", type: "select", select: { id: "o1", name: "High", color: "red" } },
  Status: { id: "st", type: "status", status: { id: "s1", name: "In progress", color: "blue" } },
  Tags: { id: "tg", type: "multi_select", multi_select: [{ id: "t1", name: "bug", color: "red" }] },
  Owners: { id: "pe", type: "people", people: [user("u1"), user("u2")] },
  Project: { id: "re", type: "relation", relation: [{ id: "p-project" }], has_more: false },
  Attachments: {
    id: "fi",
    type: "files",
    files: [{ name: "spec.pdf", type: "external", external: { url: "https://example.com/spec.pdf" } }]
  },
  Score: { id: "fo", type: "formula", formula: { type: "number", number: 42 } },
  Total: { id: "ro", type: "rollup", rollup: { type: "number", number: 7, function: "sum" } },
  ID: { id: "ui", type: "unique_id", unique_id: { prefix: "TASK", number: 12 } },
  Created: { id: "ct", type: "created_time", created_time: "2025-01-01T00:00:00.000Z" },
  "Created by": { id: "cb", type: "created_by", created_by: user("u1") },
  Edited: { id: "et", type: "last_edited_time", last_edited_time: "2025-01-02T00:00:00.000Z" },
  "Edited by": { id: "eb", type: "last_edited_by", last_edited_by: user("u2") },
  ...overrides
})

const pageJson = (id: string, props: Record<string, unknown> = properties()) => ({
  ...page(id),
  parent: { type: "data_source_id", data_source_id: DS },
  properties: props,
  created_by: user("u1"),
  last_edited_by: user("u2")
})

const list = (results: ReadonlyArray<unknown>, next: string | null = null) => ({
  object: "list",
  type: "page_or_data_source",
  page_or_data_source: {},
  results,
  next_cursor: next,
  has_more: next !== null
})

const bodyOf = (request: { readonly body: unknown }) =>
  JSON.parse(new TextDecoder().decode((request.body as { readonly body: Uint8Array }).body))

const decodeJson = (page: unknown) => TypedDataSource.decodePage(Tasks, page as Page)

const expectedValues = {
  name: "Write docs",
  notes: "two runs",
  estimate: 3,
  done: false,
  link: "https://example.com",
  contact: null,
  phone: "+1 555",
  due: { start: "2025-03-01", end: null, time_zone: null },
  priority: "High",
  status: "In progress",
  tags: ["bug"],
  owners: ["u1", "u2"],
  project: ["p-project"],
  attachments: [{ name: "spec.pdf", type: "external", external: { url: "https://example.com/spec.pdf" } }],
  score: 42,
  total: 7,
  ref: { prefix: "TASK", number: 12 },
  createdTime: "2025-01-01T00:00:00.000Z",
  createdBy: "u1",
  editedTime: "2025-01-02T00:00:00.000Z",
  editedBy: "u2"
}

const valuesOf = (row: TypedDataSource.RowOf<typeof Tasks>) => {
  const { created_time: _c, id: _i, last_edited_time: _l, raw: _r, ...values } = row
  return values
}

// ---------------------------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------------------------

describe("TypedDataSource: decoding", () => {
  it("reads every kind by property id, and the row keeps id, times and the raw page", () => {
    const row = Either.getOrThrow(decodeJson(pageJson("p1")))
    assert.deepStrictEqual(valuesOf(row), expectedValues)
    assert.strictEqual(row.id, "p1")
    assert.strictEqual(row.created_time, "2025-01-01T00:00:00.000Z")
    assert.strictEqual(row.last_edited_time, "2025-01-02T00:00:00.000Z")
    assert.strictEqual(row.raw.url, "https://www.notion.so/p1")
    // the decoded values are what the definition's Schema describes
    assert.isTrue(Schema.is(Tasks.schema)(valuesOf(row)))
  })

  it("a renamed property still decodes (matched by id), an added one is ignored", () => {
    const { Estimate, ...rest } = properties()
    const renamed = { ...rest, "Estimate (h)": Estimate, "Brand new": { id: "new", type: "number", number: 1 } }
    const row = Either.getOrThrow(decodeJson(pageJson("p1", renamed)))
    assert.strictEqual(row.estimate, 3)
    assert.notProperty(row, "brandNew")
  })

  it("ids match escaped or not (%3A and :)", () => {
    const props = properties({ Notes: { id: "n:o", type: "rich_text", rich_text: [text("plain")] } })
    assert.strictEqual(Either.getOrThrow(decodeJson(pageJson("p1", props))).notes, "plain")
  })

  it("a removed property fails with PropertyNotFound naming it", () => {
    const { Priority: _, ...rest } = properties()
    const result = decodeJson(pageJson("p1", rest))
    assert.isTrue(Either.isLeft(result))
    const error = Either.isLeft(result) ? result.left : undefined!
    assert.strictEqual(error._tag, "PropertyNotFound")
    if (error._tag !== "PropertyNotFound") return
    assert.deepStrictEqual(error.missing, [{ field: "priority", propertyId: "pr", propertyName: "Priority" }])
    assert.include(error.message, "\"Priority\"")
  })

  it("an option added later is accepted; strict mode refuses it", () => {
    const props = properties({ Priority: { id: "pr", type: "select", select: { name: "Urgent", color: "red" } } })
    assert.strictEqual(Either.getOrThrow(decodeJson(pageJson("p1", props))).priority, "Urgent")
    const strict = TypedDataSource.decodePage(Tasks, pageJson("p1", props) as unknown as Page, { strict: true })
    assert.isTrue(Either.isLeft(strict))
    const error = Either.flip(strict).pipe(Either.getOrThrow)
    assert.strictEqual(error._tag, "RowDecodeError")
    if (error._tag !== "RowDecodeError") return
    assert.strictEqual(error.issues[0]!.field, "priority")
    assert.include(error.issues[0]!.message, "\"Urgent\"")
  })

  it("a formula whose type changed, or a property whose kind changed, is a RowDecodeError naming each field", () => {
    const props = properties({
      Score: { id: "fo", type: "formula", formula: { type: "string", string: "high" } },
      Tags: { id: "tg", type: "select", select: null }
    })
    const error = Either.flip(decodeJson(pageJson("p1", props))).pipe(Either.getOrThrow)
    assert.strictEqual(error._tag, "RowDecodeError")
    if (error._tag !== "RowDecodeError") return
    assert.deepStrictEqual(error.issues.map((i) => [i.field, i.expected]), [
      ["tags", "multi_select"],
      ["score", "formula returning number"]
    ])
    assert.strictEqual(error.pageId, "p1")
  })

  it("dates keep end and time zone; empty values decode to null and []", () => {
    const props = properties({
      Due: {
        id: "du",
        type: "date",
        date: { start: "2025-03-01T09:00", end: "2025-03-02", time_zone: "Europe/Paris" }
      },
      Priority: { id: "pr", type: "select", select: null },
      Tags: { id: "tg", type: "multi_select", multi_select: [] },
      Estimate: { id: "est", type: "number", number: null }
    })
    const row = Either.getOrThrow(decodeJson(pageJson("p1", props)))
    assert.deepStrictEqual(row.due, { start: "2025-03-01T09:00", end: "2025-03-02", time_zone: "Europe/Paris" })
    assert.isNull(row.priority)
    assert.deepStrictEqual(row.tags, [])
    assert.isNull(row.estimate)
  })

  it("define refuses a field named like a row key", () => {
    assert.throws(() =>
      TypedDataSource.define({
        dataSourceId: DS,
        // @ts-expect-error -- `id` is every row's page id
        fields: { id: { kind: "number", id: "x", name: "ID" } }
      })
    )
  })
})

describe("TypedDataSource: encoding", () => {
  it("only the given fields are sent, keyed by property id, in Notion's request shapes", () => {
    const long = "x".repeat(2500)
    const properties = Either.getOrThrow(TypedDataSource.encodeInput(Tasks, {
      name: long,
      estimate: null,
      done: true,
      due: { start: "2025-03-01" },
      priority: "Low",
      status: "Done",
      tags: ["bug", "new-one"],
      owners: ["u1"],
      project: ["p2"],
      attachments: [{ name: "a.png", external: { url: "https://example.com/a.png" } }],
      contact: undefined
    }))
    assert.deepStrictEqual(properties, {
      title: {
        title: [{ type: "text", text: { content: "x".repeat(2000) } }, {
          type: "text",
          text: { content: "x".repeat(500) }
        }]
      },
      est: { number: null },
      dn: { checkbox: true },
      du: { date: { start: "2025-03-01", end: null } },
      pr: { select: { name: "Low" } },
      st: { status: { name: "Done" } },
      tg: { multi_select: [{ name: "bug" }, { name: "new-one" }] },
      pe: { people: [{ object: "user", id: "u1" }] },
      re: { relation: [{ id: "p2" }] },
      fi: { files: [{ name: "a.png", type: "external", external: { url: "https://example.com/a.png" } }] }
    })
  })

  it("read-only, unknown and ill-typed fields are refused with InvalidRowInput", () => {
    const readOnly = TypedDataSource.encodeInput(Tasks, { score: 1 } as never)
    assert.strictEqual(Either.flip(readOnly).pipe(Either.getOrThrow).field, "score")
    assert.include(Either.flip(readOnly).pipe(Either.getOrThrow).message, "read-only formula")
    const unknown = TypedDataSource.encodeInput(Tasks, { nope: 1 } as never)
    assert.include(Either.flip(unknown).pipe(Either.getOrThrow).message, "not a field")
    const wrong = TypedDataSource.encodeInput(Tasks, { estimate: "3" } as never)
    assert.strictEqual(Either.flip(wrong).pipe(Either.getOrThrow)._tag, "InvalidRowInput")
  })

  it("types: read-only fields cannot be written, conditions follow the kind", () => {
    const input: TypedDataSource.InputOfDefinition<typeof Tasks> = {
      name: "x",
      // @ts-expect-error -- a formula is read-only
      score: 3
    }
    const where = TypedDataSource.where(Tasks)
    where.priority({ equals: "High" })
    where.priority({ equals: "added later" })
    where.score({ number: { greater_than: 3 } })
    assert.deepStrictEqual(where.status({ group: { equals: "Complete" } }), {
      property: "st",
      status: { group: { equals: "Complete" } }
    })
    // @ts-expect-error -- a select has no groups
    where.priority({ group: { equals: "Complete" } })
    // @ts-expect-error -- a number takes number conditions
    where.estimate({ contains: "3" })
    // @ts-expect-error -- a checkbox takes booleans
    where.done({ equals: "yes" })
    const priority: "Low" | "High" | (string & {}) | null = Either.getOrThrow(decodeJson(pageJson("p1"))).priority
    assert.ok(input && priority)
  })
})

describe("TypedDataSource: against the client", () => {
  it.effect("query: filter and sorts by property id, pages followed, bad rows reported per row", () =>
    Effect.gen(function*() {
      const bad = properties({ Score: { id: "fo", type: "formula", formula: { type: "string", string: "x" } } })
      const http = fakeHttp((request) => {
        const body = bodyOf(request)
        return body.start_cursor === undefined
          ? json(200, list([pageJson("p1"), pageJson("p2", bad)], "c2"))
          : json(200, list([pageJson("p3"), { object: "data_source", id: "ds-child", properties: {} }]))
      })
      const results = yield* Effect.gen(function*() {
        const tasks = yield* TypedDataSource.make(Tasks)
        return yield* tasks.query({
          filter: (where) =>
            Filter.and(
              where.status({ does_not_equal: "Done" }),
              Filter.or(where.estimate({ greater_than: 2 }), where.tags({ contains: "bug" }))
            ),
          sorts: (sort) => [sort.due("descending"), Sort.timestamp("created_time")],
          pageSize: 2
        }).pipe(Streams.collect)
      }).pipe(Effect.provide(clientLayer(http.layer)))
      assert.deepStrictEqual(results.map((r) => Either.isRight(r) ? r.right.id : `bad:${r.left.pageId}`), [
        "p1",
        "bad:p2",
        "p3"
      ])
      assert.strictEqual(http.requests[0]!.url, `https://api.notion.com/v1/data_sources/${DS}/query`)
      assert.deepStrictEqual(bodyOf(http.requests[0]!), {
        filter: {
          and: [
            { property: "st", status: { does_not_equal: "Done" } },
            {
              or: [{ property: "est", number: { greater_than: 2 } }, {
                property: "tg",
                multi_select: { contains: "bug" }
              }]
            }
          ]
        },
        sorts: [{ property: "du", direction: "descending" }, { timestamp: "created_time", direction: "ascending" }],
        page_size: 2
      })
      assert.strictEqual(bodyOf(http.requests[1]!).start_cursor, "c2")
    }))

  it.effect("query strict: the first row that does not fit fails the stream", () =>
    Effect.gen(function*() {
      const bad = properties({ Priority: { id: "pr", type: "select", select: { name: "Urgent" } } })
      const http = fakeHttp(() => json(200, list([pageJson("p1"), pageJson("p2", bad), pageJson("p3")])))
      const error = yield* Effect.gen(function*() {
        const tasks = yield* TypedDataSource.make(Tasks, "another-ds")
        return yield* tasks.query({ strict: true }).pipe(Stream.runCollect, Effect.flip)
      }).pipe(Effect.provide(clientLayer(http.layer)))
      assert.strictEqual(error._tag, "RowDecodeError")
      assert.strictEqual(http.requests[0]!.url, "https://api.notion.com/v1/data_sources/another-ds/query")
    }))

  it.effect("query on 2026-12-01 asks for the definition's property ids; older versions list rows whole", () =>
    Effect.gen(function*() {
      // sent decoded once (`n%3Ao` is `n:o` on the wire, as the official SDK sends it)
      const ids = Object.values(Tasks.fields).map((spec) => decodeURIComponent(spec.id))
      const run = (options: NotionConfig.Options, make: TypedDataSource.MakeOptions) =>
        Effect.gen(function*() {
          const http = fakeHttp(() => json(200, list([pageJson("p1")])))
          const rows = yield* Effect.gen(function*() {
            const tasks = yield* TypedDataSource.make(Tasks, DS, make)
            return yield* Streams.collect(tasks.query({ strict: true }))
          }).pipe(Effect.provide(clientLayer(http.layer, options)))
          assert.deepStrictEqual(rows.map((r) => r.id), ["p1"])
          const [request] = http.requests
          return {
            version: request!.headers["notion-version"],
            asked: [...request!.urlParams].filter(([k]) => k === "filter_properties").map(([, v]) => v)
          }
        })
      assert.deepStrictEqual(yield* run({ notionVersion: "2026-12-01" }, {}), { version: "2026-12-01", asked: ids })
      assert.deepStrictEqual(yield* run({}, {}), { version: "2025-09-03", asked: [] })
      assert.deepStrictEqual(yield* run({ notionVersion: "2026-03-11" }, { notionVersion: "2026-12-01" }), {
        version: "2026-12-01",
        asked: ids
      })
    }))

  it.effect("query: a removed property fails the stream with PropertyNotFound", () =>
    Effect.gen(function*() {
      const { Due: _, ...rest } = properties()
      const http = fakeHttp(() => json(200, list([pageJson("p1", rest)])))
      const error = yield* Effect.gen(function*() {
        const tasks = yield* TypedDataSource.make(Tasks)
        return yield* tasks.query().pipe(Stream.runCollect, Effect.flip)
      }).pipe(Effect.provide(clientLayer(http.layer)))
      assert.strictEqual(error._tag, "PropertyNotFound")
    }))

  it.effect("create, update, retrieve and trash", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, pageJson("p9")))
      const rows = yield* Effect.gen(function*() {
        const tasks = yield* TypedDataSource.make(Tasks)
        const created = yield* tasks.create({ name: "New", priority: "High" })
        const updated = yield* tasks.update("p9", { done: true })
        const retrieved = yield* tasks.retrieve("p9")
        yield* tasks.trash("p9")
        const refused = yield* Effect.flip(tasks.update("p9", { createdBy: "u1" } as never))
        return { created, updated, retrieved, refused }
      }).pipe(Effect.provide(clientLayer(http.layer)))
      assert.strictEqual(rows.created.id, "p9")
      assert.deepStrictEqual(valuesOf(rows.retrieved), expectedValues)
      assert.strictEqual(rows.refused._tag, "InvalidRowInput")
      const [create, update, retrieve, trash] = http.requests
      assert.strictEqual(create!.method, "POST")
      assert.deepStrictEqual(bodyOf(create!), {
        parent: { data_source_id: DS },
        properties: { title: { title: [{ type: "text", text: { content: "New" } }] }, pr: { select: { name: "High" } } }
      })
      assert.strictEqual(update!.method, "PATCH")
      assert.deepStrictEqual(bodyOf(update!), { properties: { dn: { checkbox: true } } })
      assert.strictEqual(retrieve!.method, "GET")
      assert.deepStrictEqual(bodyOf(trash!), { in_trash: true })
      assert.strictEqual(http.requests.length, 4)
    }))

  it.effect("a partial page answer is a RowDecodeError", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, { object: "page", id: "p1" }))
      const error = yield* Effect.gen(function*() {
        const tasks = yield* TypedDataSource.make(Tasks)
        return yield* Effect.flip(tasks.retrieve("p1"))
      }).pipe(Effect.provide(clientLayer(http.layer)))
      assert.strictEqual(error._tag, "RowDecodeError")
      assert.include(error.message, "partial")
    }))

  it.effect("the service is built from the NotionClient in context", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => json(200, list([])))
      const service = yield* Effect.provide(
        Effect.zipRight(NotionClient, TypedDataSource.make(Tasks)),
        clientLayer(http.layer)
      )
      assert.strictEqual(service.dataSourceId, DS)
      assert.deepStrictEqual(service.sort.due("descending"), { property: "du", direction: "descending" })
    }))
})
