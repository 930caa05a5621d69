/**
 * Notion blocks: the block types of the API ({@link BlockType}) with their content under the key named by `type`
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
// Layout: each block type is written once, in the table of `internal/blockTypes.ts`; the unions and types below are
// derived from it. The contents are in `internal/blockContent.ts` (responses), `internal/blockRequest.ts` and
// `internal/blockTypes.ts` (requests); this module re-exports what of them is public.
import * as Schema from "effect/Schema"
import { Parent } from "./Common.js"
import type { MeetingNotesContent } from "./internal/blockContent.js"
import { blockRequest, type BlockTypes, blockTypes, type Entry } from "./internal/blockTypes.js"
import * as OpenUnion from "./OpenUnion.js"
import { PartialUser } from "./User.js"

// ---------------------------------------------------------------------------------------------------------------
// block content (declared in internal/blockContent.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The content of each block type in a response, and the media and `link_to_page` content (each documented where
 * it is declared).
 *
 * @since 0.1.0
 * @category models
 */
export type {
  CodeContent,
  ColorContent,
  ColumnContent,
  EquationContent,
  HeadingContent,
  LinkToPageKnown,
  MediaFileKnown,
  MediaSource,
  MeetingNotesContent,
  NamedMediaFileKnown,
  NumberedListItemContent,
  ParagraphContent,
  RichTextContent,
  SyncedBlockContent,
  TableContent,
  TableRowContent,
  TemplateContent,
  TitleContent,
  ToDoContent,
  UnknownMediaFile,
  UnknownNamedMediaFile,
  UnsupportedContent,
  UrlCaptionContent,
  UrlContent
} from "./internal/blockContent.js"

/**
 * The media (`MediaFile`, `NamedMediaFile`) and `link_to_page` (`LinkToPage`) content: open unions, each with its
 * schema and a guard that narrows to the kinds we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export {
  isKnownLinkToPage,
  isKnownMediaFile,
  isKnownNamedMediaFile,
  LinkToPage,
  MediaFile,
  NamedMediaFile
} from "./internal/blockContent.js"

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
const block = (type: string, content: Schema.Schema.Any): Schema.Schema<BlockKnown> =>
  Schema.Struct({ type: Schema.Literal(type), [type]: content, ...common }) as any

const BlockUnion = OpenUnion.make({
  tag: "type",
  identifier: "Block",
  fields: common,
  members: Object.entries(blockTypes).map(([type, entry]) => block(type, entry.content))
})

/**
 * A block of a type we know: one member per {@link BlockType}, with that type's content.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockKnown = {
  readonly [T in keyof BlockTypes]: BlockWith<T, Schema.Schema.Type<BlockTypes[T]["content"]>>
}[keyof BlockTypes]

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
 * versions), then its `type` and the content under that key. The known types are the values of {@link BlockType};
 * any other `type` decodes with its content kept as sent.
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
// requests (contents declared in internal/blockRequest.ts and internal/blockTypes.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The content of each block type in a request, and how a request styles rich text (each documented where it is
 * declared).
 *
 * @since 0.1.0
 * @category models
 */
export type {
  AnnotationsRequest,
  CodeRequest,
  ColorRequest,
  LinkToPageRequest,
  MediaRequest,
  TableRowRequest,
  UrlRequest
} from "./internal/blockRequest.js"

/**
 * Rich text (`RichTextRequest`, `RichTextItemRequest`) and icons (`IconRequest`) as a request takes them.
 *
 * @since 0.1.0
 * @category schemas
 */
export { IconRequest, RichTextItemRequest, RichTextRequest } from "./internal/blockRequest.js"

/**
 * The content of the block types that hold `children` in a request (each documented where it is declared).
 *
 * @since 0.1.0
 * @category models
 */
export type {
  ColumnRequest,
  ContainerRequest,
  HeadingRequest,
  ParagraphRequest,
  SyncedBlockRequest,
  TableRequest,
  TemplateRequest,
  TextBlockRequest,
  ToDoRequest
} from "./internal/blockTypes.js"

/**
 * A block of type `T` with content `C` in a request: `type` may be left out (the content key decides).
 *
 * @since 0.1.0
 * @category models
 */
export type RequestWith<T extends string, C> =
  & { readonly type?: T | undefined; readonly object?: "block" | undefined }
  & { readonly [K in T]: C }

/**
 * A block to create: one member per {@link BlockType} a request can create, with that type's request content.
 *
 * @since 0.1.0
 * @category models
 */
export type BlockRequest = {
  readonly [T in keyof BlockTypes]: BlockTypes[T] extends Entry<any, infer R, boolean>
    ? [R] extends [never] ? never : RequestWith<T, R>
    : never
}[keyof BlockTypes]

/**
 * A block to create (`blocks.children.append`, `pages.create` `children`): `{ type?, <type>: content }` for every
 * block type a request can create (not the ones only Notion makes, such as `child_page` or `meeting_notes`). The
 * content key picks the type and `type`, when given, must agree; rich text is checked (`text.content` ≤ 2,000
 * characters, ≤ 100 items), and so are nested `children` (≤ 100 each).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlockRequest: Schema.Schema<BlockRequest> = blockRequest

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
