/**
 * The property-kind registry: one entry per kind a typed data source reads, giving everything the kind means to
 * `TypedDataSource` (its value and input schemas, the decoding of a page's property value, the encoding of an
 * input), to its filters (`Filter`'s constructor and condition schema for the kind) and to the CLI's generator
 * (the spec fields a data source property gives).
 *
 * Adding a kind: its name in `writableKinds` or `readOnlyKinds`, its rows in the type tables below (`ValueByKind`,
 * `ConditionByKind`, and `InputByKind` when it is written differently), its entry in `registry` (the compiler asks
 * for it, and checks its decoding and encoding against those types), and its case in the registry's test
 * (`test/PropertyKinds.test.ts`).
 *
 * Over 600 lines on purpose: this is the one table of kinds, and a kind's types, entry and helpers are read
 * together; splitting it would list the kinds in two places again.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { DateValue } from "../Common.js"
import * as Filter from "../Filter.js"
import type * as Property from "../Property.js"
import * as PropertyValue from "../PropertyValue.js"
import { plainText } from "../RichText.js"
import type {
  DateInput,
  DateRange,
  FieldSpec,
  FileInput,
  FormulaResult,
  Kind,
  Open,
  RollupResult,
  UniqueId,
  WritableKind
} from "../TypedDataSource.js"

// ---------------------------------------------------------------------------------------------------------------
// the kinds
// ---------------------------------------------------------------------------------------------------------------

/** The kinds a row sets, in the order `TypedDataSource.kinds` lists them. */
export const writableKinds = [
  "title",
  "rich_text",
  "number",
  "checkbox",
  "url",
  "email",
  "phone_number",
  "date",
  "select",
  "status",
  "multi_select",
  "people",
  "relation",
  "files"
] as const

/** The kinds Notion computes. */
export const readOnlyKinds = [
  "formula",
  "rollup",
  "unique_id",
  "created_time",
  "created_by",
  "last_edited_time",
  "last_edited_by"
] as const

// ---------------------------------------------------------------------------------------------------------------
// the kinds' types (what `ValueOf`, `InputOf` and `ConditionOf` read)
// ---------------------------------------------------------------------------------------------------------------

type OptionsOf<S> = S extends { readonly options: ReadonlyArray<infer O extends string> } ? O : never

type FormulaValueOf<R> = R extends "string" ? string | null
  : R extends "number" ? number | null
  : R extends "boolean" ? boolean | null
  : R extends "date" ? DateRange | null
  : string | number | boolean | DateRange | null

type RollupValueOf<R> = R extends "number" ? number | null
  : R extends "date" ? DateRange | null
  : R extends "array" ? ReadonlyArray<PropertyValue.RollupArrayItem>
  : number | DateRange | ReadonlyArray<PropertyValue.RollupArrayItem> | null

/** `ValueOf`, distributed over the kind (so a general `FieldSpec` reads as any value). */
export type ValueByKind<S, K> = K extends "title" | "rich_text" ? string
  : K extends "number" ? number | null
  : K extends "checkbox" ? boolean
  : K extends "url" | "email" | "phone_number" ? string | null
  : K extends "date" ? DateRange | null
  : K extends "select" | "status" ? Open<OptionsOf<S>> | null
  : K extends "multi_select" ? ReadonlyArray<Open<OptionsOf<S>>>
  : K extends "people" | "relation" ? ReadonlyArray<string>
  : K extends "files" ? ReadonlyArray<PropertyValue.NamedFile>
  : K extends "formula" ? FormulaValueOf<S extends { readonly result: infer R } ? R : "unknown">
  : K extends "rollup" ? RollupValueOf<S extends { readonly result: infer R } ? R : "unknown">
  : K extends "unique_id" ? UniqueId
  : K extends "created_time" | "last_edited_time" | "created_by" | "last_edited_by" ? string
  : never

/** `InputOf`, distributed over the kind. */
export type InputByKind<S, K> = K extends "date" ? DateInput | null
  : K extends "files" ? ReadonlyArray<FileInput>
  : ValueByKind<S, K>

type OptionCondition<Ops extends string, O extends string> =
  | { readonly [K in Ops]: { readonly [P in K]: Open<O> | ReadonlyArray<Open<O>> } }[Ops]
  | Filter.ExistenceCondition

type FormulaConditionOf<R> = R extends "string" ? { readonly string: Filter.TextCondition }
  : R extends "number" ? { readonly number: Filter.NumberCondition }
  : R extends "boolean" ? { readonly checkbox: Filter.CheckboxCondition }
  : R extends "date" ? { readonly date: Filter.DateCondition }
  : Filter.FormulaCondition

/** `ConditionOf`, distributed over the kind. */
export type ConditionByKind<S, K> = K extends "title" | "rich_text" | "url" | "email" | "phone_number" ?
  Filter.TextCondition
  : K extends "number" | "unique_id" ? Filter.NumberCondition
  : K extends "checkbox" ? Filter.CheckboxCondition
  : K extends "select" ? OptionCondition<"equals" | "does_not_equal", OptionsOf<S>>
  : K extends "status" ?
      | OptionCondition<"equals" | "does_not_equal", OptionsOf<S>>
      | { readonly group: Filter.StatusGroupCondition }
  : K extends "multi_select" ? OptionCondition<"contains" | "does_not_contain", OptionsOf<S>>
  : K extends "date" | "created_time" | "last_edited_time" ? Filter.DateCondition
  : K extends "people" | "created_by" | "last_edited_by" ? Filter.PeopleCondition
  : K extends "relation" ? Filter.RelationCondition
  : K extends "files" ? Filter.ExistenceCondition
  : K extends "formula" ? FormulaConditionOf<S extends { readonly result: infer R } ? R : "unknown">
  : K extends "rollup" ? Filter.RollupCondition
  : never

// ---------------------------------------------------------------------------------------------------------------
// entries
// ---------------------------------------------------------------------------------------------------------------

/** Why a property value does not fit its field. */
export interface Mismatch {
  /** What the definition expects. */
  readonly expected: string
  /** Why it does not fit, after the property's name. */
  readonly message: string
}

/** Samples of formula and rollup results seen on rows: property id → the result's `type`. */
export type Samples = ReadonlyMap<string, string>

/** The spec of a field of kind `K`. */
export type SpecOf<K extends Kind> = FieldSpec & { readonly kind: K }

/** The settings of a kind's spec (options, result type, rollup function): what the generator fills in. */
export type Settings<K extends Kind> = Omit<SpecOf<K>, "kind" | "id" | "name" | "readOnly">

interface Common<K extends Kind> {
  /** The Schema of the field's value as read. */
  readonly value: (spec: SpecOf<K>) => Schema.Schema<any>
  /** Reads a page's property value (one of this kind) as the field's value. */
  readonly decode: (
    spec: SpecOf<K>,
    value: PropertyValue.PropertyValueOf<K>,
    strict: boolean
  ) => Either.Either<ValueByKind<SpecOf<K>, K>, Mismatch>
  /** `Filter`'s condition schema for the kind (what `where.<field>` takes). */
  readonly condition: Schema.Schema<any>
  /** `Filter`'s constructor for the kind (what `where.<field>` calls with the property id). */
  readonly filter: (property: string, condition: any) => Filter.PropertyFilter
}

/** How the generator reads a data source property's settings, for the kinds that have some. */
type SettingsPart<K extends Kind> = [keyof Settings<K>] extends [never] ? { readonly settings?: never }
  : { readonly settings: (property: Property.PropertyOf<K>, samples: Samples) => Settings<K> }

/** A kind a row sets: read and written. */
export type WritableEntry<K extends Kind> = Common<K> & SettingsPart<K> & {
  readonly writable: true
  /** The Schema of an input (default: `value`). */
  readonly input?: (spec: SpecOf<K>) => Schema.Schema<any>
  /** The request value of a checked input (what goes under the kind's key). */
  readonly encode: (spec: SpecOf<K>, input: InputByKind<SpecOf<K>, K>) => unknown
}

/** A kind Notion computes: read, never written. */
export type ReadOnlyEntry<K extends Kind> = Common<K> & SettingsPart<K> & {
  readonly writable: false
  readonly input?: never
  readonly encode?: never
}

/** The entry of a kind. */
export type Entry<K extends Kind> = K extends WritableKind ? WritableEntry<K> : ReadOnlyEntry<K>

/** An entry, whatever its kind (what code over any field sees). */
export interface AnyEntry {
  readonly writable: boolean
  readonly value: (spec: FieldSpec) => Schema.Schema<any>
  readonly input?: ((spec: FieldSpec) => Schema.Schema<any>) | undefined
  readonly decode: (spec: FieldSpec, value: PropertyValue.PropertyValueKnown, strict: boolean) => Either.Either<
    unknown,
    Mismatch
  >
  readonly encode?: ((spec: FieldSpec, input: unknown) => unknown) | undefined
  readonly condition: Schema.Schema<any>
  readonly filter: (property: string, condition: any) => Filter.PropertyFilter
  readonly settings?: ((property: Property.PropertyKnown, samples: Samples) => object) | undefined
}

// ---------------------------------------------------------------------------------------------------------------
// shared pieces
// ---------------------------------------------------------------------------------------------------------------

const DateRangeSchema: Schema.Schema<DateRange> = Schema.Struct({
  start: Schema.String,
  end: Schema.NullOr(Schema.String),
  time_zone: Schema.NullOr(Schema.String)
})

const DateInputSchema: Schema.Schema<DateInput> = Schema.Struct({
  start: Schema.String,
  end: Schema.optional(Schema.NullOr(Schema.String)),
  time_zone: Schema.optional(Schema.NullOr(Schema.String))
})

const UniqueIdSchema: Schema.Schema<UniqueId> = Schema.Struct({
  prefix: Schema.NullOr(Schema.String),
  number: Schema.NullOr(Schema.Number)
})

const FileInputSchema: Schema.Schema<FileInput> = Schema.Union(
  Schema.Struct({ name: Schema.String, external: Schema.Struct({ url: Schema.String }) }),
  Schema.Struct({ name: Schema.String, file_upload: Schema.Struct({ id: Schema.String }) }),
  Schema.Struct({ name: Schema.String, file: Schema.Struct({ url: Schema.String }) })
)

const RollupArray = Schema.Array(PropertyValue.RollupArrayItem)

const optionSchema = (options: ReadonlyArray<string> | undefined): Schema.Schema<string> =>
  options === undefined || options.length === 0
    ? Schema.String
    : Schema.Union(Schema.Literal(...options), Schema.String)

const dateRange = (value: DateValue | null): DateRange | null =>
  value === null ? null : { start: value.start, end: value.end ?? null, time_zone: value.time_zone ?? null }

const describeOptions = (options: ReadonlyArray<string>) => options.map((o) => JSON.stringify(o)).join(", ")

/** An option the definition does not list, in strict mode. */
const unlisted = (options: ReadonlyArray<string>, name: string, strict: boolean): Mismatch | undefined =>
  !strict || options.includes(name)
    ? undefined
    : {
      expected: `one of ${describeOptions(options)}`,
      message: `has the option ${JSON.stringify(name)}, which the definition does not list`
    }

const chosenOption = (
  spec: { readonly options: ReadonlyArray<string> },
  chosen: { readonly name: string } | null,
  strict: boolean
): Either.Either<string | null, Mismatch> => {
  if (chosen === null) return Either.right(null)
  const issue = unlisted(spec.options, chosen.name, strict)
  return issue === undefined ? Either.right(chosen.name) : Either.left(issue)
}

const TEXT_CHUNK = 2000

/** Rich text for a plain string, in runs of at most 2,000 characters (Notion's limit per text object). */
const richText = (content: string) => {
  const runs: Array<{ type: "text"; text: { content: string } }> = []
  let start = 0
  while (start < content.length) {
    let end = Math.min(start + TEXT_CHUNK, content.length)
    const last = content.charCodeAt(end - 1)
    if (end < content.length && last >= 0xd800 && last <= 0xdbff) end -= 1
    runs.push({ type: "text", text: { content: content.slice(start, end) } })
    start = end
  }
  return runs
}

const encodeFile = (file: FileInput) =>
  "external" in file
    ? { name: file.name, type: "external", external: { url: file.external.url } }
    : "file_upload" in file
    ? { name: file.name, type: "file_upload", file_upload: { id: file.file_upload.id } }
    : { name: file.name, type: "file", file: { url: file.file.url } }

const encodeDate = (date: DateInput | null) =>
  date === null
    ? null
    : { start: date.start, end: date.end ?? null, ...(date.time_zone ? { time_zone: date.time_zone } : {}) }

const same = (_spec: unknown, input: unknown) => input

const optionsOf = (config: { readonly options: ReadonlyArray<{ readonly name: string }> }) =>
  config.options.map((option) => option.name)

const formulaResults: ReadonlyArray<string> = ["string", "number", "boolean", "date"]

const formulaSchema = (result: FormulaResult): Schema.Schema<any> => {
  switch (result) {
    case "string":
      return Schema.NullOr(Schema.String)
    case "number":
      return Schema.NullOr(Schema.Number)
    case "boolean":
      return Schema.NullOr(Schema.Boolean)
    case "date":
      return Schema.NullOr(DateRangeSchema)
    default:
      return Schema.NullOr(Schema.Union(Schema.String, Schema.Number, Schema.Boolean, DateRangeSchema))
  }
}

const decodeFormula = (
  spec: { readonly result: FormulaResult },
  value: PropertyValue.FormulaValue
): Either.Either<FormulaValueOf<FormulaResult>, Mismatch> => {
  const type = (value as { readonly type: string }).type
  if (spec.result !== "unknown" && type !== spec.result) {
    return Either.left({
      expected: `formula returning ${spec.result}`,
      message: `is a formula returning ${type} now (the definition expects ${spec.result})`
    })
  }
  switch (type) {
    case "string":
    case "number":
    case "boolean":
      return Either.right((value as Record<string, string | number | boolean | null>)[type] ?? null)
    case "date":
      return Either.right(dateRange((value as { readonly date: DateValue | null }).date))
    default:
      return Either.left({
        expected: `formula returning ${spec.result === "unknown" ? "a string, number, boolean or date" : spec.result}`,
        message: `is a formula returning ${type}, which has no typed value`
      })
  }
}

const rollupSchema = (result: RollupResult): Schema.Schema<any> => {
  switch (result) {
    case "number":
      return Schema.NullOr(Schema.Number)
    case "date":
      return Schema.NullOr(DateRangeSchema)
    case "array":
      return RollupArray
    default:
      return Schema.NullOr(Schema.Union(Schema.Number, DateRangeSchema, RollupArray))
  }
}

const decodeRollup = (
  spec: { readonly result: RollupResult },
  value: PropertyValue.RollupValue
): Either.Either<RollupValueOf<RollupResult>, Mismatch> => {
  const type = (value as { readonly type: string }).type
  if (type !== "number" && type !== "date" && type !== "array") {
    return Either.left({
      expected: `rollup of ${spec.result === "unknown" ? "a number, date or array" : spec.result}`,
      message: type === "incomplete"
        ? "is an incomplete rollup (too many related pages: read it with pages.properties.retrieve)"
        : `is a rollup of ${type}, which has no typed value`
    })
  }
  if (spec.result !== "unknown" && type !== spec.result) {
    return Either.left({
      expected: `rollup of ${spec.result}`,
      message: `is a rollup of ${type} now (the definition expects ${spec.result})`
    })
  }
  if (type === "date") return Either.right(dateRange((value as { readonly date: DateValue | null }).date))
  return Either.right(
    (value as Record<string, number | ReadonlyArray<PropertyValue.RollupArrayItem> | null>)[type] ?? null
  )
}

/** The result type a rollup's function gives, when no row showed one. */
const rollupByFunction = (fn: string): RollupResult => {
  if (fn === "show_original" || fn === "show_unique") return "array"
  if (fn === "earliest_date" || fn === "latest_date" || fn === "date_range") return "date"
  return "number"
}

const text = Schema.String
const nullableText = Schema.NullOr(Schema.String)
const ids = Schema.Array(Schema.String)

// ---------------------------------------------------------------------------------------------------------------
// the registry
// ---------------------------------------------------------------------------------------------------------------

/** Every kind's entry. */
export const registry: { readonly [K in Kind]: Entry<K> } = {
  title: {
    writable: true,
    value: () => text,
    decode: (_, v) => Either.right(plainText(v.title)),
    encode: (_, input: string) => richText(input),
    condition: Filter.TextCondition,
    filter: Filter.title
  },
  rich_text: {
    writable: true,
    value: () => text,
    decode: (_, v) => Either.right(plainText(v.rich_text)),
    encode: (_, input: string) => richText(input),
    condition: Filter.TextCondition,
    filter: Filter.richText
  },
  number: {
    writable: true,
    value: () => Schema.NullOr(Schema.Number),
    decode: (_, v) => Either.right(v.number),
    encode: same,
    condition: Filter.NumberCondition,
    filter: Filter.number
  },
  checkbox: {
    writable: true,
    value: () => Schema.Boolean,
    decode: (_, v) => Either.right(v.checkbox),
    encode: same,
    condition: Filter.CheckboxCondition,
    filter: Filter.checkbox
  },
  url: {
    writable: true,
    value: () => nullableText,
    decode: (_, v) => Either.right(v.url),
    encode: same,
    condition: Filter.TextCondition,
    filter: Filter.url
  },
  email: {
    writable: true,
    value: () => nullableText,
    decode: (_, v) => Either.right(v.email),
    encode: same,
    condition: Filter.TextCondition,
    filter: Filter.email
  },
  phone_number: {
    writable: true,
    value: () => nullableText,
    decode: (_, v) => Either.right(v.phone_number),
    encode: same,
    condition: Filter.TextCondition,
    filter: Filter.phoneNumber
  },
  date: {
    writable: true,
    value: () => Schema.NullOr(DateRangeSchema),
    input: () => Schema.NullOr(DateInputSchema),
    decode: (_, v) => Either.right(dateRange(v.date)),
    encode: (_, input: DateInput | null) => encodeDate(input),
    condition: Filter.DateCondition,
    filter: Filter.date
  },
  select: {
    writable: true,
    value: (spec) => Schema.NullOr(optionSchema(spec.options)),
    decode: (spec, v, strict) => chosenOption(spec, v.select, strict),
    encode: (_, input: string | null) => input === null ? null : { name: input },
    condition: Filter.SelectCondition,
    filter: Filter.select,
    settings: (property) => ({ options: optionsOf(property.select) })
  },
  status: {
    writable: true,
    value: (spec) => Schema.NullOr(optionSchema(spec.options)),
    decode: (spec, v, strict) => chosenOption(spec, v.status, strict),
    encode: (_, input: string | null) => input === null ? null : { name: input },
    condition: Filter.StatusCondition,
    filter: Filter.status,
    settings: (property) => ({ options: optionsOf(property.status) })
  },
  multi_select: {
    writable: true,
    value: (spec) => Schema.Array(optionSchema(spec.options)),
    decode: (spec, v, strict) => {
      const names = v.multi_select.map((option) => option.name)
      for (const name of names) {
        const issue = unlisted(spec.options, name, strict)
        if (issue !== undefined) return Either.left(issue)
      }
      return Either.right(names)
    },
    encode: (_, input: ReadonlyArray<string>) => input.map((name) => ({ name })),
    condition: Filter.MultiSelectCondition,
    filter: Filter.multiSelect,
    settings: (property) => ({ options: optionsOf(property.multi_select) })
  },
  people: {
    writable: true,
    value: () => ids,
    decode: (_, v) => Either.right(v.people.map((person) => person.id)),
    encode: (_, input: ReadonlyArray<string>) => input.map((id) => ({ object: "user", id })),
    condition: Filter.PeopleCondition,
    filter: Filter.people
  },
  relation: {
    writable: true,
    value: () => ids,
    decode: (_, v) => Either.right(v.relation.map((page) => page.id)),
    encode: (_, input: ReadonlyArray<string>) => input.map((id) => ({ id })),
    condition: Filter.RelationCondition,
    filter: Filter.relation
  },
  files: {
    writable: true,
    value: () => Schema.Array(PropertyValue.NamedFile),
    input: () => Schema.Array(FileInputSchema),
    decode: (_, v) => Either.right(v.files),
    encode: (_, input: ReadonlyArray<FileInput>) => input.map(encodeFile),
    condition: Filter.ExistenceCondition,
    filter: Filter.files
  },
  formula: {
    writable: false,
    value: (spec) => formulaSchema(spec.result),
    decode: (spec, v) => decodeFormula(spec, v.formula),
    condition: Filter.FormulaCondition,
    filter: Filter.formula,
    settings: (property, samples) => {
      const seen = samples.get(property.id)
      return { result: (seen !== undefined && formulaResults.includes(seen) ? seen : "unknown") as FormulaResult }
    }
  },
  rollup: {
    writable: false,
    value: (spec) => rollupSchema(spec.result),
    decode: (spec, v) => decodeRollup(spec, v.rollup),
    condition: Filter.RollupCondition,
    filter: Filter.rollup,
    settings: (property, samples) => {
      const seen = samples.get(property.id)
      const fn = property.rollup.function
      const result = seen === "number" || seen === "date" || seen === "array" ? seen : rollupByFunction(fn)
      return { result, function: fn }
    }
  },
  unique_id: {
    writable: false,
    value: () => UniqueIdSchema,
    decode: (_, v) => Either.right({ prefix: v.unique_id.prefix, number: v.unique_id.number }),
    condition: Filter.NumberCondition,
    filter: Filter.uniqueId
  },
  created_time: {
    writable: false,
    value: () => text,
    decode: (_, v) => Either.right(v.created_time),
    condition: Filter.DateCondition,
    filter: Filter.createdTime
  },
  created_by: {
    writable: false,
    value: () => text,
    decode: (_, v) => Either.right(v.created_by.id),
    condition: Filter.PeopleCondition,
    filter: Filter.createdBy
  },
  last_edited_time: {
    writable: false,
    value: () => text,
    decode: (_, v) => Either.right(v.last_edited_time),
    condition: Filter.DateCondition,
    filter: Filter.lastEditedTime
  },
  last_edited_by: {
    writable: false,
    value: () => text,
    decode: (_, v) => Either.right(v.last_edited_by.id),
    condition: Filter.PeopleCondition,
    filter: Filter.lastEditedBy
  }
}

// ---------------------------------------------------------------------------------------------------------------
// over any field
// ---------------------------------------------------------------------------------------------------------------

/** The entry of a kind, typed for code over any field. */
export const entryOf = (kind: Kind): AnyEntry => registry[kind] as unknown as AnyEntry

const readOnlySet: ReadonlySet<string> = new Set(readOnlyKinds)
const kindSet: ReadonlySet<string> = new Set(Object.keys(registry))

/** Whether a kind is computed by Notion. */
export const isReadOnlyKind = (kind: string): kind is typeof readOnlyKinds[number] => readOnlySet.has(kind)

/** Whether a kind is one a typed data source reads. */
export const isKind = (kind: string): kind is Kind => kindSet.has(kind)

/** The Schema of a field's value as read. */
export const valueSchema = (spec: FieldSpec): Schema.Schema<any> => entryOf(spec.kind).value(spec)

/** The Schema of a field's input. */
export const inputSchema = (spec: FieldSpec): Schema.Schema<any> => {
  const entry = entryOf(spec.kind)
  return (entry.input ?? entry.value)(spec)
}

const kindMismatch = (spec: FieldSpec, actual: string): Mismatch => ({
  expected: spec.kind,
  message: `is now a ${actual} property (the definition expects ${spec.kind})`
})

/** Reads one property value as the field's value. */
export const decodeValue = (
  spec: FieldSpec,
  raw: PropertyValue.PropertyValue,
  strict: boolean
): Either.Either<unknown, Mismatch> => {
  const type = (raw as { readonly type: string }).type
  if (type !== spec.kind || !PropertyValue.isKnownPropertyValue(raw)) return Either.left(kindMismatch(spec, type))
  return entryOf(spec.kind).decode(spec, raw, strict)
}

/** The request value of one writable field: `{ <kind>: … }`. */
export const encodeValue = (spec: FieldSpec, input: unknown): Record<string, unknown> => {
  const encode = entryOf(spec.kind).encode
  return encode === undefined ? {} : { [spec.kind]: encode(spec, input) }
}

/** The spec of a data source property, or `undefined` when its type is not a kind. */
export const specOf = (property: Property.Property, samples: Samples = new Map()): FieldSpec | undefined => {
  const kind = property.type as string
  if (!isKind(kind)) return undefined
  const entry = entryOf(kind)
  const settings = entry.settings?.(property as Property.PropertyKnown, samples) ?? {}
  return {
    kind,
    id: property.id,
    name: property.name,
    ...settings,
    ...(entry.writable ? {} : { readOnly: true })
  } as FieldSpec
}
