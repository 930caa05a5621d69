/**
 * `comments.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { CommentOrPartial } from "../Comment.js"
import { endpoint } from "../internal/lazy.js"
import * as Versions from "../internal/versions.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"
import { MarkdownVersion } from "./pages.js"
import { Id, RichTextRequest } from "./shared.js"

const Parent = Schema.Union(
  Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Id }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("block_id")), block_id: Id })
)

/**
 * `POST /v1/comments`: a comment on a page or block (`parent`) or a reply in a discussion (`discussion_id`), as
 * `rich_text` or `markdown`, with up to 3 attachments (file uploads).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const create = endpoint({
  name: "comments.create",
  rule: Versions.markdown("markdown"),
  method: "POST",
  path: "/v1/comments",
  body: "rest",
  params: () =>
    Schema.Struct({
      parent: Schema.optional(Parent),
      discussion_id: Schema.optional(Id),
      rich_text: Schema.optional(RichTextRequest),
      markdown: Schema.optional(Schema.String),
      markdown_version: Schema.optional(MarkdownVersion),
      attachments: Schema.optional(
        Schema.Array(Schema.Struct({ file_upload_id: Id, type: Schema.optional(Schema.Literal("file_upload")) }))
          .pipe(Schema.maxItems(3))
      ),
      display_name: Schema.optional(Schema.Struct({ type: Schema.Literal("integration", "user", "custom") }, {
        key: Schema.String,
        value: Schema.Unknown
      }))
    }).pipe(
      Schema.filter((p) => (p.parent === undefined) !== (p.discussion_id === undefined), {
        message: () => "give exactly one of parent and discussion_id"
      }),
      Schema.filter((p) => (p.rich_text === undefined) !== (p.markdown === undefined), {
        message: () => "give exactly one of rich_text and markdown"
      })
    ),
  success: () => CommentOrPartial
})

/** `GET /v1/comments?block_id=…`: one page of a page's or block's open comments. @since 0.1.0 @category endpoints */
export const list = endpoint({
  name: "comments.list",
  method: "GET",
  path: "/v1/comments",
  query: ["block_id", "start_cursor", "page_size"],
  params: () => Schema.Struct({ block_id: Id, ...PaginationParams.fields }),
  success: () => List(CommentOrPartial, "comment")
})

/** `GET /v1/comments/{comment_id}`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "comments.retrieve",
  method: "GET",
  path: "/v1/comments/{comment_id}",
  params: () => Schema.Struct({ comment_id: Id }),
  success: () => CommentOrPartial
})

/** `PATCH /v1/comments/{comment_id}`: new content, as `rich_text` or `markdown`. @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "comments.update",
  rule: Versions.markdown("markdown"),
  method: "PATCH",
  path: "/v1/comments/{comment_id}",
  body: ["rich_text", "markdown", "markdown_version"],
  params: () =>
    Schema.Struct({
      comment_id: Id,
      rich_text: Schema.optional(RichTextRequest),
      markdown: Schema.optional(Schema.String),
      markdown_version: Schema.optional(MarkdownVersion)
    }).pipe(Schema.filter((p) => (p.rich_text === undefined) !== (p.markdown === undefined), {
      message: () => "give exactly one of rich_text and markdown"
    })),
  success: () => CommentOrPartial
})

/** `DELETE /v1/comments/{comment_id}`. @since 0.1.0 @category endpoints */
export const del = endpoint({
  name: "comments.delete",
  method: "DELETE",
  path: "/v1/comments/{comment_id}",
  params: () => Schema.Struct({ comment_id: Id }),
  success: () => CommentOrPartial
})
