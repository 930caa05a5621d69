/**
 * `dataSources.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { DataSourceOrPartial, PageOrDataSource } from "../DataSource.js"
import { Filter, Sort } from "../Filter.js"
import { endpoint } from "../internal/lazy.js"
import * as Versions from "../internal/versions.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"
import { IconOrNull, Id, JsonObject, RichTextRequest } from "./shared.js"

/** Property schemas by name: a configuration, `{ name }` to rename, or `null` to remove (update only). */
const PropertiesRequest = Schema.Record({ key: Schema.String, value: Schema.NullOr(JsonObject) })

/** `GET /v1/data_sources/{data_source_id}`: a data source and its property schema. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "dataSources.retrieve",
  method: "GET",
  path: "/v1/data_sources/{data_source_id}",
  params: () => Schema.Struct({ data_source_id: Id }),
  success: () => DataSourceOrPartial
})

/**
 * `POST /v1/data_sources/{data_source_id}/query`: one page of rows (pages, or data sources in wikis) matching
 * `filter`, ordered by `sorts`.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const query = endpoint({
  name: "dataSources.query",
  rule: Versions.query,
  method: "POST",
  path: "/v1/data_sources/{data_source_id}/query",
  query: ["filter_properties"],
  body: ["filter", "sorts", "start_cursor", "page_size", "in_trash", "archived", "result_type"],
  params: () =>
    Schema.Struct({
      data_source_id: Id,
      filter_properties: Schema.optional(Schema.Array(Schema.String)),
      filter: Schema.optional(Filter),
      sorts: Schema.optional(Schema.Array(Sort)),
      in_trash: Schema.optional(Schema.Boolean),
      archived: Schema.optional(Schema.Boolean),
      result_type: Schema.optional(Schema.Literal("page", "data_source")),
      ...PaginationParams.fields
    }),
  success: () => List(PageOrDataSource, "page_or_data_source")
})

/** `POST /v1/data_sources`: a new data source in a database. @since 0.1.0 @category endpoints */
export const create = endpoint({
  name: "dataSources.create",
  method: "POST",
  path: "/v1/data_sources",
  body: "rest",
  params: () =>
    Schema.Struct({
      parent: Schema.Struct({ type: Schema.optional(Schema.Literal("database_id")), database_id: Id }),
      properties: PropertiesRequest,
      title: Schema.optional(RichTextRequest),
      icon: Schema.optional(IconOrNull)
    }),
  success: () => DataSourceOrPartial
})

/** `PATCH /v1/data_sources/{data_source_id}`: title, icon, property schema, trash or parent. @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "dataSources.update",
  rule: Versions.trash,
  method: "PATCH",
  path: "/v1/data_sources/{data_source_id}",
  body: "rest",
  params: () =>
    Schema.Struct({
      data_source_id: Id,
      title: Schema.optional(RichTextRequest),
      icon: Schema.optional(IconOrNull),
      properties: Schema.optional(PropertiesRequest),
      in_trash: Schema.optional(Schema.Boolean),
      archived: Schema.optional(Schema.Boolean),
      parent: Schema.optional(JsonObject)
    }),
  success: () => DataSourceOrPartial
})

/**
 * A page template of a data source.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Template = Schema.Struct(
  { id: Schema.String, name: Schema.String, is_default: Schema.optional(Schema.Boolean) },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

/**
 * One page of templates: `templates`, not `results`, and no `object`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TemplateList = Schema.Struct({
  templates: Schema.Array(Template),
  has_more: Schema.Boolean,
  next_cursor: Schema.NullOr(Schema.String),
  request_id: Schema.optional(Schema.String)
})

/** `GET /v1/data_sources/{data_source_id}/templates`: one page of page templates. @since 0.1.0 @category endpoints */
export const listTemplates = endpoint({
  name: "dataSources.listTemplates",
  method: "GET",
  path: "/v1/data_sources/{data_source_id}/templates",
  query: ["name", "start_cursor", "page_size"],
  params: () => Schema.Struct({ data_source_id: Id, name: Schema.optional(Schema.String), ...PaginationParams.fields }),
  success: () => TemplateList
})
