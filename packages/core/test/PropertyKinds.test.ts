import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Filter from "../src/Filter.js"
import * as PropertyKinds from "../src/internal/propertyKinds.js"
import type { Page } from "../src/Page.js"
import type * as Property from "../src/Property.js"
import * as TypedDataSource from "../src/TypedDataSource.js"
import { page } from "./utils/fixtures.js"
import { text } from "./utils/live.js"

// ---------------------------------------------------------------------------------------------------------------
// one case per kind: the compiler asks for a new kind's case here
// ---------------------------------------------------------------------------------------------------------------

/** A property of the kind as a data source lists it (its settings, when it has some). */
const settings: { readonly [K in TypedDataSource.Kind]: unknown } = {
  title: {},
  rich_text: {},
  number: { format: "number" },
  checkbox: {},
  url: {},
  email: {},
  phone_number: {},
  date: {},
  select: { options: [{ id: "o1", name: "Low", color: "gray" }, { id: "o2", name: "High", color: "red" }] },
  status: { options: [{ id: "s1", name: "Done", color: "green" }], groups: [] },
  multi_select: { options: [{ id: "t1", name: "bug", color: "red" }] },
  people: {},
  relation: { data_source_id: "ds2", type: "single_property", single_property: {} },
  files: {},
  formula: { expression: "1 + 1" },
  rollup: {
    function: "latest_date",
    relation_property_name: "Project",
    relation_property_id: "re",
    rollup_property_name: "Due",
    rollup_property_id: "du"
  },
  unique_id: { prefix: "TASK" },
  created_time: {},
  created_by: {},
  last_edited_time: {},
  last_edited_by: {}
}

/** The spec the generator gives each kind's property above (no samples). */
const specs: { readonly [K in TypedDataSource.Kind]: object } = {
  title: {},
  rich_text: {},
  number: {},
  checkbox: {},
  url: {},
  email: {},
  phone_number: {},
  date: {},
  select: { options: ["Low", "High"] },
  status: { options: ["Done"] },
  multi_select: { options: ["bug"] },
  people: {},
  relation: {},
  files: {},
  formula: { result: "unknown", readOnly: true },
  rollup: { result: "date", function: "latest_date", readOnly: true },
  unique_id: { readOnly: true },
  created_time: { readOnly: true },
  created_by: { readOnly: true },
  last_edited_time: { readOnly: true },
  last_edited_by: { readOnly: true }
}

/** A condition each kind's filter takes. */
const conditions: { readonly [K in TypedDataSource.Kind]: unknown } = {
  title: { contains: "docs" },
  rich_text: { is_not_empty: true },
  number: { greater_than: 2 },
  checkbox: { equals: true },
  url: { starts_with: "https://" },
  email: { ends_with: "@example.com" },
  phone_number: { is_empty: true },
  date: { on_or_after: "2025-01-01" },
  select: { equals: "High" },
  status: { group: { equals: "Complete" } },
  multi_select: { contains: "bug" },
  people: { contains: "u1" },
  relation: { contains: "p1" },
  files: { is_not_empty: true },
  formula: { number: { greater_than: 1 } },
  rollup: { any: { number: { greater_than: 1 } } },
  unique_id: { equals: 12 },
  created_time: { past_week: {} },
  created_by: { does_not_contain: "u2" },
  last_edited_time: { before: "2026-01-01" },
  last_edited_by: { is_not_empty: true }
}

interface RoundTrip {
  /** Inputs that read back as themselves (or as `expected`, at the same index). */
  readonly inputs: ReadonlyArray<unknown>
  readonly expected?: ReadonlyArray<unknown>
  /** Notion's answer for the request value (default: the request value itself). */
  readonly answer?: (request: any) => unknown
}

const richTextAnswer = (runs: ReadonlyArray<{ readonly text: { readonly content: string } }>) =>
  runs.map((run) => text(run.text.content))

const optionAnswer = (option: { readonly name: string } | null) =>
  option === null ? null : { id: `id-${option.name}`, name: option.name, color: "default" }

/** Every writable kind: inputs, and how Notion answers what they encode to. */
const roundTrips: { readonly [K in TypedDataSource.WritableKind]: RoundTrip } = {
  title: { inputs: ["Write docs", "", "x".repeat(2500)], answer: richTextAnswer },
  rich_text: { inputs: ["two runs", "a😀".repeat(700)], answer: richTextAnswer },
  number: { inputs: [3, 0.5, null] },
  checkbox: { inputs: [true, false] },
  url: { inputs: ["https://example.com", null] },
  email: { inputs: ["a@example.com", null] },
  phone_number: { inputs: ["+1 555", null] },
  date: {
    inputs: [
      { start: "2025-03-01", end: null, time_zone: null },
      { start: "2025-03-01T10:00:00", end: "2025-03-02T10:00:00", time_zone: "Europe/Paris" },
      null
    ],
    answer: (date) => date === null ? null : { time_zone: null, ...date }
  },
  select: { inputs: ["High", "added later", null], answer: optionAnswer },
  status: { inputs: ["Done", null], answer: optionAnswer },
  multi_select: { inputs: [["bug", "new-one"], []], answer: (options) => options.map(optionAnswer) },
  people: { inputs: [["u1", "u2"], []] },
  relation: { inputs: [["p1"], []] },
  files: {
    inputs: [[{ name: "a.png", external: { url: "https://example.com/a.png" } }], []],
    expected: [[{ name: "a.png", type: "external", external: { url: "https://example.com/a.png" } }], []]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------------------------

const specOf = (kind: TypedDataSource.Kind): TypedDataSource.FieldSpec =>
  ({ kind, id: "p%3Ax", name: "Prop", ...specs[kind] }) as TypedDataSource.FieldSpec

const propertyOf = (kind: TypedDataSource.Kind) =>
  ({ id: "p%3Ax", name: "Prop", type: kind, [kind]: settings[kind] }) as unknown as Property.Property

describe("the property-kind registry", () => {
  it("has one entry per kind, writable exactly for the writable kinds", () => {
    assert.deepStrictEqual(Object.keys(PropertyKinds.registry).sort(), [...TypedDataSource.kinds].sort())
    assert.strictEqual(TypedDataSource.kinds.length, 21)
    for (const kind of TypedDataSource.kinds) {
      const entry = PropertyKinds.entryOf(kind)
      const writable = (TypedDataSource.writableKinds as ReadonlyArray<string>).includes(kind)
      assert.strictEqual(entry.writable, writable, kind)
      assert.strictEqual(TypedDataSource.isReadOnlyKind(kind), !writable, kind)
      assert.isTrue(TypedDataSource.isKind(kind), kind)
    }
    assert.isFalse(TypedDataSource.isKind("verification"))
    assert.isFalse(TypedDataSource.isKind("constructor"))
  })

  it("read-only kinds have no input schema and no encoding; writable kinds encode", () => {
    for (const kind of TypedDataSource.readOnlyKinds) {
      const entry = PropertyKinds.entryOf(kind)
      assert.isUndefined(entry.input, kind)
      assert.isUndefined(entry.encode, kind)
      assert.deepStrictEqual(PropertyKinds.encodeValue(specOf(kind), "anything"), {}, kind)
    }
    for (const kind of TypedDataSource.writableKinds) {
      assert.isFunction(PropertyKinds.entryOf(kind).encode, kind)
    }
  })

  it("each writable kind round-trips: the input, encoded, answered by Notion and decoded, is the input", () => {
    for (const kind of TypedDataSource.writableKinds) {
      const { answer = (request: unknown) => request, expected, inputs } = roundTrips[kind] as RoundTrip
      const definition = TypedDataSource.define({ dataSourceId: "ds", fields: { value: specOf(kind) } })
      inputs.forEach((input, i) => {
        const properties = Either.getOrThrow(TypedDataSource.encodeInput(definition, { value: input } as never))
        const request = properties["p%3Ax"]
        assert.deepStrictEqual(Object.keys(request ?? {}), [kind], kind)
        const answered = {
          Prop: {
            id: "p:x",
            type: kind,
            [kind]: answer(request![kind]),
            ...(kind === "relation" ? { has_more: false } : {})
          }
        }
        const row = TypedDataSource.decodePage(definition, { ...page("p1"), properties: answered } as unknown as Page)
        const value = Either.getOrThrow(row).value
        assert.deepStrictEqual(value, expected === undefined ? input : expected[i], `${kind} #${i}`)
        assert.isTrue(Schema.is(definition.schema)({ value }), `${kind} #${i}: the definition's Schema`)
      })
    }
  })

  it("each kind's filter takes Filter's condition for the kind, and builds a property filter by id", () => {
    const isPropertyFilter = Schema.is(Filter.PropertyFilter)
    for (const kind of TypedDataSource.kinds) {
      const entry = PropertyKinds.entryOf(kind)
      const condition = conditions[kind]
      assert.isTrue(Schema.is(entry.condition)(condition), `${kind}: its condition`)
      assert.isFalse(Schema.is(entry.condition)({ no_such_operator: 1 }), `${kind}: not any object`)
      const filter = entry.filter("p%3Ax", condition)
      assert.deepStrictEqual(filter, { property: "p%3Ax", [kind]: condition } as never, kind)
      assert.isTrue(isPropertyFilter(filter), `${kind}: a PropertyFilter`)
      const where = TypedDataSource.where(TypedDataSource.define({ dataSourceId: "ds", fields: { f: specOf(kind) } }))
      assert.deepStrictEqual(where.f(condition as never), filter, `${kind}: where`)
    }
  })

  it("each kind's property gives its spec (settings read by the kind's entry), one FieldSpec accepts", () => {
    const isFieldSpec = Schema.is(TypedDataSource.FieldSpec)
    for (const kind of TypedDataSource.kinds) {
      const spec = TypedDataSource.specOf(propertyOf(kind))
      assert.deepStrictEqual(spec, specOf(kind), kind)
      assert.isTrue(isFieldSpec(spec), kind)
    }
    const samples = new Map([["p%3Ax", "number"]])
    assert.deepStrictEqual(TypedDataSource.specOf(propertyOf("formula"), samples), {
      kind: "formula",
      id: "p%3Ax",
      name: "Prop",
      result: "number",
      readOnly: true
    })
    assert.strictEqual(
      (TypedDataSource.specOf(propertyOf("rollup"), samples) as { readonly result: string }).result,
      "number"
    )
    assert.isUndefined(TypedDataSource.specOf({ id: "v", name: "V", type: "verification" } as never))
  })
})
