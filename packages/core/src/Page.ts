/**
 * Notion pages.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { PartialUser } from "./User.js"

/**
 * Where an object lives (`{ type: "page_id", page_id }`, `{ type: "workspace", workspace: true }`, …).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Parent = Schema.Struct(
  { type: Schema.String },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

/**
 * A page. Property values are kept as Notion sends them; `in_trash` (newer versions) and `archived`
 * (older ones) are both accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Page = Schema.Struct({
  object: Schema.Literal("page"),
  id: Schema.String,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  url: Schema.String,
  public_url: Schema.optional(Schema.NullOr(Schema.String)),
  parent: Parent,
  properties: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  icon: Schema.optional(Schema.NullOr(Schema.Unknown)),
  cover: Schema.optional(Schema.NullOr(Schema.Unknown)),
  created_by: PartialUser,
  last_edited_by: PartialUser
})

/**
 * A page.
 *
 * @since 0.1.0
 * @category models
 */
export type Page = typeof Page.Type
