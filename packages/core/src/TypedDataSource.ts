/**
 * Typed data sources: a data source's rows as plain typed values, read and written through a definition that
 * `notion-effect schema generate` writes (or you write by hand).
 *
 * ```ts
 * export const Tasks = TypedDataSource.define({
 *   dataSourceId: "…",
 *   title: "Tasks",
 *   fields: {
 *     name: { kind: "title", id: "title", name: "Name" },
 *     status: { kind: "status", id: "a%3Cb", name: "Status", options: ["Not started", "Done"] },
 *     estimate: { kind: "number", id: "qX%7D", name: "Estimate" }
 *   }
 * })
 *
 * const tasks = yield* TypedDataSource.make(Tasks)
 * const open = tasks.query({
 *   filter: (where) => Filter.and(where.status({ does_not_equal: "Done" }), where.estimate({ greater_than: 2 })),
 *   sorts: (sort) => [sort.estimate("descending")]
 * })
 * ```
 *
 * Properties are matched by **property id**, so renaming a column in Notion does not break decoding. A property
 * added in Notion later is ignored; one the definition names but the page lacks (it was removed) fails with
 * `PropertyNotFound`; a value that does not fit (a property whose type changed, a formula whose result type
 * changed) makes that row a `RowDecodeError`, reported per row unless `strict: true`. Select and status values are
 * the known options or any other string (an option added later); `strict: true` refuses unknown options too.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type { DateValue } from "./Common.js"
import * as Filter from "./Filter.js"
import { NotionClient } from "./NotionClient.js"
import type { ApiCallError } from "./NotionError.js"
import * as NotionVersion from "./NotionVersion.js"
import { isFullPage, type Page } from "./Page.js"
import * as Pagination from "./Pagination.js"
import * as PropertyValue from "./PropertyValue.js"
import { plainText } from "./RichText.js"

// ---------------------------------------------------------------------------------------------------------------
// kinds and field specs
// ---------------------------------------------------------------------------------------------------------------

/**
 * The kinds a row sets: a typed data source writes these.
 *
 * @since 0.1.0
 * @category constants
 */
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

/**
 * The kinds Notion computes: they can be read but never written.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyKinds = [
  "formula",
  "rollup",
  "unique_id",
  "created_time",
  "created_by",
  "last_edited_time",
  "last_edited_by"
] as const

/**
 * A kind a row sets.
 *
 * @since 0.1.0
 * @category models
 */
export type WritableKind = typeof writableKinds[number]

/**
 * A kind Notion computes: read, never written.
 *
 * @since 0.1.0
 * @category models
 */
export type ReadOnlyKind = typeof readOnlyKinds[number]

/**
 * The property kinds a typed data source reads (the 21 data source property types of the API's response types).
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = WritableKind | ReadOnlyKind

/**
 * Every {@link Kind}: the writable ones, then the read-only ones.
 *
 * @since 0.1.0
 * @category constants
 */
export const kinds: ReadonlyArray<Kind> = [...writableKinds, ...readOnlyKinds]

const readOnlySet: ReadonlySet<string> = new Set(readOnlyKinds)

/**
 * Whether a kind is computed by Notion (read-only).
 *
 * @since 0.1.0
 * @category guards
 */
export const isReadOnlyKind = (kind: string): kind is ReadOnlyKind => readOnlySet.has(kind)

/**
 * Whether `kind` is one a typed data source reads.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKind = (kind: string): kind is Kind => (kinds as ReadonlyArray<string>).includes(kind)

/**
 * The result type of a formula: `unknown` when it could not be told (no row to look at), which reads any result.
 *
 * @since 0.1.0
 * @category models
 */
export type FormulaResult = "string" | "number" | "boolean" | "date" | "unknown"

/**
 * The result type of a rollup: `unknown` reads any result.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupResult = "number" | "date" | "array" | "unknown"

/**
 * The kinds with options (`options` lists them).
 *
 * @since 0.1.0
 * @category models
 */
export type OptionKind = "select" | "status" | "multi_select"

/**
 * The kinds without settings.
 *
 * @since 0.1.0
 * @category models
 */
export type PlainKind = Exclude<Kind, OptionKind | "formula" | "rollup">

interface SpecCommon {
  /** The property id (stable across renames; what rows are matched by). */
  readonly id: string
  /** The property name when the definition was made (for messages and `schema diff`). */
  readonly name: string
  /** Marks a property the write side omits (always set for computed kinds). */
  readonly readOnly?: boolean
}

/**
 * One field of a definition, as the generator writes it: kind, property id and name, read-only flag, and the
 * options (select, status, multi-select) or result type (formula, rollup).
 *
 * @since 0.1.0
 * @category models
 */
export type FieldSpec =
  | SpecCommon & { readonly kind: PlainKind }
  | SpecCommon & { readonly kind: OptionKind; readonly options: ReadonlyArray<string> }
  | SpecCommon & { readonly kind: "formula"; readonly result: FormulaResult }
  | SpecCommon & { readonly kind: "rollup"; readonly result: RollupResult; readonly function?: string }

/**
 * A definition's fields: field name → spec.
 *
 * @since 0.1.0
 * @category models
 */
export type Fields = { readonly [field: string]: FieldSpec }

const specCommon = {
  id: Schema.String,
  name: Schema.String,
  readOnly: Schema.optionalWith(Schema.Boolean, { exact: true })
}

/**
 * A field spec as data: what a definition's `fields` hold, checked (a generated module read back by the CLI is
 * decoded with it).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FieldSpec: Schema.Schema<FieldSpec> = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal(
      ...kinds.filter((k): k is PlainKind => !["select", "status", "multi_select", "formula", "rollup"].includes(k))
    ),
    ...specCommon
  }),
  Schema.Struct({
    kind: Schema.Literal("select", "status", "multi_select"),
    ...specCommon,
    options: Schema.Array(Schema.String)
  }),
  Schema.Struct({
    kind: Schema.Literal("formula"),
    ...specCommon,
    result: Schema.Literal("string", "number", "boolean", "date", "unknown")
  }),
  Schema.Struct({
    kind: Schema.Literal("rollup"),
    ...specCommon,
    result: Schema.Literal("number", "date", "array", "unknown"),
    function: Schema.optionalWith(Schema.String, { exact: true })
  })
).annotations({ identifier: "FieldSpec" })

/**
 * A definition as plain data: what {@link define} takes and a generated module holds.
 *
 * @since 0.1.0
 * @category models
 */
export interface DefinitionData {
  readonly dataSourceId: string
  readonly title?: string
  readonly fields: Fields
}

/**
 * A definition as plain data, checked: the data source id, the title and every field spec.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DefinitionData: Schema.Schema<DefinitionData> = Schema.Struct({
  dataSourceId: Schema.String,
  title: Schema.optionalWith(Schema.String, { exact: true }),
  fields: Schema.Record({ key: Schema.String, value: FieldSpec })
}).annotations({ identifier: "DefinitionData" })

/**
 * The keys a field may not use: the row keys every row carries, and the names every object inherits
 * (`constructor`, `toString`, `valueOf`, `hasOwnProperty`, `__proto__`…), which a field would clash with in
 * TypeScript (an input without them would not type-check) and at run time.
 *
 * @since 0.1.0
 * @category constants
 */
export const reservedKeys: ReadonlyArray<string> = [
  "id",
  "created_time",
  "last_edited_time",
  "raw",
  ...Object.getOwnPropertyNames(Object.prototype)
]

// ---------------------------------------------------------------------------------------------------------------
// value types
// ---------------------------------------------------------------------------------------------------------------

/**
 * The known options, and any other string (an option added in Notion later still fits).
 *
 * @since 0.1.0
 * @category models
 */
export type Open<O extends string> = O | (string & {})

/**
 * A date or date range as read: `end` and `time_zone` are `null` when absent.
 *
 * @since 0.1.0
 * @category models
 */
export interface DateRange {
  readonly start: string
  readonly end: string | null
  readonly time_zone: string | null
}

/**
 * A date or date range as written: `end` and `time_zone` are optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface DateInput {
  readonly start: string
  readonly end?: string | null | undefined
  readonly time_zone?: string | null | undefined
}

/**
 * A unique id value: its prefix (if the property has one) and number (`TASK-12`).
 *
 * @since 0.1.0
 * @category models
 */
export interface UniqueId {
  readonly prefix: string | null
  readonly number: number | null
}

/**
 * A file to write in a files property: an external URL, a file upload (`Upload`), or a Notion-hosted file read
 * before.
 *
 * @since 0.1.0
 * @category models
 */
export type FileInput =
  | { readonly name: string; readonly external: { readonly url: string } }
  | { readonly name: string; readonly file_upload: { readonly id: string } }
  | { readonly name: string; readonly file: { readonly url: string } }

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

/**
 * The value a field reads as: title and rich text → `string`; number → `number | null`; checkbox → `boolean`;
 * url, email, phone → `string | null`; date → {@link DateRange} `| null`; select and status → an option or
 * `null`; multi-select → options; people → user ids; relation → page ids; files → named files; formula and rollup
 * → by result type; unique id → {@link UniqueId}; created/edited time → ISO string; created/edited by → user id.
 *
 * @since 0.1.0
 * @category models
 */
export type ValueOf<S extends FieldSpec> = ValueByKind<S, S["kind"]>

/** `ValueOf`, distributed over the kind (so a general `FieldSpec` reads as any value). */
type ValueByKind<S, K> = K extends "title" | "rich_text" ? string
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

/**
 * The value a writable field is written with (as read, but dates take {@link DateInput} and files
 * {@link FileInput}).
 *
 * @since 0.1.0
 * @category models
 */
export type InputOf<S extends FieldSpec> = InputByKind<S, S["kind"]>

type InputByKind<S, K> = K extends "date" ? DateInput | null
  : K extends "files" ? ReadonlyArray<FileInput>
  : ValueByKind<S, K>

/**
 * Whether a field is read-only: a computed kind, or marked `readOnly: true`.
 *
 * @since 0.1.0
 * @category models
 */
export type IsReadOnly<S extends FieldSpec> = S["kind"] extends ReadOnlyKind ? true
  : S extends { readonly readOnly: true } ? true
  : false

/**
 * A row's values: field name → value (the type of the definition's `schema`).
 *
 * @since 0.1.0
 * @category models
 */
export type Values<F extends Fields> = { readonly [K in keyof F]: ValueOf<F[K]> }

/**
 * What every row carries besides its values: page id, times, and the raw page (for anything the definition does
 * not name).
 *
 * @since 0.1.0
 * @category models
 */
export interface Meta {
  readonly id: string
  readonly created_time: string
  readonly last_edited_time: string
  readonly raw: Page
}

/**
 * A typed row: the values and {@link Meta}.
 *
 * @since 0.1.0
 * @category models
 */
export type Row<F extends Fields> = Values<F> & Meta

/**
 * The values `create` and `update` take: any writable fields (read-only ones cannot be given); a field left out or
 * `undefined` is not sent.
 *
 * @since 0.1.0
 * @category models
 */
export type Input<F extends Fields> = {
  readonly [K in keyof F as IsReadOnly<F[K]> extends true ? never : K]?: InputOf<F[K]> | undefined
}

// ---------------------------------------------------------------------------------------------------------------
// definitions
// ---------------------------------------------------------------------------------------------------------------

/**
 * A typed data source's definition: where it came from, its fields, and the Effect Schema of a row's values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Definition<F extends Fields = Fields> {
  /** The data source the definition was generated from (the default of `make`). */
  readonly dataSourceId: string
  /** The data source's title when the definition was made. */
  readonly title: string
  /** Field name → spec. */
  readonly fields: F
  /** The Schema of a row's values (what `Values<F>` is the type of). */
  readonly schema: Schema.Schema<Values<F>>
}

/**
 * The row type of a definition: `type Task = TypedDataSource.RowOf<typeof Tasks>`.
 *
 * @since 0.1.0
 * @category models
 */
export type RowOf<D extends Definition<any>> = Row<D["fields"]>

/**
 * The input type of a definition (what `create` and `update` take).
 *
 * @since 0.1.0
 * @category models
 */
export type InputOfDefinition<D extends Definition<any>> = Input<D["fields"]>

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

const optionSchema = (options: ReadonlyArray<string> | undefined): Schema.Schema<string> =>
  options === undefined || options.length === 0
    ? Schema.String
    : Schema.Union(Schema.Literal(...options), Schema.String)

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

const rollupSchema = (result: RollupResult): Schema.Schema<any> => {
  const array = Schema.Array(PropertyValue.RollupArrayItem)
  switch (result) {
    case "number":
      return Schema.NullOr(Schema.Number)
    case "date":
      return Schema.NullOr(DateRangeSchema)
    case "array":
      return array
    default:
      return Schema.NullOr(Schema.Union(Schema.Number, DateRangeSchema, array))
  }
}

/**
 * The Schema of a field's value as read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const valueSchema = (spec: FieldSpec): Schema.Schema<any> => {
  switch (spec.kind) {
    case "title":
    case "rich_text":
    case "created_time":
    case "last_edited_time":
    case "created_by":
    case "last_edited_by":
      return Schema.String
    case "number":
      return Schema.NullOr(Schema.Number)
    case "checkbox":
      return Schema.Boolean
    case "url":
    case "email":
    case "phone_number":
      return Schema.NullOr(Schema.String)
    case "date":
      return Schema.NullOr(DateRangeSchema)
    case "select":
    case "status":
      return Schema.NullOr(optionSchema(spec.options))
    case "multi_select":
      return Schema.Array(optionSchema(spec.options))
    case "people":
    case "relation":
      return Schema.Array(Schema.String)
    case "files":
      return Schema.Array(PropertyValue.NamedFile)
    case "formula":
      return formulaSchema(spec.result)
    case "rollup":
      return rollupSchema(spec.result)
    case "unique_id":
      return UniqueIdSchema
  }
}

/**
 * The Schema of a writable field's input (what `create` and `update` check values against).
 *
 * @since 0.1.0
 * @category schemas
 */
export const inputSchema = (spec: FieldSpec): Schema.Schema<any> =>
  spec.kind === "date"
    ? Schema.NullOr(DateInputSchema)
    : spec.kind === "files"
    ? Schema.Array(FileInputSchema)
    : valueSchema(spec)

/**
 * Whether a field is read-only (a computed kind, or marked `readOnly`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isReadOnly = (spec: FieldSpec): boolean => isReadOnlyKind(spec.kind) || spec.readOnly === true

type NoReserved = {
  readonly [K in "id" | "created_time" | "last_edited_time" | "raw" | keyof object | "__proto__"]?: never
}

/**
 * Builds a definition from its fields (what a generated module calls). The {@link reservedKeys} (`id`,
 * `created_time`, `last_edited_time`, `raw`, and the names every object inherits) are refused.
 *
 * @since 0.1.0
 * @category constructors
 */
export const define = <const F extends Fields & NoReserved>(definition: {
  readonly dataSourceId: string
  readonly title?: string
  readonly fields: F
}): Definition<F> => {
  const struct: Record<string, Schema.Schema<any>> = {}
  for (const [key, spec] of Object.entries(definition.fields)) {
    if (reservedKeys.includes(key)) {
      throw new Error(`TypedDataSource.define: "${key}" is reserved (a row key or an inherited name), not a field name`)
    }
    struct[key] = valueSchema(spec as FieldSpec)
  }
  return {
    dataSourceId: definition.dataSourceId,
    title: definition.title ?? "",
    fields: definition.fields,
    schema: Schema.Struct(struct) as unknown as Schema.Schema<Values<F>>
  }
}

// ---------------------------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * A field of a definition, as named in errors.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FieldRef = Schema.Struct({
  field: Schema.String,
  propertyId: Schema.String,
  propertyName: Schema.String
})

/**
 * A field of a definition, as named in errors.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldRef = typeof FieldRef.Type

/**
 * A property the definition names that a page does not have: it was removed from the data source (regenerate the
 * definition). Fails the query or call: it concerns every row.
 *
 * @since 0.1.0
 * @category errors
 */
export class PropertyNotFound extends Schema.TaggedError<PropertyNotFound>()("PropertyNotFound", {
  dataSourceId: Schema.String,
  pageId: Schema.String,
  missing: Schema.Array(FieldRef),
  message: Schema.String
}) {}

/**
 * Why one field of a row did not decode.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FieldIssue = Schema.Struct({
  ...FieldRef.fields,
  /** What the definition expects (`select`, `formula returning number`, an option among …). */
  expected: Schema.String,
  /** The property value as Notion sent it. */
  actual: Schema.Unknown,
  message: Schema.String
})

/**
 * Why one field of a row did not decode.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldIssue = typeof FieldIssue.Type

/**
 * A row whose values do not fit the definition (a property whose type changed, a formula whose result type
 * changed, an unknown option in strict mode), or a page the integration cannot read in full. `page` is the page as
 * sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class RowDecodeError extends Schema.TaggedError<RowDecodeError>()("RowDecodeError", {
  pageId: Schema.String,
  issues: Schema.Array(FieldIssue),
  page: Schema.Unknown,
  message: Schema.String
}) {}

/**
 * Values given to `create` or `update` that the definition does not accept: an unknown or read-only field, or a
 * value of the wrong shape. Nothing was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRowInput extends Schema.TaggedError<InvalidRowInput>()("InvalidRowInput", {
  field: Schema.String,
  message: Schema.String
}) {}

// ---------------------------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------------------------

const unescapeId = (id: string): string => {
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

const dateRange = (value: DateValue | null): DateRange | null =>
  value === null ? null : { start: value.start, end: value.end ?? null, time_zone: value.time_zone ?? null }

type Decoded = { readonly ok: true; readonly value: unknown } | {
  readonly ok: false
  readonly expected: string
  readonly message: string
}

const ok = (value: unknown): Decoded => ({ ok: true, value })

const kindMismatch = (spec: FieldSpec, actual: string): Decoded => ({
  ok: false,
  expected: spec.kind,
  message: `is now a ${actual} property (the definition expects ${spec.kind})`
})

const describeOptions = (options: ReadonlyArray<string>) => options.map((o) => JSON.stringify(o)).join(", ")

const checkOption = (spec: FieldSpec & { readonly options: ReadonlyArray<string> }, name: string, strict: boolean) =>
  !strict || spec.options.includes(name)
    ? undefined
    : {
      ok: false as const,
      expected: `one of ${describeOptions(spec.options)}`,
      message: `has the option ${JSON.stringify(name)}, which the definition does not list`
    }

const formulaValue = (spec: FieldSpec & { readonly result: FormulaResult }, value: PropertyValue.FormulaValue) => {
  const type = (value as { readonly type: string }).type
  const read = (): Decoded => {
    switch (type) {
      case "string":
      case "number":
      case "boolean":
        return ok((value as Record<string, unknown>)[type] ?? null)
      case "date":
        return ok(dateRange((value as { readonly date: DateValue | null }).date))
      default:
        return {
          ok: false,
          expected: `formula returning ${
            spec.result === "unknown" ? "a string, number, boolean or date" : spec.result
          }`,
          message: `is a formula returning ${type}, which has no typed value`
        }
    }
  }
  if (spec.result !== "unknown" && type !== spec.result) {
    return {
      ok: false,
      expected: `formula returning ${spec.result}`,
      message: `is a formula returning ${type} now (the definition expects ${spec.result})`
    } satisfies Decoded
  }
  return read()
}

const rollupValue = (spec: FieldSpec & { readonly result: RollupResult }, value: PropertyValue.RollupValue) => {
  const type = (value as { readonly type: string }).type
  if (type !== "number" && type !== "date" && type !== "array") {
    return {
      ok: false,
      expected: `rollup of ${spec.result === "unknown" ? "a number, date or array" : spec.result}`,
      message: type === "incomplete"
        ? "is an incomplete rollup (too many related pages: read it with pages.properties.retrieve)"
        : `is a rollup of ${type}, which has no typed value`
    } satisfies Decoded
  }
  if (spec.result !== "unknown" && type !== spec.result) {
    return {
      ok: false,
      expected: `rollup of ${spec.result}`,
      message: `is a rollup of ${type} now (the definition expects ${spec.result})`
    } satisfies Decoded
  }
  if (type === "date") return ok(dateRange((value as { readonly date: DateValue | null }).date))
  return ok((value as Record<string, unknown>)[type] ?? null)
}

/** Reads one property value as the field's value. */
const decodeValue = (spec: FieldSpec, raw: PropertyValue.PropertyValue, strict: boolean): Decoded => {
  const type = (raw as { readonly type: string }).type
  if (type !== spec.kind || !PropertyValue.isKnownPropertyValue(raw)) return kindMismatch(spec, type)
  const value = raw as PropertyValue.PropertyValueKnown
  switch (value.type) {
    case "title":
      return ok(plainText(value.title))
    case "rich_text":
      return ok(plainText(value.rich_text))
    case "number":
      return ok(value.number)
    case "checkbox":
      return ok(value.checkbox)
    case "url":
      return ok(value.url)
    case "email":
      return ok(value.email)
    case "phone_number":
      return ok(value.phone_number)
    case "date":
      return ok(dateRange(value.date))
    case "select":
    case "status": {
      const chosen = value.type === "select" ? value.select : value.status
      if (chosen === null) return ok(null)
      return checkOption(spec as FieldSpec & { options: ReadonlyArray<string> }, chosen.name, strict) ??
        ok(chosen.name)
    }
    case "multi_select": {
      const names = value.multi_select.map((option) => option.name)
      for (const name of names) {
        const issue = checkOption(spec as FieldSpec & { options: ReadonlyArray<string> }, name, strict)
        if (issue !== undefined) return issue
      }
      return ok(names)
    }
    case "people":
      return ok(value.people.map((person) => person.id))
    case "relation":
      return ok(value.relation.map((page) => page.id))
    case "files":
      return ok(value.files)
    case "formula":
      return formulaValue(spec as FieldSpec & { readonly result: FormulaResult }, value.formula)
    case "rollup":
      return rollupValue(spec as FieldSpec & { readonly result: RollupResult }, value.rollup)
    case "unique_id":
      return ok({ prefix: value.unique_id.prefix, number: value.unique_id.number })
    case "created_time":
      return ok(value.created_time)
    case "last_edited_time":
      return ok(value.last_edited_time)
    case "created_by":
      return ok(value.created_by.id)
    case "last_edited_by":
      return ok(value.last_edited_by.id)
    default:
      return kindMismatch(spec, type)
  }
}

/**
 * Options of decoding.
 *
 * @since 0.1.0
 * @category models
 */
export interface DecodeOptions {
  /** Refuse select, status and multi-select options the definition does not list. */
  readonly strict?: boolean
}

/**
 * Reads a page as a typed row, matching properties by id. `Left` with `PropertyNotFound` when a property of the
 * definition is missing (removed from the data source), with `RowDecodeError` when a value does not fit.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodePage = <F extends Fields>(
  definition: Definition<F>,
  page: Page,
  options: DecodeOptions & { readonly dataSourceId?: string } = {}
): Either.Either<Row<F>, PropertyNotFound | RowDecodeError> => {
  const byId = new Map<string, PropertyValue.PropertyValue>()
  for (const value of Object.values(page.properties)) {
    const id = (value as { readonly id?: unknown }).id
    if (typeof id === "string") byId.set(unescapeId(id), value)
  }
  const row: Record<string, unknown> = {
    id: page.id,
    created_time: page.created_time,
    last_edited_time: page.last_edited_time,
    raw: page
  }
  const missing: Array<FieldRef> = []
  const issues: Array<FieldIssue> = []
  for (const [field, spec] of Object.entries(definition.fields) as Array<[string, FieldSpec]>) {
    const raw = byId.get(unescapeId(spec.id))
    const ref = { field, propertyId: spec.id, propertyName: spec.name }
    if (raw === undefined) {
      missing.push(ref)
      continue
    }
    const decoded = decodeValue(spec, raw, options.strict === true)
    if (decoded.ok) row[field] = decoded.value
    else issues.push({ ...ref, expected: decoded.expected, actual: raw, message: `"${spec.name}" ${decoded.message}` })
  }
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m.propertyName}" (id ${JSON.stringify(m.propertyId)}, field ${m.field})`)
    return Either.left(
      new PropertyNotFound({
        dataSourceId: options.dataSourceId ?? definition.dataSourceId,
        pageId: page.id,
        missing,
        message:
          `${missing.length === 1 ? "Property" : "Properties"} ${names.join(", ")} not found on page ${page.id}:` +
          " removed from the data source? Regenerate the definition (notion-effect schema generate)."
      })
    )
  }
  if (issues.length > 0) {
    return Either.left(
      new RowDecodeError({
        pageId: page.id,
        issues,
        page,
        message: `Row ${page.id} does not fit the definition: ${issues.map((i) => i.message).join("; ")}`
      })
    )
  }
  return Either.right(row as Row<F>)
}

// ---------------------------------------------------------------------------------------------------------------
// encoding
// ---------------------------------------------------------------------------------------------------------------

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

/** The request value of one writable field. */
const encodeValue = (spec: FieldSpec, value: unknown): Record<string, unknown> => {
  switch (spec.kind) {
    case "title":
    case "rich_text":
      return { [spec.kind]: richText(value as string) }
    case "number":
    case "checkbox":
    case "url":
    case "email":
    case "phone_number":
      return { [spec.kind]: value }
    case "date": {
      const date = value as DateInput | null
      return {
        date: date === null
          ? null
          : { start: date.start, end: date.end ?? null, ...(date.time_zone ? { time_zone: date.time_zone } : {}) }
      }
    }
    case "select":
    case "status":
      return { [spec.kind]: value === null ? null : { name: value } }
    case "multi_select":
      return { multi_select: (value as ReadonlyArray<string>).map((name) => ({ name })) }
    case "people":
      return { people: (value as ReadonlyArray<string>).map((id) => ({ object: "user", id })) }
    case "relation":
      return { relation: (value as ReadonlyArray<string>).map((id) => ({ id })) }
    case "files":
      return { files: (value as ReadonlyArray<FileInput>).map(encodeFile) }
    default:
      return {}
  }
}

const inputCheckers = new WeakMap<FieldSpec, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

const checkInput = (spec: FieldSpec, value: unknown) => {
  let check = inputCheckers.get(spec)
  if (check === undefined) {
    check = Schema.decodeUnknownEither(inputSchema(spec), { errors: "first" })
    inputCheckers.set(spec, check)
  }
  return check(value)
}

/**
 * The `properties` of a `pages.create` or `pages.update` request for the given values, keyed by property id: only
 * the fields given (not `undefined`) are sent. Fails with `InvalidRowInput` for an unknown or read-only field or a
 * value of the wrong shape.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeInput = <F extends Fields>(
  definition: Definition<F>,
  values: Input<F>
): Either.Either<Record<string, Record<string, unknown>>, InvalidRowInput> => {
  const properties: Record<string, Record<string, unknown>> = {}
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue
    const spec = Object.hasOwn(definition.fields, field) ? definition.fields[field] as FieldSpec : undefined
    if (spec === undefined) {
      return Either.left(new InvalidRowInput({ field, message: `"${field}" is not a field of this data source` }))
    }
    if (isReadOnly(spec)) {
      return Either.left(
        new InvalidRowInput({ field, message: `"${field}" (${spec.name}) is a read-only ${spec.kind} property` })
      )
    }
    const checked = checkInput(spec, value)
    if (Either.isLeft(checked)) {
      return Either.left(
        new InvalidRowInput({
          field,
          message: `"${field}" (${spec.name}, ${spec.kind}): ${ParseResult.TreeFormatter.formatErrorSync(checked.left)}`
        })
      )
    }
    properties[spec.id] = encodeValue(spec, value)
  }
  return Either.right(properties)
}

// ---------------------------------------------------------------------------------------------------------------
// filters and sorts
// ---------------------------------------------------------------------------------------------------------------

type OptionCondition<Ops extends string, O extends string> =
  | { readonly [K in Ops]: { readonly [P in K]: Open<O> | ReadonlyArray<Open<O>> } }[Ops]
  | Filter.ExistenceCondition

type FormulaConditionOf<R> = R extends "string" ? { readonly string: Filter.TextCondition }
  : R extends "number" ? { readonly number: Filter.NumberCondition }
  : R extends "boolean" ? { readonly checkbox: Filter.CheckboxCondition }
  : R extends "date" ? { readonly date: Filter.DateCondition }
  : Filter.FormulaCondition

/**
 * The condition a field's filter takes, by kind (`Filter`'s conditions; select, status and multi-select ones
 * name the field's options; a status one may name its group instead).
 *
 * @since 0.1.0
 * @category models
 */
export type ConditionOf<S extends FieldSpec> = ConditionByKind<S, S["kind"]>

type ConditionByKind<S, K> = K extends "title" | "rich_text" | "url" | "email" | "phone_number" ? Filter.TextCondition
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

/**
 * A filter constructor per field: `where.status({ equals: "Done" })` is `Filter.status(<property id>, …)`.
 * Combine them with `Filter.and` and `Filter.or`.
 *
 * @since 0.1.0
 * @category models
 */
export type Where<F extends Fields> = {
  readonly [K in keyof F]: (condition: ConditionOf<F[K]>) => Filter.PropertyFilter
}

/**
 * A sort constructor per field: `sort.estimate("descending")` (ascending unless told). For page timestamps use
 * `Filter.byTimestamp`.
 *
 * @since 0.1.0
 * @category models
 */
export type SortBy<F extends Fields> = {
  readonly [K in keyof F]: (direction?: Filter.Direction) => Filter.Sort
}

const constructors: Record<Kind, (property: string, condition: any) => Filter.PropertyFilter> = {
  title: Filter.title,
  rich_text: Filter.richText,
  number: Filter.number,
  checkbox: Filter.checkbox,
  url: Filter.url,
  email: Filter.email,
  phone_number: Filter.phoneNumber,
  date: Filter.date,
  select: Filter.select,
  status: Filter.status,
  multi_select: Filter.multiSelect,
  people: Filter.people,
  relation: Filter.relation,
  files: Filter.files,
  formula: Filter.formula,
  rollup: Filter.rollup,
  unique_id: Filter.uniqueId,
  created_time: Filter.createdTime,
  created_by: Filter.createdBy,
  last_edited_time: Filter.lastEditedTime,
  last_edited_by: Filter.lastEditedBy
}

/**
 * The filter constructors of a definition's fields (each refers to its property by id).
 *
 * @since 0.1.0
 * @category filters
 */
export const where = <F extends Fields>(definition: Definition<F>): Where<F> =>
  Object.fromEntries(
    Object.entries(definition.fields).map(([field, spec]) => {
      const make = constructors[spec.kind]
      return [field, (condition: unknown) => make(spec.id, condition)]
    })
  ) as Where<F>

/**
 * The sort constructors of a definition's fields (each refers to its property by id).
 *
 * @since 0.1.0
 * @category filters
 */
export const sortBy = <F extends Fields>(definition: Definition<F>): SortBy<F> =>
  Object.fromEntries(
    Object.entries(definition.fields).map(([field, spec]) => [
      field,
      (direction: Filter.Direction = "ascending") =>
        direction === "ascending" ? Filter.ascending(spec.id) : Filter.descending(spec.id)
    ])
  ) as SortBy<F>

// ---------------------------------------------------------------------------------------------------------------
// the service
// ---------------------------------------------------------------------------------------------------------------

/**
 * What `query` takes: a filter and sorts (as values, or built from the field constructors), a page size, and
 * `strict`.
 *
 * @since 0.1.0
 * @category models
 */
export interface QueryOptions<F extends Fields> {
  /** A `Filter`, or a function of the field constructors: `(where) => where.done({ equals: false })`. */
  readonly filter?: Filter.Filter | ((where: Where<F>) => Filter.Filter)
  /** Sorts, or a function of the sort constructors: `(sort) => [sort.due("ascending")]`. */
  readonly sorts?: ReadonlyArray<Filter.Sort> | ((sort: SortBy<F>) => ReadonlyArray<Filter.Sort>)
  /** Rows per request (1 to 100; Notion's default is 100). */
  readonly pageSize?: number
  /** Fail the stream on the first row that does not fit (and refuse unknown options), instead of a `Left`. */
  readonly strict?: boolean
}

/**
 * A typed data source: typed rows read and written through the Notion client.
 *
 * @since 0.1.0
 * @category models
 */
export interface TypedDataSource<F extends Fields> {
  readonly definition: Definition<F>
  readonly dataSourceId: string
  /** Filter constructors per field. */
  readonly where: Where<F>
  /** Sort constructors per field. */
  readonly sort: SortBy<F>
  /**
   * Every matching row, page after page: `Right(row)`, or `Left(RowDecodeError)` for a row that does not fit. With
   * `strict: true`, rows only, and the stream fails on the first that does not fit.
   */
  readonly query: {
    (
      options?: QueryOptions<F> & { readonly strict?: false }
    ): Stream.Stream<Either.Either<Row<F>, RowDecodeError>, ApiCallError | PropertyNotFound>
    (
      options: QueryOptions<F> & { readonly strict: true }
    ): Stream.Stream<Row<F>, ApiCallError | PropertyNotFound | RowDecodeError>
    (
      options: QueryOptions<F>
    ): Stream.Stream<Either.Either<Row<F>, RowDecodeError> | Row<F>, ApiCallError | PropertyNotFound | RowDecodeError>
  }
  /** One row by page id. */
  readonly retrieve: (
    pageId: string,
    options?: DecodeOptions
  ) => Effect.Effect<Row<F>, ApiCallError | PropertyNotFound | RowDecodeError>
  /** A new row with the given values. */
  readonly create: (
    values: Input<F>
  ) => Effect.Effect<Row<F>, ApiCallError | PropertyNotFound | RowDecodeError | InvalidRowInput>
  /** Sets the given values (only those are sent). */
  readonly update: (
    pageId: string,
    values: Input<F>
  ) => Effect.Effect<Row<F>, ApiCallError | PropertyNotFound | RowDecodeError | InvalidRowInput>
  /** Moves a row to the trash. */
  readonly trash: (pageId: string) => Effect.Effect<void, ApiCallError>
  /** Reads a page (e.g. from a webhook or your own query) as a row. */
  readonly decode: (page: Page, options?: DecodeOptions) => Either.Either<Row<F>, PropertyNotFound | RowDecodeError>
}

const notFull = (page: { readonly id: string }, why: string) =>
  new RowDecodeError({
    pageId: page.id,
    issues: [],
    page,
    message: `Page ${page.id} ${why}`
  })

/**
 * What `make` takes besides the definition.
 *
 * @since 0.1.0
 * @category models
 */
export interface MakeOptions {
  /** The `Notion-Version` of this data source's requests (default: the client's). */
  readonly notionVersion?: NotionVersion.NotionVersion
}

/**
 * A typed data source over the Notion client, for `definition` at `dataSourceId` (default: the id the definition
 * was generated from, so one definition serves copies of a data source in other workspaces too). From
 * `2026-12-01`, where listed rows carry only their title unless asked, `query` sends the definition's property
 * ids as `filter_properties`, so every row is complete on every version.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <F extends Fields>(
  definition: Definition<F>,
  dataSourceId: string = definition.dataSourceId,
  options: MakeOptions = {}
): Effect.Effect<TypedDataSource<F>, never, NotionClient> =>
  Effect.map(NotionClient, (client): TypedDataSource<F> => {
    const version = options.notionVersion ?? client.notionVersion
    // every call carries the version when one is given; the client's own is sent anyway
    const call = options.notionVersion === undefined ? {} : { notionVersion: options.notionVersion }
    const propertyIds = NotionVersion.atLeast(version, "2026-12-01")
      ? { filter_properties: Object.values(definition.fields as Fields).map((spec) => spec.id) }
      : {}
    const whereF = where(definition)
    const sortF = sortBy(definition)
    const decode = (page: Page, options: DecodeOptions = {}) =>
      decodePage(definition, page, { ...options, dataSourceId })

    const toRow = (answer: { readonly object: string; readonly id: string }, options: DecodeOptions = {}) =>
      answer.object !== "page"
        ? Effect.fail(notFull(answer, `is not a page (${answer.object}): the request is still running`))
        : isFullPage(answer)
        ? decode(answer, options)
        : Effect.fail(notFull(answer, "is partial: the integration cannot read it"))

    const query = (options: QueryOptions<F> = {}) => {
      const filter = typeof options.filter === "function" ? options.filter(whereF) : options.filter
      const sorts = typeof options.sorts === "function" ? options.sorts(sortF) : options.sorts
      const strict = options.strict === true
      const pages = Pagination.stream(client.dataSources.query, {
        ...call,
        ...propertyIds,
        data_source_id: dataSourceId,
        ...(filter === undefined ? {} : { filter }),
        ...(sorts === undefined ? {} : { sorts }),
        ...(options.pageSize === undefined ? {} : { page_size: options.pageSize })
      })
      return Stream.mapChunksEffect(pages, (chunk) =>
        Effect.suspend(() => {
          const out: Array<unknown> = []
          for (const item of chunk) {
            if (item.object !== "page") continue
            const decoded = isFullPage(item)
              ? decode(item, { strict })
              : Either.left(notFull(item, "is partial: the integration cannot read it"))
            if (Either.isRight(decoded)) out.push(strict ? decoded.right : decoded)
            else if (decoded.left._tag === "PropertyNotFound" || strict) return Effect.fail(decoded.left)
            else out.push(decoded)
          }
          return Effect.succeed(Chunk.unsafeFromArray(out))
        }))
    }

    return {
      definition,
      dataSourceId,
      where: whereF,
      sort: sortF,
      query: query as TypedDataSource<F>["query"],
      decode,
      retrieve: (pageId, options) =>
        Effect.flatMap(client.pages.retrieve({ ...call, page_id: pageId }), (page) => toRow(page, options)),
      create: (values) =>
        Effect.flatMap(encodeInput(definition, values), (properties) =>
          Effect.flatMap(
            client.pages.create({ ...call, parent: { data_source_id: dataSourceId }, properties }),
            (page) => toRow(page)
          )),
      update: (pageId, values) =>
        Effect.flatMap(
          encodeInput(definition, values),
          (properties) =>
            Effect.flatMap(client.pages.update({ ...call, page_id: pageId, properties }), (page) => toRow(page))
        ),
      trash: (pageId) => Effect.asVoid(client.pages.update({ ...call, page_id: pageId, in_trash: true }))
    }
  })
