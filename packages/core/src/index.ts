/**
 * @notion-effect/core: the Notion API as Effect services, typed errors and Schema-decoded responses.
 *
 * @since 0.1.0
 */

/** The Notion client: typed endpoints, escape hatch, pagination. @since 0.1.0 */
export * as NotionClient from "./NotionClient.js"

/** Calls any endpoint declaration: the client without its tree of every endpoint, for small bundles. @since 0.1.0 */
export * as NotionCaller from "./NotionCaller.js"

/** The AuthLayer: where each request's bearer token comes from. @since 0.1.0 */
export * as NotionAuth from "./NotionAuth.js"

/** Client settings: base URL, version, timeout, user agent, retry policy. @since 0.1.0 */
export * as NotionConfig from "./NotionConfig.js"

/** The Notion API versions the SDK knows, and which one's rules a version string follows. @since 0.1.0 */
export * as NotionVersion from "./NotionVersion.js"

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

/** Data source schemas: full and partial data sources, pages-or-data-sources. @since 0.1.0 */
export * as DataSource from "./DataSource.js"

/** Database schemas (a database holds data sources). @since 0.1.0 */
export * as Database from "./Database.js"

/** Comment schemas. @since 0.1.0 */
export * as Comment from "./Comment.js"

/** File upload schemas. @since 0.1.0 */
export * as FileUpload from "./FileUpload.js"

/** View and view-query schemas. @since 0.1.0 */
export * as View from "./View.js"

/** Custom emoji schemas. @since 0.1.0 */
export * as CustomEmoji from "./CustomEmoji.js"

/** Async task schemas (`allow_async` answers). @since 0.1.0 */
export * as AsyncTask from "./AsyncTask.js"

/** Page property items (`pages.properties.retrieve`). @since 0.1.0 */
export * as PropertyItem from "./PropertyItem.js"

/** Shared object parts: parents, files, icons, covers, dates. @since 0.1.0 */
export * as Common from "./Common.js"

/** Rich text items and mentions. @since 0.1.0 */
export * as RichText from "./RichText.js"

/** Page property values, and reading one by name with its type. @since 0.1.0 */
export * as PropertyValue from "./PropertyValue.js"

/** Data source property schemas. @since 0.1.0 */
export * as Property from "./Property.js"

/** Data source query filters and sorts, with typed constructors. @since 0.1.0 */
export * as Filter from "./Filter.js"

/** Webhooks: signature checks, the handshake and event schemas. @since 0.1.0 */
export * as Webhook from "./Webhook.js"

/** A Notion webhook endpoint as an `HttpApp`. @since 0.1.0 */
export * as WebhookHttp from "./WebhookHttp.js"

/** Open unions: unknown `type` values decode to a member that keeps the raw JSON. @since 0.1.0 */
export * as OpenUnion from "./OpenUnion.js"

/** Uploads a file of any size (single or multi part) and gives the reference to attach. @since 0.1.0 */
export * as Upload from "./Upload.js"

/** A data source as a table of typed rows (the definition `notion-effect schema generate` writes). @since 0.1.0 */
export * as TypedDataSource from "./TypedDataSource.js"

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
