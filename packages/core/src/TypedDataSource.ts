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
 * This module is the public face only: types, signatures and their docs, no implementation (it is over 600 lines
 * for those docs). Each kind's behaviour is one entry of the property-kind registry (`internal/propertyKinds.ts`);
 * rows are read and written in `internal/typedRows.ts`; the service is `internal/typedDataSource.ts`.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import type * as Filter from "./Filter.js"
import * as PropertyKinds from "./internal/propertyKinds.js"
import * as internal from "./internal/typedDataSource.js"
import * as TypedRows from "./internal/typedRows.js"
import type { InvalidRowInput, PropertyNotFound, RowDecodeError } from "./internal/typedRows.js"
import type { NotionClient } from "./NotionClient.js"
import type { ApiCallError } from "./NotionError.js"
import type * as NotionVersion from "./NotionVersion.js"
import type { Page } from "./Page.js"
import type * as Property from "./Property.js"

// ---------------------------------------------------------------------------------------------------------------
// kinds and field specs
// ---------------------------------------------------------------------------------------------------------------

/**
 * The kinds a row sets: a typed data source writes these.
 *
 * @since 0.1.0
 * @category constants
 */
export const writableKinds = PropertyKinds.writableKinds

/**
 * The kinds Notion computes: they can be read but never written.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyKinds = PropertyKinds.readOnlyKinds

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

/**
 * Whether a kind is computed by Notion (read-only).
 *
 * @since 0.1.0
 * @category guards
 */
export const isReadOnlyKind: (kind: string) => kind is ReadOnlyKind = PropertyKinds.isReadOnlyKind

/**
 * Whether `kind` is one a typed data source reads.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKind: (kind: string) => kind is Kind = PropertyKinds.isKind

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

/**
 * A field spec as data: what a definition's `fields` hold, checked (a generated module read back by the CLI is
 * decoded with it).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FieldSpec: Schema.Schema<FieldSpec> = TypedRows.FieldSpec

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
export const DefinitionData: Schema.Schema<DefinitionData> = TypedRows.DefinitionData

/**
 * The keys a field may not use: the row keys every row carries, and the names every object inherits
 * (`constructor`, `toString`, `valueOf`, `hasOwnProperty`, `__proto__`…), which a field would clash with in
 * TypeScript (an input without them would not type-check) and at run time.
 *
 * @since 0.1.0
 * @category constants
 */
export const reservedKeys: ReadonlyArray<string> = TypedRows.reservedKeys

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

/**
 * The value a field reads as: title and rich text → `string`; number → `number | null`; checkbox → `boolean`;
 * url, email, phone → `string | null`; date → {@link DateRange} `| null`; select and status → an option or
 * `null`; multi-select → options; people → user ids; relation → page ids; files → named files; formula and rollup
 * → by result type; unique id → {@link UniqueId}; created/edited time → ISO string; created/edited by → user id.
 *
 * @since 0.1.0
 * @category models
 */
export type ValueOf<S extends FieldSpec> = PropertyKinds.ValueByKind<S, S["kind"]>

/**
 * The value a writable field is written with (as read, but dates take {@link DateInput} and files
 * {@link FileInput}).
 *
 * @since 0.1.0
 * @category models
 */
export type InputOf<S extends FieldSpec> = PropertyKinds.InputByKind<S, S["kind"]>

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

/**
 * The Schema of a field's value as read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const valueSchema: (spec: FieldSpec) => Schema.Schema<any> = PropertyKinds.valueSchema

/**
 * The Schema of a writable field's input (what `create` and `update` check values against).
 *
 * @since 0.1.0
 * @category schemas
 */
export const inputSchema: (spec: FieldSpec) => Schema.Schema<any> = PropertyKinds.inputSchema

/**
 * Whether a field is read-only (a computed kind, or marked `readOnly`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isReadOnly: (spec: FieldSpec) => boolean = TypedRows.isReadOnly

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
export const define: <const F extends Fields & NoReserved>(definition: {
  readonly dataSourceId: string
  readonly title?: string
  readonly fields: F
}) => Definition<F> = TypedRows.define

// ---------------------------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * A field of a definition, as named in errors (a Schema, and its type).
 *
 * @since 0.1.0
 * @category schemas
 */
export { FieldRef } from "./internal/typedRows.js"

/**
 * A property the definition names that a page does not have: it was removed from the data source (regenerate the
 * definition). Fails the query or call: it concerns every row.
 *
 * @since 0.1.0
 * @category errors
 */
export { PropertyNotFound } from "./internal/typedRows.js"

/**
 * Why one field of a row did not decode (a Schema, and its type).
 *
 * @since 0.1.0
 * @category schemas
 */
export { FieldIssue } from "./internal/typedRows.js"

/**
 * A row whose values do not fit the definition (a property whose type changed, a formula whose result type
 * changed, an unknown option in strict mode), or a page the integration cannot read in full. `page` is the page as
 * sent.
 *
 * @since 0.1.0
 * @category errors
 */
export { RowDecodeError } from "./internal/typedRows.js"

/**
 * Values given to `create` or `update` that the definition does not accept: an unknown or read-only field, or a
 * value of the wrong shape. Nothing was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export { InvalidRowInput } from "./internal/typedRows.js"

// ---------------------------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------------------------

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
export const decodePage: <F extends Fields>(
  definition: Definition<F>,
  page: Page,
  options?: DecodeOptions & { readonly dataSourceId?: string }
) => Either.Either<Row<F>, PropertyNotFound | RowDecodeError> = TypedRows.decodePage

// ---------------------------------------------------------------------------------------------------------------
// encoding
// ---------------------------------------------------------------------------------------------------------------

/**
 * The `properties` of a `pages.create` or `pages.update` request for the given values, keyed by property id: only
 * the fields given (not `undefined`) are sent. Fails with `InvalidRowInput` for an unknown or read-only field or a
 * value of the wrong shape.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeInput: <F extends Fields>(
  definition: Definition<F>,
  values: Input<F>
) => Either.Either<Record<string, Record<string, unknown>>, InvalidRowInput> = TypedRows.encodeInput

// ---------------------------------------------------------------------------------------------------------------
// filters and sorts
// ---------------------------------------------------------------------------------------------------------------

/**
 * The condition a field's filter takes, by kind (`Filter`'s conditions; select, status and multi-select ones
 * name the field's options; a status one may name its group instead).
 *
 * @since 0.1.0
 * @category models
 */
export type ConditionOf<S extends FieldSpec> = PropertyKinds.ConditionByKind<S, S["kind"]>

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

/**
 * The filter constructors of a definition's fields (each refers to its property by id).
 *
 * @since 0.1.0
 * @category filters
 */
export const where: <F extends Fields>(definition: Definition<F>) => Where<F> = TypedRows.where

/**
 * The sort constructors of a definition's fields (each refers to its property by id).
 *
 * @since 0.1.0
 * @category filters
 */
export const sortBy: <F extends Fields>(definition: Definition<F>) => SortBy<F> = TypedRows.sortBy

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
export const make: <F extends Fields>(
  definition: Definition<F>,
  dataSourceId?: string,
  options?: MakeOptions
) => Effect.Effect<TypedDataSource<F>, never, NotionClient> = internal.make

// ---------------------------------------------------------------------------------------------------------------
// generation
// ---------------------------------------------------------------------------------------------------------------

/**
 * The spec of a data source property (what `notion-effect schema generate` writes for it), or `undefined` when its
 * type is not a {@link Kind}: select, status and multi-select specs list the options; formula and rollup ones take
 * their result type from `samples` (property id → the result's `type` seen on a row; a formula with none reads
 * any result, a rollup goes by its function). Computed kinds are marked `readOnly`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const specOf: (property: Property.Property, samples?: ReadonlyMap<string, string>) => FieldSpec | undefined =
  PropertyKinds.specOf
