/**
 * Data source schema properties: what a data source's `properties` hold, name → `{ id, name, type, description,
 * <type>: configuration }`. The union is open on `type`: a property type Notion adds later decodes to an unknown
 * member that keeps the raw JSON.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Color, JsonObject } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"

const common = {
  id: Schema.String,
  name: Schema.String,
  description: Schema.optional(Schema.NullOr(Schema.String))
}

/**
 * A member `{ ...common, type: <type>, <type>: config }`.
 */
const member = <const Type extends string, Config extends Schema.Schema.All>(type: Type, config: Config) =>
  Schema.Struct(
    { ...common, type: Schema.Literal(type), [type]: config } as unknown as
      & typeof common
      & { readonly type: Schema.Literal<[Type]> }
      & { readonly [K in Type]: Config }
  )

/** The configuration of the many property types that have none (`{}`). */
const Empty = JsonObject

/**
 * A select, multi-select or status option.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SelectOption = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  color: Color,
  description: Schema.optional(Schema.NullOr(Schema.String))
})

/**
 * A select, multi-select or status option.
 *
 * @since 0.1.0
 * @category models
 */
export type SelectOption = typeof SelectOption.Type

/**
 * A status group (To-do, In progress, Complete) and the options in it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StatusGroup = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  color: Color,
  option_ids: Schema.Array(Schema.String)
})

/**
 * A status group.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusGroup = typeof StatusGroup.Type

/**
 * A relation's configuration: the related data source (and its database), and whether it is one-way
 * (`single_property`) or synced with a property there (`dual_property`). `data_source_id` is absent before API
 * version 2025-09-03.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RelationConfig = Schema.Struct({
  data_source_id: Schema.optional(Schema.String),
  database_id: Schema.optional(Schema.String),
  type: Schema.optional(Schema.String),
  single_property: Schema.optional(JsonObject),
  dual_property: Schema.optional(Schema.Struct({
    synced_property_id: Schema.optional(Schema.String),
    synced_property_name: Schema.optional(Schema.String)
  }))
})

/**
 * A relation's configuration.
 *
 * @since 0.1.0
 * @category models
 */
export type RelationConfig = typeof RelationConfig.Type

/**
 * A rollup's configuration: which relation, which property of the related pages, and the aggregation `function`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RollupConfig = Schema.Struct({
  function: Schema.String,
  relation_property_name: Schema.String,
  relation_property_id: Schema.String,
  rollup_property_name: Schema.String,
  rollup_property_id: Schema.String
})

/**
 * A rollup's configuration.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupConfig = typeof RollupConfig.Type

const members = [
  member("title", Empty),
  member("rich_text", Empty),
  member("number", Schema.Struct({ format: Schema.String })),
  member("select", Schema.Struct({ options: Schema.Array(SelectOption) })),
  member("multi_select", Schema.Struct({ options: Schema.Array(SelectOption) })),
  member("status", Schema.Struct({ options: Schema.Array(SelectOption), groups: Schema.Array(StatusGroup) })),
  member("date", Empty),
  member("people", Empty),
  member("files", Empty),
  member("checkbox", Empty),
  member("url", Empty),
  member("email", Empty),
  member("phone_number", Empty),
  member("formula", Schema.Struct({ expression: Schema.String })),
  member("relation", RelationConfig),
  member("rollup", RollupConfig),
  member("created_time", Empty),
  member("created_by", Empty),
  member("last_edited_time", Empty),
  member("last_edited_by", Empty),
  member("unique_id", Schema.Struct({ prefix: Schema.NullOr(Schema.String) })),
  member("button", Empty),
  member("location", Empty),
  member("verification", Empty),
  member("last_visited_time", Empty),
  member("place", Empty)
] as const

const PropertyUnion = OpenUnion.make({ tag: "type", identifier: "Property", fields: common, members })

/**
 * A data source property `{ id, name, type, description?, <type>: configuration }`: title, rich_text,
 * number (`format`), select and multi_select (`options`), status (`options`, `groups`), date, people, files,
 * checkbox, url, email, phone_number, formula (`expression`), relation, rollup, created_time, created_by,
 * last_edited_time, last_edited_by, unique_id (`prefix`), button, location, verification, last_visited_time,
 * place, or any other `type` kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Property: Schema.Schema<Property> = PropertyUnion.schema

/**
 * A data source property.
 *
 * @since 0.1.0
 * @category models
 */
export type Property = typeof PropertyUnion.known.Type | typeof PropertyUnion.unknown.Type

/**
 * The property types we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyKnown: Schema.Schema<PropertyKnown> = PropertyUnion.known

/**
 * A property of a type we know.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyKnown = typeof PropertyUnion.known.Type

/**
 * A property `type` we know.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyType = PropertyKnown["type"]

/**
 * The property of one type: `PropertyOf<"select">` has `select: { options }`.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyOf<T extends PropertyType> = Extract<PropertyKnown, { readonly type: T }>

/**
 * Whether a property is of a type we know (then `switch (property.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownProperty = (property: Property): property is PropertyKnown =>
  OpenUnion.isKnown(PropertyUnion, property)

/**
 * A data source schema: property names to properties.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Properties = Schema.Record({ key: Schema.String, value: Property })

/**
 * A data source schema.
 *
 * @since 0.1.0
 * @category models
 */
export type Properties = typeof Properties.Type
