/**
 * Page property values: what a page's `properties` hold, name → `{ id, type, <type>: value }`. The union is open on
 * `type`: a property type Notion adds later decodes to an unknown member that keeps the raw JSON.
 *
 * `get(page, "Due", "date")` reads one value narrowed to its type; `title(page)` reads the title as plain text.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { Color, DateValue, fileMembers, Group, JsonObject, UserValue } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"
import { plainText, RichText } from "./RichText.js"

/**
 * A member `{ ...fields, type: <type>, <type>: value }`.
 */
const member = <Fields extends Schema.Struct.Fields, const Type extends string, Value extends Schema.Schema.All>(
  fields: Fields,
  type: Type,
  value: Value
) =>
  Schema.Struct(
    { ...fields, type: Schema.Literal(type), [type]: value } as unknown as
      & Fields
      & { readonly type: Schema.Literal<[Type]> }
      & { readonly [K in Type]: Value }
  )

// ---------------------------------------------------------------------------------------------------------------
// value shapes
// ---------------------------------------------------------------------------------------------------------------

/**
 * A chosen select, multi-select or status option.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SelectValue = Schema.Struct({
  id: Schema.optional(Schema.String),
  name: Schema.String,
  color: Schema.optional(Color)
})

/**
 * A chosen select, multi-select or status option.
 *
 * @since 0.1.0
 * @category models
 */
export type SelectValue = typeof SelectValue.Type

const NamedFileUnion = OpenUnion.make({
  tag: "type",
  identifier: "NamedFile",
  fields: { name: Schema.String },
  members: fileMembers({ name: Schema.String })
})

/**
 * A file in a `files` value: a file object with a `name`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NamedFile: Schema.Schema<NamedFile> = NamedFileUnion.schema

/**
 * A file in a `files` value.
 *
 * @since 0.1.0
 * @category models
 */
export type NamedFile = typeof NamedFileUnion.known.Type | typeof NamedFileUnion.unknown.Type

/**
 * Whether a named file is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownNamedFile = (
  file: NamedFile
): file is typeof NamedFileUnion.known.Type => OpenUnion.isKnown(NamedFileUnion, file)

/**
 * A person or group in a `people` value.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PeopleItem = Schema.Union(UserValue, Group)

/**
 * A person or group in a `people` value.
 *
 * @since 0.1.0
 * @category models
 */
export type PeopleItem = typeof PeopleItem.Type

/**
 * A `unique_id` value: optional prefix and the number (`TASK-12`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UniqueIdValue = Schema.Struct({
  prefix: Schema.NullOr(Schema.String),
  number: Schema.NullOr(Schema.Number)
})

/**
 * A `unique_id` value.
 *
 * @since 0.1.0
 * @category models
 */
export type UniqueIdValue = typeof UniqueIdValue.Type

/**
 * A `verification` value (wiki pages): `state` is `verified`, `expired` or `unverified`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const VerificationValue = Schema.Struct({
  state: Schema.String,
  date: Schema.optional(Schema.NullOr(DateValue)),
  verified_by: Schema.optional(Schema.NullOr(UserValue))
})

/**
 * A `verification` value.
 *
 * @since 0.1.0
 * @category models
 */
export type VerificationValue = typeof VerificationValue.Type

/**
 * A `place` value: coordinates and, when known, a name and address.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PlaceValue = Schema.Struct({
  lat: Schema.Number,
  lon: Schema.Number,
  name: Schema.optional(Schema.NullOr(Schema.String)),
  address: Schema.optional(Schema.NullOr(Schema.String)),
  aws_place_id: Schema.optional(Schema.NullOr(Schema.String)),
  google_place_id: Schema.optional(Schema.NullOr(Schema.String))
})

/**
 * A `place` value.
 *
 * @since 0.1.0
 * @category models
 */
export type PlaceValue = typeof PlaceValue.Type

// ---------------------------------------------------------------------------------------------------------------
// formula results
// ---------------------------------------------------------------------------------------------------------------

const FormulaUnion = OpenUnion.make({
  tag: "type",
  identifier: "FormulaValue",
  fields: {},
  members: [
    member({}, "string", Schema.NullOr(Schema.String)),
    member({}, "number", Schema.NullOr(Schema.Number)),
    member({}, "boolean", Schema.NullOr(Schema.Boolean)),
    member({}, "date", Schema.NullOr(DateValue))
  ]
})

/**
 * A formula's result: `string`, `number`, `boolean`, `date`, or any other `type` (`unsupported`, …) kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FormulaValue: Schema.Schema<FormulaValue> = FormulaUnion.schema

/**
 * A formula's result.
 *
 * @since 0.1.0
 * @category models
 */
export type FormulaValue = typeof FormulaUnion.known.Type | typeof FormulaUnion.unknown.Type

/**
 * The formula result kinds we know.
 *
 * @since 0.1.0
 * @category models
 */
export type FormulaValueKnown = typeof FormulaUnion.known.Type

/**
 * Whether a formula result is of a kind we know (then `switch (result.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownFormulaValue = (value: FormulaValue): value is FormulaValueKnown =>
  OpenUnion.isKnown(FormulaUnion, value)

// ---------------------------------------------------------------------------------------------------------------
// property values
// ---------------------------------------------------------------------------------------------------------------

/**
 * The value kinds a page property and a property item hold alike (all but title, rich text, people, relation and
 * rollup, which property items paginate), with the given common fields. `PropertyItem` builds on it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const singleValueMembers = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  [
    member(fields, "number", Schema.NullOr(Schema.Number)),
    member(fields, "url", Schema.NullOr(Schema.String)),
    member(fields, "select", Schema.NullOr(SelectValue)),
    member(fields, "multi_select", Schema.Array(SelectValue)),
    member(fields, "status", Schema.NullOr(SelectValue)),
    member(fields, "date", Schema.NullOr(DateValue)),
    member(fields, "email", Schema.NullOr(Schema.String)),
    member(fields, "phone_number", Schema.NullOr(Schema.String)),
    member(fields, "checkbox", Schema.Boolean),
    member(fields, "files", Schema.Array(NamedFile)),
    member(fields, "formula", FormulaValue),
    member(fields, "created_by", UserValue),
    member(fields, "created_time", Schema.String),
    member(fields, "last_edited_by", UserValue),
    member(fields, "last_edited_time", Schema.String),
    member(fields, "button", JsonObject),
    member(fields, "unique_id", UniqueIdValue),
    member(fields, "verification", Schema.NullOr(VerificationValue)),
    member(fields, "place", Schema.NullOr(PlaceValue))
  ] as const

/** Every value kind but rollup, with the given common fields (`id` on pages, none inside rollup arrays). */
const simpleMembers = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  [
    member(fields, "title", RichText),
    member(fields, "rich_text", RichText),
    ...singleValueMembers(fields),
    member(fields, "people", Schema.Array(PeopleItem)),
    Schema.Struct({
      ...fields,
      type: Schema.Literal("relation"),
      relation: Schema.Array(Schema.Struct({ id: Schema.String })),
      /** Whether the page has more relations than the 25 listed (read them with `pages.properties.retrieve`). */
      has_more: Schema.optional(Schema.Boolean)
    })
  ] as const

const RollupItemUnion = OpenUnion.make({
  tag: "type",
  identifier: "RollupArrayItem",
  fields: {},
  members: simpleMembers({})
})

/**
 * An item of an `array` rollup: a property value without `id`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RollupArrayItem: Schema.Schema<RollupArrayItem> = RollupItemUnion.schema

/**
 * An item of an `array` rollup.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupArrayItem = typeof RollupItemUnion.known.Type | typeof RollupItemUnion.unknown.Type

const rollupFields = { function: Schema.String }

/**
 * The rollup result kinds, with the aggregation `function`, an `array` holding `item`s: a page's rollup value
 * (property values without `id`) and a property item's (left undecoded) differ only there. `PropertyItem` builds on
 * it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const rollupMembers = <Item extends Schema.Schema.AnyNoContext>(item: Item) =>
  [
    member(rollupFields, "number", Schema.NullOr(Schema.Number)),
    member(rollupFields, "date", Schema.NullOr(DateValue)),
    member(rollupFields, "array", Schema.Array(item)),
    member(rollupFields, "incomplete", JsonObject),
    member(rollupFields, "unsupported", JsonObject)
  ] as const

const RollupUnion = OpenUnion.make({
  tag: "type",
  identifier: "RollupValue",
  fields: rollupFields,
  members: rollupMembers(RollupArrayItem)
})

/**
 * A rollup's result, with the aggregation `function` (`count`, `sum`, `show_original`, …): `number`, `date`,
 * `array` (of property values), `incomplete`, `unsupported`, or any other `type` kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RollupValue: Schema.Schema<RollupValue> = RollupUnion.schema

/**
 * A rollup's result.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupValue = typeof RollupUnion.known.Type | typeof RollupUnion.unknown.Type

/**
 * The rollup result kinds we know.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupValueKnown = typeof RollupUnion.known.Type

/**
 * Whether a rollup result is of a kind we know (then `switch (result.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownRollupValue = (value: RollupValue): value is RollupValueKnown =>
  OpenUnion.isKnown(RollupUnion, value)

const idFields = { id: Schema.String }

const propertyValueMembers = [...simpleMembers(idFields), member(idFields, "rollup", RollupValue)] as const

const PropertyValueUnion = OpenUnion.make({
  tag: "type",
  identifier: "PropertyValue",
  fields: idFields,
  members: propertyValueMembers
})

/**
 * A page property value `{ id, type, <type>: value }`, for the 24 types Notion documents (title, rich_text, number,
 * url, select, multi_select, status, date, email, phone_number, checkbox, files, people, relation, rollup, formula,
 * created_by, created_time, last_edited_by, last_edited_time, button, unique_id, verification, place), or any other
 * `type` kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyValue: Schema.Schema<PropertyValue> = PropertyValueUnion.schema

/**
 * A page property value.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyValue = typeof PropertyValueUnion.known.Type | typeof PropertyValueUnion.unknown.Type

/**
 * The property value types we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyValueKnown: Schema.Schema<PropertyValueKnown> = PropertyValueUnion.known

/**
 * A property value of a type we know.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyValueKnown = typeof PropertyValueUnion.known.Type

/**
 * A `type` we know (`"title"`, `"date"`, …).
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyValueType = PropertyValueKnown["type"]

/**
 * The property value of one type: `PropertyValueOf<"date">` is `{ id, type: "date", date: DateValue | null }`.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyValueOf<T extends PropertyValueType> = Extract<PropertyValueKnown, { readonly type: T }>

/**
 * The payload of a property value of one type: `ValueOf<"date">` is `DateValue | null`.
 *
 * @since 0.1.0
 * @category models
 */
export type ValueOf<T extends PropertyValueType> = PropertyValueOf<T> extends infer V ? T extends keyof V ? V[T]
  : never
  : never

/**
 * Whether a property value is of a type we know (then `switch (value.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownPropertyValue = (value: PropertyValue): value is PropertyValueKnown =>
  OpenUnion.isKnown(PropertyValueUnion, value)

/**
 * A map of property names to values (a page's `properties`). It may be partial: from API version `2026-12-01`,
 * search and query pages carry only the title unless `filter_properties` names more, and `pages.retrieve` with
 * `filter_properties` returns only those. A property that was not returned has no entry (never an invented empty
 * value): read values with {@link get} or {@link lookup}, which tell the two apart.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyValues = Schema.Record({ key: Schema.String, value: PropertyValue })

/**
 * A map of property names to values, possibly partial (see {@link PropertyValues}).
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyValues = typeof PropertyValues.Type

// ---------------------------------------------------------------------------------------------------------------
// reading values
// ---------------------------------------------------------------------------------------------------------------

const checks = new Map<string, (u: unknown) => boolean>()

const checkFor = (type: string): (u: unknown) => boolean => {
  let check = checks.get(type)
  if (check === undefined) {
    const is = propertyValueMembers
      .filter((m) => OpenUnion.tagValues("type", [m]).includes(type))
      .map((m) => Schema.is(m as Schema.Schema<unknown>))
    check = (u) => is.some((f) => f(u))
    checks.set(type, check)
  }
  return check
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/**
 * Anything with page-like `properties` (a page, a data source query row, a raw JSON page).
 *
 * @since 0.1.0
 * @category models
 */
export interface HasProperties {
  readonly properties: { readonly [name: string]: unknown }
}

/** The entry named `name`, else the one whose `id` is `name`; `undefined` when the page has neither. */
const locate = (page: HasProperties, name: string): unknown => {
  if (Object.hasOwn(page.properties, name)) return page.properties[name]
  for (const value of Object.values(page.properties)) if (isObject(value) && value.id === name) return value
  return undefined
}

/**
 * What {@link lookup} found: the property `Returned` with type `T` (`value` may be empty: `null`, `[]`, …), `NotReturned`
 * (the page has no entry by that name or id: not in this response, or no such property), or a `Mismatch` (an entry of
 * another type, or with a malformed payload, kept as sent).
 *
 * @since 0.1.0
 * @category models
 */
export type Lookup<T extends PropertyValueType> =
  | { readonly _tag: "Returned"; readonly property: PropertyValueOf<T>; readonly value: ValueOf<T> }
  | { readonly _tag: "NotReturned" }
  | { readonly _tag: "Mismatch"; readonly property: unknown }

const notReturned: Lookup<never> = { _tag: "NotReturned" }

/**
 * The property named `name` (or whose `id` is `name`), told apart three ways: `Returned` with its typed `value`
 * (possibly empty), `NotReturned` (partial `properties`: see {@link PropertyValues}), or `Mismatch`.
 *
 * @since 0.1.0
 * @category utils
 */
export const lookup = <T extends PropertyValueType>(page: HasProperties, name: string, type: T): Lookup<T> => {
  const entry = locate(page, name)
  if (entry === undefined) return notReturned
  if (isObject(entry) && entry.type === type && checkFor(type)(entry)) {
    const property = entry as PropertyValueOf<T>
    return { _tag: "Returned", property, value: (entry as Record<T, ValueOf<T>>)[type] }
  }
  return { _tag: "Mismatch", property: entry }
}

/**
 * The whole property value named `name` (or whose `id` is `name`), when it was returned with type `type` and a
 * well-formed payload.
 *
 * @since 0.1.0
 * @category utils
 */
export const find = <T extends PropertyValueType>(
  page: HasProperties,
  name: string,
  type: T
): Option.Option<PropertyValueOf<T>> => {
  const found = lookup(page, name, type)
  return found._tag === "Returned" ? Option.some(found.property) : Option.none()
}

/**
 * The payload of the property named `name` (or whose `id` is `name`), when it was returned with type `type`:
 * `get(page, "Due", "date")` is `Option<DateValue | null>`. A returned but empty property is `Some` of its empty
 * payload (`Some(null)`, `Some([])`); a property that was not returned (partial `properties`) is `None`, never an
 * invented empty value. `None` also for another type or a malformed payload: {@link lookup} tells those apart.
 *
 * @since 0.1.0
 * @category utils
 */
export const get = <T extends PropertyValueType>(
  page: HasProperties,
  name: string,
  type: T
): Option.Option<ValueOf<T>> => {
  const found = lookup(page, name, type)
  return found._tag === "Returned" ? Option.some(found.value) : Option.none()
}

/**
 * A page's title as plain text (the `title` property's runs joined), or `""` when it has none (or it was not
 * returned: `lookup(page, "title", "title")` tells).
 *
 * @since 0.1.0
 * @category utils
 */
export const title = (page: HasProperties): string => {
  const check = checkFor("title")
  for (const value of Object.values(page.properties)) {
    if (isObject(value) && value.type === "title" && check(value)) return plainText(value.title as RichText)
  }
  return ""
}
