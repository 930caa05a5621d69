/**
 * Cursor pagination: the request parameters every list endpoint takes, and the `Stream` over all pages.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import * as Streams from "./internal/streams.js"
import type { List } from "./List.js"

/**
 * `start_cursor` (opaque, from the previous page's `next_cursor`) and `page_size` (1 to 100).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaginationParams = Schema.Struct({
  start_cursor: Schema.optional(Schema.String),
  page_size: Schema.optional(Schema.Int.pipe(Schema.between(1, 100)))
})

/**
 * Pagination parameters.
 *
 * @since 0.1.0
 * @category models
 */
export type PaginationParams = typeof PaginationParams.Encoded

/**
 * Every result of a paginated endpoint, across pages, as a `Stream` (pages are fetched on demand).
 *
 * @example
 * ```ts
 * import { NotionClient, Pagination } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const everyone = Effect.flatMap(
 *   NotionClient.NotionClient,
 *   (client) => Stream.runCollect(Pagination.stream(client.users.list, {}))
 * )
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const stream = <P extends PaginationParams, A, E, R>(
  endpoint: (params: P) => Effect.Effect<List<A>, E, R>,
  params: P
): Stream.Stream<A, E, R> => streamWith(endpoint, params, (list) => list.results)

/**
 * Like {@link stream}, for a paginated answer whose items are not under `results`: `items` picks them
 * (`dataSources.listTemplates` → `(page) => page.templates`; `pages.properties.retrieve` → the list's `results`).
 *
 * @example
 * ```ts
 * import { NotionClient, Pagination } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const templates = (data_source_id: string) =>
 *   Effect.flatMap(NotionClient.NotionClient, (client) =>
 *     Stream.runCollect(
 *       Pagination.streamWith(client.dataSources.listTemplates, { data_source_id }, (page) => page.templates)
 *     ))
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const streamWith = <P extends PaginationParams, Page, A, E, R>(
  endpoint: (params: P) => Effect.Effect<Page, E, R>,
  params: P,
  items: (page: Page) => ReadonlyArray<A>
): Stream.Stream<A, E, R> =>
  Streams.paginate(params.start_cursor, (cursor) =>
    Effect.map(
      endpoint(cursor === undefined ? params : { ...params, start_cursor: cursor }),
      (page) => {
        // an answer without `has_more` (a single property item) is the only page
        const { has_more, next_cursor } = page as { readonly has_more?: unknown; readonly next_cursor?: unknown }
        return [
          items(page),
          has_more === true && typeof next_cursor === "string"
            ? Option.some<string | undefined>(next_cursor)
            : Option.none()
        ] as const
      }
    ))

/**
 * Every result of a paginated endpoint, collected into one array.
 *
 * @since 0.1.0
 * @category streams
 */
export const collect = <P extends PaginationParams, A, E, R>(
  endpoint: (params: P) => Effect.Effect<List<A>, E, R>,
  params: P
): Effect.Effect<Array<A>, E, R> => Streams.collect(stream(endpoint, params))
