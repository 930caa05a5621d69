// Data source queries against the emulator: every filter kind Notion documents, evaluated on stored and computed
// values, with relative dates measured from the emulator's clock (this test's TestClock).
import { assert, describe, it } from "@effect/vitest"
import { Filter, Page, PropertyValue } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { clientOf } from "./utils.js"

const NOW = Date.parse("2026-06-17T12:00:00.000Z") // a Wednesday
const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10)
const text = (content: string) => [{ type: "text" as const, text: { content } }]

const setup = Effect.gen(function*() {
  yield* TestClock.setTime(NOW)
  const emulator = yield* NotionEmulator.make()
  const notion = yield* clientOf(emulator)
  const source = yield* notion.dataSources.create({
    parent: { database_id: Fixture.tasks.databaseId },
    title: text("Filters"),
    properties: {
      Name: { title: {} },
      Due: { date: {} },
      Points: { number: {} },
      Ref: { unique_id: { prefix: "F" } },
      Creator: { created_by: {} },
      Score: { formula: { expression: "\"\"" } },
      Tags: { multi_select: { options: [{ name: "a" }, { name: "b" }] } },
      Related: {
        relation: {
          data_source_id: Fixture.tasks.dataSourceId,
          type: "single_property",
          single_property: {}
        }
      },
      Total: { rollup: { relation_property_name: "Related", rollup_property_name: "Priority", function: "sum" } }
    }
  })
  const row = (name: string, due: string, points: number, tags: ReadonlyArray<string>) =>
    notion.pages.create({
      parent: { data_source_id: source.id },
      properties: {
        Name: { title: text(name) },
        Due: { date: { start: due } },
        Points: { number: points },
        Tags: { multi_select: tags.map((name) => ({ name })) }
      }
    })
  yield* row("last week", day(-5), 1, ["a"])
  yield* row("last month", day(-20), 2, ["a", "b"])
  yield* row("yesterday", day(-1), 3, [])
  yield* row("next week", day(4), 4, ["b"])
  yield* row("next year", day(200), 5, ["b"])
  const names = (filter: Filter.Filter) =>
    Effect.map(
      notion.dataSources.query({
        data_source_id: source.id,
        filter,
        sorts: [{ property: "Points", direction: "ascending" }]
      }),
      (page) => page.results.map((r) => Page.isFullPage(r) ? PropertyValue.title(r) : "?")
    )
  return { notion, names, source }
})

describe("data source queries", () => {
  it.scoped("relative dates: past and next windows, this week, and relative arguments, from the emulator's clock", () =>
    Effect.gen(function*() {
      const { names } = yield* setup
      assert.deepStrictEqual(yield* names(Filter.date("Due", { past_week: {} })), ["last week", "yesterday"])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { past_month: {} })), [
        "last week",
        "last month",
        "yesterday"
      ])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { next_week: {} })), ["next week"])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { next_year: {} })), ["next week", "next year"])
      // Monday 15 to Sunday 21 June
      assert.deepStrictEqual(yield* names(Filter.date("Due", { this_week: {} })), ["yesterday", "next week"])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { on_or_after: "today" })), ["next week", "next year"])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { equals: "yesterday" })), ["yesterday"])
      assert.deepStrictEqual(yield* names(Filter.date("Due", { before: "one_week_ago" })), ["last month"])
    }))

  it.scoped("computed values: unique ids, the creator, formulas, rollups; arrays; compound filters", () =>
    Effect.gen(function*() {
      const { names, notion, source } = yield* setup
      assert.deepStrictEqual(yield* names(Filter.uniqueId("Ref", { greater_than: 3 })), ["next week", "next year"])
      // rows created through the API are created by the calling integration's bot
      const author = (yield* notion.users.me()).id
      const [row] = (yield* notion.dataSources.query({ data_source_id: source.id, page_size: 1 })).results
      if (!Page.isFullPage(row as Page.PageOrPartial)) return assert.fail("a full page")
      assert.deepStrictEqual([(row as Page.Page).created_by.id, (row as Page.Page).last_edited_by.id], [author, author])
      assert.deepStrictEqual((yield* names(Filter.createdBy("Creator", { contains: author }))).length, 5)
      assert.deepStrictEqual(yield* names(Filter.createdBy("Creator", { does_not_contain: author })), [])
      // the emulator's formulas answer "": is_empty holds for every row
      assert.strictEqual((yield* names(Filter.formula("Score", { string: { is_empty: true } }))).length, 5)
      assert.deepStrictEqual(yield* names(Filter.formula("Score", { string: { contains: "x" } })), [])
      // the emulator's rollups answer the number 0
      assert.strictEqual((yield* names(Filter.rollup("Total", { number: { equals: 0 } }))).length, 5)
      assert.deepStrictEqual(yield* names(Filter.rollup("Total", { any: { number: { greater_than: 0 } } })), [])
      assert.strictEqual((yield* names(Filter.rollup("Total", { none: { number: { greater_than: 0 } } }))).length, 5)
      assert.deepStrictEqual(yield* names(Filter.multiSelect("Tags", { contains: "b" })), [
        "last month",
        "next week",
        "next year"
      ])
      assert.deepStrictEqual(yield* names(Filter.multiSelect("Tags", { is_empty: true })), ["yesterday"])
      assert.deepStrictEqual(
        yield* names(Filter.or(
          Filter.number("Points", { less_than: 2 }),
          Filter.and(Filter.multiSelect("Tags", { contains: "b" }), Filter.date("Due", { next_week: {} }))
        )),
        ["last week", "next week"]
      )
      const unknown = yield* Effect.flip(names({ property: "Due", date: { sometime: {} } } as unknown as Filter.Filter))
      assert.strictEqual(unknown._tag, "InvalidParameters") // refused before it is sent
    }))
})
