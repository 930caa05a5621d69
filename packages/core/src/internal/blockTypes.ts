// The table of block types: the one place a block type is written. Each entry names the schema of its content in a
// response and, for the types a request can create, of its content in a request, and says whether `blocks.update`
// takes it. `Block` derives from it the response union, `BlockKnown`, `BlockType` and `BlockRequest`;
// `api/blocks.ts` the kinds `blocks.update` takes.
//
// The request contents that hold `children` are here too: a child is a `BlockRequest`, the union built below from
// the table, which names these contents. In a module of their own, it and this one would import each other, and
// which one loaded first would decide whether a schema is read before it exists.
import * as Schema from "effect/Schema"
import type { BlockRequest } from "../Block.js"
import { JsonObject } from "../Common.js"
import * as Content from "./blockContent.js"
import {
  CodeRequest,
  ColorRequest,
  IconRequest,
  LinkToPageRequest,
  MediaRequest,
  RichTextRequest,
  TableRowRequest,
  UrlRequest
} from "./blockRequest.js"

// ---------------------------------------------------------------------------------------------------------------
// request contents that hold children
// ---------------------------------------------------------------------------------------------------------------

/** Nested children (Notion accepts two levels of nesting in one request; it checks the depth). */
const ChildrenRequest: Schema.Schema<ReadonlyArray<BlockRequest>> = Schema.Array(
  Schema.suspend((): Schema.Schema<BlockRequest> => blockRequest)
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

// ---------------------------------------------------------------------------------------------------------------
// the table
// ---------------------------------------------------------------------------------------------------------------

/**
 * What the table says of one block type: its content in a response (`C`), in a request (`R`; `never` and no schema
 * when no request creates the type), and whether `blocks.update` takes it (`U`).
 */
export interface Entry<C, R, U extends boolean> {
  readonly content: Schema.Schema<C>
  readonly request: Schema.Schema<R> | undefined
  readonly updatable: U
}

/** A type a request can create and `blocks.update` changes. */
const updatable = <C, R>(content: Schema.Schema<C>, request: Schema.Schema<R>): Entry<C, R, true> => ({
  content,
  request,
  updatable: true
})

/** A type a request can create but `blocks.update` does not take. */
const appendable = <C, R>(content: Schema.Schema<C>, request: Schema.Schema<R>): Entry<C, R, false> => ({
  content,
  request,
  updatable: false
})

/** A type only Notion makes: it is read, never created or updated. */
const responseOnly = <C>(content: Schema.Schema<C>): Entry<C, never, false> => ({
  content,
  request: undefined,
  updatable: false
})

/** The content of `divider`, `breadcrumb`, `tab` and `column_list`: any object (Notion sends `{}`). */
const AnyContent: Schema.Schema<JsonObject> = JsonObject

/**
 * Every block type we know, in the order the response union tries them (the validator checks members in order).
 * The request union keeps the same order.
 */
export const blockTypes = {
  paragraph: updatable(Content.ParagraphContent, ParagraphRequest),
  heading_1: updatable(Content.HeadingContent, HeadingRequest),
  heading_2: updatable(Content.HeadingContent, HeadingRequest),
  heading_3: updatable(Content.HeadingContent, HeadingRequest),
  heading_4: updatable(Content.HeadingContent, HeadingRequest),
  bulleted_list_item: updatable(Content.RichTextContent, TextBlockRequest),
  numbered_list_item: updatable(Content.NumberedListItemContent, TextBlockRequest),
  quote: updatable(Content.RichTextContent, TextBlockRequest),
  to_do: updatable(Content.ToDoContent, ToDoRequest),
  toggle: updatable(Content.RichTextContent, TextBlockRequest),
  template: updatable(Content.TemplateContent, TemplateRequest),
  synced_block: updatable(Content.SyncedBlockContent, SyncedBlockRequest),
  child_page: responseOnly(Content.TitleContent),
  child_database: responseOnly(Content.TitleContent),
  equation: updatable(Content.EquationContent, Content.EquationContent),
  code: updatable(Content.CodeContent, CodeRequest),
  callout: updatable(Content.ParagraphContent, ParagraphRequest),
  divider: updatable(AnyContent, AnyContent),
  breadcrumb: updatable(AnyContent, AnyContent),
  table_of_contents: updatable(Content.ColorContent, ColorRequest),
  tab: updatable(AnyContent, ContainerRequest),
  column_list: appendable(AnyContent, ContainerRequest),
  column: updatable(Content.ColumnContent, ColumnRequest),
  link_to_page: updatable(Content.LinkToPage, LinkToPageRequest),
  table: updatable(Content.TableContent, TableRequest),
  table_row: updatable(Content.TableRowContent, TableRowRequest),
  meeting_notes: responseOnly(Content.MeetingNotesContent),
  transcription: responseOnly(Content.MeetingNotesContent),
  embed: updatable(Content.UrlCaptionContent, UrlRequest),
  bookmark: updatable(Content.UrlCaptionContent, UrlRequest),
  image: updatable(Content.MediaFile, MediaRequest),
  video: updatable(Content.MediaFile, MediaRequest),
  pdf: updatable(Content.MediaFile, MediaRequest),
  file: updatable(Content.NamedMediaFile, MediaRequest),
  audio: updatable(Content.MediaFile, MediaRequest),
  link_preview: responseOnly(Content.UrlContent),
  unsupported: responseOnly(Content.UnsupportedContent)
}

/** The table's type. */
export type BlockTypes = typeof blockTypes

/** The block types a request can create. */
export type AppendableType = {
  readonly [T in keyof BlockTypes]: BlockTypes[T] extends Entry<any, infer R, boolean> ? [R] extends [never] ? never : T
    : never
}[keyof BlockTypes]

/** The block types `blocks.update` takes. */
export type UpdatableType = {
  readonly [T in keyof BlockTypes]: BlockTypes[T] extends Entry<any, any, true> ? T : never
}[keyof BlockTypes]

const entries = Object.entries(blockTypes) as ReadonlyArray<
  readonly [keyof BlockTypes, Entry<unknown, unknown, boolean>]
>

/** Every block type we know, in the table's order. */
export const knownTypes: ReadonlyArray<keyof BlockTypes> = entries.map(([type]) => type)

/** The block types a request can create, in the table's order. */
export const appendableTypes = entries.flatMap(([type, entry]) =>
  entry.request === undefined ? [] : [type]
) as ReadonlyArray<AppendableType>

const updatableList = entries.flatMap(([type, entry]) => entry.updatable ? [type] : [])

/** The block types `blocks.update` takes, in the table's order (typed as a non-empty list, for `Schema.Literal`). */
export const updatableTypes = updatableList as unknown as readonly [UpdatableType, ...Array<UpdatableType>]

// ---------------------------------------------------------------------------------------------------------------
// the request union
// ---------------------------------------------------------------------------------------------------------------

/** A block in a request `{ type?: <type>, <type>: content }`: the content key decides, `type` must agree. */
const request = (type: string, content: Schema.Schema.Any): Schema.Schema<BlockRequest> =>
  Schema.Struct({
    type: Schema.optional(Schema.Literal(type)),
    object: Schema.optional(Schema.Literal("block")),
    [type]: content
  }) as any

/** The request union (`Block.BlockRequest`): one member per type with a `request` content, in the table's order. */
export const blockRequest: Schema.Schema<BlockRequest> = Schema.Union(
  ...entries.flatMap(([type, entry]) => entry.request === undefined ? [] : [request(type, entry.request)])
).annotations({ identifier: "BlockRequest" })
