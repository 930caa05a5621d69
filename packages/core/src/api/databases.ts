/**
 * `databases.*` endpoints (since `2025-09-03` a database holds data sources; rows and schemas live there).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { DatabaseOrPartial } from "../Database.js"
import { endpoint } from "../internal/lazy.js"
import { CoverOrNull, IconOrNull, Id, JsonObject, RichTextRequest } from "./shared.js"

const Parent = Schema.Union(
  Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Id }),
  Schema.Struct({ type: Schema.Literal("workspace"), workspace: Schema.Literal(true) })
)

/** `GET /v1/databases/{database_id}`: a database and the ids of its data sources. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "databases.retrieve",
  method: "GET",
  path: "/v1/databases/{database_id}",
  params: () => Schema.Struct({ database_id: Id }),
  success: () => DatabaseOrPartial
})

/** `POST /v1/databases`: a database with its first data source (`initial_data_source.properties`). @since 0.1.0 @category endpoints */
export const create = endpoint({
  name: "databases.create",
  method: "POST",
  path: "/v1/databases",
  body: "rest",
  params: () =>
    Schema.Struct({
      parent: Parent,
      title: Schema.optional(RichTextRequest),
      description: Schema.optional(RichTextRequest),
      is_inline: Schema.optional(Schema.Boolean),
      initial_data_source: Schema.optional(Schema.Struct({
        properties: Schema.optional(Schema.Record({ key: Schema.String, value: JsonObject }))
      })),
      icon: Schema.optional(IconOrNull),
      cover: Schema.optional(CoverOrNull)
    }),
  success: () => DatabaseOrPartial
})

/** `PATCH /v1/databases/{database_id}`. @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "databases.update",
  method: "PATCH",
  path: "/v1/databases/{database_id}",
  body: "rest",
  params: () =>
    Schema.Struct({
      database_id: Id,
      parent: Schema.optional(JsonObject),
      title: Schema.optional(RichTextRequest),
      description: Schema.optional(RichTextRequest),
      is_inline: Schema.optional(Schema.Boolean),
      icon: Schema.optional(IconOrNull),
      cover: Schema.optional(CoverOrNull),
      in_trash: Schema.optional(Schema.Boolean),
      is_locked: Schema.optional(Schema.Boolean)
    }),
  success: () => DatabaseOrPartial
})
