/**
 * Notion blocks. The type-specific content (`paragraph`, `heading_1`, …) is kept as sent.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Parent } from "./Page.js"
import { PartialUser } from "./User.js"

/**
 * A block.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Block = Schema.Struct({
  object: Schema.Literal("block"),
  id: Schema.String,
  type: Schema.String,
  has_children: Schema.Boolean,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  parent: Parent,
  created_by: Schema.optional(PartialUser),
  last_edited_by: Schema.optional(PartialUser)
}, Schema.Record({ key: Schema.String, value: Schema.Unknown }))

/**
 * A block.
 *
 * @since 0.1.0
 * @category models
 */
export type Block = typeof Block.Type
