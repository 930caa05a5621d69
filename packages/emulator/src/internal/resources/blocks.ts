import type { BlockRecord } from "../content.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, isFailure, notFound, pageChanged, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { findPage } from "./pages.js"

/** A block the caller can see: a fixture block of a shared page, or one appended through the API. */
const findBlock = (ctx: Context & Api, id: string):
  | { readonly kind: "fixture"; readonly json: Record<string, unknown> }
  | { readonly kind: "created"; readonly record: BlockRecord }
  | undefined =>
{
  const fixture = ctx.store.blocks.get(id)
  if (fixture !== undefined) {
    return ctx.principal.canSee(fixture.pageId) ? { kind: "fixture", json: ctx.store.blockJson(id) } : undefined
  }
  const record = ctx.content.blocks.get(id)
  return record !== undefined && record.workspaceId === ctx.principal.workspaceId
    ? { kind: "created", record }
    : undefined
}

const children = (ctx: Context & Api) => {
  const id = ctx.params.id!
  const page = findPage(ctx, id)
  const block = page === undefined ? findBlock(ctx, id) : undefined
  if (page === undefined && block === undefined) return reply(ctx, notFound("block", id))
  const fixtureChildren = page?.kind === "fixture"
    ? (ctx.store.pages.get(id)?.children ?? []).map((c) => ctx.store.blockJson(c.id))
    : block?.kind === "fixture"
    ? (ctx.store.blocks.get(id)?.block.children ?? []).map((c) => ctx.store.blockJson(c.id))
    : []
  const appended = (ctx.content.children.get(id) ?? [])
    .map((childId) => ctx.content.blocks.get(childId)!)
    .filter((b) => !b.in_trash)
    .map((b) => ctx.content.blockJson(b))
  return reply(ctx, paginateQuery(ctx, [...fixtureChildren, ...appended], "block"))
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
  const records = ctx.content.append(id, page ? "page_id" : "block_id", body.children, stamp(ctx), at)
  if (isFailure(records)) return reply(ctx, records)
  if (position?.type === "start") {
    // move the new ones to the front
    const fresh = new Set(records.map((r) => r.id))
    ctx.content.children.set(id, [...records.map((r) => r.id), ...list.filter((c) => !fresh.has(c))])
  }
  const pageId = block?.kind === "fixture" ? ctx.store.blocks.get(id)!.pageId : ctx.content.pageOf(id)
  pageChanged(ctx, "page.content_updated", pageId, {
    updated_blocks: records.map((r) => ({ id: r.id, type: "block" }))
  })
  return reply(ctx, {
    object: "list",
    results: records.map((r) => ctx.content.blockJson(r)),
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
    found === undefined
      ? notFound("block", ctx.params.id!)
      : found.kind === "fixture"
      ? found.json
      : ctx.content.blockJson(found.record)
  )
}

const edit = (ctx: Context & Api, change: (record: BlockRecord, body: Record<string, unknown>) => void) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const found = findBlock(ctx, ctx.params.id!)
  if (found === undefined) return reply(ctx, notFound("block", ctx.params.id!))
  if (found.kind === "fixture") return reply(ctx, validation("The emulator's fixture blocks are read-only."))
  change(found.record, body)
  ctx.content.edited(found.record, stamp(ctx))
  pageChanged(ctx, "page.content_updated", ctx.content.pageOf(found.record.id), {
    updated_blocks: [{ id: found.record.id, type: "block" }]
  })
  return reply(ctx, ctx.content.blockJson(found.record))
}

/** `blocks.*`. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/blocks/{id}", retrieve),
  api("PATCH", "/v1/blocks/{id}", (ctx) =>
    edit(ctx, (record, body) => {
      const payload = body[record.type] as Record<string, unknown> | undefined
      if (payload !== undefined) record.payload = { ...record.payload, ...payload }
      if (typeof body.in_trash === "boolean") record.in_trash = body.in_trash
      else if (typeof body.archived === "boolean") record.in_trash = body.archived
    })),
  api("DELETE", "/v1/blocks/{id}", (ctx) =>
    edit(ctx, (record) => {
      record.in_trash = true
    })),
  api("GET", "/v1/blocks/{id}/children", children),
  api("PATCH", "/v1/blocks/{id}/children", append)
]
