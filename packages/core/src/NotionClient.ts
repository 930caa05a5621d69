/**
 * The Notion client: typed endpoints, an escape hatch for the rest, and pagination as a `Stream`.
 * Built on `@effect/platform`'s `HttpClient`, which stays a requirement so you choose Fetch, Node or undici.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { Block } from "./Block.js"
import { DataSource } from "./DataSource.js"
import { checkPath, execute, pathParam } from "./internal/execute.js"
import { List, type PaginationParams } from "./List.js"
import { NotionAuth } from "./NotionAuth.js"
import { NotionConfig } from "./NotionConfig.js"
import type { NotionError } from "./NotionError.js"
import type { RetrySchedule } from "./NotionRetry.js"
import { Page } from "./Page.js"
import { User } from "./User.js"

/**
 * Options every endpoint accepts.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions {
  /** A token for this request only; beats `NotionAuth.withToken` and the AuthLayer. */
  readonly auth?: Redacted.Redacted<string>
  /** A retry policy for this request only, or `false` for none. */
  readonly retry?: RetrySchedule | false
}

/**
 * A raw request through the escape hatch.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions extends CallOptions {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE"
  /** Path under the base URL, e.g. `/v1/comments`. Paths containing `..` are rejected. */
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>
  readonly body?: unknown
  /** Names the request's span `notion.<endpoint>` (default `request`). */
  readonly endpoint?: string
  /** A whole `Authorization` header value that replaces Bearer auth (the OAuth endpoints send Basic auth). */
  readonly authorization?: Redacted.Redacted<string>
}

/**
 * `search` parameters.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchParams extends CallOptions, PaginationParams {
  readonly query?: string
  readonly filter?: { readonly property: "object"; readonly value: "page" | "data_source" | "database" }
  readonly sort?: { readonly timestamp: "last_edited_time"; readonly direction: "ascending" | "descending" }
}

/**
 * A search result: a page or a data source.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchResult = Schema.Union(Page, DataSource)

/**
 * A search result.
 *
 * @since 0.1.0
 * @category models
 */
export type SearchResult = typeof SearchResult.Type

const UserList = List(User)
const BlockList = List(Block)
const SearchList = List(SearchResult)

/**
 * The client's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Any endpoint, decoded with your schema (fields it does not name are kept). */
  readonly request: <A, I, R>(
    options: RequestOptions,
    schema: Schema.Schema<A, I, R>
  ) => Effect.Effect<A, NotionError, R>
  readonly users: {
    /** `GET /v1/users`: one page of users. */
    readonly list: (params?: CallOptions & PaginationParams) => Effect.Effect<typeof UserList.Type, NotionError>
    /** `GET /v1/users/{user_id}`. */
    readonly retrieve: (params: CallOptions & { readonly user_id: string }) => Effect.Effect<User, NotionError>
    /** `GET /v1/users/me`: the bot user of the token. */
    readonly me: (params?: CallOptions) => Effect.Effect<User, NotionError>
  }
  readonly pages: {
    /** `GET /v1/pages/{page_id}`. */
    readonly retrieve: (
      params: CallOptions & { readonly page_id: string; readonly filter_properties?: ReadonlyArray<string> }
    ) => Effect.Effect<Page, NotionError>
  }
  /** `POST /v1/search`: one page of pages and data sources shared with the integration. */
  readonly search: (params?: SearchParams) => Effect.Effect<typeof SearchList.Type, NotionError>
  readonly blocks: {
    readonly children: {
      /** `GET /v1/blocks/{block_id}/children`: one page of child blocks. */
      readonly list: (
        params: CallOptions & PaginationParams & { readonly block_id: string }
      ) => Effect.Effect<typeof BlockList.Type, NotionError>
    }
  }
}

/**
 * The client's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionClient extends Context.Tag("@notion-effect/core/NotionClient")<NotionClient, Service>() {}

const call = ({ auth, retry }: CallOptions) => ({ auth, retry })

/**
 * Builds the client from an `HttpClient`, the AuthLayer and the (optional) `NotionConfig`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, HttpClient.HttpClient | NotionAuth> = Effect.gen(function*() {
  const client = yield* HttpClient.HttpClient
  const auth = yield* NotionAuth
  const config = yield* NotionConfig
  const run = <A, I, R>(spec: Parameters<typeof execute>[3], schema: Schema.Schema<A, I, R>) =>
    execute(client, config, auth, spec, schema)

  return {
    request: (options, schema) =>
      Effect.flatMap(
        checkPath(options.path),
        (path) =>
          run({
            ...call(options),
            endpoint: options.endpoint ?? "request",
            method: options.method,
            path,
            query: options.query,
            body: options.body,
            authorization: options.authorization
          }, schema)
      ),
    users: {
      list: (params = {}) =>
        run({
          ...call(params),
          endpoint: "users.list",
          method: "GET",
          path: "/v1/users",
          query: { start_cursor: params.start_cursor, page_size: params.page_size }
        }, UserList),
      retrieve: (params) =>
        Effect.flatMap(
          pathParam("user_id", params.user_id),
          (id) => run({ ...call(params), endpoint: "users.retrieve", method: "GET", path: `/v1/users/${id}` }, User)
        ),
      me: (params = {}) => run({ ...call(params), endpoint: "users.me", method: "GET", path: "/v1/users/me" }, User)
    },
    pages: {
      retrieve: (params) =>
        Effect.flatMap(pathParam("page_id", params.page_id), (id) =>
          run({
            ...call(params),
            endpoint: "pages.retrieve",
            method: "GET",
            path: `/v1/pages/${id}`,
            query: params.filter_properties ? { filter_properties: params.filter_properties.join(",") } : undefined
          }, Page))
    },
    search: (params = {}) => {
      const { auth: _auth, retry: _retry, ...body } = params
      return run({ ...call(params), endpoint: "search", method: "POST", path: "/v1/search", body }, SearchList)
    },
    blocks: {
      children: {
        list: (params) =>
          Effect.flatMap(pathParam("block_id", params.block_id), (id) =>
            run({
              ...call(params),
              endpoint: "blocks.children.list",
              method: "GET",
              path: `/v1/blocks/${id}/children`,
              query: { start_cursor: params.start_cursor, page_size: params.page_size }
            }, BlockList))
      }
    }
  }
})

/**
 * Provides the client; requires an `HttpClient` and the AuthLayer (`NotionConfig` is optional).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<NotionClient, never, HttpClient.HttpClient | NotionAuth> = Layer.effect(
  NotionClient,
  make
)

/**
 * Every result of a paginated endpoint, across pages, as a `Stream` (pages are fetched on demand).
 *
 * @example
 * const everyone = NotionClient.paginate(client.users.list, {})
 *
 * @since 0.1.0
 * @category pagination
 */
export const paginate = <P extends PaginationParams, A, E, R>(
  endpoint: (params: P) => Effect.Effect<List<A>, E, R>,
  params: P
): Stream.Stream<A, E, R> =>
  Stream.paginateChunkEffect(params.start_cursor, (cursor) =>
    Effect.map(
      endpoint(cursor === undefined ? params : { ...params, start_cursor: cursor }),
      (list) =>
        [
          Chunk.fromIterable(list.results),
          list.has_more && list.next_cursor !== null ? Option.some<string | undefined>(list.next_cursor) : Option.none()
        ] as const
    ))
