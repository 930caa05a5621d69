/**
 * The Notion client: one typed method per endpoint of {@link NotionApi}, derived from its declaration, an
 * escape hatch for the rest, and pagination as a `Stream`. Built on `@effect/platform`'s `HttpClient`, which
 * stays a requirement so you choose Fetch, Node or undici.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Endpoint from "./Endpoint.js"
import * as NotionApi from "./NotionApi.js"
import type { NotionAuth } from "./NotionAuth.js"
import * as NotionCaller from "./NotionCaller.js"
import * as Pagination from "./Pagination.js"

/**
 * Options every method accepts, next to the endpoint's parameters (`NotionCaller`'s).
 *
 * @since 0.1.0
 * @category models
 */
export type CallOptions = NotionCaller.CallOptions

/**
 * The method derived from an endpoint: its parameters (optional when none is required) and call options.
 *
 * @since 0.1.0
 * @category models
 */
export type Method<E extends Endpoint.Any> = NotionCaller.Method<E>

/**
 * The call options of an endpoint: a bearer token, or Basic client credentials for the OAuth endpoints.
 *
 * @since 0.1.0
 * @category models
 */
export type Options<E extends Endpoint.Any> = NotionCaller.Options<E>

/**
 * The methods derived from a tree of endpoints.
 *
 * @since 0.1.0
 * @category models
 */
export type Methods<T> = {
  readonly [K in keyof T]: T[K] extends Endpoint.Any ? Method<T[K]> : Methods<T[K]>
}

/**
 * A raw request through the escape hatch.
 *
 * @since 0.1.0
 * @category models
 */
export type RequestOptions = NotionCaller.RequestOptions

/**
 * The client's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods<NotionApi.Endpoints>, NotionCaller.Service {}

/**
 * The client's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionClient extends Context.Tag("@notion-effect/core/NotionClient")<NotionClient, Service>() {}

/** Every method of the endpoint tree, each calling its endpoint through `call`. */
const derive = (tree: object, call: NotionCaller.Service["call"]): any =>
  Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      Endpoint.isEndpoint(value) ? (params?: any) => call(value, params) : derive(value, call)
    ])
  )

/**
 * Builds the client from an `HttpClient`, the AuthLayer and the (optional) `NotionConfig`: `NotionCaller`'s
 * operations, and one method per endpoint of {@link NotionApi}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, HttpClient.HttpClient | NotionAuth> = Effect.map(
  NotionCaller.make,
  (caller) => ({ ...derive(NotionApi.endpoints, caller.call), ...caller })
)

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
 * Every result of a paginated endpoint, across pages, as a `Stream` (pages are fetched on demand); the
 * official SDK's `iteratePaginatedAPI`.
 *
 * @example
 * ```ts
 * import { NotionClient } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const everyone = Effect.flatMap(
 *   NotionClient.NotionClient,
 *   (client) => Stream.runCollect(NotionClient.paginate(client.users.list, {}))
 * )
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const paginate = Pagination.stream

/**
 * Every result of a paginated endpoint in one array; the official SDK's `collectPaginatedAPI`.
 *
 * @since 0.1.0
 * @category pagination
 */
export const collect = Pagination.collect
