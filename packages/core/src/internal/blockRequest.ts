// The content of each block type in a request (`blocks.children.append`, `pages.create` `children`), with rich text
// and icons as a request takes them; re-exported by `Block` (their public module). The contents that hold `children`
// are in `blockTypes.ts`, beside the request union they refer back to. The schemas of the contents are exported for
// the table of block types only: `Block` re-exports their types, not them.
import * as Schema from "effect/Schema"
import { JsonObject } from "../Common.js"

/**
 * How a rich text item is styled in a request: every flag optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnnotationsRequest {
  readonly bold?: boolean | undefined
  readonly italic?: boolean | undefined
  readonly strikethrough?: boolean | undefined
  readonly underline?: boolean | undefined
  readonly code?: boolean | undefined
  readonly color?: string | undefined
}

const AnnotationsRequest: Schema.Schema<AnnotationsRequest> = Schema.Struct({
  bold: Schema.optional(Schema.Boolean),
  italic: Schema.optional(Schema.Boolean),
  strikethrough: Schema.optional(Schema.Boolean),
  underline: Schema.optional(Schema.Boolean),
  code: Schema.optional(Schema.Boolean),
  color: Schema.optional(Schema.String)
})

/**
 * A rich text item in a request: `text` (content ≤ 2,000 characters, optional link), `mention` (checked by Notion)
 * or `equation`. Response items (with `plain_text`, `href`) are accepted as they are.
 *
 * @since 0.1.0
 * @category models
 */
export type RichTextItemRequest =
  | {
    readonly type?: "text" | undefined
    readonly text: { readonly content: string; readonly link?: { readonly url: string } | null | undefined }
    readonly annotations?: AnnotationsRequest | undefined
  }
  | {
    readonly type?: "mention" | undefined
    readonly mention: { readonly type?: string | undefined; readonly [key: string]: unknown }
    readonly annotations?: AnnotationsRequest | undefined
  }
  | {
    readonly type?: "equation" | undefined
    readonly equation: { readonly expression: string }
    readonly annotations?: AnnotationsRequest | undefined
  }

/**
 * A rich text item in a request.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichTextItemRequest: Schema.Schema<RichTextItemRequest> = Schema.Union(
  Schema.Struct({
    type: Schema.optional(Schema.Literal("text")),
    text: Schema.Struct({
      content: Schema.String.pipe(Schema.maxLength(2000)),
      link: Schema.optional(Schema.NullOr(Schema.Struct({ url: Schema.String })))
    }),
    annotations: Schema.optional(AnnotationsRequest)
  }),
  Schema.Struct({
    type: Schema.optional(Schema.Literal("mention")),
    mention: Schema.Struct({ type: Schema.optional(Schema.String) }, JsonObject),
    annotations: Schema.optional(AnnotationsRequest)
  }),
  Schema.Struct({
    type: Schema.optional(Schema.Literal("equation")),
    equation: Schema.Struct({ expression: Schema.String }),
    annotations: Schema.optional(AnnotationsRequest)
  })
)

/**
 * Rich text in a request: at most 100 items.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichTextRequest: Schema.Schema<RichTextRequest> = Schema.Array(RichTextItemRequest).pipe(
  Schema.maxItems(100)
)

/**
 * Rich text in a request.
 *
 * @since 0.1.0
 * @category models
 */
export type RichTextRequest = ReadonlyArray<RichTextItemRequest>

/**
 * An icon in a request (`emoji`, `external`, `file_upload`, `custom_emoji`, `icon`); Notion checks the details.
 *
 * @since 0.1.0
 * @category models
 */
export interface IconRequest {
  readonly type?: string | undefined
  readonly [key: string]: unknown
}

/**
 * An icon in a request (`emoji`, `external`, `file_upload`, `custom_emoji`, `icon`); Notion checks the details.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IconRequest: Schema.Schema<IconRequest> = Schema.Struct(
  { type: Schema.optional(Schema.String) },
  JsonObject
)

/**
 * The content of a `code` block in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface CodeRequest {
  readonly rich_text: RichTextRequest
  readonly language: string
  readonly caption?: RichTextRequest | undefined
}

export const CodeRequest: Schema.Schema<CodeRequest> = Schema.Struct({
  rich_text: RichTextRequest,
  language: Schema.String,
  caption: Schema.optional(RichTextRequest)
})

/**
 * The content of a `table_of_contents` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface ColorRequest {
  readonly color?: string | undefined
}

export const ColorRequest: Schema.Schema<ColorRequest> = Schema.Struct({ color: Schema.optional(Schema.String) })

/**
 * The target of a `link_to_page` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export type LinkToPageRequest =
  | { readonly type?: "page_id" | undefined; readonly page_id: string }
  | { readonly type?: "database_id" | undefined; readonly database_id: string }
  | { readonly type?: "comment_id" | undefined; readonly comment_id: string }

export const LinkToPageRequest: Schema.Schema<LinkToPageRequest> = Schema.Union(
  Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Schema.String }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("database_id")), database_id: Schema.String }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("comment_id")), comment_id: Schema.String })
)

/**
 * The content of a `table_row` in a request: one rich text per cell.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableRowRequest {
  readonly cells: ReadonlyArray<RichTextRequest>
}

export const TableRowRequest: Schema.Schema<TableRowRequest> = Schema.Struct({ cells: Schema.Array(RichTextRequest) })

/**
 * The content of an `embed` or `bookmark` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface UrlRequest {
  readonly url: string
  readonly caption?: RichTextRequest | undefined
}

export const UrlRequest: Schema.Schema<UrlRequest> = Schema.Struct({
  url: Schema.String,
  caption: Schema.optional(RichTextRequest)
})

/**
 * The content of an `image`, `video`, `pdf`, `audio` or `file` block in a request: an `external` URL, a
 * `file_upload` id, or a Notion-hosted `file` sent back as it was read; `name` on `file` blocks.
 *
 * @since 0.1.0
 * @category models
 */
export type MediaRequest =
  & (
    | { readonly type?: "external" | undefined; readonly external: { readonly url: string } }
    | { readonly type?: "file_upload" | undefined; readonly file_upload: { readonly id: string } }
    | {
      readonly type?: "file" | undefined
      readonly file: { readonly url: string; readonly expiry_time?: string | undefined }
    }
  )
  & { readonly caption?: RichTextRequest | undefined; readonly name?: string | undefined }

const mediaRequestFields = { caption: Schema.optional(RichTextRequest), name: Schema.optional(Schema.String) }

export const MediaRequest: Schema.Schema<MediaRequest> = Schema.Union(
  Schema.Struct({
    type: Schema.optional(Schema.Literal("external")),
    external: Schema.Struct({ url: Schema.String }),
    ...mediaRequestFields
  }),
  Schema.Struct({
    type: Schema.optional(Schema.Literal("file_upload")),
    file_upload: Schema.Struct({ id: Schema.String }),
    ...mediaRequestFields
  }),
  Schema.Struct({
    type: Schema.optional(Schema.Literal("file")),
    file: Schema.Struct({ url: Schema.String, expiry_time: Schema.optional(Schema.String) }),
    ...mediaRequestFields
  })
)
