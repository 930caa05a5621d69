/**
 * Data sources (and, in older API versions, databases) as they appear in search results.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A data source or database; everything beyond `object` and `id` is kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataSource = Schema.Struct(
  { object: Schema.Literal("data_source", "database"), id: Schema.String },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

/**
 * A data source or database.
 *
 * @since 0.1.0
 * @category models
 */
export type DataSource = typeof DataSource.Type
