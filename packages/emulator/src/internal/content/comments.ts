/** Comments' rules: a comment starts a discussion on a page or block, or replies in one; its text can change. */
import { type Failure, isFailure, validation } from "../store.js"
import { richText, richTextOf } from "./render.js"
import { audit, type CommentRecord, type ContentStore, type Json, type Stamp } from "./store.js"

/** A comment record from a request body, on `parent` (not stored). */
const commentOf = (body: Json, parent: Json | undefined, stamp: Stamp): CommentRecord | Failure => {
  if (parent === undefined) return validation("body.parent or body.discussion_id should be defined.")
  return {
    id: crypto.randomUUID(),
    parent: parent.block_id !== undefined
      ? { type: "block_id", block_id: parent.block_id }
      : { type: "page_id", page_id: parent.page_id },
    discussion_id: (body.discussion_id as string | undefined) ?? crypto.randomUUID(),
    rich_text: body.markdown !== undefined ? [richText(String(body.markdown))] : richTextOf(body.rich_text),
    ...audit(stamp)
  }
}

/** Creates a comment as `stamp.actor`: on `body.parent`, or in the discussion `body.discussion_id`. */
export const create = (store: ContentStore, body: Json, stamp: Stamp): CommentRecord | Failure => {
  const discussion = body.discussion_id as string | undefined
  const parent = discussion === undefined
    ? (body.parent as Json | undefined)
    : [...store.comments.values()].find((c) => c.discussion_id === discussion)?.parent
  const record = commentOf(body, parent, stamp)
  if (!isFailure(record)) store.comments.set(record.id, record)
  return record
}

/** Replaces a comment's text (`rich_text` or `markdown`); its `last_edited_time` is the stamp's. */
export const update = (comment: CommentRecord, body: Json, stamp: Stamp): CommentRecord | Failure => {
  const parent = body.discussion_id === undefined ? comment.parent : undefined
  const changed = commentOf(body, parent, stamp)
  if (isFailure(changed)) return changed
  comment.rich_text = changed.rich_text
  comment.last_edited_time = changed.last_edited_time
  return comment
}
