// The emulator's one content model: a fixture page (read-only) and a created page render through the same path, as
// do a fixture block and an appended one; every change names the integration that made it in the audit fields.
import { assert, describe, it } from "@effect/vitest"
import { NotionVersion } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { call } from "./utils.js"

const keys = (json: Record<string, unknown>) => Object.keys(json).sort()

describe("one page model", () => {
  it.scoped.each(NotionVersion.versions)(
    "%s: a fixture page and a created page have the same keys",
    (version) =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.make()
        const fixture = yield* call(emulator, "GET", `/v1/pages/${Fixture.pages.roadmap}`, { version })
        const created = yield* call(emulator, "POST", "/v1/pages", {
          version,
          body: {
            parent: { page_id: Fixture.pages.roadmap },
            properties: { title: { title: [{ text: { content: "Notes" } }] } },
            children: [{ paragraph: { rich_text: [{ text: { content: "first" } }] } }]
          }
        })
        assert.deepStrictEqual([fixture.status, created.status], [200, 200])
        assert.deepStrictEqual(keys(fixture.json), keys(created.json))
        assert.deepStrictEqual(keys(fixture.json.properties.title), keys(created.json.properties.title))
        assert.deepStrictEqual(fixture.json.parent, { type: "workspace", workspace: true })
        assert.deepStrictEqual(created.json.parent, { type: "page_id", page_id: Fixture.pages.roadmap })
        // and their blocks: the fixture's first paragraph, the created page's
        const fixtureBlocks = yield* call(emulator, "GET", `/v1/blocks/${Fixture.pages.roadmap}/children`, { version })
        const createdBlocks = yield* call(emulator, "GET", `/v1/blocks/${created.json.id}/children`, { version })
        assert.deepStrictEqual(keys(fixtureBlocks.json.results[0]), keys(createdBlocks.json.results[0]))
        // search lists both, rendered alike
        const found = yield* call(emulator, "POST", "/v1/search", { version, body: { query: "Roadmap" } })
        const listed = yield* call(emulator, "POST", "/v1/search", { version, body: { query: "Notes" } })
        const roadmap = found.json.results.find((r: { id: string }) => r.id === Fixture.pages.roadmap)
        const notes = listed.json.results.find((r: { id: string }) => r.id === created.json.id)
        assert.deepStrictEqual(keys(roadmap), keys(notes))
      })
  )

  it.scoped("a fixture page and its blocks stay read-only", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const page = yield* call(emulator, "PATCH", `/v1/pages/${Fixture.pages.roadmap}`, { body: { icon: null } })
      assert.deepStrictEqual([page.status, page.json.code], [400, "validation_error"])
      const [block] = (yield* call(emulator, "GET", `/v1/blocks/${Fixture.pages.roadmap}/children`)).json.results
      const edited = yield* call(emulator, "DELETE", `/v1/blocks/${block.id}`)
      assert.deepStrictEqual([edited.status, edited.json.code], [400, "validation_error"])
    }))
})

describe("audit fields name the actor", () => {
  const base = Fixture.defaultFixture()
  const first = base.integrations.find((i): i is Fixture.InternalIntegration => i.type === "internal")!
  const second: Fixture.InternalIntegration = {
    ...first,
    id: "i0000000-0000-4000-8000-0000000000b2",
    name: "Acme second",
    botId: "b0000000-0000-4000-8000-0000000000b2",
    token: "secret_emulator_second_token"
  }
  const fixture: Fixture.Fixture = { ...base, integrations: [...base.integrations, second] }

  it.scoped("created by one integration, edited by another", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make({ fixture })
      const created = yield* call(emulator, "POST", "/v1/pages", {
        token: first.token,
        body: {
          parent: { data_source_id: Fixture.tasks.dataSourceId },
          properties: { Name: { title: [{ text: { content: "Audit" } }] } },
          children: [{ paragraph: { rich_text: [{ text: { content: "first" } }] } }]
        }
      })
      const by = (json: { created_by: { id: string }; last_edited_by: { id: string } }) => [
        json.created_by.id,
        json.last_edited_by.id
      ]
      assert.deepStrictEqual(by(created.json), [first.botId, first.botId])
      const updated = yield* call(emulator, "PATCH", `/v1/pages/${created.json.id}`, {
        token: second.token,
        body: { properties: { Priority: { number: 4 } } }
      })
      assert.deepStrictEqual(by(updated.json), [first.botId, second.botId])
      const [block] = (yield* call(emulator, "GET", `/v1/blocks/${created.json.id}/children`)).json.results
      assert.deepStrictEqual(by(block), [first.botId, first.botId])
      const edited = yield* call(emulator, "PATCH", `/v1/blocks/${block.id}`, {
        token: second.token,
        body: { paragraph: { rich_text: [{ text: { content: "second" } }] } }
      })
      assert.deepStrictEqual(by(edited.json), [first.botId, second.botId])
      // what the fixture seeds is made by its person
      const source = yield* call(emulator, "GET", `/v1/data_sources/${Fixture.tasks.dataSourceId}`)
      assert.deepStrictEqual(by(source.json), [base.consentingUserId, base.consentingUserId])
      const database = yield* call(emulator, "PATCH", `/v1/databases/${Fixture.tasks.databaseId}`, {
        token: second.token,
        body: { is_inline: true }
      })
      assert.deepStrictEqual(by(database.json), [base.consentingUserId, second.botId])
    }))
})
