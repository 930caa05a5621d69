/**
 * Property items: what `pages.properties.retrieve` answers. A property of a paginated type (`title`, `rich_text`,
 * `people`, `relation`, and `rollup` over them) comes as a list of `property_item` objects, one rich text item,
 * person or relation each; any other property as a single `property_item`. Items are open on `type`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { DateValue, UserValue } from "./Common.js"
import { JsonObject } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"
import {
  type FormulaValue,
  type NamedFile,
  PeopleItem,
  type PlaceValue,
  rollupMembers,
  type SelectValue,
  singleValueMembers,
  type UniqueIdValue,
  type VerificationValue
} from "./PropertyValue.js"
import { RichTextItem } from "./RichText.js"

/** A member `{ type: <type>, ...fields, <type>: value }`. */
const member = <Fields extends Schema.Struct.Fields, const Type extends string, Value extends Schema.Schema.All>(
  fields: Fields,
  type: Type,
  value: Value
) =>
  Schema.Struct(
    { type: Schema.Literal(type), ...fields, [type]: value } as unknown as
      & { readonly type: Schema.Literal<[Type]> }
      & Fields
      & { readonly [K in Type]: Value }
  )

// ---------------------------------------------------------------------------------------------------------------
// rollups
// ---------------------------------------------------------------------------------------------------------------

const RollupUnion = OpenUnion.make({
  tag: "type",
  identifier: "PropertyItemRollup",
  fields: { function: Schema.String },
  members: rollupMembers(Schema.Unknown)
})

/**
 * A rollup as a property item, of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItemRollupKnown =
  | { readonly type: "number"; readonly function: string; readonly number: number | null }
  | { readonly type: "date"; readonly function: string; readonly date: DateValue | null }
  | { readonly type: "array"; readonly function: string; readonly array: ReadonlyArray<unknown> }
  | { readonly type: "unsupported"; readonly function: string; readonly unsupported: JsonObject }
  | { readonly type: "incomplete"; readonly function: string; readonly incomplete: JsonObject }

/**
 * A rollup as a property item.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItemRollup =
  | PropertyItemRollupKnown
  | { readonly type: string; readonly function: string; readonly [key: string]: unknown }

/**
 * A rollup as a property item, with its aggregation `function`: `number`, `date`, `array`, `unsupported`,
 * `incomplete` (the list is paginated: the final value comes with the last page), or any other `type` kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItemRollup: Schema.Schema<PropertyItemRollup> = RollupUnion.schema

/**
 * Whether a rollup item is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownPropertyItemRollup = (rollup: PropertyItemRollup): rollup is PropertyItemRollupKnown =>
  OpenUnion.isKnown(RollupUnion, rollup)

// ---------------------------------------------------------------------------------------------------------------
// items
// ---------------------------------------------------------------------------------------------------------------

const fields = {
  object: Schema.Literal("property_item"),
  id: Schema.String,
  request_id: Schema.optional(Schema.String)
}

const PropertyItemUnion = OpenUnion.make({
  tag: "type",
  identifier: "PropertyItem",
  fields,
  members: [
    ...singleValueMembers(fields),
    // paginated: one entry per item
    member(fields, "title", RichTextItem),
    member(fields, "rich_text", RichTextItem),
    member(fields, "people", PeopleItem),
    member(fields, "relation", Schema.Struct({ id: Schema.String })),
    member(fields, "rollup", PropertyItemRollup)
  ]
})

/**
 * A property item of type `T` with value `V` under the key `T`.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItemWith<T extends string, V> =
  & {
    readonly type: T
    readonly object: "property_item"
    readonly id: string
    readonly request_id?: string | undefined
  }
  & { readonly [K in T]: V }

/**
 * A property item of a type we know.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItemKnown =
  | PropertyItemWith<"number", number | null>
  | PropertyItemWith<"url", string | null>
  | PropertyItemWith<"select", SelectValue | null>
  | PropertyItemWith<"multi_select", ReadonlyArray<SelectValue>>
  | PropertyItemWith<"status", SelectValue | null>
  | PropertyItemWith<"date", DateValue | null>
  | PropertyItemWith<"email", string | null>
  | PropertyItemWith<"phone_number", string | null>
  | PropertyItemWith<"checkbox", boolean>
  | PropertyItemWith<"files", ReadonlyArray<NamedFile>>
  | PropertyItemWith<"created_by", UserValue>
  | PropertyItemWith<"created_time", string>
  | PropertyItemWith<"last_edited_by", UserValue>
  | PropertyItemWith<"last_edited_time", string>
  | PropertyItemWith<"formula", FormulaValue>
  | PropertyItemWith<"button", JsonObject>
  | PropertyItemWith<"unique_id", UniqueIdValue>
  | PropertyItemWith<"verification", VerificationValue | null>
  | PropertyItemWith<"place", PlaceValue | null>
  | PropertyItemWith<"title", RichTextItem>
  | PropertyItemWith<"rich_text", RichTextItem>
  | PropertyItemWith<"people", PeopleItem>
  | PropertyItemWith<"relation", { readonly id: string }>
  | PropertyItemWith<"rollup", PropertyItemRollup>

/**
 * The property item types we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItemKnown: Schema.Schema<PropertyItemKnown> = PropertyItemUnion.known

/**
 * A property item of a type we do not know: its `type` and every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownPropertyItem {
  readonly object: "property_item"
  readonly id: string
  readonly request_id?: string | undefined
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * One property item.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItem = PropertyItemKnown | UnknownPropertyItem

/**
 * One property item `{ object: "property_item", id, type, <type>: value }`: a whole value for simple types, one
 * entry (a rich text item, a person, a relation) for paginated ones, or any other `type` kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItem: Schema.Schema<PropertyItem> = PropertyItemUnion.schema

/**
 * Whether a property item is of a type we know (then `switch (item.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownPropertyItem = (item: PropertyItem): item is PropertyItemKnown =>
  OpenUnion.isKnown(PropertyItemUnion, item)

// ---------------------------------------------------------------------------------------------------------------
// lists
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a paginated property list is about.
 *
 * @since 0.1.0
 * @category models
 */
export interface PropertyItemListInfo {
  readonly id: string
  readonly type: string
  readonly next_url?: string | null | undefined
  readonly rollup?: PropertyItemRollup | undefined
  readonly [key: string]: unknown
}

/**
 * What a paginated property list is about: the property `id`, its `type`, `next_url` (the next page, or `null`)
 * and, for a rollup, its value so far under `rollup`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItemListInfo: Schema.Schema<PropertyItemListInfo> = Schema.Struct({
  id: Schema.String,
  type: Schema.String,
  next_url: Schema.optional(Schema.NullOr(Schema.String)),
  rollup: Schema.optional(PropertyItemRollup)
}, JsonObject)

/**
 * One page of a paginated property.
 *
 * @since 0.1.0
 * @category models
 */
export interface PropertyItemList {
  readonly object: "list"
  readonly type?: "property_item" | undefined
  readonly property_item: PropertyItemListInfo
  readonly results: ReadonlyArray<PropertyItem>
  readonly next_cursor: string | null
  readonly has_more: boolean
  readonly request_id?: string | undefined
}

/**
 * One page of a paginated property (`title`, `rich_text`, `people`, `relation`, `rollup`): a list of
 * {@link PropertyItem}s, with `property_item` describing the property.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItemList: Schema.Schema<PropertyItemList> = Schema.Struct({
  object: Schema.Literal("list"),
  type: Schema.optional(Schema.Literal("property_item")),
  property_item: PropertyItemListInfo,
  results: Schema.Array(PropertyItem),
  next_cursor: Schema.NullOr(Schema.String),
  has_more: Schema.Boolean,
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PropertyItemList" })

/**
 * What `pages.properties.retrieve` answers.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyItemResponse = PropertyItem | PropertyItemList

/**
 * What `pages.properties.retrieve` answers: one {@link PropertyItem}, or a {@link PropertyItemList}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyItemResponse: Schema.Schema<PropertyItemResponse> = Schema.Union(PropertyItem, PropertyItemList)

/**
 * Whether a `pages.properties.retrieve` answer is a paginated list.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPropertyItemList = (response: PropertyItemResponse): response is PropertyItemList =>
  response.object === "list"
