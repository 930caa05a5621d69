// The content of each block type as Notion answers it (the value under the key named by `type`), with the media
// and link_to_page unions; re-exported by `Block` (their public module). The schemas of the contents are exported
// for the table of block types (`blockTypes.ts`) only: `Block` re-exports their types, not them.
import * as Schema from "effect/Schema"
import { Color, ExternalFile, FileUploadRef, HostedFile, Icon } from "../Common.js"
import * as OpenUnion from "../OpenUnion.js"
import { RichText } from "../RichText.js"

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

export const RichTextContent: Schema.Schema<RichTextContent> = Schema.Struct(richTextAndColor)

/**
 * The content of a `paragraph` (and of a `callout`): rich text, color and an optional icon.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParagraphContent extends RichTextContent {
  readonly icon?: Icon | null | undefined
}

export const ParagraphContent: Schema.Schema<ParagraphContent> = Schema.Struct({
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

export const HeadingContent: Schema.Schema<HeadingContent> = Schema.Struct({
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

export const NumberedListItemContent: Schema.Schema<NumberedListItemContent> = Schema.Struct({
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

export const ToDoContent: Schema.Schema<ToDoContent> = Schema.Struct({ ...richTextAndColor, checked: Schema.Boolean })

/**
 * The content of a `template` block (deprecated by Notion, still returned).
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateContent {
  readonly rich_text: RichText
}

export const TemplateContent: Schema.Schema<TemplateContent> = Schema.Struct({ rich_text: RichText })

/**
 * The content of a `synced_block`: `synced_from` is `null` on the original, the original's id on a copy.
 *
 * @since 0.1.0
 * @category models
 */
export interface SyncedBlockContent {
  readonly synced_from: { readonly type?: string | undefined; readonly block_id: string } | null
}

export const SyncedBlockContent: Schema.Schema<SyncedBlockContent> = Schema.Struct({
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

export const TitleContent: Schema.Schema<TitleContent> = Schema.Struct({ title: Schema.String })

/**
 * The content of an `equation` block: a KaTeX expression.
 *
 * @since 0.1.0
 * @category models
 */
export interface EquationContent {
  readonly expression: string
}

export const EquationContent: Schema.Schema<EquationContent> = Schema.Struct({ expression: Schema.String })

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

export const CodeContent: Schema.Schema<CodeContent> = Schema.Struct({
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

export const ColorContent: Schema.Schema<ColorContent> = Schema.Struct({ color: Color })

/**
 * The content of a `column`: its share of the row's width, when set.
 *
 * @since 0.1.0
 * @category models
 */
export interface ColumnContent {
  readonly width_ratio?: number | undefined
}

export const ColumnContent: Schema.Schema<ColumnContent> = Schema.Struct({
  width_ratio: Schema.optional(Schema.Number)
})

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

export const TableContent: Schema.Schema<TableContent> = Schema.Struct({
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

export const TableRowContent: Schema.Schema<TableRowContent> = Schema.Struct({ cells: Schema.Array(RichText) })

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

export const MeetingNotesContent: Schema.Schema<MeetingNotesContent> = Schema.Struct({
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

export const UrlCaptionContent: Schema.Schema<UrlCaptionContent> = Schema.Struct({
  url: Schema.String,
  caption: RichText
})

/**
 * The content of a `link_preview` block.
 *
 * @since 0.1.0
 * @category models
 */
export interface UrlContent {
  readonly url: string
}

export const UrlContent: Schema.Schema<UrlContent> = Schema.Struct({ url: Schema.String })

/**
 * The content of an `unsupported` block: `block_type` names the real type, when Notion says.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnsupportedContent {
  readonly block_type?: string | undefined
}

export const UnsupportedContent: Schema.Schema<UnsupportedContent> = Schema.Struct({
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
