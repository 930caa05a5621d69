/**
 * Notion comments: on a page or a block, grouped in discussions.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { HostedFile, Parent } from "./Common.js"
import { RichText } from "./RichText.js"
import { PartialUser } from "./User.js"

/**
 * Who a comment shows as.
 *
 * @since 0.1.0
 * @category models
 */
export interface DisplayName {
  readonly type: string
  readonly resolved_name: string | null
}

/**
 * Who a comment shows as: `type` is `user`, `integration` or `custom` (a string: Notion may add kinds), and
 * `resolved_name` the name shown.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DisplayName: Schema.Schema<DisplayName> = Schema.Struct({
  type: Schema.String,
  resolved_name: Schema.NullOr(Schema.String)
})

/**
 * A file attached to a comment.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommentAttachment {
  readonly category: string
  readonly file: { readonly url: string; readonly expiry_time: string }
}

/**
 * A file attached to a comment: `category` (`audio`, `image`, `pdf`, `productivity`, `video`) and the hosted
 * file (`url`, `expiry_time`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CommentAttachment: Schema.Schema<CommentAttachment> = Schema.Struct({
  category: Schema.String,
  file: HostedFile
})

/**
 * A full comment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Comment {
  readonly object: "comment"
  readonly id: string
  readonly parent: Parent
  readonly discussion_id: string
  readonly created_time: string
  readonly last_edited_time: string
  readonly created_by: PartialUser
  readonly rich_text: RichText
  readonly display_name?: DisplayName | undefined
  readonly attachments?: ReadonlyArray<CommentAttachment> | undefined
  readonly request_id?: string | undefined
}

/**
 * A full comment: `parent` (`page_id` or `block_id`), `discussion_id`, `rich_text`, author and times, and, in newer
 * API versions, `display_name` and `attachments`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Comment: Schema.Schema<Comment> = Schema.Struct({
  object: Schema.Literal("comment"),
  id: Schema.String,
  parent: Parent,
  discussion_id: Schema.String,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  created_by: PartialUser,
  rich_text: RichText,
  display_name: Schema.optional(DisplayName),
  attachments: Schema.optional(Schema.Array(CommentAttachment)),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "Comment" })

/**
 * A partial comment.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialComment {
  readonly object: "comment"
  readonly id: string
  readonly created_by?: undefined
  readonly request_id?: string | undefined
}

/**
 * A comment the integration cannot read in full: `{ object: "comment", id }`. A comment with `created_by` is never
 * partial (so a full comment with a malformed field fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialComment: Schema.Schema<PartialComment> = Schema.Struct({
  object: Schema.Literal("comment"),
  id: Schema.String,
  created_by: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialComment" })

/**
 * A full or partial comment.
 *
 * @since 0.1.0
 * @category models
 */
export type CommentOrPartial = Comment | PartialComment

/**
 * A full or partial comment (what `comments.create`, `retrieve`, `update` and `delete` answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CommentOrPartial: Schema.Schema<CommentOrPartial> = Schema.Union(Comment, PartialComment)

/**
 * Whether a comment is a full one (it has `created_by`), as the official SDK's `isFullComment`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullComment = (comment: { readonly object: string; readonly id: string }): comment is Comment =>
  comment.object === "comment" && (comment as { readonly created_by?: unknown }).created_by !== undefined
