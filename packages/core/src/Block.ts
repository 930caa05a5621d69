/**
 * Notion blocks: the 37 block types of the API with their content under the key named by `type`
 * (`{ type: "paragraph", paragraph: { rich_text, color } }`), the partial form (`{ object: "block", id }`) and the
 * request side of `blocks.children.append`.
 *
 * `Block` is open on `type`: a type Notion adds later decodes to an unknown member that keeps the raw JSON, while a
 * known type with a malformed payload still fails. `isKnownBlock` narrows to the known types.
 *
 * Each schema is declared with a named interface as its type, so declarations (and the endpoint types built on
 * them) stay small.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Color, ExternalFile, FileUploadRef, HostedFile, Icon, JsonObject, Parent } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"
import { RichText } from "./RichText.js"
import { PartialUser } from "./User.js"

// ---------------------------------------------------------------------------------------------------------------
// block content
// ---------------------------------------------------------------------------------------------------------------

/**
 * The content of `bulleted_list_item`, `quote` and `toggle` blocks: rich text and a color.
 *
 * @since 0.1.0
 * @category models
 */
export interface RichTextContent {
  readonly rich_text: RichText
  readonly color: Color
}

const richTextAndColor = { rich_text: RichText, color: Color }

const RichTextContent: Schema.Schema<RichTextContent> = Schema.Struct(richTextAndColor)

/**
 * The content of a `paragraph` (and of a `callout`): rich text, color and an optional icon.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParagraphContent extends RichTextContent {
  readonly icon?: Icon | null | undefined
}

const ParagraphContent: Schema.Schema<ParagraphContent> = Schema.Struct({
  ...richTextAndColor,
  icon: Schema.optional(Schema.NullOr(Icon))
})

/**
 * The content of `heading_1` to `heading_4`: `is_toggleable` headings have children.
 *
 * @since 0.1.0
 * @category models
 */
export interface HeadingContent extends RichTextContent {
  readonly is_toggleable?: boolean | undefined
}

const HeadingContent: Schema.Schema<HeadingContent> = Schema.Struct({
  ...richTextAndColor,
  is_toggleable: Schema.optional(Schema.Boolean)
})

/**
 * The content of a `numbered_list_item`: `list_start_index` and `list_format` (`numbers`, `letters`, `roman`) on
 * the first item of a list.
 *
 * @since 0.1.0
 * @category models
 */
export interface NumberedListItemContent extends RichTextContent {
  readonly list_start_index?: number | undefined
  readonly list_format?: string | undefined
}

const NumberedListItemContent: Schema.Schema<NumberedListItemContent> = Schema.Struct({
  ...richTextAndColor,
  list_start_index: Schema.optional(Schema.Number),
  list_format: Schema.optional(Schema.String)
})

/**
 * The content of a `to_do`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ToDoContent extends RichTextContent {
  readonly checked: boolean
}

const ToDoContent: Schema.Schema<ToDoContent> = Schema.Struct({ ...richTextAndColor, checked: Schema.Boolean })

/**
 * The content of a `template` block (deprecated by Notion, still returned).
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateContent {
  readonly rich_text: RichText
}

const TemplateContent: Schema.Schema<TemplateContent> = Schema.Struct({ rich_text: RichText })

/**
 * The content of a `synced_block`: `synced_from` is `null` on the original, the original's id on a copy.
 *
 * @since 0.1.0
 * @category models
 */
export interface SyncedBlockContent {
  readonly synced_from: { readonly type?: string | undefined; readonly block_id: string } | null
}

const SyncedBlockContent: Schema.Schema<SyncedBlockContent> = Schema.Struct({
  synced_from: Schema.NullOr(Schema.Struct({ type: Schema.optional(Schema.String), block_id: Schema.String }))
})

/**
 * The content of `child_page` and `child_database` blocks: the title.
 *
 * @since 0.1.0
 * @category models
 */
export interface TitleContent {
  readonly title: string
}

const TitleContent: Schema.Schema<TitleContent> = Schema.Struct({ title: Schema.String })

/**
 * The content of an `equation` block: a KaTeX expression.
 *
 * @since 0.1.0
 * @category models
 */
export interface EquationContent {
  readonly expression: string
}

const EquationContent: Schema.Schema<EquationContent> = Schema.Struct({ expression: Schema.String })

/**
 * The content of a `code` block: `language` is `typescript`, `plain text`, `mermaid`, … (a string: Notion adds
 * languages).
 *
 * @since 0.1.0
 * @category models
 */
export interface CodeContent {
  readonly rich_text: RichText
  readonly caption: RichText
  readonly language: string
}

const CodeContent: Schema.Schema<CodeContent> = Schema.Struct({
  rich_text: RichText,
  caption: RichText,
  language: Schema.String
})

/**
 * The content of a `table_of_contents` block.
 *
 * @since 0.1.0
 * @category models
 */
export interface ColorContent {
  readonly color: Color
}

const ColorContent: Schema.Schema<ColorContent> = Schema.Struct({ color: Color })

/**
 * The content of a `column`: its share of the row's width, when set.
 *
 * @since 0.1.0
 * @category models
 */
export interface ColumnContent {
  readonly width_ratio?: number | undefined
}

const ColumnContent: Schema.Schema<ColumnContent> = Schema.Struct({ width_ratio: Schema.optional(Schema.Number) })

/**
 * The content of a `table`: its rows are its children (`table_row` blocks).
 *
 * @since 0.1.0
 * @category models
 */
export interface TableContent {
  readonly table_width: number
  readonly has_column_header: boolean
  readonly has_row_header: boolean
}

const TableContent: Schema.Schema<TableContent> = Schema.Struct({
  table_width: Schema.Number,
  has_column_header: Schema.Boolean,
  has_row_header: Schema.Boolean
})

/**
 * The content of a `table_row`: one rich text per cell.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableRowContent {
  readonly cells: ReadonlyArray<RichText>
}

const TableRowContent: Schema.Schema<TableRowContent> = Schema.Struct({ cells: Schema.Array(RichText) })

/**
 * The content of a `meeting_notes` block (`transcription` in older API versions): title, `status`
 * (`transcription_not_started`, `transcription_paused`, `transcription_in_progress`, `summary_in_progress`,
 * `notes_ready`), the ids of its summary, notes and transcript blocks, the calendar event and the recording times.
 *
 * @since 0.1.0
 * @category models
 */
export interface MeetingNotesContent {
  readonly title?: RichText | undefined
  readonly status?: string | undefined
  readonly children?: {
    readonly summary_block_id?: string | undefined
    readonly notes_block_id?: string | undefined
    readonly transcript_block_id?: string | undefined
  } | undefined
  readonly calendar_event?:
    | {
      readonly start_time: string
      readonly end_time: string
      readonly attendees?: ReadonlyArray<string> | undefined
    }
    | null
    | undefined
  readonly recording?:
    | {
      readonly start_time?: string | undefined
      readonly end_time?: string | undefined
    }
    | null
    | undefined
}

const MeetingNotesContent: Schema.Schema<MeetingNotesContent> = Schema.Struct({
  title: Schema.optional(RichText),
  status: Schema.optional(Schema.String),
  children: Schema.optional(Schema.Struct({
    summary_block_id: Schema.optional(Schema.String),
    notes_block_id: Schema.optional(Schema.String),
    transcript_block_id: Schema.optional(Schema.String)
  })),
  calendar_event: Schema.optional(Schema.NullOr(Schema.Struct({
    start_time: Schema.String,
    end_time: Schema.String,
    attendees: Schema.optional(Schema.Array(Schema.String))
  }))),
  recording: Schema.optional(Schema.NullOr(Schema.Struct({
    start_time: Schema.optional(Schema.String),
    end_time: Schema.optional(Schema.String)
  })))
})

/**
 * The content of `embed` and `bookmark` blocks.
 *
 * @since 0.1.0
 * @category models
 */
export interface UrlCaptionContent {
  readonly url: string
  readonly caption: RichText
}

const UrlCaptionContent: Schema.Schema<UrlCaptionContent> = Schema.Struct({ url: Schema.String, caption: RichText })

/**
 * The content of a `link_preview` block.
 *
 * @since 0.1.0
 * @category models
 */
export interface UrlContent {
  readonly url: string
}

const UrlContent: Schema.Schema<UrlContent> = Schema.Struct({ url: Schema.String })

/**
 * The content of an `unsupported` block: `block_type` names the real type, when Notion says.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnsupportedContent {
  readonly block_type?: string | undefined
}

const UnsupportedContent: Schema.Schema<UnsupportedContent> = Schema.Struct({
  block_type: Schema.optional(Schema.String)
})

// ---------------------------------------------------------------------------------------------------------------
// media
// ---------------------------------------------------------------------------------------------------------------

/**
 * Where a media block's file is: hosted by Notion (`file`: `url` valid until `expiry_time`, about an hour),
 * `external`, or a `file_upload`.
 *
 * @since 0.1.0
 * @category models
 */
export type MediaSource =
  | { readonly type: "file"; readonly file: { readonly url: string; readonly expiry_time: string } }
  | { readonly type: "external"; readonly external: { readonly url: string } }
  | { readonly type: "file_upload"; readonly file_upload: { readonly id: string } }

const mediaMembers = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  [
    Schema.Struct({ type: Schema.Literal("file"), file: HostedFile, ...fields }),
    Schema.Struct({ type: Schema.Literal("external"), external: ExternalFile, ...fields }),
    Schema.Struct({ type: Schema.Literal("file_upload"), file_upload: FileUploadRef, ...fields })
  ] as const

const captionFields = { caption: RichText }

const MediaFileUnion = OpenUnion.make({
  tag: "type",
  identifier: "MediaFile",
  fields: captionFields,
  members: mediaMembers(captionFields)
})

/**
 * The content of an `image`, `video`, `pdf` or `audio` block of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type MediaFileKnown = MediaSource & { readonly caption: RichText }

/**
 * The content of a media block of a kind we do not know: its `type`, `caption` and every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownMediaFile {
  readonly type: string
  readonly caption: RichText
  readonly [key: string]: unknown
}

/**
 * The content of a media block.
 *
 * @since 0.1.0
 * @category models
 */
export type MediaFile = MediaFileKnown | UnknownMediaFile

/**
 * The content of an `image`, `video`, `pdf` or `audio` block: a file (`file`, `external`, `file_upload`, or any
 * other `type` kept as sent) and its `caption`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MediaFile: Schema.Schema<MediaFile> = MediaFileUnion.schema

/**
 * Whether a media file is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownMediaFile = (file: MediaFile): file is MediaFileKnown => OpenUnion.isKnown(MediaFileUnion, file)

const namedFields = { caption: RichText, name: Schema.optional(Schema.String) }

const NamedMediaFileUnion = OpenUnion.make({
  tag: "type",
  identifier: "NamedMediaFile",
  fields: namedFields,
  members: mediaMembers(namedFields)
})

/**
 * The content of a `file` block of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type NamedMediaFileKnown = MediaSource & { readonly caption: RichText; readonly name?: string | undefined }

/**
 * The content of a `file` block of a kind we do not know.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownNamedMediaFile extends UnknownMediaFile {
  readonly name?: string | undefined
}

/**
 * The content of a `file` block.
 *
 * @since 0.1.0
 * @category models
 */
export type NamedMediaFile = NamedMediaFileKnown | UnknownNamedMediaFile

/**
 * The content of a `file` block: a {@link MediaFile} with its `name`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NamedMediaFile: Schema.Schema<NamedMediaFile> = NamedMediaFileUnion.schema

/**
 * Whether a named media file is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownNamedMediaFile = (file: NamedMediaFile): file is NamedMediaFileKnown =>
  OpenUnion.isKnown(NamedMediaFileUnion, file)

const LinkToPageUnion = OpenUnion.make({
  tag: "type",
  identifier: "LinkToPage",
  fields: {},
  members: [
    Schema.Struct({ type: Schema.Literal("page_id"), page_id: Schema.String }),
    Schema.Struct({ type: Schema.Literal("database_id"), database_id: Schema.String }),
    Schema.Struct({ type: Schema.Literal("comment_id"), comment_id: Schema.String })
  ]
})

/**
 * What a `link_to_page` block points at, of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type LinkToPageKnown =
  | { readonly type: "page_id"; readonly page_id: string }
  | { readonly type: "database_id"; readonly database_id: string }
  | { readonly type: "comment_id"; readonly comment_id: string }

/**
 * What a `link_to_page` block points at.
 *
 * @since 0.1.0
 * @category models
 */
export type LinkToPage = LinkToPageKnown | { readonly type: string; readonly [key: string]: unknown }

/**
 * What a `link_to_page` block points at: `page_id`, `database_id`, `comment_id`, or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LinkToPage: Schema.Schema<LinkToPage> = LinkToPageUnion.schema

/**
 * Whether a link target is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownLinkToPage = (link: LinkToPage): link is LinkToPageKnown => OpenUnion.isKnown(LinkToPageUnion, link)

// ---------------------------------------------------------------------------------------------------------------
// blocks
// ---------------------------------------------------------------------------------------------------------------

/**
 * The fields every block has: `parent`, times, authors, `has_children`, and `in_trash` (`archived` in API versions
 * before `2026-03-11`).
 *
 * @since 0.1.0
 * @category models
 */
export interface BlockCommon {
  readonly object: "block"
  readonly id: string
  readonly parent: Parent
  readonly created_time: string
  readonly created_by?: PartialUser | undefined
  readonly last_edited_time: string
  readonly last_edited_by?: PartialUser | undefined
  readonly has_children: boolean
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
  readonly request_id?: string | undefined
}

const common = {
  object: Schema.Literal("block"),
  id: Schema.String,
  parent: Parent,
  created_time: Schema.String,
  created_by: Schema.optional(PartialUser),
  last_edited_time: Schema.String,
  last_edited_by: Schema.optional(PartialUser),
  has_children: Schema.Boolean,
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  request_id: Schema.optional(Schema.String)
}

/**
 * A block of type `T` with content `C` under the key `T`.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockWith<T extends string, C> = BlockCommon & { readonly type: T } & { readonly [K in T]: C }

/** A block `{ type: <type>, <type>: content, ...common }` (`type` first: the validator checks it first). */
const block = <const T extends string, C>(type: T, content: Schema.Schema<C>): Schema.Schema<BlockWith<T, C>> =>
  Schema.Struct({ type: Schema.Literal(type), [type]: content, ...common }) as any

const BlockUnion = OpenUnion.make({
  tag: "type",
  identifier: "Block",
  fields: common,
  members: [
    block("paragraph", ParagraphContent),
    block("heading_1", HeadingContent),
    block("heading_2", HeadingContent),
    block("heading_3", HeadingContent),
    block("heading_4", HeadingContent),
    block("bulleted_list_item", RichTextContent),
    block("numbered_list_item", NumberedListItemContent),
    block("quote", RichTextContent),
    block("to_do", ToDoContent),
    block("toggle", RichTextContent),
    block("template", TemplateContent),
    block("synced_block", SyncedBlockContent),
    block("child_page", TitleContent),
    block("child_database", TitleContent),
    block("equation", EquationContent),
    block("code", CodeContent),
    block("callout", ParagraphContent),
    block("divider", JsonObject),
    block("breadcrumb", JsonObject),
    block("table_of_contents", ColorContent),
    block("tab", JsonObject),
    block("column_list", JsonObject),
    block("column", ColumnContent),
    block("link_to_page", LinkToPage),
    block("table", TableContent),
    block("table_row", TableRowContent),
    block("meeting_notes", MeetingNotesContent),
    block("transcription", MeetingNotesContent),
    block("embed", UrlCaptionContent),
    block("bookmark", UrlCaptionContent),
    block("image", MediaFile),
    block("video", MediaFile),
    block("pdf", MediaFile),
    block("file", NamedMediaFile),
    block("audio", MediaFile),
    block("link_preview", UrlContent),
    block("unsupported", UnsupportedContent)
  ]
})

/**
 * A block of a type we know.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockKnown =
  | BlockWith<"paragraph", ParagraphContent>
  | BlockWith<"heading_1", HeadingContent>
  | BlockWith<"heading_2", HeadingContent>
  | BlockWith<"heading_3", HeadingContent>
  | BlockWith<"heading_4", HeadingContent>
  | BlockWith<"bulleted_list_item", RichTextContent>
  | BlockWith<"numbered_list_item", NumberedListItemContent>
  | BlockWith<"quote", RichTextContent>
  | BlockWith<"to_do", ToDoContent>
  | BlockWith<"toggle", RichTextContent>
  | BlockWith<"template", TemplateContent>
  | BlockWith<"synced_block", SyncedBlockContent>
  | BlockWith<"child_page", TitleContent>
  | BlockWith<"child_database", TitleContent>
  | BlockWith<"equation", EquationContent>
  | BlockWith<"code", CodeContent>
  | BlockWith<"callout", ParagraphContent>
  | BlockWith<"divider", JsonObject>
  | BlockWith<"breadcrumb", JsonObject>
  | BlockWith<"table_of_contents", ColorContent>
  | BlockWith<"tab", JsonObject>
  | BlockWith<"column_list", JsonObject>
  | BlockWith<"column", ColumnContent>
  | BlockWith<"link_to_page", LinkToPage>
  | BlockWith<"table", TableContent>
  | BlockWith<"table_row", TableRowContent>
  | BlockWith<"meeting_notes", MeetingNotesContent>
  | BlockWith<"transcription", MeetingNotesContent>
  | BlockWith<"embed", UrlCaptionContent>
  | BlockWith<"bookmark", UrlCaptionContent>
  | BlockWith<"image", MediaFile>
  | BlockWith<"video", MediaFile>
  | BlockWith<"pdf", MediaFile>
  | BlockWith<"file", NamedMediaFile>
  | BlockWith<"audio", MediaFile>
  | BlockWith<"link_preview", UrlContent>
  | BlockWith<"unsupported", UnsupportedContent>

/**
 * The block types we know (no unknown member).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlockKnown: Schema.Schema<BlockKnown> = BlockUnion.known

/**
 * A block of a type we do not know: the common fields, its `type`, and its content (and anything else) as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownBlock extends BlockCommon {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * A full block.
 *
 * @since 0.1.0
 * @category models
 */
export type Block = BlockKnown | UnknownBlock

/**
 * A full block: `object`, `id`, `parent`, times, authors, `has_children`, `in_trash` (and `archived` in older API
 * versions), then its `type` and the content under that key. Known types: paragraph, heading_1–heading_4,
 * bulleted_list_item, numbered_list_item, quote, to_do, toggle, template, synced_block, child_page, child_database,
 * equation, code, callout, divider, breadcrumb, table_of_contents, tab, column_list, column, link_to_page, table,
 * table_row, meeting_notes, transcription (older name of meeting_notes), embed, bookmark, image, video, pdf, file,
 * audio, link_preview, unsupported. Any other `type` decodes with its content kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Block: Schema.Schema<Block> = BlockUnion.schema

/**
 * A block `type` we know (`"paragraph"`, `"image"`, …).
 *
 * @since 0.1.0
 * @category models
 */
export type BlockType = BlockKnown["type"]

/**
 * The block of one type: `BlockOf<"to_do">` has `to_do: { rich_text, color, checked }`.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockOf<T extends BlockType> = Extract<BlockKnown, { readonly type: T }>

/**
 * The content of a block of one type: `ContentOf<"to_do">` is `ToDoContent`.
 *
 * @since 0.1.0
 * @category models
 */
export type ContentOf<T extends BlockType> = BlockOf<T> extends infer B ? T extends keyof B ? B[T] : never : never

/**
 * Whether a block is of a type we know (then `switch (block.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownBlock = (block: Block): block is BlockKnown => OpenUnion.isKnown(BlockUnion, block)

/**
 * A meeting-notes block under either name: `meeting_notes` (API version `2026-03-11` on) or `transcription`
 * (before). Both decode, as two members with the same content; test with {@link isMeetingNotes} and read the
 * content with {@link meetingNotesContent} instead of switching on one name.
 *
 * @since 0.1.0
 * @category models
 */
export type MeetingNotesBlock =
  | BlockWith<"meeting_notes", MeetingNotesContent>
  | BlockWith<"transcription", MeetingNotesContent>

/**
 * Whether a block is a meeting-notes block, under either name (`meeting_notes` or `transcription`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isMeetingNotes = (
  block: { readonly object: string; readonly id: string; readonly type?: unknown }
): block is MeetingNotesBlock =>
  block.object === "block" && (block.type === "meeting_notes" || block.type === "transcription")

/**
 * The content of a meeting-notes block, whichever name it came under.
 *
 * @since 0.1.0
 * @category utils
 */
export const meetingNotesContent = (block: MeetingNotesBlock): MeetingNotesContent =>
  block.type === "meeting_notes" ? block.meeting_notes : block.transcription

/**
 * A partial block.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialBlock {
  readonly object: "block"
  readonly id: string
  readonly type?: undefined
  readonly request_id?: string | undefined
}

/**
 * A block the integration cannot read in full: `{ object: "block", id }`. A block with a `type` is never partial
 * (so a full block with a malformed payload fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialBlock: Schema.Schema<PartialBlock> = Schema.Struct({
  object: Schema.Literal("block"),
  id: Schema.String,
  type: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialBlock" })

/**
 * A full or partial block.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockOrPartial = Block | PartialBlock

/**
 * A full or partial block (what `blocks.retrieve`, `update`, `delete` and the children lists answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlockOrPartial: Schema.Schema<BlockOrPartial> = Schema.Union(Block, PartialBlock)

/**
 * Whether a block is a full one (it has a `type`), as the official SDK's `isFullBlock`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullBlock = (block: { readonly object: string; readonly id: string }): block is Block =>
  block.object === "block" && typeof (block as { readonly type?: unknown }).type === "string"

// ---------------------------------------------------------------------------------------------------------------
// requests
// ---------------------------------------------------------------------------------------------------------------

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

/** Nested children (Notion accepts two levels of nesting in one request; it checks the depth). */
const ChildrenRequest: Schema.Schema<ReadonlyArray<BlockRequest>> = Schema.Array(
  Schema.suspend((): Schema.Schema<BlockRequest> => BlockRequest)
).pipe(Schema.maxItems(100))

/**
 * The content of a rich text block in a request (`bulleted_list_item`, `numbered_list_item`, `quote`, `toggle`).
 *
 * @since 0.1.0
 * @category models
 */
export interface TextBlockRequest {
  readonly rich_text: RichTextRequest
  readonly color?: string | undefined
  readonly children?: ReadonlyArray<BlockRequest> | undefined
}

const textRequest = {
  rich_text: RichTextRequest,
  color: Schema.optional(Schema.String),
  children: Schema.optional(ChildrenRequest)
}

const TextBlockRequest: Schema.Schema<TextBlockRequest> = Schema.Struct(textRequest)

/**
 * The content of a `paragraph` or `callout` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParagraphRequest extends TextBlockRequest {
  readonly icon?: IconRequest | undefined
}

const ParagraphRequest: Schema.Schema<ParagraphRequest> = Schema.Struct({
  ...textRequest,
  icon: Schema.optional(IconRequest)
})

/**
 * The content of a heading in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface HeadingRequest extends TextBlockRequest {
  readonly is_toggleable?: boolean | undefined
}

const HeadingRequest: Schema.Schema<HeadingRequest> = Schema.Struct({
  ...textRequest,
  is_toggleable: Schema.optional(Schema.Boolean)
})

/**
 * The content of a `to_do` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface ToDoRequest extends TextBlockRequest {
  readonly checked?: boolean | undefined
}

const ToDoRequest: Schema.Schema<ToDoRequest> = Schema.Struct({
  ...textRequest,
  checked: Schema.optional(Schema.Boolean)
})

/**
 * The content of a `template` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateRequest {
  readonly rich_text: RichTextRequest
  readonly children?: ReadonlyArray<BlockRequest> | undefined
}

const TemplateRequest: Schema.Schema<TemplateRequest> = Schema.Struct({
  rich_text: RichTextRequest,
  children: Schema.optional(ChildrenRequest)
})

/**
 * The content of a `synced_block` in a request: `synced_from: null` and `children` for an original, the original's
 * id for a copy.
 *
 * @since 0.1.0
 * @category models
 */
export interface SyncedBlockRequest {
  readonly synced_from: { readonly type?: "block_id" | undefined; readonly block_id: string } | null
  readonly children?: ReadonlyArray<BlockRequest> | undefined
}

const SyncedBlockRequest: Schema.Schema<SyncedBlockRequest> = Schema.Struct({
  synced_from: Schema.NullOr(
    Schema.Struct({ type: Schema.optional(Schema.Literal("block_id")), block_id: Schema.String })
  ),
  children: Schema.optional(ChildrenRequest)
})

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

const CodeRequest: Schema.Schema<CodeRequest> = Schema.Struct({
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

const ColorRequest: Schema.Schema<ColorRequest> = Schema.Struct({ color: Schema.optional(Schema.String) })

/**
 * The content of a `tab` (its children are the tab items, paragraphs) or `column_list` (its children are
 * columns) in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface ContainerRequest {
  readonly children: ReadonlyArray<BlockRequest>
}

const ContainerRequest: Schema.Schema<ContainerRequest> = Schema.Struct({ children: ChildrenRequest })

/**
 * The content of a `column` in a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface ColumnRequest extends ContainerRequest {
  readonly width_ratio?: number | undefined
}

const ColumnRequest: Schema.Schema<ColumnRequest> = Schema.Struct({
  children: ChildrenRequest,
  width_ratio: Schema.optional(Schema.Number)
})

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

const LinkToPageRequest: Schema.Schema<LinkToPageRequest> = Schema.Union(
  Schema.Struct({ type: Schema.optional(Schema.Literal("page_id")), page_id: Schema.String }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("database_id")), database_id: Schema.String }),
  Schema.Struct({ type: Schema.optional(Schema.Literal("comment_id")), comment_id: Schema.String })
)

/**
 * The content of a `table` in a request: its children are its rows (`table_row`).
 *
 * @since 0.1.0
 * @category models
 */
export interface TableRequest extends ContainerRequest {
  readonly table_width: number
  readonly has_column_header?: boolean | undefined
  readonly has_row_header?: boolean | undefined
}

const TableRequest: Schema.Schema<TableRequest> = Schema.Struct({
  table_width: Schema.Number,
  has_column_header: Schema.optional(Schema.Boolean),
  has_row_header: Schema.optional(Schema.Boolean),
  children: ChildrenRequest
})

/**
 * The content of a `table_row` in a request: one rich text per cell.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableRowRequest {
  readonly cells: ReadonlyArray<RichTextRequest>
}

const TableRowRequest: Schema.Schema<TableRowRequest> = Schema.Struct({ cells: Schema.Array(RichTextRequest) })

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

const UrlRequest: Schema.Schema<UrlRequest> = Schema.Struct({
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

const MediaRequest: Schema.Schema<MediaRequest> = Schema.Union(
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

/**
 * A block of type `T` with content `C` in a request: `type` may be left out (the content key decides).
 *
 * @since 0.1.0
 * @category models
 */
export type RequestWith<T extends string, C> =
  & { readonly type?: T | undefined; readonly object?: "block" | undefined }
  & { readonly [K in T]: C }

/** A block in a request `{ type?: <type>, <type>: content }`: the content key decides, `type` must agree. */
const request = <const T extends string, C>(type: T, content: Schema.Schema<C>): Schema.Schema<RequestWith<T, C>> =>
  Schema.Struct({
    type: Schema.optional(Schema.Literal(type)),
    object: Schema.optional(Schema.Literal("block")),
    [type]: content
  }) as any

/**
 * A block to create.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockRequest =
  | RequestWith<"paragraph", ParagraphRequest>
  | RequestWith<"heading_1", HeadingRequest>
  | RequestWith<"heading_2", HeadingRequest>
  | RequestWith<"heading_3", HeadingRequest>
  | RequestWith<"heading_4", HeadingRequest>
  | RequestWith<"bulleted_list_item", TextBlockRequest>
  | RequestWith<"numbered_list_item", TextBlockRequest>
  | RequestWith<"quote", TextBlockRequest>
  | RequestWith<"to_do", ToDoRequest>
  | RequestWith<"toggle", TextBlockRequest>
  | RequestWith<"template", TemplateRequest>
  | RequestWith<"synced_block", SyncedBlockRequest>
  | RequestWith<"equation", EquationContent>
  | RequestWith<"code", CodeRequest>
  | RequestWith<"callout", ParagraphRequest>
  | RequestWith<"divider", JsonObject>
  | RequestWith<"breadcrumb", JsonObject>
  | RequestWith<"table_of_contents", ColorRequest>
  | RequestWith<"tab", ContainerRequest>
  | RequestWith<"column_list", ContainerRequest>
  | RequestWith<"column", ColumnRequest>
  | RequestWith<"link_to_page", LinkToPageRequest>
  | RequestWith<"table", TableRequest>
  | RequestWith<"table_row", TableRowRequest>
  | RequestWith<"embed", UrlRequest>
  | RequestWith<"bookmark", UrlRequest>
  | RequestWith<"image", MediaRequest>
  | RequestWith<"video", MediaRequest>
  | RequestWith<"pdf", MediaRequest>
  | RequestWith<"file", MediaRequest>
  | RequestWith<"audio", MediaRequest>

/**
 * A block to create (`blocks.children.append`, `pages.create` `children`): `{ type?, <type>: content }` for the 31
 * appendable types (every response type but child_page, child_database, meeting_notes, transcription, link_preview
 * and unsupported). The content key picks the type and `type`, when given, must agree; rich text is checked
 * (`text.content` ≤ 2,000 characters, ≤ 100 items), and so are nested `children` (≤ 100 each).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlockRequest: Schema.Schema<BlockRequest> = Schema.Union(
  request("paragraph", ParagraphRequest),
  request("heading_1", HeadingRequest),
  request("heading_2", HeadingRequest),
  request("heading_3", HeadingRequest),
  request("heading_4", HeadingRequest),
  request("bulleted_list_item", TextBlockRequest),
  request("numbered_list_item", TextBlockRequest),
  request("quote", TextBlockRequest),
  request("to_do", ToDoRequest),
  request("toggle", TextBlockRequest),
  request("template", TemplateRequest),
  request("synced_block", SyncedBlockRequest),
  request("equation", EquationContent),
  request("code", CodeRequest),
  request("callout", ParagraphRequest),
  request("divider", JsonObject),
  request("breadcrumb", JsonObject),
  request("table_of_contents", ColorRequest),
  request("tab", ContainerRequest),
  request("column_list", ContainerRequest),
  request("column", ColumnRequest),
  request("link_to_page", LinkToPageRequest),
  request("table", TableRequest),
  request("table_row", TableRowRequest),
  request("embed", UrlRequest),
  request("bookmark", UrlRequest),
  request("image", MediaRequest),
  request("video", MediaRequest),
  request("pdf", MediaRequest),
  request("file", MediaRequest),
  request("audio", MediaRequest)
).annotations({ identifier: "BlockRequest" })

/**
 * The blocks of one `blocks.children.append` call.
 *
 * @since 0.1.0
 * @category models
 */
export type Children = ReadonlyArray<BlockRequest>

/**
 * The blocks of one `blocks.children.append` call: at most 100.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Children: Schema.Schema<Children> = Schema.Array(BlockRequest).pipe(Schema.maxItems(100))
