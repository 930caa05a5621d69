/**
 * Typed rows: definitions, their checks, the errors of a row, and reading and writing rows through the property-kind
 * registry (`propertyKinds.ts`). `TypedDataSource` is the public face of this module.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Filter from "../Filter.js"
import type { Page } from "../Page.js"
import type * as PropertyValue from "../PropertyValue.js"
import type * as TypedDataSource from "../TypedDataSource.js"
import * as PropertyKinds from "./propertyKinds.js"
import * as SchemaIssue from "./schemaIssue.js"

type FieldSpec = TypedDataSource.FieldSpec
type Fields = TypedDataSource.Fields
type Definition<F extends Fields> = TypedDataSource.Definition<F>

// ---------------------------------------------------------------------------------------------------------------
// field specs and definitions
// ---------------------------------------------------------------------------------------------------------------

const specCommon = {
  id: Schema.String,
  name: Schema.String,
  readOnly: Schema.optionalWith(Schema.Boolean, { exact: true })
}

const withSettings: ReadonlyArray<string> = ["select", "status", "multi_select", "formula", "rollup"]

/** A field spec as data (see `TypedDataSource.FieldSpec`). */
export const FieldSpec: Schema.Schema<FieldSpec> = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal(
      ...[...PropertyKinds.writableKinds, ...PropertyKinds.readOnlyKinds].filter((k): k is TypedDataSource.PlainKind =>
        !withSettings.includes(k)
      )
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

/** A definition as plain data (see `TypedDataSource.DefinitionData`). */
export const DefinitionData: Schema.Schema<TypedDataSource.DefinitionData> = Schema.Struct({
  dataSourceId: Schema.String,
  title: Schema.optionalWith(Schema.String, { exact: true }),
  fields: Schema.Record({ key: Schema.String, value: FieldSpec })
}).annotations({ identifier: "DefinitionData" })

/** The keys a field may not use (see `TypedDataSource.reservedKeys`). */
export const reservedKeys: ReadonlyArray<string> = [
  "id",
  "created_time",
  "last_edited_time",
  "raw",
  ...Object.getOwnPropertyNames(Object.prototype)
]

/** Whether a field is read-only (a computed kind, or marked `readOnly`). */
export const isReadOnly = (spec: FieldSpec): boolean =>
  PropertyKinds.isReadOnlyKind(spec.kind) || spec.readOnly === true

/** Builds a definition from its fields (see `TypedDataSource.define`). */
export const define = <F extends Fields>(definition: {
  readonly dataSourceId: string
  readonly title?: string
  readonly fields: F
}): Definition<F> => {
  const struct: Record<string, Schema.Schema<any>> = {}
  for (const [key, spec] of Object.entries(definition.fields)) {
    if (reservedKeys.includes(key)) {
      throw new Error(`TypedDataSource.define: "${key}" is reserved (a row key or an inherited name), not a field name`)
    }
    struct[key] = PropertyKinds.valueSchema(spec as FieldSpec)
  }
  return {
    dataSourceId: definition.dataSourceId,
    title: definition.title ?? "",
    fields: definition.fields,
    schema: Schema.Struct(struct) as unknown as Schema.Schema<TypedDataSource.Values<F>>
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

/** Reads a page as a typed row (see `TypedDataSource.decodePage`). */
export const decodePage = <F extends Fields>(
  definition: Definition<F>,
  page: Page,
  options: TypedDataSource.DecodeOptions & { readonly dataSourceId?: string } = {}
): Either.Either<TypedDataSource.Row<F>, PropertyNotFound | RowDecodeError> => {
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
    const decoded = PropertyKinds.decodeValue(spec, raw, options.strict === true)
    if (Either.isRight(decoded)) row[field] = decoded.right
    else {
      issues.push({
        ...ref,
        expected: decoded.left.expected,
        actual: raw,
        message: `"${spec.name}" ${decoded.left.message}`
      })
    }
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
  return Either.right(row as TypedDataSource.Row<F>)
}

// ---------------------------------------------------------------------------------------------------------------
// encoding
// ---------------------------------------------------------------------------------------------------------------

const inputCheckers = new WeakMap<FieldSpec, (u: unknown) => Either.Either<unknown, SchemaIssue.Issue>>()

const checkInput = (spec: FieldSpec, value: unknown) => {
  let check = inputCheckers.get(spec)
  if (check === undefined) {
    check = SchemaIssue.decodeUnknownEither(PropertyKinds.inputSchema(spec), { errors: "first" })
    inputCheckers.set(spec, check)
  }
  return check(value)
}

/** The `properties` of a create or update request (see `TypedDataSource.encodeInput`). */
export const encodeInput = <F extends Fields>(
  definition: Definition<F>,
  values: TypedDataSource.Input<F>
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
          message: `"${field}" (${spec.name}, ${spec.kind}): ${SchemaIssue.message(checked.left)}`
        })
      )
    }
    properties[spec.id] = PropertyKinds.encodeValue(spec, value)
  }
  return Either.right(properties)
}

// ---------------------------------------------------------------------------------------------------------------
// filters and sorts
// ---------------------------------------------------------------------------------------------------------------

/** The filter constructors of a definition's fields (see `TypedDataSource.where`). */
export const where = <F extends Fields>(definition: Definition<F>): TypedDataSource.Where<F> =>
  Object.fromEntries(
    Object.entries(definition.fields).map(([field, spec]) => {
      const make = PropertyKinds.entryOf(spec.kind).filter
      return [field, (condition: unknown) => make(spec.id, condition)]
    })
  ) as TypedDataSource.Where<F>

/** The sort constructors of a definition's fields (see `TypedDataSource.sortBy`). */
export const sortBy = <F extends Fields>(definition: Definition<F>): TypedDataSource.SortBy<F> =>
  Object.fromEntries(
    Object.entries(definition.fields).map(([field, spec]) => [
      field,
      (direction: Filter.Direction = "ascending") =>
        direction === "ascending" ? Filter.ascending(spec.id) : Filter.descending(spec.id)
    ])
  ) as TypedDataSource.SortBy<F>
