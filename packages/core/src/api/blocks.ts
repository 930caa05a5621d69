/**
 * `blocks.*` endpoints, with `blocks.children.*` and `blocks.meetingNotes.*`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { BlockOrPartial, Children } from "../Block.js"
import { type UpdatableType, updatableTypes } from "../internal/blockTypes.js"
import { endpoint } from "../internal/lazy.js"
import * as Versions from "../internal/versions.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"
import { extendEach, Id, JsonObject, Position } from "./shared.js"

/** The block kinds `blocks.update` takes (from the table of block types), each as its payload key. */
const payloads = Object.fromEntries(updatableTypes.map((kind) => [kind, Schema.optional(JsonObject)])) as {
  readonly [K in UpdatableType]: Schema.optional<typeof JsonObject>
}

/** `GET /v1/blocks/{block_id}`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "blocks.retrieve",
  method: "GET",
  path: "/v1/blocks/{block_id}",
  params: () => Schema.Struct({ block_id: Id }),
  success: () => BlockOrPartial
})

/** `PATCH /v1/blocks/{block_id}`: a block's content (under its type's key), or `in_trash`. @since 0.1.0 @category endpoints */
export const update = endpoint({
  name: "blocks.update",
  rule: Versions.trash,
  method: "PATCH",
  path: "/v1/blocks/{block_id}",
  body: "rest",
  params: () =>
    Schema.Struct({
      block_id: Id,
      type: Schema.optional(Schema.Literal(...updatableTypes)),
      in_trash: Schema.optional(Schema.Boolean),
      archived: Schema.optional(Schema.Boolean),
      ...payloads
    }),
  success: () => BlockOrPartial
})

/** `DELETE /v1/blocks/{block_id}`: moves the block to the trash. @since 0.1.0 @category endpoints */
export const del = endpoint({
  name: "blocks.delete",
  method: "DELETE",
  path: "/v1/blocks/{block_id}",
  params: () => Schema.Struct({ block_id: Id }),
  success: () => BlockOrPartial
})

/** `GET /v1/blocks/{block_id}/children`: one page of child blocks. @since 0.1.0 @category endpoints */
export const childrenList = endpoint({
  name: "blocks.children.list",
  method: "GET",
  path: "/v1/blocks/{block_id}/children",
  query: ["start_cursor", "page_size"],
  params: () => Schema.Struct({ block_id: Id, ...PaginationParams.fields }),
  success: () => List(BlockOrPartial, "block")
})

/**
 * `PATCH /v1/blocks/{block_id}/children`: appends up to 100 blocks, at the end or at `position`
 * (`after`, the older form, is still accepted).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const childrenAppend = endpoint({
  name: "blocks.children.append",
  rule: Versions.append,
  method: "PATCH",
  path: "/v1/blocks/{block_id}/children",
  body: ["children", "position", "after"],
  params: () =>
    Schema.Struct({
      block_id: Id,
      children: Children,
      position: Schema.optional(Position),
      after: Schema.optional(Id)
    }),
  success: () => List(BlockOrPartial, "block")
})

/**
 * What meeting notes are transcribed from: an uploaded recording (`file_upload`), placed on a page (`parent`), or
 * a block (`block`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MeetingNotesSource = Schema.Union(
  Schema.Struct({
    source: Schema.Struct({ type: Schema.Literal("file_upload"), file_upload_id: Id }),
    parent: Schema.Struct({ type: Schema.Literal("page_id"), page_id: Id })
  }),
  Schema.Struct({ source: Schema.Struct({ type: Schema.Literal("block"), block_id: Id }) })
)

/** `POST /v1/blocks/meeting_notes`: a meeting-notes block from a source. @since 0.1.0 @category endpoints */
export const meetingNotesCreate = endpoint({
  name: "blocks.meetingNotes.create",
  method: "POST",
  path: "/v1/blocks/meeting_notes",
  body: "rest",
  params: () =>
    extendEach(
      {
        title: Schema.optional(Schema.String),
        /** `auto`, `en`, `fr`, `ja`, … */
        language: Schema.optional(Schema.String),
        options: Schema.optional(Schema.Struct({ kickoff_summary: Schema.optional(Schema.Boolean) }))
      },
      MeetingNotesSource.members
    ),
  success: () => BlockOrPartial
})

/**
 * The answer of `blocks.meetingNotes.query`: `results` and `has_more` (no cursor).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MeetingNotesQueryResult = Schema.Struct({
  results: Schema.Array(BlockOrPartial),
  has_more: Schema.Boolean,
  request_id: Schema.optional(Schema.String)
})

/**
 * One sort key of `blocks.meetingNotes.query` (its `sort` is a list of them, the first key first).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MeetingNotesSort = Schema.Struct({
  property: Schema.Literal("title", "attendees", "created_time", "created_by", "last_edited_time", "last_edited_by"),
  direction: Schema.Literal("ascending", "descending")
})

/** `POST /v1/blocks/meeting_notes/query`: meeting notes matching a filter, up to `limit`. @since 0.1.0 @category endpoints */
export const meetingNotesQuery = endpoint({
  name: "blocks.meetingNotes.query",
  method: "POST",
  path: "/v1/blocks/meeting_notes/query",
  body: "rest",
  params: () =>
    Schema.Struct({
      filter: Schema.optional(JsonObject),
      sort: Schema.optional(Schema.Array(MeetingNotesSort)),
      limit: Schema.optional(Schema.Int.pipe(Schema.between(1, 100)))
    }),
  success: () => MeetingNotesQueryResult
})
