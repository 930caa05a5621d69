/**
 * Notion data sources (`2025-09-03`): the tables of a database, each with its own schema (`properties`) and rows
 * (pages). Search and data source queries answer pages and data sources, full or partial: `PageOrDataSource`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Cover, Icon, Parent } from "./Common.js"
import { Page, PartialPage } from "./Page.js"
import { Properties } from "./Property.js"
import { RichText } from "./RichText.js"
import { PartialUser } from "./User.js"

/**
 * A full data source.
 *
 * @since 0.1.0
 * @category models
 */
export interface FullDataSource {
  readonly object: "data_source"
  readonly id: string
  readonly title: RichText
  readonly description?: RichText | undefined
  readonly properties: Properties
  readonly parent: Parent
  readonly database_parent?: Parent | undefined
  readonly is_inline?: boolean | undefined
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
  readonly created_time: string
  readonly last_edited_time: string
  readonly created_by?: PartialUser | undefined
  readonly last_edited_by?: PartialUser | undefined
  readonly icon?: Icon | null | undefined
  readonly cover?: Cover | null | undefined
  readonly url?: string | undefined
  readonly public_url?: string | null | undefined
  readonly request_id?: string | undefined
}

/**
 * A full data source: `title`, `properties` (the schema: name → `Property`), `parent` (its database, or a data
 * source when synced), `database_parent` (the database's parent), times, authors, icon, cover, `url`. `in_trash` and
 * `archived` (older API versions) are both accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FullDataSource: Schema.Schema<FullDataSource> = Schema.Struct({
  object: Schema.Literal("data_source"),
  id: Schema.String,
  title: RichText,
  description: Schema.optional(RichText),
  properties: Properties,
  parent: Parent,
  database_parent: Schema.optional(Parent),
  is_inline: Schema.optional(Schema.Boolean),
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  created_time: Schema.String,
  last_edited_time: Schema.String,
  created_by: Schema.optional(PartialUser),
  last_edited_by: Schema.optional(PartialUser),
  icon: Schema.optional(Schema.NullOr(Icon)),
  cover: Schema.optional(Schema.NullOr(Cover)),
  url: Schema.optional(Schema.String),
  public_url: Schema.optional(Schema.NullOr(Schema.String)),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "DataSource" })

/**
 * A partial data source.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialDataSource {
  readonly object: "data_source"
  readonly id: string
  readonly properties?: Properties | undefined
  readonly title?: undefined
  readonly request_id?: string | undefined
}

/**
 * A data source the integration cannot read in full: `{ object: "data_source", id, properties? }`. A data source
 * with a `title` is never partial (so a full one with a malformed field fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialDataSource: Schema.Schema<PartialDataSource> = Schema.Struct({
  object: Schema.Literal("data_source"),
  id: Schema.String,
  properties: Schema.optional(Properties),
  title: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialDataSource" })

/**
 * A full or partial data source.
 *
 * @since 0.1.0
 * @category models
 */
export type DataSourceOrPartial = FullDataSource | PartialDataSource

/**
 * A full or partial data source (what `dataSources.retrieve`, `create` and `update` answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataSourceOrPartial: Schema.Schema<DataSourceOrPartial> = Schema.Union(FullDataSource, PartialDataSource)

/**
 * A data source, full or partial.
 *
 * @since 0.1.0
 * @category models
 */
export type DataSource = DataSourceOrPartial

/**
 * A data source, full or partial, as found in search results (same as {@link DataSourceOrPartial}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataSource: Schema.Schema<DataSource> = DataSourceOrPartial

/**
 * Whether a data source is a full one (it has a `title`), as the official SDK's `isFullDataSource`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullDataSource = (
  dataSource: { readonly object: string; readonly id: string }
): dataSource is FullDataSource =>
  dataSource.object === "data_source" && (dataSource as { readonly title?: unknown }).title !== undefined

/**
 * A page or a data source, each full or partial.
 *
 * @since 0.1.0
 * @category models
 */
export type PageOrDataSource = Page | PartialPage | FullDataSource | PartialDataSource

/**
 * A search or data source query result: a page or a data source, each full or partial.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageOrDataSource: Schema.Schema<PageOrDataSource> = Schema.Union(
  Page,
  PartialPage,
  FullDataSource,
  PartialDataSource
)

/**
 * Whether a search or query result is a full page or a full data source, as the official SDK's
 * `isFullPageOrDataSource`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullPageOrDataSource = (
  value: { readonly object: string; readonly id: string }
): value is Page | FullDataSource =>
  value.object === "page"
    ? typeof (value as { readonly url?: unknown }).url === "string"
    : isFullDataSource(value)
