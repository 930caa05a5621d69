import { eventParent } from "../changes.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, paginate, paginateQuery, reply, stamp } from "../handler.js"
import { run } from "../query.js"
import { validation } from "../store.js"

const VIEW_TYPES = ["table", "board", "list", "calendar", "timeline", "gallery", "form", "chart", "map", "dashboard"]
/** A view query's cache lives 15 minutes and holds up to 10,000 rows. */
const QUERY_TTL = 15 * 60_000
const QUERY_CAP = 10_000

const find = (ctx: Context & Api) => ctx.content.views.get(ctx.params.id!)

/** Reports a change to a view: its event's `data` has the view's parent (its database) and `extra`. */
const viewChanged = (ctx: Context & Api, type: string, view: Record<string, unknown>, extra = {}) =>
  changed(ctx, type, { id: String(view.id), type: "view" }, {
    parent: eventParent(view.parent as Record<string, unknown>, ctx.principal.workspaceId),
    ...extra
  })

const create = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const source = ctx.content.dataSources.get(String(body.data_source_id))
  if (source === undefined) return reply(ctx, notFound("data_source", String(body.data_source_id)))
  if (typeof body.name !== "string") return reply(ctx, validation("body.name should be a string."))
  if (!VIEW_TYPES.includes(String(body.type))) return reply(ctx, validation("body.type should be a view type."))
  const time = stamp(ctx)
  const view = {
    object: "view",
    id: crypto.randomUUID(),
    parent: { type: "database_id", database_id: (body.database_id as string | undefined) ?? source.databaseId },
    name: body.name,
    type: body.type,
    data_source_id: source.id,
    created_time: time,
    last_edited_time: time,
    url: `https://www.notion.so/${source.databaseId.replace(/-/g, "")}?v=${crypto.randomUUID().replace(/-/g, "")}`,
    filter: body.filter ?? null,
    sorts: body.sorts ?? null,
    quick_filters: body.quick_filters ?? null,
    configuration: body.configuration ?? null
  }
  ctx.content.views.set(view.id, view)
  viewChanged(ctx, "view.created", view, { view_type: view.type })
  return reply(ctx, view)
}

const queryCreate = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const view = find(ctx)
  if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
  const source = ctx.content.dataSources.get(String(view.data_source_id))!
  const rows = run(
    ctx.content.rowsOf(source),
    source,
    (view.filter ?? undefined) as Record<string, unknown> | undefined,
    (view.sorts ?? undefined) as ReadonlyArray<Record<string, unknown>> | undefined,
    { now: ctx.now, valuesOf: (page) => ctx.content.values(page) }
  )
  if (isFailure(rows)) return reply(ctx, rows)
  const id = crypto.randomUUID()
  const ids = rows.slice(0, QUERY_CAP).map((r) => r.id)
  const expires = ctx.now + QUERY_TTL
  ctx.content.viewQueries.set(id, { viewId: view.id as string, ids, expires })
  const first = paginate(ids.map((rowId) => ({ object: "page", id: rowId })), "page", undefined, body.page_size)
  if (isFailure(first)) return reply(ctx, first)
  return reply(ctx, {
    object: "view_query",
    id,
    view_id: view.id,
    expires_at: new Date(expires).toISOString(),
    total_count: ids.length,
    results: first.results,
    next_cursor: first.next_cursor,
    has_more: first.has_more
  })
}

const cached = (ctx: Context & Api) => {
  const query = ctx.content.viewQueries.get(ctx.params.query!)
  return query === undefined || query.viewId !== ctx.params.id || ctx.now > query.expires ? undefined : query
}

/** `views.*` and `views.queries.*`. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/views", (ctx) => {
    const database = ctx.url.searchParams.get("database_id")
    const dataSource = ctx.url.searchParams.get("data_source_id")
    if (database === null && dataSource === null) {
      return reply(ctx, validation("database_id or data_source_id should be defined."))
    }
    const views = [...ctx.content.views.values()].filter((v) =>
      (database === null || (v.parent as Record<string, unknown>).database_id === database) &&
      (dataSource === null || v.data_source_id === dataSource)
    ).map((v) => ({ object: "view", id: v.id }))
    return reply(ctx, paginateQuery(ctx, views, "view"))
  }),
  api("POST", "/v1/views", create),
  api("GET", "/v1/views/{id}", (ctx) => reply(ctx, find(ctx) ?? notFound("view", ctx.params.id!))),
  api("PATCH", "/v1/views/{id}", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const view = find(ctx)
    if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
    const fields = ["name", "filter", "sorts", "quick_filters", "configuration"].filter((key) =>
      body[key] !== undefined
    )
    for (const key of fields) view[key] = body[key]
    view.last_edited_time = stamp(ctx)
    viewChanged(ctx, "view.updated", view, { updated_fields: fields })
    return reply(ctx, view)
  }),
  api("DELETE", "/v1/views/{id}", (ctx) => {
    const view = find(ctx)
    if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
    ctx.content.views.delete(view.id as string)
    viewChanged(ctx, "view.deleted", view)
    return reply(ctx, { object: "view", id: view.id, parent: view.parent, type: view.type })
  }),
  api("POST", "/v1/views/{id}/queries", queryCreate),
  api("GET", "/v1/views/{id}/queries/{query}", (ctx) => {
    const query = cached(ctx)
    if (query === undefined) return reply(ctx, notFound("view_query", ctx.params.query!))
    return reply(ctx, paginateQuery(ctx, query.ids.map((id) => ({ object: "page", id })), "page"))
  }),
  api("DELETE", "/v1/views/{id}/queries/{query}", (ctx) => {
    ctx.content.viewQueries.delete(ctx.params.query!)
    return reply(ctx, { object: "view_query", id: ctx.params.query, deleted: true })
  })
]
