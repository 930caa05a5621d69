/**
 * @notion-effect/core: the Notion API as Effect services, typed errors and Schema-decoded responses.
 *
 * @since 0.1.0
 */

/** The Notion client: typed endpoints, escape hatch, pagination. @since 0.1.0 */
export * as NotionClient from "./NotionClient.js"

/** The AuthLayer: where each request's bearer token comes from. @since 0.1.0 */
export * as NotionAuth from "./NotionAuth.js"

/** Client settings: base URL, version, timeout, user agent, retry policy. @since 0.1.0 */
export * as NotionConfig from "./NotionConfig.js"

/** Tagged errors per API code and client-side failure. @since 0.1.0 */
export * as NotionError from "./NotionError.js"

/** The retry policy as an overridable `Schedule`. @since 0.1.0 */
export * as NotionRetry from "./NotionRetry.js"

/** User schemas. @since 0.1.0 */
export * as User from "./User.js"

/** Page schemas. @since 0.1.0 */
export * as Page from "./Page.js"

/** Block schemas. @since 0.1.0 */
export * as Block from "./Block.js"

/** Data source schemas. @since 0.1.0 */
export * as DataSource from "./DataSource.js"

/** Paginated list schemas. @since 0.1.0 */
export * as List from "./List.js"

/** Endpoints as data: one declaration per endpoint. @since 0.1.0 */
export * as Endpoint from "./Endpoint.js"

/** The tree of endpoint declarations the client is derived from. @since 0.1.0 */
export * as NotionApi from "./NotionApi.js"

/** Cursor pagination: parameters, `Stream` and collect helpers. @since 0.1.0 */
export * as Pagination from "./Pagination.js"

/** Client-side rate limiting: the per-token hook before every attempt. @since 0.1.0 */
export * as NotionRateLimiter from "./NotionRateLimiter.js"

/** The client's metrics: requests, attempts, retries, 429s, waits, refreshes. @since 0.1.0 */
export * as NotionMetrics from "./NotionMetrics.js"
