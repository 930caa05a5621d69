/**
 * Shapes shared by pages, blocks, data sources and property values: colors, parents, files, icons, covers, dates
 * and user references. Unions on `type` are open (see `OpenUnion`): a `type` Notion adds later decodes to an
 * unknown member that keeps the raw JSON.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as Json from "./internal/jsonObject.js"
import * as OpenUnion from "./OpenUnion.js"
import { PartialUser, User } from "./User.js"

// ---------------------------------------------------------------------------------------------------------------
// colors
// ---------------------------------------------------------------------------------------------------------------

/**
 * The colors Notion documents for text and blocks (`ApiColor`): foreground and `*_background` variants.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownColor = Schema.Literal(
  "default",
  "gray",
  "brown",
  "orange",
  "yellow",
  "green",
  "blue",
  "purple",
  "pink",
  "red",
  "default_background",
  "gray_background",
  "brown_background",
  "orange_background",
  "yellow_background",
  "green_background",
  "blue_background",
  "purple_background",
  "pink_background",
  "red_background"
)

/**
 * A documented color.
 *
 * @since 0.1.0
 * @category models
 */
export type KnownColor = typeof KnownColor.Type

/**
 * A color as found in responses: any string, so a color Notion adds later (`lightgray` on icons, …) still decodes.
 * {@link KnownColor} lists the documented ones.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Color = Schema.String.annotations({ identifier: "Color" })

/**
 * A color as found in responses.
 *
 * @since 0.1.0
 * @category models
 */
export type Color = typeof Color.Type

// ---------------------------------------------------------------------------------------------------------------
// open objects
// ---------------------------------------------------------------------------------------------------------------

/**
 * Any JSON object: for payloads Notion sends as `{}` today (`button`, property configurations without settings,
 * …), so fields added later still decode, and for request members Notion checks itself. (Not
 * `Schema.Struct({})`, which also accepts strings and numbers.)
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonObject: typeof Json.JsonObject = Json.JsonObject

/**
 * Any JSON object (a payload Notion sends as `{}` today).
 *
 * @since 0.1.0
 * @category models
 */
export type JsonObject = typeof JsonObject.Type

/**
 * The former name of {@link JsonObject}: any object, not only `{}`.
 *
 * @deprecated Use {@link JsonObject}.
 * @since 0.1.0
 * @category schemas
 */
export const EmptyObject = JsonObject

/**
 * The former name of {@link JsonObject}.
 *
 * @deprecated Use {@link JsonObject}.
 * @since 0.1.0
 * @category models
 */
export type EmptyObject = JsonObject

// ---------------------------------------------------------------------------------------------------------------
// users
// ---------------------------------------------------------------------------------------------------------------

/**
 * A group of people, as found in `people` values.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Group = Schema.Struct({
  object: Schema.Literal("group"),
  id: Schema.String,
  name: Schema.optional(Schema.NullOr(Schema.String))
})

/**
 * A group of people.
 *
 * @since 0.1.0
 * @category models
 */
export type Group = typeof Group.Type

/**
 * A user as referenced from a value (mentions, `people`, `created_by`): a full user, or a partial one
 * (`{ object: "user", id }`) when the integration cannot see more, or its type is one we do not know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserValue = Schema.Union(User, PartialUser).annotations({ identifier: "UserValue" })

/**
 * A user as referenced from a value.
 *
 * @since 0.1.0
 * @category models
 */
export type UserValue = typeof UserValue.Type

// ---------------------------------------------------------------------------------------------------------------
// dates
// ---------------------------------------------------------------------------------------------------------------

/**
 * A date or date range: ISO 8601 `start`, optional `end`, and an IANA `time_zone` (null when the times carry
 * their offset).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateValue = Schema.Struct({
  start: Schema.String,
  end: Schema.NullOr(Schema.String),
  time_zone: Schema.optional(Schema.NullOr(Schema.String))
}).annotations({ identifier: "DateValue" })

/**
 * A date or date range.
 *
 * @since 0.1.0
 * @category models
 */
export type DateValue = typeof DateValue.Type

// ---------------------------------------------------------------------------------------------------------------
// parents
// ---------------------------------------------------------------------------------------------------------------

const ParentUnion = OpenUnion.make({
  tag: "type",
  identifier: "Parent",
  fields: {},
  members: [
    Schema.Struct({ type: Schema.Literal("page_id"), page_id: Schema.String }),
    Schema.Struct({ type: Schema.Literal("database_id"), database_id: Schema.String }),
    Schema.Struct({
      type: Schema.Literal("data_source_id"),
      data_source_id: Schema.String,
      database_id: Schema.optional(Schema.String)
    }),
    Schema.Struct({ type: Schema.Literal("block_id"), block_id: Schema.String }),
    Schema.Struct({ type: Schema.Literal("workspace"), workspace: Schema.Boolean }),
    Schema.Struct({ type: Schema.Literal("agent_id"), agent_id: Schema.String })
  ]
})

/**
 * Where an object lives: `{ type: "page_id", page_id }`, `{ type: "database_id", database_id }`,
 * `{ type: "data_source_id", data_source_id, database_id }`, `{ type: "block_id", block_id }`,
 * `{ type: "workspace", workspace: true }`, `{ type: "agent_id", agent_id }`, or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Parent: Schema.Schema<Parent> = ParentUnion.schema

/**
 * Where an object lives.
 *
 * @since 0.1.0
 * @category models
 */
export type Parent = typeof ParentUnion.known.Type | typeof ParentUnion.unknown.Type

/**
 * The parents we know (no unknown member).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParentKnown: Schema.Schema<ParentKnown> = ParentUnion.known

/**
 * A parent we know.
 *
 * @since 0.1.0
 * @category models
 */
export type ParentKnown = typeof ParentUnion.known.Type

/**
 * Whether a parent is one we know (then `switch (parent.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownParent = (parent: Parent): parent is ParentKnown => OpenUnion.isKnown(ParentUnion, parent)

// ---------------------------------------------------------------------------------------------------------------
// files
// ---------------------------------------------------------------------------------------------------------------

/**
 * A file hosted by Notion: `url` is signed and stops working at `expiry_time` (about an hour): re-fetch the
 * object to get a fresh one.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HostedFile = Schema.Struct({ url: Schema.String, expiry_time: Schema.String })

/**
 * An external file: a URL Notion does not host.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExternalFile = Schema.Struct({ url: Schema.String })

/**
 * A reference to a file upload (`fileUploads.create`), as sent in requests.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileUploadRef = Schema.Struct({ id: Schema.String })

/**
 * The members of a file union with the given common fields: hosted `file`, `external` and `file_upload`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fileMembers = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  [
    Schema.Struct({ ...fields, type: Schema.Literal("file"), file: HostedFile }),
    Schema.Struct({ ...fields, type: Schema.Literal("external"), external: ExternalFile }),
    Schema.Struct({ ...fields, type: Schema.Literal("file_upload"), file_upload: FileUploadRef })
  ] as const

const FileUnion = OpenUnion.make({ tag: "type", identifier: "FileObject", fields: {}, members: fileMembers({}) })

/**
 * A file: `{ type: "file", file: { url, expiry_time } }` (hosted by Notion), `{ type: "external", external: { url } }`,
 * `{ type: "file_upload", file_upload: { id } }`, or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileObject: Schema.Schema<FileObject> = FileUnion.schema

/**
 * A file.
 *
 * @since 0.1.0
 * @category models
 */
export type FileObject = typeof FileUnion.known.Type | typeof FileUnion.unknown.Type

/**
 * The file kinds we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileObjectKnown: Schema.Schema<FileObjectKnown> = FileUnion.known

/**
 * A file kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type FileObjectKnown = typeof FileUnion.known.Type

/**
 * Whether a file is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownFileObject = (file: FileObject): file is FileObjectKnown => OpenUnion.isKnown(FileUnion, file)

/**
 * A page or data source cover: a {@link FileObject}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Cover = FileObject

/**
 * A cover.
 *
 * @since 0.1.0
 * @category models
 */
export type Cover = typeof Cover.Type

// ---------------------------------------------------------------------------------------------------------------
// icons
// ---------------------------------------------------------------------------------------------------------------

/**
 * A custom emoji as an icon or a mention refers to it: its `id`, and its `name` and `url` when Notion includes them
 * (the full object, from `customEmojis.list`, is `CustomEmoji.CustomEmoji`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomEmojiReference = Schema.Struct({
  id: Schema.String,
  name: Schema.optional(Schema.String),
  url: Schema.optional(Schema.String)
})

/**
 * A custom emoji as an icon or a mention refers to it.
 *
 * @since 0.1.0
 * @category models
 */
export type CustomEmojiReference = typeof CustomEmojiReference.Type

const IconUnion = OpenUnion.make({
  tag: "type",
  identifier: "Icon",
  fields: {},
  members: [
    Schema.Struct({ type: Schema.Literal("emoji"), emoji: Schema.String }),
    ...fileMembers({}),
    Schema.Struct({ type: Schema.Literal("custom_emoji"), custom_emoji: CustomEmojiReference }),
    Schema.Struct({ type: Schema.Literal("icon"), icon: Schema.Struct({ name: Schema.String, color: Color }) })
  ]
})

/**
 * A page, block or data source icon: `emoji`, `external`, `file`, `custom_emoji`, `icon` (a Notion icon
 * `{ name, color }`), `file_upload` (requests), or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Icon: Schema.Schema<Icon> = IconUnion.schema

/**
 * An icon.
 *
 * @since 0.1.0
 * @category models
 */
export type Icon = typeof IconUnion.known.Type | typeof IconUnion.unknown.Type

/**
 * The icon kinds we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IconKnown: Schema.Schema<IconKnown> = IconUnion.known

/**
 * An icon kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type IconKnown = typeof IconUnion.known.Type

/**
 * Whether an icon is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownIcon = (icon: Icon): icon is IconKnown => OpenUnion.isKnown(IconUnion, icon)

// ---------------------------------------------------------------------------------------------------------------
// trash
// ---------------------------------------------------------------------------------------------------------------

/**
 * What {@link isInTrash} reads: `in_trash`, and `archived` (its name before API version `2026-03-11`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Trashable {
  readonly object: string
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
}

/**
 * Whether a page, database, data source or block is in the trash, on every API version: `in_trash` (always sent
 * from `2026-03-11`, and beside `archived` before), else `archived`, else `false` (a partial object carries neither).
 *
 * @since 0.1.0
 * @category utils
 */
export const isInTrash = (object: Trashable): boolean => object.in_trash ?? object.archived ?? false
