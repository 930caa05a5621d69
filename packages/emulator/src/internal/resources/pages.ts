import { append, eraseChildren } from "../content/blocks.js"
import { markdownBlocks } from "../content/markdown.js"
import * as Pages from "../content/pages.js"
import { pageJson } from "../content/render.js"
import type { PageRecord } from "../content/store.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, filterProperties, isFailure, notFound, pageChanged, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { onlyProperties } from "../versions.js"

/**
 * Whether the caller sees a page: a fixture page when it is shared with the caller (or under one that is), a page
 * created through the API when it is in the caller's workspace.
 */
export const visible = (ctx: Context & Api, page: PageRecord): boolean =>
  page.readOnly ? ctx.principal.canSee(page.id) : page.workspaceId === ctx.principal.workspaceId

/** A page the caller can see. */
export const findPage = (ctx: Context & Api, id: string): PageRecord | undefined => {
  const page = ctx.content.pages.get(id)
  return page !== undefined && visible(ctx, page) ? page : undefined
}

const pageAnswer = (ctx: Context & Api, id: string) => {
  const found = findPage(ctx, id)
  if (found === undefined) return notFound("page", id)
  const json = pageJson(ctx.content, found)
  const wanted = filterProperties(ctx)
  return wanted.length === 0 ? json : { ...json, properties: onlyProperties(json.properties as never, wanted) }
}

const editable = (ctx: Context & Api) => {
  const found = findPage(ctx, ctx.params.id!)
  if (found === undefined) return notFound("page", ctx.params.id!)
  if (found.readOnly) return validation("The emulator's fixture pages are read-only; create a page to edit it.")
  return found
}

const create = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const parent = body.parent as Record<string, unknown> | undefined
  if (typeof parent?.page_id === "string" && findPage(ctx, parent.page_id) === undefined) {
    return reply(ctx, notFound("page", parent.page_id))
  }
  if (body.markdown !== undefined && (body.children !== undefined || body.content !== undefined)) {
    return reply(ctx, validation("body.markdown cannot be combined with body.children or body.content."))
  }
  const now = stamp(ctx)
  const markdown = typeof body.markdown === "string" ? markdownBlocks(body.markdown) : undefined
  const created = Pages.create(ctx.content, markdown === undefined ? body : { ...body, children: markdown }, now)
  if (isFailure(created)) return reply(ctx, created)
  pageChanged(ctx, "page.created", created.id)
  if (body.allow_async === true && markdown !== undefined) {
    // Notion may answer 202 with a task to poll; the emulator's work is already done, so the task has succeeded
    const task = {
      object: "async_task",
      id: crypto.randomUUID(),
      status_url: "",
      created_time: now.time,
      operation: { surface: "pages", name: "create" },
      status: "succeeded",
      result: { page_id: created.id }
    }
    const queued = { ...task, status_url: `/v1/async_tasks/${task.id}`, status: "queued", result: undefined }
    ctx.content.tasks.set(task.id, { ...task, status_url: queued.status_url })
    return reply(ctx, queued, 202)
  }
  return reply(ctx, pageJson(ctx.content, created))
}

const update = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const record = editable(ctx)
  if (isFailure(record)) return reply(ctx, record)
  const { in_trash: trashed, is_locked: locked } = record
  const source = ctx.content.dataSources.get(String(record.parent.data_source_id))
  const template = Pages.templateOf(source, body.template)
  if (isFailure(template)) return reply(ctx, template)
  const now = stamp(ctx)
  // a template's values go under the given ones; its blocks are appended, or replace the content (`erase_content`)
  const given = template === undefined
    ? body
    : { ...body, properties: { ...template.properties, ...(body.properties as object | undefined) } }
  const updated = Pages.update(ctx.content, record, given, now)
  if (isFailure(updated)) return reply(ctx, updated)
  if (template !== undefined || body.erase_content === true) {
    if (body.erase_content === true) eraseChildren(ctx.content, record.id)
    const appended = append(ctx.content, record.id, "page_id", template?.children ?? [], now)
    if (isFailure(appended)) return reply(ctx, appended)
    pageChanged(ctx, "page.content_updated", record.id, {
      updated_blocks: appended.map((b) => ({ id: b.id, type: "block" }))
    })
  }
  if (typeof given.properties === "object" && given.properties !== null && Object.keys(given.properties).length > 0) {
    const ids = Object.keys(given.properties).map((key) =>
      String((updated.properties[key] ?? Object.values(updated.properties).find((v) => v.id === key))?.id ?? key)
    )
    pageChanged(ctx, "page.properties_updated", updated.id, { updated_properties: ids })
  }
  if (updated.in_trash !== trashed) pageChanged(ctx, updated.in_trash ? "page.deleted" : "page.undeleted", updated.id)
  if (updated.is_locked !== locked) pageChanged(ctx, updated.is_locked ? "page.locked" : "page.unlocked", updated.id)
  return reply(ctx, pageJson(ctx.content, updated))
}

const move = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const record = editable(ctx)
  if (isFailure(record)) return reply(ctx, record)
  const parent = body.parent as Record<string, unknown> | undefined
  if (typeof parent?.page_id === "string" && findPage(ctx, parent.page_id) === undefined) {
    return reply(ctx, notFound("page", parent.page_id))
  }
  const moved = Pages.move(ctx.content, record, parent)
  if (isFailure(moved)) return reply(ctx, moved)
  pageChanged(ctx, "page.moved", moved.id)
  return reply(ctx, pageJson(ctx.content, moved))
}

/** `pages.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/pages", create),
  api("GET", "/v1/pages/{id}", (ctx) => reply(ctx, pageAnswer(ctx, ctx.params.id!))),
  api("PATCH", "/v1/pages/{id}", update),
  api("POST", "/v1/pages/{id}/move", move)
]
