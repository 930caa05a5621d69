/**
 * Notion databases. Since `2025-09-03` a database holds one or more data sources (each with its own schema and
 * rows): `data_sources` lists them, and the schema lives on the data source.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Cover, Icon, Parent } from "./Common.js"
import { RichText } from "./RichText.js"
import { PartialUser } from "./User.js"

/**
 * A data source of a database.
 *
 * @since 0.1.0
 * @category models
 */
export interface DataSourceReference {
  readonly id: string
  readonly name?: string | undefined
}

/**
 * A data source of a database: its `id` and `name`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataSourceReference: Schema.Schema<DataSourceReference> = Schema.Struct({
  id: Schema.String,
  name: Schema.optional(Schema.String)
})

/**
 * A full database.
 *
 * @since 0.1.0
 * @category models
 */
export interface Database {
  readonly object: "database"
  readonly id: string
  readonly title: RichText
  readonly description?: RichText | undefined
  readonly parent: Parent
  readonly is_inline?: boolean | undefined
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
  readonly is_locked?: boolean | undefined
  readonly created_time: string
  readonly last_edited_time: string
  readonly created_by?: PartialUser | undefined
  readonly last_edited_by?: PartialUser | undefined
  readonly data_sources?: ReadonlyArray<DataSourceReference> | undefined
  readonly icon?: Icon | null | undefined
  readonly cover?: Cover | null | undefined
  readonly url: string
  readonly public_url?: string | null | undefined
  readonly request_id?: string | undefined
}

/**
 * A full database: `title`, `description`, `parent`, `is_inline`, `data_sources` (from `2025-09-03`), icon, cover,
 * `url`. `in_trash` and `archived` (older API versions) are both accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Database: Schema.Schema<Database> = Schema.Struct({
  object: Schema.Literal("database"),
  id: Schema.String,
  title: RichText,
  description: Schema.optional(RichText),
  parent: Parent,
  is_inline: Schema.optional(Schema.Boolean),
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  is_locked: Schema.optional(Schema.Boolean),
  created_time: Schema.String,
  last_edited_time: Schema.String,
  created_by: Schema.optional(PartialUser),
  last_edited_by: Schema.optional(PartialUser),
  data_sources: Schema.optional(Schema.Array(DataSourceReference)),
  icon: Schema.optional(Schema.NullOr(Icon)),
  cover: Schema.optional(Schema.NullOr(Cover)),
  url: Schema.String,
  public_url: Schema.optional(Schema.NullOr(Schema.String)),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "Database" })

/**
 * A partial database.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialDatabase {
  readonly object: "database"
  readonly id: string
  readonly title?: undefined
  readonly request_id?: string | undefined
}

/**
 * A database the integration cannot read in full: `{ object: "database", id }`. A database with a `title` is never
 * partial (so a full database with a malformed field fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialDatabase: Schema.Schema<PartialDatabase> = Schema.Struct({
  object: Schema.Literal("database"),
  id: Schema.String,
  title: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialDatabase" })

/**
 * A full or partial database.
 *
 * @since 0.1.0
 * @category models
 */
export type DatabaseOrPartial = Database | PartialDatabase

/**
 * A full or partial database (what `databases.retrieve`, `create` and `update` answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DatabaseOrPartial: Schema.Schema<DatabaseOrPartial> = Schema.Union(Database, PartialDatabase)

/**
 * Whether a database is a full one (it has a `title`), as the official SDK's `isFullDatabase`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullDatabase = (database: { readonly object: string; readonly id: string }): database is Database =>
  database.object === "database" && (database as { readonly title?: unknown }).title !== undefined
