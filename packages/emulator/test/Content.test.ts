// Our client against the emulator's content endpoints, through real sockets: what is created can be read back,
// queried with filters and sorts, edited, moved and trashed; uploads follow Notion's part rules.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import {
  AsyncTask,
  Block,
  Database,
  DataSource,
  Filter,
  NotionAuth,
  NotionClient,
  NotionRetry,
  NotionVersion,
  Page,
  Pagination,
  PropertyItem,
  PropertyValue,
  Upload
} from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { clientLayer } from "../../core/test/utils/fixtures.js"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"

const TASKS = Fixture.tasks.dataSourceId
const PAGE = Fixture.pages.roadmap
const text = (content: string) => [{ type: "text" as const, text: { content } }]

const ClientLayer = (notionVersion: NotionVersion.Known) =>
  Layer.unwrapEffect(
    Effect.map(NotionEmulator.NotionEmulator, (emulator) =>
      clientLayer(
        NodeHttpClient.layerUndici,
        { baseUrl: emulator.url, retry: NotionRetry.disabled, notionVersion },
        NotionAuth.layer(emulator.internalToken)
      ))
  ).pipe(Layer.provideMerge(NotionEmulator.layer()))

const titles = (rows: ReadonlyArray<unknown>) =>
  rows.map((row) => Page.isFullPage(row as Page.PageOrPartial) ? PropertyValue.title(row as Page.Page) : "?")

describe.each(NotionVersion.versions)("content endpoints on %s (our client, real sockets)", (version) => {
  it.layer(ClientLayer(version))((it) => {
    it.effect("a row created in a data source reads back, and queries filter and sort", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const source = yield* notion.dataSources.retrieve({ data_source_id: TASKS })
        if (!DataSource.isFullDataSource(source)) return assert.fail("the seeded data source is shared")
        assert.deepStrictEqual(Object.keys(source.properties).sort(), ["Done", "Due", "Name", "Priority", "Status"])
        const created = yield* notion.pages.create({
          parent: { data_source_id: TASKS },
          properties: {
            Name: { title: text("Launch party") },
            Priority: { number: 5 },
            Status: { select: { name: "Todo" } }
          }
        })
        if (!("url" in created) || !Page.isFullPage(created)) return assert.fail("a created page comes back in full")
        assert.strictEqual(PropertyValue.title(created), "Launch party")
        assert.deepStrictEqual(Option.map(PropertyValue.get(created, "Priority", "number"), (n) => n), Option.some(5))
        const again = yield* notion.pages.retrieve({ page_id: created.id })
        assert.strictEqual(again.id, created.id)

        const todo = yield* NotionClient.collect(notion.dataSources.query, {
          data_source_id: TASKS,
          filter: Filter.and(Filter.select("Status", { equals: "Todo" }), Filter.checkbox("Done", { equals: false })),
          sorts: [Filter.descending("Priority")],
          page_size: 1
        })
        assert.deepStrictEqual(titles(todo), ["Launch party", "Plan the launch"])
        const launches = yield* NotionClient.collect(notion.dataSources.query, {
          data_source_id: TASKS,
          filter: Filter.or(Filter.title("Name", { contains: "launch" }), Filter.number("Priority", { equals: 1 })),
          sorts: [Filter.ascending("Priority")]
        })
        assert.deepStrictEqual(titles(launches), ["Write the README", "Plan the launch", "Launch party"])
        const bad = yield* Effect.flip(notion.dataSources.query({
          data_source_id: TASKS,
          filter: Filter.number("Name", { equals: 1 })
        }))
        assert.strictEqual(bad._tag, "ValidationError")
      }))

    it.effect("pages update, move and go to the trash; the trash leaves queries", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const page = yield* notion.pages.create({
          parent: { page_id: PAGE },
          properties: { title: { title: text("Draft") } }
        })
        const renamed = yield* notion.pages.update({
          page_id: page.id,
          properties: { title: { title: text("Final") } }
        })
        assert.strictEqual(Page.isFullPage(renamed) && PropertyValue.title(renamed), "Final")
        const moved = yield* notion.pages.move({ page_id: page.id, parent: { data_source_id: TASKS } })
        assert.strictEqual(Page.isFullPage(moved) && moved.parent.type, "data_source_id")
        const trashed = yield* notion.pages.update({ page_id: page.id, in_trash: true })
        assert.isTrue(Page.isFullPage(trashed) && trashed.in_trash)
        const rows = yield* NotionClient.collect(notion.dataSources.query, { data_source_id: TASKS })
        assert.notInclude(rows.map((r) => r.id), page.id)
        const missing = yield* Effect.flip(notion.pages.retrieve({ page_id: "00000000-0000-4000-8000-00000000dead" }))
        assert.strictEqual(missing._tag, "ObjectNotFound")
      }))

    it.effect("blocks append (at the end, at the start, after a block), update, delete, and list", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const page = yield* notion.pages.create({
          parent: { page_id: PAGE },
          properties: { title: { title: text("Notes") } },
          children: [{ type: "paragraph", paragraph: { rich_text: text("first") } }]
        })
        const [first] = (yield* notion.blocks.children.list({ block_id: page.id })).results
        const retrieved = yield* notion.blocks.retrieve({ block_id: first!.id })
        assert.strictEqual(Block.isFullBlock(retrieved) && retrieved.type, "paragraph")
        yield* notion.blocks.children.append({
          block_id: page.id,
          children: [{ type: "to_do", to_do: { rich_text: text("last"), checked: false } }]
        })
        yield* notion.blocks.children.append({
          block_id: page.id,
          children: [{ type: "heading_1", heading_1: { rich_text: text("top") } }],
          position: { type: "start" }
        })
        yield* notion.blocks.children.append({
          block_id: page.id,
          children: [{ type: "quote", quote: { rich_text: text("second") } }],
          position: { type: "after_block", after_block: { id: first!.id } }
        })
        const listed = yield* NotionClient.collect(notion.blocks.children.list, { block_id: page.id, page_size: 2 })
        assert.deepStrictEqual(listed.map((b) => Block.isFullBlock(b) ? b.type : "?"), [
          "heading_1",
          "paragraph",
          "quote",
          "to_do"
        ])
        const todo = listed[3]!
        const checked = yield* notion.blocks.update({ block_id: todo.id, to_do: { checked: true } })
        assert.isTrue(Block.isFullBlock(checked) && checked.type === "to_do" && (checked as any).to_do.checked)
        yield* notion.blocks.delete({ block_id: todo.id })
        const after = yield* NotionClient.collect(notion.blocks.children.list, { block_id: page.id })
        assert.strictEqual(after.length, 3)
        const tooMany = yield* Effect.flip(notion.blocks.children.append({
          block_id: page.id,
          children: Array.from({ length: 101 }, () => ({ type: "divider" as const, divider: {} }))
        }))
        assert.strictEqual(tooMany._tag, "InvalidParameters")
      }))

    it.effect(
      "uploads: single part, multi part with part checks, attached as a file block",
      () =>
        Effect.gen(function*() {
          const notion = yield* NotionClient.NotionClient
          const small = yield* Upload.bytes(notion, new TextEncoder().encode("hello"), { filename: "hello.txt" })
          assert.strictEqual(small.status, "uploaded")
          const big = yield* Upload.bytes(notion, new Uint8Array(21 * 1024 * 1024), { filename: "big.bin" })
          assert.strictEqual(big.status, "uploaded")
          const listed = yield* notion.fileUploads.list({ status: "uploaded" })
          assert.includeMembers(listed.results.map((u) => u.id), [small.id, big.id])
          // completing before every part was sent is refused
          const partial = yield* notion.fileUploads.create({
            mode: "multi_part",
            number_of_parts: 2,
            filename: "x.bin"
          })
          const early = yield* Effect.flip(notion.fileUploads.complete({ file_upload_id: partial.id }))
          assert.strictEqual(early._tag, "ValidationError")
          const page = yield* notion.pages.create({
            parent: { page_id: PAGE },
            properties: { title: { title: text("Files") } }
          })
          const [block] = (yield* notion.blocks.children.append({
            block_id: page.id,
            children: [{ type: "file", file: Upload.reference(small) }]
          })).results
          assert.isTrue(Block.isFullBlock(block!) && block.type === "file")
          const retrieved = yield* notion.fileUploads.retrieve({ file_upload_id: small.id })
          assert.isNull(retrieved.expiry_time)
        }),
      60_000
    )

    it.effect("comments: create on a page, reply in the discussion, list, update, delete", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const page = yield* notion.pages.create({
          parent: { page_id: PAGE },
          properties: { title: { title: text("Talk") } }
        })
        const comment = yield* notion.comments.create({ parent: { page_id: page.id }, rich_text: text("Hello") })
        if (!("discussion_id" in comment)) return assert.fail("a full comment")
        yield* notion.comments.create({ discussion_id: comment.discussion_id, markdown: "Hi back" })
        assert.strictEqual((yield* notion.comments.retrieve({ comment_id: comment.id })).id, comment.id)
        const listed = yield* notion.comments.list({ block_id: page.id })
        assert.strictEqual(listed.results.length, 2)
        const edited = yield* notion.comments.update({ comment_id: comment.id, rich_text: text("Hello!") })
        assert.strictEqual("rich_text" in edited && edited.rich_text[0]?.plain_text, "Hello!")
        yield* notion.comments.delete({ comment_id: comment.id })
        assert.strictEqual((yield* notion.comments.list({ block_id: page.id })).results.length, 1)
      }))

    it.effect("data sources: create, rename a property, search finds it", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const created = yield* notion.dataSources.create({
          parent: { database_id: Fixture.tasks.databaseId },
          title: text("Bugs"),
          properties: { Title: { title: {} }, Severity: { number: {} } }
        })
        const renamed = yield* notion.dataSources.update({
          data_source_id: created.id,
          properties: { Severity: { name: "Impact" } }
        })
        if (!DataSource.isFullDataSource(renamed)) return assert.fail("full")
        assert.deepStrictEqual(Object.keys(renamed.properties).sort(), ["Impact", "Title"])
        const found = yield* notion.search({ query: "bugs", filter: { property: "object", value: "data_source" } })
        assert.deepStrictEqual(found.results.map((r) => r.id), [created.id])
      }))

    it.effect("properties named code, status, message or __proto__ are properties, never an error or a prototype", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const created = yield* notion.dataSources.create({
          parent: { database_id: Fixture.tasks.databaseId },
          title: text("Awkward"),
          properties: {
            Title: { title: {} },
            code: { rich_text: {} },
            status: { number: {} },
            message: { rich_text: {} },
            ["__proto__"]: { checkbox: {} }
          } as any
        })
        if (!DataSource.isFullDataSource(created)) return assert.fail("full")
        const names = ["Title", "__proto__", "code", "message", "status"]
        assert.deepStrictEqual(Object.keys(created.properties).sort(), names)
        const retrieved = yield* notion.dataSources.retrieve({ data_source_id: created.id })
        if (!DataSource.isFullDataSource(retrieved)) return assert.fail("full")
        assert.deepStrictEqual(Object.keys(retrieved.properties).sort(), names)
        const page = yield* notion.pages.create({
          parent: { data_source_id: created.id },
          properties: {
            Title: { title: text("Row") },
            code: { rich_text: text("E42") },
            status: { number: 500 },
            message: { rich_text: text("broken") },
            ["__proto__"]: { checkbox: true }
          } as any
        })
        if (!Page.isFullPage(page)) return assert.fail("a created page comes back in full")
        assert.deepStrictEqual(Object.keys(page.properties).sort(), names)
        assert.deepStrictEqual(Option.getOrUndefined(PropertyValue.get(page, "status", "number")), 500)
        assert.strictEqual(Object.getPrototypeOf(page.properties), Object.prototype)
        const updated = yield* notion.pages.update({ page_id: page.id, properties: { status: { number: 404 } } })
        if (!Page.isFullPage(updated)) return assert.fail("full")
        assert.deepStrictEqual(Option.getOrUndefined(PropertyValue.get(updated, "status", "number")), 404)
        const rows = yield* NotionClient.collect(notion.dataSources.query, {
          data_source_id: created.id,
          filter: Filter.number("status", { equals: 404 })
        })
        assert.deepStrictEqual(rows.map((row) => row.id), [page.id])
      }))

    it.effect("databases hold data sources; views run queries cached for 15 minutes", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const database = yield* notion.databases.create({
          parent: { page_id: PAGE },
          title: text("Inventory"),
          initial_data_source: { properties: { Item: { title: {} }, Count: { number: {} } } }
        })
        if (!Database.isFullDatabase(database)) return assert.fail("full")
        const sourceId = database.data_sources![0]!.id
        yield* notion.pages.create({
          parent: { data_source_id: sourceId },
          properties: { Item: { title: text("Bolts") }, Count: { number: 3 } }
        })
        yield* notion.pages.create({
          parent: { data_source_id: sourceId },
          properties: { Item: { title: text("Nuts") }, Count: { number: 9 } }
        })
        const renamed = yield* notion.databases.update({ database_id: database.id, title: text("Stock") })
        assert.strictEqual(Database.isFullDatabase(renamed) && renamed.title?.[0]?.plain_text, "Stock")
        const view = yield* notion.views.create({
          data_source_id: sourceId,
          database_id: database.id,
          name: "Plenty",
          type: "table",
          filter: Filter.number("Count", { greater_than: 5 })
        })
        const listed = yield* notion.views.list({ database_id: database.id })
        assert.deepStrictEqual(listed.results.map((v) => v.id), [view.id])
        const query = yield* notion.views.queries.create({ view_id: view.id, page_size: 1 })
        assert.strictEqual(query.total_count, 1)
        const results = yield* notion.views.queries.results({ view_id: view.id, query_id: query.id })
        assert.strictEqual(results.results.length, 1)
        yield* TestClock.adjust("16 minutes")
        const expired = yield* Effect.flip(notion.views.queries.results({ view_id: view.id, query_id: query.id }))
        assert.strictEqual(expired._tag, "ObjectNotFound")
        const deleted = yield* notion.views.queries.delete({ view_id: view.id, query_id: query.id })
        assert.isTrue(deleted.deleted)
        yield* notion.views.update({ view_id: view.id, name: "Many" })
        const again = yield* notion.views.retrieve({ view_id: view.id })
        assert.strictEqual("name" in again && again.name, "Many")
        yield* notion.views.delete({ view_id: view.id })
        assert.strictEqual((yield* notion.views.list({ database_id: database.id })).results.length, 0)
      }))

    it.effect("markdown round-trips; a markdown page can be created as an async task", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const created = yield* notion.pages.create({
          parent: { page_id: PAGE },
          properties: { title: { title: text("Doc") } },
          markdown: "# Plan\n- [ ] write\nsome text",
          allow_async: true
        })
        if (!AsyncTask.isKnownAsyncTask(created as AsyncTask.AsyncTask) || !("status_url" in created)) {
          return assert.fail("an async task")
        }
        const task = yield* notion.asyncTasks.retrieve({ task_id: created.id })
        assert.strictEqual(task.status, "succeeded")
        const pageId = (task as { result?: { page_id?: string } }).result!.page_id!
        const markdown = yield* notion.pages.retrieveMarkdown({ page_id: pageId })
        assert.strictEqual(markdown.markdown, "# Plan\n- [ ] write\nsome text")
        const updated = yield* notion.pages.updateMarkdown({
          page_id: pageId,
          type: "update_content",
          update_content: { content_updates: [{ old_str: "- [ ] write", new_str: "- [x] write" }] }
        })
        assert.strictEqual("markdown" in updated && updated.markdown, "# Plan\n- [x] write\nsome text")
        const replaced = yield* notion.pages.updateMarkdown({
          page_id: pageId,
          type: "replace_content",
          replace_content: { new_str: "Just this" }
        })
        assert.strictEqual("markdown" in replaced && replaced.markdown, "Just this")
        const title = yield* notion.pages.properties.retrieve({ page_id: pageId, property_id: "title" })
        assert.isTrue(PropertyItem.isPropertyItemList(title))
        const items = yield* Stream.runCollect(Pagination.streamWith(
          notion.pages.properties.retrieve,
          { page_id: pageId, property_id: "title", page_size: 1 },
          (answer) => PropertyItem.isPropertyItemList(answer) ? answer.results : [answer]
        ))
        assert.strictEqual(items.length, 1)
      }))

    it.effect("custom emojis: the workspace has none", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        assert.deepStrictEqual((yield* notion.customEmojis.list()).results, [])
      }))

    it.effect("templates: listed (by name, paginated), applied on create and on update (erase_content)", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const all = yield* Stream.runCollect(Pagination.streamWith(
          notion.dataSources.listTemplates,
          { data_source_id: TASKS, page_size: 1 },
          (page) => page.templates
        ))
        assert.deepStrictEqual([...all].map((t) => [t.name, t.is_default]), [["Bug report", true], ["Meeting", false]])
        const meeting = (yield* notion.dataSources.listTemplates({ data_source_id: TASKS, name: "meet" })).templates
        assert.deepStrictEqual(meeting.map((t) => t.name), ["Meeting"])

        const values = (page: unknown): ReadonlyArray<unknown> =>
          Page.isFullPage(page as Page.PageOrPartial)
            ? [
              Option.getOrUndefined(PropertyValue.get(page as Page.Page, "Status", "select")),
              Option.getOrUndefined(PropertyValue.get(page as Page.Page, "Priority", "number"))
            ]
            : []
        const blocks = (pageId: string) =>
          Effect.map(
            notion.blocks.children.list({ block_id: pageId }),
            (list) => list.results.map((b) => Block.isFullBlock(b) ? b.type : "?")
          )
        // the default template: its values under the given ones, its blocks as the content
        const bug = yield* notion.pages.create({
          parent: { data_source_id: TASKS },
          properties: { Name: { title: text("Crash on save") }, Priority: { number: 3 } },
          template: { type: "default" }
        })
        assert.deepStrictEqual(values(bug), [{ id: "opt-0", name: "Todo", color: "default" }, 3])
        assert.deepStrictEqual(yield* blocks(bug.id), ["heading_2", "to_do"])
        // another template on update: appended, or replacing the content with erase_content
        yield* notion.pages.update({ page_id: bug.id, template: { type: "template_id", template_id: meeting[0]!.id } })
        assert.deepStrictEqual(yield* blocks(bug.id), ["heading_2", "to_do", "paragraph"])
        yield* notion.pages.update({
          page_id: bug.id,
          template: { type: "template_id", template_id: meeting[0]!.id },
          erase_content: true
        })
        assert.deepStrictEqual(yield* blocks(bug.id), ["paragraph"])

        const unknown = yield* Effect.flip(notion.pages.create({
          parent: { data_source_id: TASKS },
          properties: {},
          template: { type: "template_id", template_id: "7e000000-0000-4000-8000-0000000000ff" }
        }))
        assert.strictEqual(unknown._tag, "ValidationError")
        const both = yield* Effect.flip(notion.pages.create({
          parent: { data_source_id: TASKS },
          properties: {},
          template: { type: "default" },
          children: [{ paragraph: { rich_text: text("x") } }]
        }))
        assert.strictEqual(both._tag, "ValidationError")
      }))

    it.effect("meeting notes: transcribed from an uploaded recording on a page, or after a block; queried sorted", () =>
      Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {} })
        const recording = yield* notion.fileUploads.create({ mode: "single_part", filename: "standup.m4a" })
        const pending = yield* Effect.flip(notion.blocks.meetingNotes.create({
          source: { type: "file_upload", file_upload_id: recording.id },
          parent: { type: "page_id", page_id: page.id }
        }))
        assert.strictEqual(pending._tag, "ValidationError") // not uploaded yet
        yield* notion.fileUploads.send({ file_upload_id: recording.id, file: { data: new Uint8Array([1, 2, 3]) } })
        // the block is `meeting_notes` from 2026-03-11 (`transcription` before it)
        const standup = yield* notion.blocks.meetingNotes.create({
          source: { type: "file_upload", file_upload_id: recording.id },
          parent: { type: "page_id", page_id: page.id },
          title: "Standup",
          notionVersion: "2026-03-11"
        })
        if (!Block.isFullBlock(standup) || !Block.isKnownBlock(standup) || standup.type !== "meeting_notes") {
          return assert.fail("a meeting_notes block")
        }
        assert.strictEqual(standup.meeting_notes.status, "notes_ready")
        assert.strictEqual(standup.meeting_notes.title?.[0]?.plain_text, "Standup")
        const parts = yield* notion.blocks.children.list({ block_id: standup.id })
        assert.deepStrictEqual(
          parts.results.map((b) => b.id),
          [
            standup.meeting_notes.children?.summary_block_id,
            standup.meeting_notes.children?.notes_block_id,
            standup.meeting_notes.children?.transcript_block_id
          ]
        )
        const [anchor] = (yield* notion.blocks.children.append({
          block_id: page.id,
          children: [{ paragraph: { rich_text: text("after this") } }]
        })).results
        const retro = yield* notion.blocks.meetingNotes.create({
          source: { type: "block", block_id: anchor!.id },
          title: "Retro"
        })
        const onPage = yield* notion.blocks.children.list({ block_id: page.id })
        assert.deepStrictEqual(onPage.results.map((b) => b.id), [standup.id, anchor!.id, retro.id])

        const byTitle = yield* notion.blocks.meetingNotes.query({
          sort: [{ property: "title", direction: "ascending" }]
        })
        assert.deepStrictEqual(byTitle.results.map((b) => b.id), [retro.id, standup.id])
        const newest = yield* notion.blocks.meetingNotes.query({
          sort: [{ property: "created_time", direction: "descending" }],
          limit: 1
        })
        assert.deepStrictEqual([newest.results.map((b) => b.id), newest.has_more], [[retro.id], true])
        const unsorted = yield* Effect.flip(notion.blocks.meetingNotes.query({ sort: { property: "title" } } as any))
        assert.strictEqual(unsorted._tag, "InvalidParameters")
        const filtered = yield* Effect.flip(notion.blocks.meetingNotes.query({ filter: { operator: "and" } }))
        assert.strictEqual(filtered._tag, "ValidationError")
      }))
  })
})
