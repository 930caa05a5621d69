/**
 * Paginated list responses (`{ object: "list", results, next_cursor, has_more }`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The schema of a list of `item`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const List = <A, I, R>(item: Schema.Schema<A, I, R>) =>
  Schema.Struct({
    object: Schema.Literal("list"),
    type: Schema.optional(Schema.String),
    results: Schema.Array(item),
    next_cursor: Schema.NullOr(Schema.String),
    has_more: Schema.Boolean,
    request_id: Schema.optional(Schema.String)
  })

/**
 * A decoded list of `A`.
 *
 * @since 0.1.0
 * @category models
 */
export interface List<A> {
  readonly object: "list"
  readonly results: ReadonlyArray<A>
  readonly next_cursor: string | null
  readonly has_more: boolean
}
