// Each Notion version against the emulator, over real sockets: the renamed fields and block type, the refused
// parameters (the emulator's 400 and our client's refusal before sending), title-only lists, status groups,
// markdown formats — with plain HTTP (what Notion answers) and with our client (what the SDK sends).
import { assert, describe, it } from "@effect/vitest"
import { Filter, type NotionClient, NotionVersion } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { call, clientOf } from "./utils.js"

const PAGE = Fixture.pages.roadmap
const TASKS = Fixture.tasks.dataSourceId
const text = (content: string) => [{ type: "text" as const, text: { content } }]

const [V1, V2, V3] = NotionVersion.versions

/** A data source with a status property (Notion's three groups) and two rows, made on the emulator. */
const statusSource = (notion: NotionClient.Service) =>
  Effect.gen(function*() {
    const database = yield* notion.databases.create({
      parent: { type: "page_id", page_id: PAGE },
      title: text("Work"),
      initial_data_source: { properties: { Name: { title: {} }, Stage: { status: {} }, N: { number: {} } } }
    })
    const source = (database as unknown as { data_sources: Array<{ id: string }> }).data_sources[0]!.id
    for (const [name, stage] of [["shipped", "Done"], ["idea", "Not started"]] as const) {
      yield* notion.pages.create({
        parent: { data_source_id: source },
        properties: { Name: { title: text(name) }, Stage: { status: { name: stage } }, N: { number: 1 } }
      })
    }
    return source
  })

const names = (list: { readonly results: ReadonlyArray<unknown> }) =>
  list.results.map((r: any) => r.properties.Name.title[0].plain_text as string).sort()

it.layer(NotionEmulator.layer())("Notion versions against the emulator", (it) => {
  it.effect("an unknown or missing version is refused; an unknown preview is invalid_beta", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const unknown = yield* call(emulator, "GET", "/v1/users/me", { version: "2099-01-01" })
      assert.strictEqual(unknown.status, 400)
      assert.strictEqual(unknown.json.code, "validation_error")
      assert.include(unknown.json.message, "Notion-Version")
      const missing = yield* call(emulator, "GET", "/v1/users/me", { version: null })
      assert.strictEqual(missing.json.code, "missing_version")
      const beta = yield* Effect.promise(() =>
        fetch(`${emulator.url}/v1/users/me`, {
          headers: {
            authorization: `Bearer ${(emulator.internalToken as any).value ?? ""}`,
            "notion-version": V1,
            "notion-beta": "no-such-preview"
          }
        }).then((r) => r.json() as Promise<any>)
      )
      assert.strictEqual(beta.code, "invalid_beta")
      for (const version of NotionVersion.versions) {
        assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me", { version })).status, 200)
      }
    }))

  describe("renamed fields and block type", () => {
    it.scoped.each(NotionVersion.versions)(
      "%s: archived beside in_trash before 2026-03-11; transcription → meeting_notes",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {} })
          const trashed = yield* notion.pages.update({ page_id: page.id, in_trash: true, notionVersion: version })
          const raw = yield* call(emulator, "GET", `/v1/pages/${page.id}`, { version })
          assert.isTrue(raw.json.in_trash)
          assert.isTrue((trashed as any).in_trash)
          if (version === V1) assert.isTrue(raw.json.archived)
          else assert.isFalse("archived" in raw.json)

          const upload = yield* notion.fileUploads.create({ mode: "single_part", filename: "call.m4a" })
          yield* notion.fileUploads.send({ file_upload_id: upload.id, file: { data: new Uint8Array([1]) } })
          const notes = yield* notion.blocks.meetingNotes.create({
            source: { type: "file_upload", file_upload_id: upload.id },
            parent: { type: "page_id", page_id: page.id },
            title: "Sync"
          })
          const block = yield* call(emulator, "GET", `/v1/blocks/${notes.id}`, { version })
          const type = version === V1 ? "transcription" : "meeting_notes"
          assert.strictEqual(block.json.type, type)
          assert.strictEqual(block.json[type].title[0].plain_text, "Sync")
          assert.isFalse((version === V1 ? "meeting_notes" : "transcription") in block.json)
        })
    )

    it.scoped("2025-09-03 still takes archived (pages, blocks, data sources)", () =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.NotionEmulator
        const notion = yield* clientOf(emulator)
        const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {} })
        const [block] = (yield* notion.blocks.children.append({
          block_id: page.id,
          children: [{ paragraph: { rich_text: text("x") } }]
        })).results
        const archived = yield* call(emulator, "PATCH", `/v1/blocks/${block!.id}`, {
          version: V1,
          body: { archived: true }
        })
        assert.strictEqual(archived.status, 200)
        assert.isTrue(archived.json.in_trash)
        assert.isTrue(archived.json.archived)
        const updated = yield* notion.pages.update({ page_id: page.id, archived: true, notionVersion: V1 })
        assert.isTrue((updated as any).in_trash)
      }))
  })

  describe("refused parameters", () => {
    it.scoped.each([V2, V3])(
      "%s: archived and after answer 400 naming them; our client refuses before sending",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {} })
          const archived = yield* call(emulator, "PATCH", `/v1/pages/${page.id}`, { version, body: { archived: true } })
          assert.strictEqual(archived.status, 400)
          assert.strictEqual(archived.json.code, "validation_error")
          assert.include(archived.json.message, "body.archived")
          const after = yield* call(emulator, "PATCH", `/v1/blocks/${page.id}/children`, {
            version,
            body: { children: [{ paragraph: { rich_text: text("x") } }], after: page.id }
          })
          assert.strictEqual(after.status, 400)
          assert.include(after.json.message, "body.after")

          yield* emulator.resetStats
          const refused = yield* Effect.flip(
            notion.pages.update({ page_id: page.id, archived: true, notionVersion: version })
          )
          assert.strictEqual(refused._tag, "InvalidParameters")
          assert.deepStrictEqual((yield* emulator.stats).requests, {})
        })
    )

    it.scoped("2026-12-01: replace_content_range and markdown v1 answer 400; our client refuses them before sending", () =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.NotionEmulator
        const notion = yield* clientOf(emulator)
        const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {}, markdown: "a" })
        const range = {
          type: "replace_content_range",
          replace_content_range: { content: "b", content_range: "a...a" }
        } as const
        const http = yield* call(emulator, "PATCH", `/v1/pages/${page.id}/markdown`, { version: V3, body: range })
        assert.strictEqual(http.status, 400)
        assert.include(http.json.message, "replace_content_range")
        const v1 = yield* call(emulator, "GET", `/v1/pages/${page.id}/markdown?markdown_version=v1`, { version: V3 })
        assert.strictEqual(v1.status, 400)
        assert.include(v1.json.message, "markdown_version")
        yield* emulator.resetStats
        const errors = yield* Effect.all([
          Effect.flip(notion.pages.updateMarkdown({ page_id: page.id, ...range, notionVersion: V3 })),
          Effect.flip(notion.pages.retrieveMarkdown({ page_id: page.id, markdown_version: "v1", notionVersion: V3 }))
        ])
        assert.deepStrictEqual(errors.map((e) => e._tag), ["InvalidParameters", "InvalidParameters"])
        assert.deepStrictEqual((yield* emulator.stats).requests, {})
        // the same edit is fine on 2026-03-11
        const edited = yield* notion.pages.updateMarkdown({ page_id: page.id, ...range, notionVersion: V2 })
        assert.strictEqual(edited.object, "page_markdown")
      }))
  })

  describe("block positions", () => {
    it.scoped.each(NotionVersion.versions)(
      "%s: a caller's `after` and `position` both land after the block",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const page = yield* notion.pages.create({ parent: { page_id: PAGE }, properties: {} })
          const paragraph = (t: string) => ({ paragraph: { rich_text: text(t) } })
          const [first] = (yield* notion.blocks.children.append({
            block_id: page.id,
            children: [paragraph("1"), paragraph("4")]
          })).results
          yield* notion.blocks.children.append({
            block_id: page.id,
            children: [paragraph("3")],
            after: first!.id,
            notionVersion: version
          })
          yield* notion.blocks.children.append({
            block_id: page.id,
            children: [paragraph("2")],
            position: { type: "after_block", after_block: { id: first!.id } },
            notionVersion: version
          })
          const listed = yield* notion.blocks.children.list({ block_id: page.id })
          assert.deepStrictEqual(listed.results.map((b: any) => b.paragraph.rich_text[0].plain_text), [
            "1",
            "2",
            "3",
            "4"
          ])
        })
    )
  })

  describe("title-only lists", () => {
    it.scoped.each(NotionVersion.versions)(
      "%s: query and search rows carry every property, or the title only from 2026-12-01",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const rows = yield* notion.dataSources.query({ data_source_id: TASKS, notionVersion: version })
          const keys = Object.keys((rows.results[0] as any).properties).sort()
          const found = yield* notion.search({ query: "Ship the SDK", notionVersion: version })
          const searched = Object.keys((found.results[0] as any).properties).sort()
          if (version === V3) {
            assert.deepStrictEqual(keys, ["Name"])
            assert.deepStrictEqual(searched, ["Name"])
          } else {
            assert.includeMembers(keys, ["Name", "Status", "Priority", "Done", "Due"])
            assert.deepStrictEqual(searched, keys)
          }
          const source = yield* notion.dataSources.retrieve({ data_source_id: TASKS })
          const ids = ["Name", "Priority"].map((n) => (source as any).properties[n].id as string)
          const chosen = yield* notion.dataSources.query({
            data_source_id: TASKS,
            filter_properties: ids,
            notionVersion: version
          })
          assert.deepStrictEqual(Object.keys((chosen.results[0] as any).properties).sort(), ["Name", "Priority"])
        })
    )
  })

  describe("status groups", () => {
    it.scoped.each(NotionVersion.versions)(
      "%s: group filters (with the preview the SDK adds); equals on a group name",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const source = yield* statusSource(notion)
          const complete = yield* notion.dataSources.query({
            data_source_id: source,
            filter: Filter.status("Stage", { group: { equals: "Complete" } }),
            filter_properties: ["title"],
            notionVersion: version
          })
          assert.deepStrictEqual(names(complete), ["shipped"])
          const byName = yield* notion.dataSources.query({
            data_source_id: source,
            filter: Filter.status("Stage", { equals: "Complete" }),
            filter_properties: ["title"],
            notionVersion: version
          })
          assert.deepStrictEqual(names(byName), version === V3 ? [] : ["shipped"])
          const plain = yield* call(emulator, "POST", `/v1/data_sources/${source}/query`, {
            version,
            body: { filter: { property: "Stage", status: { group: { equals: "Complete" } } } }
          })
          assert.strictEqual(plain.status, version === V3 ? 200 : 400)
        })
    )
  })

  describe("markdown formats", () => {
    it.scoped.each(NotionVersion.versions)(
      "%s: v1 one block a line, v2 a blank line between blocks (the default from 2026-12-01)",
      (version) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.NotionEmulator
          const notion = yield* clientOf(emulator)
          const page = yield* notion.pages.create({
            parent: { page_id: PAGE },
            properties: {},
            markdown: "# Title\nBody",
            notionVersion: version
          })
          const read = yield* notion.pages.retrieveMarkdown({ page_id: page.id, notionVersion: version })
          assert.strictEqual(read.markdown, version === V3 ? "# Title\n\nBody" : "# Title\nBody")
          const v2 = yield* notion.pages.retrieveMarkdown({
            page_id: page.id,
            markdown_version: "v2",
            notionVersion: version
          })
          assert.strictEqual(v2.markdown, "# Title\n\nBody")
          const edited = yield* notion.pages.updateMarkdown({
            page_id: page.id,
            type: "insert_content",
            insert_content: { content: "Middle", position: { type: "after_content", anchor: "# Title" } },
            notionVersion: version
          })
          if (edited.object !== "page_markdown") return assert.fail("page markdown")
          const inserted = edited
          assert.include(inserted.markdown, "Middle")
          assert.isBelow(inserted.markdown.indexOf("Title"), inserted.markdown.indexOf("Middle"))
          assert.isBelow(inserted.markdown.indexOf("Middle"), inserted.markdown.indexOf("Body"))
          // `after`: a range "start...end" before 2026-12-01, the start of one block from it
          const range = yield* call(emulator, "PATCH", `/v1/pages/${page.id}/markdown`, {
            version,
            body: { type: "insert_content", insert_content: { content: "Last", after: "Mid...dle" } }
          })
          if (version === V3) {
            assert.strictEqual(range.status, 400)
            assert.include(range.json.message, "start of a single block")
          } else {
            assert.strictEqual(range.json.markdown, ["# Title", "Middle", "Last", "Body"].join("\n"))
          }
          const start = yield* call(emulator, "PATCH", `/v1/pages/${page.id}/markdown`, {
            version,
            body: { type: "insert_content", insert_content: { content: "Top", after: "# Ti" } }
          })
          assert.strictEqual(start.status, 200)
          assert.strictEqual(start.json.markdown.split(/\n+/)[1], "Top")
        })
    )
  })
})

describe("a person with no name", () => {
  const NAMELESS = "u0000000-0000-4000-8000-0000000000ff"
  const fixture = Fixture.defaultFixture()
  const withNameless: Fixture.Fixture = {
    ...fixture,
    users: [...fixture.users, { id: NAMELESS, workspaceId: fixture.workspaces[0]!.id, name: null, type: "person" }]
  }

  it.scoped.each(NotionVersion.versions)("%s: null from 2026-12-01, an empty string before; our client decodes both", (
    version
  ) =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make({ fixture: withNameless })
      const raw = yield* call(emulator, "GET", `/v1/users/${NAMELESS}`, { version })
      assert.strictEqual(raw.status, 200)
      assert.strictEqual(raw.json.name, version === V3 ? null : "")
      const notion = yield* clientOf(emulator)
      const user = yield* notion.users.retrieve({ user_id: NAMELESS, notionVersion: version })
      assert.strictEqual(user.id, NAMELESS)
      assert.strictEqual((user as { readonly name?: string | null }).name, version === V3 ? null : "")
      const listed = yield* notion.users.list({ notionVersion: version })
      assert.isTrue(listed.results.some((u) => (u as { readonly id: string }).id === NAMELESS))
    }))
})
