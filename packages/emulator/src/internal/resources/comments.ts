import type { CommentRecord } from "../content.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"

const find = (ctx: Context & Api) => ctx.content.comments.get(ctx.params.id!)

/** Reports a change to a comment: `data` names its page and its parent (the page, or a block of it). */
const commentChanged = (ctx: Context & Api, type: string, comment: CommentRecord) => {
  const onBlock = comment.parent.block_id !== undefined
  const parentId = String(onBlock ? comment.parent.block_id : comment.parent.page_id)
  const blockPage = ctx.store.blocks.get(parentId)?.pageId ?? ctx.content.pageOf(parentId)
  changed(ctx, type, { id: comment.id, type: "comment" }, {
    page_id: onBlock ? blockPage : parentId,
    parent: { id: parentId, type: onBlock ? "block" : "page" }
  })
}

const create = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  if ((body.rich_text === undefined) === (body.markdown === undefined)) {
    return reply(ctx, validation("Give exactly one of body.rich_text and body.markdown."))
  }
  const created = ctx.content.createComment(
    body,
    (discussion) => [...ctx.content.comments.values()].find((c) => c.discussion_id === discussion)?.parent,
    stamp(ctx)
  )
  if (isFailure(created)) return reply(ctx, created)
  commentChanged(ctx, "comment.created", created)
  return reply(ctx, ctx.content.commentJson(created))
}

/** `comments.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/comments", create),
  api("GET", "/v1/comments", (ctx) => {
    const blockId = ctx.url.searchParams.get("block_id")
    if (blockId === null) return reply(ctx, validation("block_id should be defined."))
    const comments = [...ctx.content.comments.values()]
      .filter((c) => c.parent.page_id === blockId || c.parent.block_id === blockId)
      .map((c) => ctx.content.commentJson(c))
    return reply(ctx, paginateQuery(ctx, comments, "comment"))
  }),
  api("GET", "/v1/comments/{id}", (ctx) => {
    const comment = find(ctx)
    return reply(ctx, comment === undefined ? notFound("comment", ctx.params.id!) : ctx.content.commentJson(comment))
  }),
  api("PATCH", "/v1/comments/{id}", (ctx) => {
    const body = bodyOf(ctx)
    const comment = find(ctx)
    if (isFailure(body)) return reply(ctx, body)
    if (comment === undefined) return reply(ctx, notFound("comment", ctx.params.id!))
    const updated = ctx.content.createComment(
      { ...body, parent: comment.parent },
      () => undefined,
      stamp(ctx)
    )
    if (isFailure(updated)) return reply(ctx, updated)
    ctx.content.comments.delete(updated.id)
    comment.rich_text = updated.rich_text
    comment.last_edited_time = updated.last_edited_time
    commentChanged(ctx, "comment.updated", comment)
    return reply(ctx, ctx.content.commentJson(comment))
  }),
  api("DELETE", "/v1/comments/{id}", (ctx) => {
    const comment = find(ctx)
    if (comment === undefined) return reply(ctx, notFound("comment", ctx.params.id!))
    ctx.content.comments.delete(comment.id)
    commentChanged(ctx, "comment.deleted", comment)
    return reply(ctx, ctx.content.commentJson(comment))
  })
]
