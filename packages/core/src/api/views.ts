/**
 * `views.*` endpoints, with `views.queries.*` (2025-09-03+: saved presentations of a data source).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Filter, Sort } from "../Filter.js"
import { endpoint } from "../internal/lazy.js"
import { List } from "../List.js"
import { PartialPage } from "../Page.js"
import { PaginationParams } from "../Pagination.js"
import { KnownViewType, PartialView, ViewOrPartial, ViewQuery } from "../View.js"
import { Id, JsonObject } from "./shared.js"

/** `GET /v1/views`: one page of a database's or data source's views (ids only). @since 0.1.0 @category endpoints */
export const list = endpoint({
  name: "views.list",
  method: "GET",
  path: "/v1/views",
  query: ["database_id", "data_source_id", "start_cursor", "page_size"],
  params: () =>
    Schema.Struct({
      database_id: Schema.optional(Id),
      data_source_id: Schema.optional(Id),
      ...PaginationParams.fields
    }).pipe(Schema.filter((p) => p.database_id !== undefined || p.data_source_id !== undefined, {
      message: () => "give database_id or data_source_id"
    })),
  success: () => List(PartialView, "view")
})

/**
 * `POST /v1/views`: a view of a data source, as a tab of a database (`database_id`), a dashboard widget
 * (`view_id`) or a new linked database (`create_database`).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const create = endpoint({
  name: "views.create",
  method: "POST",
  path: "/v1/views",
  body: "rest",
  params: () =>
    Schema.Struct({
      data_source_id: Id,
      name: Schema.String,
      type: KnownViewType,
      database_id: Schema.optional(Id),
      view_id: Schema.optional(Id),
      create_database: Schema.optional(JsonObject),
      filter: Schema.optional(Filter),
      sorts: Schema.optional(Schema.Array(Sort)),
      quick_filters: Schema.optional(Schema.Record({ key: Schema.String, value: JsonObject })),
      configuration: Schema.optional(JsonObject),
      position: Schema.optional(JsonObject),
      placement: Schema.optional(JsonObject)
    }).pipe(Schema.filter(
      (p) => [p.database_id, p.view_id, p.create_database].filter((x) => x !== undefined).length === 1,
      { message: () => "give exactly one of database_id, view_id and create_database" }
    )),
  success: () => ViewOrPartial
})

/** `GET /v1/views/{view_id}`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "views.retrieve",
  method: "GET",
  path: "/v1/views/{view_id}",
  params: () => Schema.Struct({ view_id: Id }),
  success: () => ViewOrPartial
})

/** `PATCH /v1/views/{view_id}`: name, filter, sorts, quick filters, configuration (`null` clears). @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "views.update",
  method: "PATCH",
  path: "/v1/views/{view_id}",
  body: "rest",
  params: () =>
    Schema.Struct({
      view_id: Id,
      name: Schema.optional(Schema.String),
      filter: Schema.optional(Schema.NullOr(Filter)),
      sorts: Schema.optional(Schema.NullOr(Schema.Array(Sort))),
      quick_filters: Schema.optional(
        Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.NullOr(JsonObject) }))
      ),
      configuration: Schema.optional(JsonObject)
    }),
  success: () => ViewOrPartial
})

/** `DELETE /v1/views/{view_id}`. @since 0.1.0 @category endpoints */
export const del = endpoint({
  name: "views.delete",
  method: "DELETE",
  path: "/v1/views/{view_id}",
  params: () => Schema.Struct({ view_id: Id }),
  success: () => ViewOrPartial
})

/** `POST /v1/views/{view_id}/queries`: runs the view, caches up to 10,000 rows for 15 minutes, returns page one. @since 0.1.0 @category endpoints */
export const queriesCreate = endpoint({
  name: "views.queries.create",
  method: "POST",
  path: "/v1/views/{view_id}/queries",
  body: ["page_size"],
  params: () => Schema.Struct({ view_id: Id, page_size: PaginationParams.fields.page_size }),
  success: () => ViewQuery
})

/** `GET /v1/views/{view_id}/queries/{query_id}`: a further page of a view query's cached rows. @since 0.1.0 @category endpoints */
export const queriesResults = endpoint({
  name: "views.queries.results",
  method: "GET",
  path: "/v1/views/{view_id}/queries/{query_id}",
  query: ["start_cursor", "page_size"],
  params: () => Schema.Struct({ view_id: Id, query_id: Id, ...PaginationParams.fields }),
  success: () => List(PartialPage, "page")
})

/**
 * The answer of `views.queries.delete`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeletedViewQuery = Schema.Struct({
  object: Schema.Literal("view_query"),
  id: Schema.String,
  deleted: Schema.Boolean
})

/** `DELETE /v1/views/{view_id}/queries/{query_id}`: drops the cache (idempotent). @since 0.1.0 @category endpoints */
export const queriesDelete = endpoint({
  name: "views.queries.delete",
  method: "DELETE",
  path: "/v1/views/{view_id}/queries/{query_id}",
  params: () => Schema.Struct({ view_id: Id, query_id: Id }),
  success: () => DeletedViewQuery
})
