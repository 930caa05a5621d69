import * as Comments from "../content/comments.js"
import { commentJson } from "../content/render.js"
import type { CommentRecord } from "../content/store.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"

const find = (ctx: Context & Api) => ctx.content.comments.get(ctx.params.id!)

/** Reports a change to a comment: `data` names its page and its parent (the page, or a block of it). */
const commentChanged = (ctx: Context & Api, type: string, comment: CommentRecord) => {
  const onBlock = comment.parent.block_id !== undefined
  const parentId = String(onBlock ? comment.parent.block_id : comment.parent.page_id)
  const blockPage = ctx.content.pageOf(parentId)
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
  const created = Comments.create(ctx.content, body, stamp(ctx))
  if (isFailure(created)) return reply(ctx, created)
  commentChanged(ctx, "comment.created", created)
  return reply(ctx, commentJson(created))
}

/** `comments.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/comments", create),
  api("GET", "/v1/comments", (ctx) => {
    const blockId = ctx.url.searchParams.get("block_id")
    if (blockId === null) return reply(ctx, validation("block_id should be defined."))
    const comments = [...ctx.content.comments.values()]
      .filter((c) => c.parent.page_id === blockId || c.parent.block_id === blockId)
      .map((c) => commentJson(c))
    return reply(ctx, paginateQuery(ctx, comments, "comment"))
  }),
  api("GET", "/v1/comments/{id}", (ctx) => {
    const comment = find(ctx)
    return reply(ctx, comment === undefined ? notFound("comment", ctx.params.id!) : commentJson(comment))
  }),
  api("PATCH", "/v1/comments/{id}", (ctx) => {
    const body = bodyOf(ctx)
    const comment = find(ctx)
    if (isFailure(body)) return reply(ctx, body)
    if (comment === undefined) return reply(ctx, notFound("comment", ctx.params.id!))
    const updated = Comments.update(comment, body, stamp(ctx))
    if (isFailure(updated)) return reply(ctx, updated)
    commentChanged(ctx, "comment.updated", comment)
    return reply(ctx, commentJson(comment))
  }),
  api("DELETE", "/v1/comments/{id}", (ctx) => {
    const comment = find(ctx)
    if (comment === undefined) return reply(ctx, notFound("comment", ctx.params.id!))
    ctx.content.comments.delete(comment.id)
    commentChanged(ctx, "comment.deleted", comment)
    return reply(ctx, commentJson(comment))
  })
]
