import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Codegen from "../src/Codegen.js"
import * as Naming from "../src/Naming.js"
import { button, DS_ID, everyKind, samples } from "./fixtures.js"
import { typecheck } from "./process.js"

const model = (overrides: Record<string, unknown> = {}) =>
  Either.getOrThrow(Codegen.modelOf(everyKind(overrides), { samples }))

describe("Naming", () => {
  it("property names become stable camelCase identifiers", () => {
    const cases: Array<[string, string]> = [
      ["Name", "name"],
      ["Due date", "dueDate"],
      ["due_date", "dueDate"],
      ["URL", "url"],
      ["API Key", "apiKey"],
      ["Estimate (h)", "estimateH"],
      ["2024 Budget", "_2024Budget"],
      ["🔥 Priority", "priority"],
      ["Café crème", "caféCrème"],
      ["日本語 タグ", "日本語タグ"],
      ["!!!", "property"],
      ["__proto__", "proto"]
    ]
    for (const [name, expected] of cases) assert.strictEqual(Naming.camelCase(name), expected, name)
    assert.strictEqual(Naming.pascalCase("Team tasks"), "TeamTasks")
    assert.strictEqual(Naming.pascalCase("🎯"), "DataSource")
  })

  it("collisions are resolved by key, whatever the order of the input", () => {
    const items = [
      { id: "b", name: "Due date" },
      { id: "a", name: "due-date" },
      { id: "c", name: "Due date 2" },
      { id: "d", name: "DUE DATE" }
    ]
    const names = (list: typeof items) => {
      const assigned = Naming.assign(list, { key: (i) => i.id, base: (i) => Naming.camelCase(i.name) })
      return Object.fromEntries(list.map((i) => [i.id, assigned.get(i)]))
    }
    const expected = { a: "dueDate", b: "dueDate3", c: "dueDate2", d: "dueDate4" }
    assert.deepStrictEqual(names(items), expected)
    assert.deepStrictEqual(names([...items].reverse()), expected)
  })

  it("names an earlier run gave are kept; a newcomer that collides is numbered instead", () => {
    const items = [{ id: "b", name: "Due date" }, { id: "a", name: "due-date" }]
    const assign = (list: typeof items, previous: Record<string, string> = {}) => {
      const assigned = Naming.assign(list, {
        key: (i) => i.id,
        base: (i) => Naming.camelCase(i.name),
        reserved: ["id"],
        previous: (i) => previous[i.id]
      })
      return Object.fromEntries(list.map((i) => [i.id, assigned.get(i)]))
    }
    // b was alone at first and got the plain name; a later property a sorts before it by id
    assert.deepStrictEqual(assign(items), { a: "dueDate", b: "dueDate2" })
    assert.deepStrictEqual(assign(items, { b: "dueDate" }), { a: "dueDate2", b: "dueDate" })
    // a kept name that is now reserved, or claimed twice, is not kept
    assert.deepStrictEqual(assign(items, { a: "id", b: "x" }), { a: "dueDate", b: "x" })
    assert.deepStrictEqual(assign(items, { a: "x", b: "x" }), { a: "x", b: "dueDate" })
  })
})

describe("references", () => {
  it("ids, dashed or not, collection:// and Notion URLs", () => {
    const id = "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"
    const hex = id.replace(/-/g, "")
    const ok = (input: string) => Either.getOrThrow(Codegen.parseReference(input))
    assert.strictEqual(ok(id), id)
    assert.strictEqual(ok(hex), id)
    assert.strictEqual(ok(` ${hex.toUpperCase()} `), id)
    assert.strictEqual(ok(`collection://${id}`), id)
    assert.strictEqual(ok(`https://www.notion.so/acme/Team-tasks-${hex}?v=0123456789abcdef0123456789abcdef`), id)
    assert.strictEqual(ok(`https://www.notion.so/${hex}`), id)
    for (const bad of ["tasks", "https://example.com/no-id", "1234", ""]) {
      const result = Codegen.parseReference(bad)
      assert.isTrue(Either.isLeft(result), bad)
      assert.include(Either.flip(result).pipe(Either.getOrThrow).message, "is not a data source id or URL")
    }
  })
})

describe("modelOf", () => {
  it("types every property kind, marks read-only ones, names fields from property names", () => {
    const fields = Object.fromEntries(model().fields.map((f) => [f.key, f.spec]))
    assert.deepStrictEqual(
      Object.entries(fields).map(([key, spec]) => `${key}:${spec.kind}:${spec.id}`),
      [
        "name:title:title",
        "_2024Budget:number:b24",
        "attachments:files:fi",
        "contact:email:em",
        "created:created_time:ct",
        "createdBy:created_by:cb",
        "done:checkbox:dn",
        "dueDate:date:du",
        "dueDate2:date:du2",
        "edited:last_edited_time:et",
        "editedBy:last_edited_by:eb",
        "estimateH:number:est",
        "idProperty:unique_id:ui",
        "label:formula:fs",
        "notes:rich_text:n%3Ao",
        "owners:people:pe",
        "phone:phone_number:ph",
        "priority:select:pr",
        "project:relation:re",
        "score:formula:fo",
        "status:status:st",
        "tags:multi_select:tg",
        "total:rollup:ro",
        "url:url:ur"
      ]
    )
    assert.deepStrictEqual(fields.priority, {
      kind: "select",
      id: "pr",
      name: "🔥 Priority",
      options: ["Low", "High", "Say \"hi\""]
    })
    assert.deepStrictEqual(fields.score, { kind: "formula", id: "fo", name: "Score", result: "number", readOnly: true })
    assert.deepStrictEqual(fields.total, {
      kind: "rollup",
      id: "ro",
      name: "Total",
      result: "number",
      function: "sum",
      readOnly: true
    })
    assert.deepStrictEqual(fields.created, { kind: "created_time", id: "ct", name: "Created", readOnly: true })
    assert.deepStrictEqual(fields.done, { kind: "checkbox", id: "dn", name: "Done" })
  })

  it("without a row to look at, formulas are typed unknown; rollups follow their function", () => {
    const fields = Object.fromEntries(
      Either.getOrThrow(Codegen.modelOf(everyKind())).fields.map((f) => [f.key, f.spec])
    )
    assert.strictEqual((fields.score as { result: string }).result, "unknown")
    assert.strictEqual((fields.total as { result: string }).result, "number")
  })

  it("an unsupported property type fails naming it, unless skipped", () => {
    const failed = Codegen.modelOf(everyKind(button))
    const error = Either.flip(failed).pipe(Either.getOrThrow)
    assert.strictEqual(error._tag, "UnsupportedPropertyType")
    assert.deepStrictEqual(error.properties, [{ name: "Archive", id: "bt", type: "button" }])
    assert.include(error.message, "\"Archive\" (button)")
    assert.include(error.message, "--skip-unsupported")
    const skipped = Either.getOrThrow(Codegen.modelOf(everyKind(button), { skipUnsupported: true }))
    assert.deepStrictEqual(skipped.skipped, [{ name: "Archive", id: "bt", type: "button" }])
    assert.include(Codegen.render([skipped]), "- Archive (button, id \"bt\")")
  })
})

describe("awkward property names", () => {
  const inherited = ["constructor", "toString", "valueOf", "hasOwnProperty"]
  const awkward = Object.fromEntries(
    inherited.map((name, i) => [name, { id: `in${i}`, name, type: "rich_text", rich_text: {} }])
  )

  it("names every object inherits are reserved, like id and raw", () => {
    const fields = model(awkward).fields.map((f) => f.key)
    for (const name of inherited) {
      assert.include(fields, `${name}Property`)
      assert.notInclude(fields, name)
    }
  })

  it("a numbered field says which property it is; regeneration keeps existing names", () => {
    const first = model()
    const text = Codegen.render([first])
    assert.include(text, `    // dueDate2: the property "due-date" (id "du2")\n    dueDate2: {`)
    for (const plain of ["name", "dueDate", "idProperty"]) assert.notInclude(text, `// ${plain}:`)
    const parsed = Either.getOrThrow(Codegen.parse(text, "tasks.ts"))[0]!
    // a property added later, named like an existing one and sorting first by id, does not take its name
    const later = { "Due-Date": { id: "a0", name: "Due-Date", type: "date", date: {} } }
    const fresh = Either.getOrThrow(Codegen.modelOf(everyKind(later), { samples }))
    const kept = Either.getOrThrow(
      Codegen.modelOf(everyKind(later), { samples, previous: Codegen.fieldNames(parsed) })
    )
    const keyOf = (m: Codegen.Model, id: string) => m.fields.find((f) => f.spec.id === id)?.key
    assert.deepStrictEqual(["a0", "du", "du2"].map((id) => keyOf(fresh, id)), ["dueDate", "dueDate2", "dueDate3"])
    assert.deepStrictEqual(["a0", "du", "du2"].map((id) => keyOf(kept, id)), ["dueDate3", "dueDate", "dueDate2"])
  })
})

describe("render and parse", () => {
  it("writes one definition, its Schema and row and input types", () => {
    const small = Either.getOrThrow(Codegen.modelOf(everyKind(), { samples }))
    const text = Codegen.render([{
      ...small,
      fields: small.fields.filter((f) => ["name", "priority", "score"].includes(f.key))
    }])
    assert.strictEqual(
      text,
      `// Generated by \`notion-effect schema generate\`. Do not edit: regenerate it, and run
// \`notion-effect schema diff <this file>\` in CI to catch changes made in Notion.
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"

/**
 * The "Team tasks" data source, ${DS_ID}.
 *
 * Fields match properties by id: renaming a property in Notion keeps working.
 */
export const TeamTasks = TypedDataSource.define({
  dataSourceId: "${DS_ID}",
  title: "Team tasks",
  fields: {
    name: { kind: "title", id: "title", name: "Name" },
    priority: { kind: "select", id: "pr", name: "🔥 Priority", options: ["Low", "High", "Say \\"hi\\""] },
    score: { kind: "formula", id: "fo", name: "Score", result: "number", readOnly: true }
  }
})

/** The Effect Schema of a "Team tasks" row's values. */
export const TeamTasksSchema = TeamTasks.schema

/** A "Team tasks" row: its values, \`id\`, \`created_time\`, \`last_edited_time\` and the \`raw\` page. */
export type TeamTasksRow = TypedDataSource.RowOf<typeof TeamTasks>

/** What \`create\` and \`update\` take for "Team tasks" (writable fields only). */
export type TeamTasksInput = TypedDataSource.InputOfDefinition<typeof TeamTasks>
`
    )
  })

  it("long option lists wrap; several data sources get distinct export names; parse reads them all back", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, name: `Option number ${i}`, color: "red" }))
    const wide = model({ Big: { id: "big", name: "Big", type: "select", select: { options: many } } })
    const other = { ...model(), dataSourceId: "other-id" }
    const text = Codegen.render([wide, other])
    assert.include(text, "export const TeamTasks = ")
    assert.include(text, "export const TeamTasks2 = ")
    assert.include(text, "      options: [\n        \"Option number 0\",\n")
    assert.isTrue(text.split("\n").every((line) => line.length <= 120))
    const parsed = Either.getOrThrow(Codegen.parse(text, "tasks.ts"))
    assert.deepStrictEqual(parsed.map((d) => [d.exportName, d.dataSourceId]), [["TeamTasks", DS_ID], [
      "TeamTasks2",
      "other-id"
    ]])
    assert.deepStrictEqual(parsed[0]!.fields, Object.fromEntries(wide.fields.map((f) => [f.key, f.spec])))
    assert.deepStrictEqual(Codegen.diff(parsed[0]!, wide), [])
  })

  it("parse accepts hand-written definitions in the same style and names the line of an error", () => {
    const text = `import { define } from "@notion-effect/core/TypedDataSource"
// a comment
export const Mine = define({
  dataSourceId: 'abc',
  fields: {
    "title field": { kind: "title", id: "title", name: 'It\\'s' }, // trailing comment
  },
})`
    const [mine] = Either.getOrThrow(Codegen.parse(text, "mine.ts"))
    assert.deepStrictEqual(mine!.fields, { "title field": { kind: "title", id: "title", name: "It's" } })
    const computed = Codegen.parse("export const X = define({ dataSourceId: id, fields: {} })", "x.ts")
    assert.include(Either.flip(computed).pipe(Either.getOrThrow).message, "line 1: expected a literal")
    const none = Codegen.parse("export const x = 1", "x.ts")
    assert.include(Either.flip(none).pipe(Either.getOrThrow).message, "has no definition")
    const badKind = Codegen.parse(
      "export const X = define({ dataSourceId: \"a\", fields: { a: { kind: \"x\", id: \"1\", name: \"A\" } } })",
      "x.ts"
    )
    assert.include(Either.flip(badKind).pipe(Either.getOrThrow).message, "unknown kind \"x\"")
    const noName = Codegen.parse(
      "\n\nexport const X = define({ dataSourceId: \"a\", fields: { a: { kind: \"title\", id: \"1\" } } })",
      "x.ts"
    )
    assert.include(Either.flip(noName).pipe(Either.getOrThrow).message, "line 3: X: fields.a.name: is missing")
    // the same words on both editions (Effect 4 words its schema issues differently)
    const extra = Codegen.parse(
      "export const X = define({ dataSourceId: \"a\", fields: { a: { kind: \"number\", id: \"1\", name: \"A\", x: 1 } } })",
      "x.ts"
    )
    assert.include(
      Either.flip(extra).pipe(Either.getOrThrow).message,
      "line 1: X: fields.a.x: is unexpected, expected: \"kind\" | \"id\" | \"name\" | \"readOnly\""
    )
    const wrongType = Codegen.parse("export const X = define({ dataSourceId: 1, fields: {} })", "x.ts")
    assert.include(
      Either.flip(wrongType).pipe(Either.getOrThrow).message,
      "line 1: X: dataSourceId: Expected string, actual 1"
    )
    const spread = Codegen.parse("export const X = define({ ...base, dataSourceId: \"a\", fields: {} })", "x.ts")
    assert.include(Either.flip(spread).pipe(Either.getOrThrow).message, "line 1: expected `key: value`")
  })
})

describe("diff", () => {
  const parsed = Either.getOrThrow(Codegen.parse(Codegen.render([model()]), "tasks.ts"))[0]!

  it("nothing when the module matches", () => {
    assert.deepStrictEqual(Codegen.diff(parsed, model()), [])
  })

  it("names every change: rename, options, removal, kind, formula result, additions", () => {
    const json = everyKind()
    const properties = { ...json.properties } as Record<string, unknown>
    const rename = properties["Done"] as { id: string }
    delete properties["Done"]
    delete properties["Notes"]
    const changed = {
      ...properties,
      Finished: { ...rename, name: "Finished" },
      Tags: {
        id: "tg",
        name: "Tags",
        type: "multi_select",
        multi_select: { options: [{ id: "x", name: "bug", color: "red" }, { id: "y", name: "chore", color: "red" }] }
      },
      "Due date": { id: "du", name: "Due date", type: "rich_text", rich_text: {} },
      Added: { id: "ad", name: "Added", type: "checkbox", checkbox: {} },
      ...button
    }
    const live = Either.getOrThrow(
      Codegen.modelOf({ ...json, properties: changed as never }, {
        samples: new Map([["fo", "string"]]),
        skipUnsupported: true
      })
    )
    assert.deepStrictEqual(Codegen.diff(parsed, live), [
      "\"Done\" (field done) was renamed to \"Finished\" (decoding still works: fields match by id)",
      "\"Due date\" (field dueDate) is now a rich_text property (the module has date)",
      "\"Notes\" (field notes) was removed from the data source",
      "\"Score\" (field score) now returns string (the module has number)",
      "\"Tags\" (field tags) has new options: \"chore\"",
      "\"Tags\" (field tags) lost options: \"feature\"",
      "\"Added\" (checkbox) was added to the data source",
      "\"Archive\" (button, not typed by the generator) was added to the data source"
    ])
  })
})

describe("introspection", () => {
  it("a table of properties: name, type, id, field, details", () => {
    const text = Codegen.table(everyKind(button), samples)
    const lines = text.split("\n")
    assert.strictEqual(lines[0], `Team tasks (${DS_ID}): 25 properties`)
    assert.match(lines[2]!, /^Property\s+Type\s+ID\s+Field\s+Details$/)
    assert.match(text, /\nName\s+title\s+title\s+name\n/)
    assert.match(text, /\nArchive\s+button\s+bt\s+-\s+not supported by the generator\n/)
    assert.match(text, /\nStatus\s+status\s+st\s+status\s+options: Not started, In progress, Done\n/)
    assert.match(text, /\nScore\s+formula\s+fo\s+score\s+returns number; read-only\n/)
  })
})

describe("the generated module type-checks", () => {
  it("with tsc, and its types say what each kind reads and writes", async () => {
    const check = `import * as Filter from "@notion-effect/core/Filter"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { TeamTasks, type TeamTasksInput, type TeamTasksRow, TeamTasksSchema } from "./tasks.js"

declare const row: TeamTasksRow
export const name: string = row.name
export const estimate: number | null = row.estimateH
export const done: boolean = row.done
export const url: string | null = row.url
export const due: TypedDataSource.DateRange | null = row.dueDate
export const priority: "Low" | "High" | "Say \\"hi\\"" | (string & {}) | null = row.priority
export const tags: ReadonlyArray<"bug" | "feature" | (string & {})> = row.tags
export const owners: ReadonlyArray<string> = row.owners
export const project: ReadonlyArray<string> = row.project
export const score: number | null = row.score
export const label: string | null = row.label
export const total: number | null = row.total
export const ref: TypedDataSource.UniqueId = row.idProperty
export const createdBy: string = row.createdBy
export const meta: [string, string, string, string] = [row.id, row.created_time, row.last_edited_time, row.raw.url]
export const values: Schema.Schema<Omit<TeamTasksRow, keyof TypedDataSource.Meta>> = TeamTasksSchema
// @ts-expect-error -- a number is not a string
export const wrong: string = row.estimateH

export const input: TeamTasksInput = { name: "x", priority: "High", tags: ["bug", "new"], dueDate: { start: "2025-01-01" } }
// @ts-expect-error -- formulas are read-only
export const readOnly: TeamTasksInput = { score: 1 }
// @ts-expect-error -- a checkbox is a boolean
export const badCheckbox: TeamTasksInput = { done: "yes" }

export const program = Effect.gen(function*() {
  const tasks = yield* TypedDataSource.make(TeamTasks)
  const created = yield* tasks.create(input)
  yield* tasks.update(created.id, { done: true })
  return tasks.query({
    filter: (where) => Filter.and(where.priority({ equals: "High" }), where.score({ number: { greater_than: 1 } })),
    sorts: (sort) => [sort.dueDate("descending")]
  })
})
// @ts-expect-error -- a number filter takes number conditions
TypedDataSource.where(TeamTasks).estimateH({ contains: "3" })
`
    const result = await typecheck({ "tasks.ts": Codegen.render([model()]), "check.ts": check })
    assert.strictEqual(result.stdout + result.stderr, "")
    assert.strictEqual(result.code, 0)
  }, 180_000)

  it("with properties named constructor, toString, valueOf and hasOwnProperty, inputs may leave them out", async () => {
    const awkward = Object.fromEntries(
      ["constructor", "toString", "valueOf", "hasOwnProperty"].map((name, i) => [
        name,
        { id: `in${i}`, name, type: "rich_text", rich_text: {} }
      ])
    )
    const check = `import type { TeamTasksInput, TeamTasksRow } from "./tasks.js"
export const input: TeamTasksInput = { name: "x" }
export const update: TeamTasksInput = { done: true, constructorProperty: "kept" }
declare const row: TeamTasksRow
export const value: string = row.constructorProperty + row.toStringProperty + row.hasOwnPropertyProperty
`
    const result = await typecheck({ "tasks.ts": Codegen.render([model(awkward)]), "check.ts": check })
    assert.strictEqual(result.stdout + result.stderr, "")
    assert.strictEqual(result.code, 0)
  }, 180_000)
})
