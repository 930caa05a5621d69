import { append } from "../content/blocks.js"
import { blockJson, richText } from "../content/render.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, isFailure, notFound, pageChanged, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { findPage } from "./pages.js"

const SORTABLE = new Set(["title", "created_time", "last_edited_time"])

/** Where the meeting notes go: a page (a `file_upload` source, uploaded) or after a created block (a `block` source). */
const placeOf = (ctx: Context & Api, body: Record<string, unknown>) => {
  const source = body.source as Record<string, unknown> | undefined
  if (source?.type === "file_upload") {
    const upload = ctx.content.uploads.get(String(source.file_upload_id))
    if (upload === undefined || upload.status !== "uploaded") {
      return validation(`File upload ${String(source.file_upload_id)} is not uploaded, or does not exist.`)
    }
    const parent = body.parent as Record<string, unknown> | undefined
    if (typeof parent?.page_id !== "string") return validation("body.parent.page_id should be defined.")
    if (findPage(ctx, parent.page_id) === undefined) return notFound("page", parent.page_id)
    return { parentId: parent.page_id, parentType: "page_id" as const, after: undefined }
  }
  if (source?.type === "block") {
    if (body.parent !== undefined) return validation("body.parent should not be given with a block source.")
    const block = ctx.content.blocks.get(String(source.block_id))
    if (block === undefined || block.readOnly || block.workspaceId !== ctx.principal.workspaceId) {
      return notFound("block", String(source.block_id))
    }
    const parentType = block.parent.type === "block_id" ? "block_id" as const : "page_id" as const
    return { parentId: String(block.parent[parentType]), parentType, after: block.id }
  }
  return validation("body.source.type should be `file_upload` or `block`.")
}

/**
 * `blocks.meetingNotes.create`: the recording is transcribed at once — a `meeting_notes` block with status
 * `notes_ready` and three children (summary, notes, transcript).
 */
const create = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const place = placeOf(ctx, body)
  if (isFailure(place)) return reply(ctx, place)
  const now = stamp(ctx)
  const payload = {
    title: [richText(typeof body.title === "string" ? body.title : "Meeting notes")],
    status: "notes_ready",
    recording: { start_time: now.time, end_time: now.time }
  }
  const created = append(ctx.content, place.parentId, place.parentType, [{ meeting_notes: payload }], now, place.after)
  if (isFailure(created)) return reply(ctx, created)
  const meeting = created[0]!
  const parts = append(
    ctx.content,
    meeting.id,
    "block_id",
    ["Summary", "Notes", "Transcript"].map((text) => ({ paragraph: { rich_text: [{ text: { content: text } }] } })),
    now
  )
  if (isFailure(parts)) return reply(ctx, parts)
  const [summary, notes, transcript] = parts.map((part) => part.id)
  meeting.payload = {
    ...meeting.payload,
    children: { summary_block_id: summary, notes_block_id: notes, transcript_block_id: transcript }
  }
  pageChanged(ctx, "page.content_updated", ctx.content.pageOf(meeting.id), {
    updated_blocks: [{ id: meeting.id, type: "block" }]
  })
  return reply(ctx, blockJson(ctx.content, meeting))
}

/** `blocks.meetingNotes.query`: the caller's meeting notes, sorted, up to `limit`; filters are not evaluated. */
const query = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  if (body.filter !== undefined) {
    return reply(ctx, validation("The emulator does not evaluate meeting-notes filters; query without body.filter."))
  }
  const sorts = (body.sort ?? []) as ReadonlyArray<Record<string, unknown>>
  if (!Array.isArray(sorts) || sorts.some((s) => !SORTABLE.has(String(s.property)))) {
    return reply(ctx, validation("body.sort should list { property: title | created_time | last_edited_time, … }."))
  }
  const limit = body.limit === undefined ? 100 : Number(body.limit)
  const key = (block: Record<string, unknown>, property: string) =>
    property === "title"
      ? String(((block.meeting_notes as Record<string, unknown>).title as Array<{ plain_text: string }>)[0]?.plain_text)
      : String(block[property])
  const meetings = [...ctx.content.blocks.values()]
    .filter((b) => b.type === "meeting_notes" && !b.in_trash && b.workspaceId === ctx.principal.workspaceId)
    .map((b) => blockJson(ctx.content, b))
    .sort((a, b) => {
      for (const sort of sorts) {
        const order = key(a, String(sort.property)).localeCompare(key(b, String(sort.property)))
        if (order !== 0) return sort.direction === "descending" ? -order : order
      }
      return 0
    })
  return reply(ctx, { results: meetings.slice(0, limit), has_more: meetings.length > limit })
}

/** `blocks.meetingNotes.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/blocks/meeting_notes", create),
  api("POST", "/v1/blocks/meeting_notes/query", query)
]
