import { eventParent } from "../changes.js"
import { viewJson } from "../content/render.js"
import type { ViewRecord } from "../content/store.js"
import * as Views from "../content/views.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, paginate, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"

const find = (ctx: Context & Api) => ctx.content.views.get(ctx.params.id!)

/** Reports a change to a view: its event's `data` has the view's parent (its database) and `extra`. */
const viewChanged = (ctx: Context & Api, type: string, view: ViewRecord, extra = {}) =>
  changed(ctx, type, { id: view.id, type: "view" }, {
    parent: eventParent(view.parent, ctx.principal.workspaceId),
    ...extra
  })

const create = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const source = ctx.content.dataSources.get(String(body.data_source_id))
  if (source === undefined) return reply(ctx, notFound("data_source", String(body.data_source_id)))
  const invalid = Views.invalid(body)
  if (invalid !== undefined) return reply(ctx, invalid)
  const view = Views.create(ctx.content, source, body, stamp(ctx))
  viewChanged(ctx, "view.created", view, { view_type: view.type })
  return reply(ctx, viewJson(view))
}

const queryCreate = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const view = find(ctx)
  if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
  const created = Views.query(ctx.content, view, ctx.now)
  if (isFailure(created)) return reply(ctx, created)
  const [id, { expires, ids }] = created
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
      (database === null || v.parent.database_id === database) &&
      (dataSource === null || v.data_source_id === dataSource)
    ).map((v) => ({ object: "view", id: v.id }))
    return reply(ctx, paginateQuery(ctx, views, "view"))
  }),
  api("POST", "/v1/views", create),
  api("GET", "/v1/views/{id}", (ctx) => {
    const view = find(ctx)
    return reply(ctx, view === undefined ? notFound("view", ctx.params.id!) : viewJson(view))
  }),
  api("PATCH", "/v1/views/{id}", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const view = find(ctx)
    if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
    const fields = Views.update(view, body, stamp(ctx))
    viewChanged(ctx, "view.updated", view, { updated_fields: fields })
    return reply(ctx, viewJson(view))
  }),
  api("DELETE", "/v1/views/{id}", (ctx) => {
    const view = find(ctx)
    if (view === undefined) return reply(ctx, notFound("view", ctx.params.id!))
    ctx.content.views.delete(view.id)
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
