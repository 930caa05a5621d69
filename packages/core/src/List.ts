/**
 * Paginated list responses (`{ object: "list", type, <type>: {}, results, next_cursor, has_more }`).
 *
 * Results are open on `object`, as unions are on `type`: an object kind the list does not declare (a kind Notion
 * adds later, or `database` results under an older API version) decodes to an {@link UnknownResult} that keeps the
 * raw JSON, instead of failing the whole page. A result of a declared kind with a malformed payload still fails.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject } from "./internal/jsonObject.js"
import * as OpenUnion from "./OpenUnion.js"

/**
 * Whether a result set is complete.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestStatus {
  readonly type: string
  readonly incomplete_reason?: string | undefined
}

/**
 * Whether a result set is complete: `{ type: "complete" }`, or `{ type: "incomplete", incomplete_reason }` when a
 * query stopped at Notion's cap (`query_result_limit_reached`, 10,000 rows).
 *
 * @since 0.1.0
 * @category schemas
 */
export const RequestStatus: Schema.Schema<RequestStatus> = Schema.Struct({
  type: Schema.String,
  incomplete_reason: Schema.optional(Schema.String)
})

/**
 * A list result of an object kind the list does not declare: its `object`, `id` and every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownResult {
  readonly object: string
  readonly id: string
  readonly [key: string]: unknown
}

/**
 * A list result whose `object` is none of `known`, kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnknownResult = (known: ReadonlyArray<string>): Schema.Schema<UnknownResult> =>
  Schema.Struct(
    { object: OpenUnion.OtherTag(known, "UnknownResultObject"), id: Schema.String },
    Schema.Record({ key: Schema.String, value: Schema.Unknown })
  ).annotations({ identifier: "UnknownResult" })

/**
 * A decoded list of `A`: `type` names the kind of list (`block`, `user`, `page_or_data_source`, …) and an empty
 * object sits under that key; `request_status` says whether a query stopped at Notion's cap.
 *
 * @since 0.1.0
 * @category models
 */
export interface List<A> {
  readonly object: "list"
  readonly type?: string | undefined
  readonly results: ReadonlyArray<A>
  readonly next_cursor: string | null
  readonly has_more: boolean
  readonly request_status?: RequestStatus | undefined
  readonly request_id?: string | undefined
}

/**
 * A list of `A` of kind `K`: results of an undeclared object kind are {@link UnknownResult}s, and the empty object
 * under the key `K` is typed.
 *
 * @since 0.1.0
 * @category models
 */
export type ListOf<A, K extends string = never> =
  & List<A | UnknownResult>
  & { readonly [P in K]?: JsonObject | undefined }

const knownObjects = new WeakMap<Schema.Schema.Any, ReadonlyArray<string>>()

const objectsOf = (item: Schema.Schema.Any): ReadonlyArray<string> => {
  let known = knownObjects.get(item)
  if (known === undefined) {
    known = [...new Set(OpenUnion.tagValues("object", [item]))]
    knownObjects.set(item, known)
  }
  return known
}

/**
 * The schema of a list of `item`, of kind `type` (the list's `type` value, whose empty object it types). Results
 * are `item`, or an {@link UnknownResult} when their `object` is none of the values `item` declares.
 *
 * @since 0.1.0
 * @category schemas
 */
export const List = <A, I, R, const K extends string = never>(
  item: Schema.Schema<A, I, R>,
  type?: K
): Schema.Schema<ListOf<A, K>, ListOf<I, K>, R> =>
  Schema.Struct({
    object: Schema.Literal("list"),
    type: Schema.optional(Schema.String),
    ...(type === undefined ? {} : { [type]: Schema.optional(JsonObject) }),
    results: Schema.Array(Schema.Union(item, UnknownResult(objectsOf(item)))),
    next_cursor: Schema.NullOr(Schema.String),
    has_more: Schema.Boolean,
    request_status: Schema.optional(RequestStatus),
    request_id: Schema.optional(Schema.String)
  }) as any

/**
 * Whether a list result is of a kind `item` declares (not an {@link UnknownResult}):
 * `list.results.filter(List.isKnownResult(User.User))`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownResult = <A, I, R>(item: Schema.Schema<A, I, R>) => {
  const known = new Set(objectsOf(item))
  return <B>(result: A | B): result is A => {
    const object = (result as { readonly object?: unknown }).object
    return typeof object !== "string" || known.has(object)
  }
}
