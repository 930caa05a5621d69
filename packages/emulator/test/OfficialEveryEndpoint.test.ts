// Fidelity across the whole API: the official @notionhq/client calls every public endpoint against the emulator,
// under each Notion version, and each answer has the object kind its types promise (the OAuth three are in
// OfficialClient.test.ts).
import { assert, it } from "@effect/vitest"
import { Client } from "@notionhq/client"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"

const PAGE = Fixture.pages.roadmap
const TASKS = Fixture.tasks.dataSourceId
const text = (content: string) => [{ type: "text" as const, text: { content } }]

const versions = ["2025-09-03", "2026-03-11", "2026-12-01"] as const

it.layer(NotionEmulator.layer())("@notionhq/client: every endpoint", (it) => {
  it.effect.each(versions)(
    "Notion-Version %s: each of the 46 non-OAuth endpoints answers in its shape",
    (version) =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.NotionEmulator
        const notion = new Client({
          notionVersion: version,
          baseUrl: emulator.url,
          auth: Redacted.value(emulator.internalToken),
          retry: false,
          logger: () => undefined
        })
        const called = new Set<string>()
        const call = <A>(name: string, f: () => Promise<A>) =>
          Effect.promise(async () => {
            const answer = await f()
            called.add(name)
            return answer as any
          })

        // users, search
        assert.strictEqual((yield* call("users.list", () => notion.users.list({}))).object, "list")
        assert.strictEqual((yield* call("users.me", () => notion.users.me({}))).type, "bot")
        const someone = (yield* call("users.list", () => notion.users.list({}))).results[0].id
        assert.strictEqual(
          (yield* call("users.retrieve", () => notion.users.retrieve({ user_id: someone }))).id,
          someone
        )
        assert.strictEqual((yield* call("search", () => notion.search({ query: "" }))).object, "list")

        // databases and data sources
        const database = yield* call("databases.create", () =>
          notion.databases.create({
            parent: { type: "page_id", page_id: PAGE },
            title: text("Fidelity"),
            initial_data_source: { properties: { Name: { title: {} }, N: { number: {} } } }
          }))
        assert.strictEqual(database.object, "database")
        assert.strictEqual(
          (yield* call("databases.retrieve", () => notion.databases.retrieve({ database_id: database.id }))).id,
          database.id
        )
        yield* call("databases.update", () =>
          notion.databases.update({ database_id: database.id, title: text("Fidelity 2") }))
        const source = database.data_sources[0].id
        assert.strictEqual(
          (yield* call("dataSources.retrieve", () =>
            notion.dataSources.retrieve({ data_source_id: source }))).object,
          "data_source"
        )
        yield* call(
          "dataSources.update",
          () => notion.dataSources.update({ data_source_id: source, properties: { N: { name: "Count" } } })
        )
        const other = yield* call("dataSources.create", () =>
          notion.dataSources.create({
            parent: { type: "database_id", database_id: database.id },
            properties: { Name: { title: {} } }
          }))
        assert.strictEqual(other.object, "data_source")
        yield* call("dataSources.listTemplates", () => notion.dataSources.listTemplates({ data_source_id: TASKS }))

        // pages
        const page = yield* call("pages.create", () =>
          notion.pages.create({
            parent: { data_source_id: source },
            properties: { Name: { title: text("Row") }, Count: { number: 2 } }
          }))
        assert.strictEqual(page.object, "page")
        assert.strictEqual("archived" in page, version === "2025-09-03") // `in_trash` only from 2026-03-11
        assert.isFalse(page.in_trash)
        const rows = yield* call(
          "dataSources.query",
          () =>
            notion.dataSources.query({ data_source_id: source, filter: { property: "Count", number: { equals: 2 } } })
        )
        assert.deepStrictEqual(
          rows.results.map((r: any) => r.id),
          [page.id]
        )
        yield* call("pages.retrieve", () => notion.pages.retrieve({ page_id: page.id }))
        yield* call(
          "pages.update",
          () => notion.pages.update({ page_id: page.id, properties: { Count: { number: 3 } } })
        )
        yield* call("pages.move", () => notion.pages.move({ page_id: page.id, parent: { page_id: PAGE } }))
        const item = yield* call(
          "pages.properties.retrieve",
          () => notion.pages.properties.retrieve({ page_id: page.id, property_id: "title" })
        )
        assert.strictEqual(item.object, "list")
        yield* call("pages.updateMarkdown", () =>
          notion.pages.updateMarkdown({
            page_id: page.id,
            type: "replace_content",
            replace_content: { new_str: "# Hi" }
          }))
        assert.strictEqual(
          (yield* call("pages.retrieveMarkdown", () => notion.pages.retrieveMarkdown({ page_id: page.id }))).markdown,
          "# Hi"
        )

        // blocks
        const appended = yield* call(
          "blocks.children.append",
          () =>
            notion.blocks.children.append({ block_id: page.id, children: [{ paragraph: { rich_text: text("p") } }] })
        )
        const block = appended.results[0].id
        assert.strictEqual(
          (yield* call("blocks.children.list", () => notion.blocks.children.list({ block_id: page.id }))).results
            .length,
          2
        )
        assert.strictEqual(
          (yield* call("blocks.retrieve", () => notion.blocks.retrieve({ block_id: block }))).type,
          "paragraph"
        )
        yield* call(
          "blocks.update",
          () => notion.blocks.update({ block_id: block, paragraph: { rich_text: text("q") } })
        )
        assert.isTrue(
          (yield* call("blocks.delete", () => notion.blocks.delete({ block_id: block }))).in_trash
        )
        yield* call("blocks.meetingNotes.query", () => notion.blocks.meetingNotes.query({}))
        const meeting = yield* Effect.promise(() =>
          notion.blocks.meetingNotes.create({ source: { type: "file_upload", file_upload_id: "x" } } as any).then(
            () => "created",
            (e: { code?: string }) => e.code
          )
        )
        assert.strictEqual(meeting, "validation_error")
        called.add("blocks.meetingNotes.create")

        // comments
        const comment = yield* call(
          "comments.create",
          () => notion.comments.create({ parent: { page_id: page.id }, rich_text: text("c") })
        )
        yield* call("comments.list", () => notion.comments.list({ block_id: page.id }))
        yield* call("comments.retrieve", () => notion.comments.retrieve({ comment_id: comment.id }))
        yield* call("comments.update", () => notion.comments.update({ comment_id: comment.id, rich_text: text("d") }))
        yield* call("comments.delete", () => notion.comments.delete({ comment_id: comment.id }))
        yield* call("customEmojis.list", () => notion.customEmojis.list())

        // file uploads
        const upload = yield* call(
          "fileUploads.create",
          () => notion.fileUploads.create({ mode: "single_part", filename: "a.txt" })
        )
        const sent = yield* call(
          "fileUploads.send",
          () =>
            notion.fileUploads.send({
              file_upload_id: upload.id,
              file: { filename: "a.txt", data: new Blob(["hello"]) }
            })
        )
        assert.strictEqual(sent.status, "uploaded")
        const multi = yield* call(
          "fileUploads.create",
          () => notion.fileUploads.create({ mode: "multi_part", number_of_parts: 1, filename: "b.txt" })
        )
        yield* call("fileUploads.send", () =>
          notion.fileUploads.send({
            file_upload_id: multi.id,
            file: { filename: "b.txt", data: new Blob(["b"]) },
            part_number: "1"
          }))
        assert.strictEqual(
          (yield* call("fileUploads.complete", () => notion.fileUploads.complete({ file_upload_id: multi.id }))).status,
          "uploaded"
        )
        yield* call("fileUploads.retrieve", () => notion.fileUploads.retrieve({ file_upload_id: upload.id }))
        yield* call("fileUploads.list", () => notion.fileUploads.list({}))

        // views
        const view = yield* call(
          "views.create",
          () => notion.views.create({ data_source_id: source, database_id: database.id, name: "All", type: "table" })
        )
        yield* call("views.list", () => notion.views.list({ database_id: database.id }))
        yield* call("views.retrieve", () => notion.views.retrieve({ view_id: view.id }))
        yield* call("views.update", () => notion.views.update({ view_id: view.id, name: "Everything" }))
        const query = yield* call("views.queries.create", () => notion.views.queries.create({ view_id: view.id }))
        assert.strictEqual(query.object, "view_query")
        yield* call(
          "views.queries.results",
          () => notion.views.queries.results({ view_id: view.id, query_id: query.id })
        )
        yield* call("views.queries.delete", () => notion.views.queries.delete({ view_id: view.id, query_id: query.id }))
        yield* call("views.delete", () => notion.views.delete({ view_id: view.id }))

        // async tasks
        const task = yield* call(
          "pages.create",
          () => notion.pages.create({ parent: { page_id: PAGE }, markdown: "# Async", allow_async: true } as any)
        )
        assert.strictEqual(
          (yield* call("asyncTasks.retrieve", () => notion.asyncTasks.retrieve({ task_id: task.id }))).status,
          "succeeded"
        )

        assert.strictEqual(called.size, 46, [...called].sort().join(", "))
      })
  )
})
