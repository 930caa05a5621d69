import { markdownBlocks, type PageRecord } from "../content.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, filterProperties, isFailure, notFound, pageChanged, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { onlyProperties } from "../versions.js"

/** A page the caller can see: a fixture page (shared with it) or one created through the API. */
export const findPage = (ctx: Context & Api, id: string):
  | { readonly kind: "fixture"; readonly json: Record<string, unknown> }
  | { readonly kind: "created"; readonly record: PageRecord }
  | undefined =>
{
  const fixture = ctx.store.pages.get(id)
  if (fixture !== undefined) {
    return ctx.principal.canSee(fixture.id) ? { kind: "fixture", json: ctx.store.pageJson(fixture) } : undefined
  }
  const record = ctx.content.pages.get(id)
  return record !== undefined && record.workspaceId === ctx.principal.workspaceId
    ? { kind: "created", record }
    : undefined
}

const pageAnswer = (ctx: Context & Api, id: string) => {
  const found = findPage(ctx, id)
  if (found === undefined) return notFound("page", id)
  const json = found.kind === "fixture" ? found.json : ctx.content.pageJson(found.record)
  const wanted = filterProperties(ctx)
  return wanted.length === 0 ? json : { ...json, properties: onlyProperties(json.properties as never, wanted) }
}

const editable = (ctx: Context & Api) => {
  const found = findPage(ctx, ctx.params.id!)
  if (found === undefined) return notFound("page", ctx.params.id!)
  if (found.kind === "fixture") {
    return validation("The emulator's fixture pages are read-only; create a page to edit it.")
  }
  return found.record
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
  const time = stamp(ctx)
  const markdown = typeof body.markdown === "string" ? markdownBlocks(body.markdown) : undefined
  const created = ctx.content.createPage(markdown === undefined ? body : { ...body, children: markdown }, time)
  if (isFailure(created)) return reply(ctx, created)
  pageChanged(ctx, "page.created", created.id)
  if (body.allow_async === true && markdown !== undefined) {
    // Notion may answer 202 with a task to poll; the emulator's work is already done, so the task has succeeded
    const task = {
      object: "async_task",
      id: crypto.randomUUID(),
      status_url: "",
      created_time: time,
      operation: { surface: "pages", name: "create" },
      status: "succeeded",
      result: { page_id: created.id }
    }
    const queued = { ...task, status_url: `/v1/async_tasks/${task.id}`, status: "queued", result: undefined }
    ctx.content.tasks.set(task.id, { ...task, status_url: queued.status_url })
    return reply(ctx, queued, 202)
  }
  return reply(ctx, ctx.content.pageJson(created))
}

const update = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const record = editable(ctx)
  if (isFailure(record)) return reply(ctx, record)
  const { in_trash: trashed, is_locked: locked } = record
  const source = ctx.content.dataSources.get(String(record.parent.data_source_id))
  const template = ctx.content.templateOf(source, body.template)
  if (isFailure(template)) return reply(ctx, template)
  const time = stamp(ctx)
  // a template's values go under the given ones; its blocks are appended, or replace the content (`erase_content`)
  const given = template === undefined
    ? body
    : { ...body, properties: { ...template.properties, ...(body.properties as object | undefined) } }
  const updated = ctx.content.updatePage(record, given, time)
  if (isFailure(updated)) return reply(ctx, updated)
  if (template !== undefined || body.erase_content === true) {
    if (body.erase_content === true) ctx.content.eraseChildren(record.id)
    const appended = ctx.content.append(record.id, "page_id", template?.children ?? [], time)
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
  return reply(ctx, ctx.content.pageJson(updated))
}

const move = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const record = editable(ctx)
  if (isFailure(record)) return reply(ctx, record)
  const parent = body.parent as Record<string, unknown> | undefined
  if (typeof parent?.page_id === "string") {
    if (findPage(ctx, parent.page_id) === undefined) return reply(ctx, notFound("page", parent.page_id))
    record.parent = { type: "page_id", page_id: parent.page_id }
  } else if (typeof parent?.data_source_id === "string") {
    const source = ctx.content.dataSources.get(parent.data_source_id)
    if (source === undefined) return reply(ctx, notFound("data_source", parent.data_source_id))
    record.parent = { type: "data_source_id", data_source_id: source.id, database_id: source.databaseId }
  } else {
    return reply(ctx, validation("body.parent should have a page_id or a data_source_id."))
  }
  pageChanged(ctx, "page.moved", record.id)
  return reply(ctx, ctx.content.pageJson(record))
}

/** `pages.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/pages", create),
  api("GET", "/v1/pages/{id}", (ctx) => reply(ctx, pageAnswer(ctx, ctx.params.id!))),
  api("PATCH", "/v1/pages/{id}", update),
  api("POST", "/v1/pages/{id}/move", move)
]
