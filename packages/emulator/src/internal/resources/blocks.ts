import * as Blocks from "../content/blocks.js"
import { blockJson } from "../content/render.js"
import type { BlockRecord, Json, Stamp } from "../content/store.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, isFailure, notFound, pageChanged, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { findPage } from "./pages.js"

/** A block the caller can see: a fixture block of a page it sees, or one appended in its workspace. */
const findBlock = (ctx: Context & Api, id: string): BlockRecord | undefined => {
  const block = ctx.content.blocks.get(id)
  if (block === undefined) return undefined
  if (!block.readOnly) return block.workspaceId === ctx.principal.workspaceId ? block : undefined
  return ctx.principal.canSee(ctx.content.pageOf(id)) ? block : undefined
}

const children = (ctx: Context & Api) => {
  const id = ctx.params.id!
  const page = findPage(ctx, id)
  const block = page === undefined ? findBlock(ctx, id) : undefined
  if (page === undefined && block === undefined) return reply(ctx, notFound("block", id))
  const listed = ctx.content.childrenOf(id).map((b) => blockJson(ctx.content, b))
  return reply(ctx, paginateQuery(ctx, listed, "block"))
}

const append = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const id = ctx.params.id!
  const page = findPage(ctx, id)
  const block = page === undefined ? findBlock(ctx, id) : undefined
  if (page === undefined && block === undefined) return reply(ctx, notFound("block", id))
  if (!Array.isArray(body.children)) return reply(ctx, validation("body.children should be an array."))
  const position = body.position as Record<string, unknown> | undefined
  const after = (position?.type === "after_block"
    ? (position.after_block as Record<string, unknown>).id
    : body.after) as string | undefined
  const list = ctx.content.children.get(id) ?? []
  const at = position?.type === "start" ? undefined : after
  const records = Blocks.append(ctx.content, id, page ? "page_id" : "block_id", body.children, stamp(ctx), at)
  if (isFailure(records)) return reply(ctx, records)
  if (position?.type === "start") {
    // move the new ones to the front
    const fresh = new Set(records.map((r) => r.id))
    ctx.content.children.set(id, [...records.map((r) => r.id), ...list.filter((c) => !fresh.has(c))])
  }
  pageChanged(ctx, "page.content_updated", ctx.content.pageOf(id), {
    updated_blocks: records.map((r) => ({ id: r.id, type: "block" }))
  })
  return reply(ctx, {
    object: "list",
    results: records.map((r) => blockJson(ctx.content, r)),
    next_cursor: null,
    has_more: false,
    type: "block",
    block: {}
  })
}

const retrieve = (ctx: Context & Api) => {
  const found = findBlock(ctx, ctx.params.id!)
  return reply(
    ctx,
    found === undefined ? notFound("block", ctx.params.id!) : blockJson(ctx.content, found)
  )
}

const edit = (ctx: Context & Api, change: (record: BlockRecord, body: Json, stamp: Stamp) => void) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const found = findBlock(ctx, ctx.params.id!)
  if (found === undefined) return reply(ctx, notFound("block", ctx.params.id!))
  if (found.readOnly) return reply(ctx, validation("The emulator's fixture blocks are read-only."))
  change(found, body, stamp(ctx))
  pageChanged(ctx, "page.content_updated", ctx.content.pageOf(found.id), {
    updated_blocks: [{ id: found.id, type: "block" }]
  })
  return reply(ctx, blockJson(ctx.content, found))
}

/** `blocks.*`. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/blocks/{id}", retrieve),
  api("PATCH", "/v1/blocks/{id}", (ctx) => edit(ctx, Blocks.update)),
  api("DELETE", "/v1/blocks/{id}", (ctx) => edit(ctx, Blocks.trash)),
  api("GET", "/v1/blocks/{id}/children", children),
  api("PATCH", "/v1/blocks/{id}/children", append)
]
