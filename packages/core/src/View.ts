/**
 * Views (`2025-09-03`+): saved presentations of a data source (table, board, calendar, …) with their filter,
 * sorts, quick filters and type-specific configuration, and view queries: a cached run of a view's filter and
 * sorts, paged through with `views.queries.results`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject, Parent } from "./Common.js"
import { RequestStatus } from "./List.js"
import { PartialUser } from "./User.js"

/**
 * The view types Notion documents.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownViewType = Schema.Literal(
  "table",
  "board",
  "list",
  "calendar",
  "timeline",
  "gallery",
  "form",
  "chart",
  "map",
  "dashboard"
)

/**
 * A documented view type.
 *
 * @since 0.1.0
 * @category models
 */
export type KnownViewType = typeof KnownViewType.Type

/**
 * A view type as found in responses: any string, so a type Notion adds later still decodes
 * ({@link KnownViewType} lists the documented ones).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ViewType = Schema.String.annotations({ identifier: "ViewType" })

/**
 * A view type as found in responses.
 *
 * @since 0.1.0
 * @category models
 */
export type ViewType = typeof ViewType.Type

/**
 * A view's type-specific configuration.
 *
 * @since 0.1.0
 * @category models
 */
export interface ViewConfiguration {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * A view's type-specific configuration: its `type` and the settings of that type (`properties`, `group_by`,
 * `date_property_id`, `rows` of a dashboard, …), kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ViewConfiguration: Schema.Schema<ViewConfiguration> = Schema.Struct(
  { type: Schema.String },
  JsonObject
).annotations({ identifier: "ViewConfiguration" })

/**
 * A full view.
 *
 * @since 0.1.0
 * @category models
 */
export interface View {
  readonly object: "view"
  readonly id: string
  readonly parent: Parent
  readonly name: string
  readonly type: ViewType
  readonly created_time: string
  readonly last_edited_time: string
  readonly url: string
  readonly data_source_id?: string | null | undefined
  readonly created_by?: PartialUser | null | undefined
  readonly last_edited_by?: PartialUser | null | undefined
  readonly filter?: JsonObject | null | undefined
  readonly sorts?: ReadonlyArray<JsonObject> | null | undefined
  readonly quick_filters?: { readonly [property: string]: JsonObject } | null | undefined
  readonly configuration?: ViewConfiguration | null | undefined
  readonly dashboard_view_id?: string | undefined
  readonly in_trash?: boolean | undefined
  readonly request_id?: string | undefined
}

/**
 * A full view: `name`, `type`, `parent` (its database), `data_source_id`, `url`, times and authors, and the
 * `filter` (data source filter format), `sorts`, `quick_filters` and `configuration` it applies.
 *
 * @since 0.1.0
 * @category schemas
 */
export const View: Schema.Schema<View> = Schema.Struct({
  object: Schema.Literal("view"),
  id: Schema.String,
  parent: Parent,
  name: Schema.String,
  type: ViewType,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  url: Schema.String,
  data_source_id: Schema.optional(Schema.NullOr(Schema.String)),
  created_by: Schema.optional(Schema.NullOr(PartialUser)),
  last_edited_by: Schema.optional(Schema.NullOr(PartialUser)),
  filter: Schema.optional(Schema.NullOr(JsonObject)),
  sorts: Schema.optional(Schema.NullOr(Schema.Array(JsonObject))),
  quick_filters: Schema.optional(Schema.NullOr(Schema.Record({ key: Schema.String, value: JsonObject }))),
  configuration: Schema.optional(Schema.NullOr(ViewConfiguration)),
  dashboard_view_id: Schema.optional(Schema.String),
  in_trash: Schema.optional(Schema.Boolean),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "View" })

/**
 * A partial view.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialView {
  readonly object: "view"
  readonly id: string
  readonly parent?: Parent | undefined
  readonly type?: ViewType | undefined
  readonly name?: undefined
  readonly request_id?: string | undefined
}

/**
 * A view reference or partial view: `{ object: "view", id }`, with `parent` and `type` when Notion sends them
 * (`views.list` answers only `object` and `id`). A view with a `name` is never partial (so a full view with a
 * malformed field fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialView: Schema.Schema<PartialView> = Schema.Struct({
  object: Schema.Literal("view"),
  id: Schema.String,
  parent: Schema.optional(Parent),
  type: Schema.optional(ViewType),
  name: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialView" })

/**
 * A full or partial view.
 *
 * @since 0.1.0
 * @category models
 */
export type ViewOrPartial = View | PartialView

/**
 * A full or partial view (what `views.create`, `retrieve`, `update` and `delete` answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ViewOrPartial: Schema.Schema<ViewOrPartial> = Schema.Union(View, PartialView)

/**
 * Whether a view is a full one (it has a `name`). The official SDK's `isFullView` tests `type`, which partial views
 * carry too.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullView = (view: { readonly object: string; readonly id: string }): view is View =>
  view.object === "view" && typeof (view as { readonly name?: unknown }).name === "string"

/**
 * Whether a result set is complete (`List.RequestStatus`, shared by lists and view queries).
 *
 * @since 0.1.0
 * @category schemas
 */
export { RequestStatus } from "./List.js"

/**
 * A page in a view query's results.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageReference {
  readonly object: string
  readonly id: string
}

/**
 * A page in a view query's results: `{ object: "page", id }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageReference: Schema.Schema<PageReference> = Schema.Struct({ object: Schema.String, id: Schema.String })

/**
 * A view query.
 *
 * @since 0.1.0
 * @category models
 */
export interface ViewQuery {
  readonly object: "view_query"
  readonly id: string
  readonly view_id: string
  readonly expires_at: string
  readonly total_count: number
  readonly results: ReadonlyArray<PageReference>
  readonly next_cursor: string | null
  readonly has_more: boolean
  readonly request_status?: RequestStatus | undefined
  readonly request_id?: string | undefined
}

/**
 * A view query (`views.queries.create`): its `id`, the `view_id`, when the cache `expires_at` (15 minutes),
 * `total_count` of cached rows and the first page of `results` with `next_cursor` and `has_more`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ViewQuery: Schema.Schema<ViewQuery> = Schema.Struct({
  object: Schema.Literal("view_query"),
  id: Schema.String,
  view_id: Schema.String,
  expires_at: Schema.String,
  total_count: Schema.Number,
  results: Schema.Array(PageReference),
  next_cursor: Schema.NullOr(Schema.String),
  has_more: Schema.Boolean,
  request_status: Schema.optional(RequestStatus),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "ViewQuery" })

/**
 * The answer of `views.queries.delete`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeletedViewQuery {
  readonly object: "view_query"
  readonly id: string
  readonly deleted: boolean
  readonly request_id?: string | undefined
}

/**
 * The answer of `views.queries.delete`: `{ object: "view_query", id, deleted }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeletedViewQuery: Schema.Schema<DeletedViewQuery> = Schema.Struct({
  object: Schema.Literal("view_query"),
  id: Schema.String,
  deleted: Schema.Boolean,
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "DeletedViewQuery" })
