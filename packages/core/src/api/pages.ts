/**
 * `pages.*` endpoints, with `pages.properties.*`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AsyncTask } from "../AsyncTask.js"
import { Children } from "../Block.js"
import { endpoint } from "../internal/lazy.js"
import * as Versions from "../internal/versions.js"
import { PageMarkdown, PageOrPartial } from "../Page.js"
import { PaginationParams } from "../Pagination.js"
import { PropertyItemResponse } from "../PropertyItem.js"
import { CoverOrNull, extendEach, IconOrNull, Id, JsonObject } from "./shared.js"

/**
 * Where a page goes: under a page, in a data source (a row), in a legacy database, or the workspace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageParent = Schema.Union(
  Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Id }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("data_source_id")), data_source_id: Id }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("database_id")), database_id: Id }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("workspace")), workspace: Schema.Literal(true) })
)

/** Property values by name or id, as Notion takes them (`{ title: [...] }`, `{ number: 3 }`…). */
const PropertiesRequest = Schema.Record({ key: Schema.String, value: Schema.NullOr(JsonObject) })

const PagePosition = Schema.Union(
  Schema.Struct({ type: Schema.Literal("page_start") }),
  Schema.Struct({ type: Schema.Literal("page_end") }),
  Schema.Struct({ type: Schema.Literal("after_block"), after_block: Schema.Struct({ id: Id }) })
)

/**
 * The markdown format: `v1` (enhanced markdown, the default before `2026-12-01`) or `v2` (Notion-flavored, the
 * default and only format from `2026-12-01`, where the SDK sends it explicitly).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MarkdownVersion = Schema.Literal("v1", "v2")

const Template = Schema.Struct({ type: Schema.Literal("none", "default", "template_id") }, JsonObject)

/** `GET /v1/pages/{page_id}`; `filter_properties` (property ids) limits the properties returned. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "pages.retrieve",
  method: "GET",
  path: "/v1/pages/{page_id}",
  query: ["filter_properties"],
  params: () => Schema.Struct({ page_id: Id, filter_properties: Schema.optional(Schema.Array(Schema.String)) }),
  success: () => PageOrPartial
})

/**
 * `POST /v1/pages`: a page under a page or a row in a data source, with property values and content (`children`,
 * or `markdown`); with `allow_async` a markdown page may come back as an async task (HTTP 202).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const create = endpoint({
  name: "pages.create",
  rule: Versions.markdown("markdown"),
  method: "POST",
  path: "/v1/pages",
  query: ["filter_properties"],
  body: [
    "parent",
    "properties",
    "icon",
    "cover",
    "content",
    "children",
    "markdown",
    "allow_async",
    "template",
    "position",
    "markdown_version"
  ],
  params: () =>
    Schema.Struct({
      filter_properties: Schema.optional(Schema.Array(Schema.String)),
      parent: Schema.optional(PageParent),
      properties: Schema.optional(PropertiesRequest),
      icon: Schema.optional(IconOrNull),
      cover: Schema.optional(CoverOrNull),
      content: Schema.optional(Children),
      children: Schema.optional(Children),
      markdown: Schema.optional(Schema.String),
      markdown_version: Schema.optional(MarkdownVersion),
      allow_async: Schema.optional(Schema.Boolean),
      template: Schema.optional(Template),
      position: Schema.optional(PagePosition)
    }).pipe(Schema.filter((p) => p.markdown === undefined || (p.children === undefined && p.content === undefined), {
      message: () => "markdown cannot be combined with children or content"
    })),
  success: () => Schema.Union(PageOrPartial, AsyncTask)
})

/** `PATCH /v1/pages/{page_id}`: property values, icon, cover, lock, template, trash. @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "pages.update",
  rule: Versions.trash,
  method: "PATCH",
  path: "/v1/pages/{page_id}",
  query: ["filter_properties"],
  body: "rest",
  params: () =>
    Schema.Struct({
      page_id: Id,
      filter_properties: Schema.optional(Schema.Array(Schema.String)),
      properties: Schema.optional(PropertiesRequest),
      icon: Schema.optional(IconOrNull),
      cover: Schema.optional(CoverOrNull),
      is_locked: Schema.optional(Schema.Boolean),
      template: Schema.optional(Template),
      erase_content: Schema.optional(Schema.Boolean),
      in_trash: Schema.optional(Schema.Boolean),
      archived: Schema.optional(Schema.Boolean),
      is_archived: Schema.optional(Schema.Boolean)
    }),
  success: () => PageOrPartial
})

/** `POST /v1/pages/{page_id}/move`: under another page, or into a data source. @since 0.1.0 @category endpoints */
export const move = endpoint({
  name: "pages.move",
  method: "POST",
  path: "/v1/pages/{page_id}/move",
  body: ["parent"],
  params: () =>
    Schema.Struct({
      page_id: Id,
      parent: Schema.Union(
        Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Id }),
        Schema.Struct({ type: Schema.optional(Schema.Literal("data_source_id")), data_source_id: Id })
      )
    }),
  success: () => PageOrPartial
})

/** `GET /v1/pages/{page_id}/markdown`: the page as markdown (`markdown_version`). @since 0.1.0 @category endpoints */
export const retrieveMarkdown = endpoint({
  name: "pages.retrieveMarkdown",
  rule: Versions.markdown(undefined),
  method: "GET",
  path: "/v1/pages/{page_id}/markdown",
  query: ["include_transcript", "markdown_version"],
  params: () =>
    Schema.Struct({
      page_id: Id,
      include_transcript: Schema.optional(Schema.Boolean),
      markdown_version: Schema.optional(MarkdownVersion)
    }),
  success: () => PageMarkdown
})

const command = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct(
    { type: Schema.Literal(type), [type]: Schema.Struct(fields) } as
      & { readonly type: Schema.Literal<[T]> }
      & { readonly [K in T]: Schema.Struct<F> }
  )

/**
 * `PATCH /v1/pages/{page_id}/markdown`: edits content as markdown, the command named by `type`
 * (`update_content`, `replace_content`, `insert_content` at a `position`, and the legacy `replace_content_range`,
 * refused from `2026-12-01`).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const updateMarkdown = endpoint({
  name: "pages.updateMarkdown",
  rule: Versions.markdownEdit,
  method: "PATCH",
  path: "/v1/pages/{page_id}/markdown",
  body: [
    "type",
    "update_content",
    "replace_content",
    "insert_content",
    "replace_content_range",
    "allow_async",
    "markdown_version"
  ],
  params: () =>
    extendEach(
      {
        page_id: Id,
        allow_async: Schema.optional(Schema.Boolean),
        markdown_version: Schema.optional(MarkdownVersion)
      },
      [
        command("update_content", {
          content_updates: Schema.Array(Schema.Struct({
            old_str: Schema.String,
            new_str: Schema.String,
            replace_all_matches: Schema.optional(Schema.Boolean)
          })),
          allow_deleting_content: Schema.optional(Schema.Boolean)
        }),
        command("replace_content", { new_str: Schema.String, allow_deleting_content: Schema.optional(Schema.Boolean) }),
        command("insert_content", {
          content: Schema.String,
          after: Schema.optional(Schema.String),
          position: Schema.optional(Schema.Union(
            Schema.Struct({ type: Schema.Literal("start", "end") }),
            Schema.Struct({ type: Schema.Literal("after_content"), anchor: Schema.String })
          ))
        }),
        command("replace_content_range", {
          content: Schema.String,
          content_range: Schema.String,
          allow_deleting_content: Schema.optional(Schema.Boolean)
        })
      ]
    ),
  success: () => Schema.Union(PageMarkdown, AsyncTask)
})

/**
 * `GET /v1/pages/{page_id}/properties/{property_id}`: one property value, paginated for title, rich text,
 * people, relation and rollup.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const propertiesRetrieve = endpoint({
  name: "pages.properties.retrieve",
  method: "GET",
  path: "/v1/pages/{page_id}/properties/{property_id}",
  query: ["start_cursor", "page_size"],
  params: () => Schema.Struct({ page_id: Id, property_id: Id, ...PaginationParams.fields }),
  success: () => PropertyItemResponse
})
