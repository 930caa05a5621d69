import * as DataSources from "../content/dataSources.js"
import { dataSourceJson, pageJson, values } from "../content/render.js"
import { edited } from "../content/store.js"
import type { Api, Context, Route } from "../handler.js"
import {
  api,
  bodyOf,
  changed,
  filterProperties,
  isFailure,
  notFound,
  paginate,
  paginateQuery,
  reply,
  stamp
} from "../handler.js"
import { run } from "../query.js"
import { validation } from "../store.js"
import { listedProperties } from "../versions.js"

const find = (ctx: Context & Api) => {
  const source = ctx.content.dataSources.get(ctx.params.id!)
  return source !== undefined && source.workspaceId === ctx.principal.workspaceId ? source : undefined
}

const query = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const source = find(ctx)
  if (source === undefined) return reply(ctx, notFound("data_source", ctx.params.id!))
  if (body.sorts !== undefined && !Array.isArray(body.sorts)) {
    return reply(ctx, validation("body.sorts should be an array."))
  }
  const rows = run(
    ctx.content.rowsOf(source),
    source,
    body.filter as Record<string, unknown> | undefined,
    body.sorts as ReadonlyArray<Record<string, unknown>> | undefined,
    {
      now: ctx.now,
      valuesOf: (page) => values(ctx.content, page),
      statusEqualsGroup: ctx.version < "2026-12-01"
    }
  )
  if (isFailure(rows)) return reply(ctx, rows)
  const wanted = filterProperties(ctx)
  const listed = rows.map((r) => {
    const json = pageJson(ctx.content, r)
    return { ...json, properties: listedProperties(ctx.version, json.properties as never, wanted) }
  })
  return reply(ctx, paginate(listed, "page_or_data_source", body.start_cursor, body.page_size))
}

const update = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const source = find(ctx)
  if (source === undefined) return reply(ctx, notFound("data_source", ctx.params.id!))
  const entity = { id: source.id, type: "data_source" }
  const parent = { id: source.databaseId, type: "database" }
  if (body.properties !== undefined) {
    const given = body.properties as Record<string, Record<string, unknown> | null>
    const before = source.properties
    const properties = DataSources.schemaOf(given, before)
    if (isFailure(properties)) return reply(ctx, properties)
    source.properties = properties
    DataSources.followSchema(ctx.content, source)
    const byKey = (schema: Record<string, Record<string, unknown>>, key: string) =>
      schema[key] ?? Object.values(schema).find((p) => p.id === key)
    const updated_properties = Object.keys(given).map((key) => {
      const old = byKey(before, key)
      const now = given[key] === null ? undefined : byKey(properties, String(given[key]?.name ?? key)) ?? old
      return {
        id: String((now ?? old)?.id ?? key),
        name: now === undefined ? null : String(now.name),
        action: old === undefined ? "created" : now === undefined ? "deleted" : "updated"
      }
    })
    changed(ctx, "data_source.schema_updated", entity, { parent, updated_properties })
  }
  const trashed = typeof body.in_trash === "boolean" ? body.in_trash : body.archived
  if (typeof trashed === "boolean" && trashed !== source.in_trash) {
    source.in_trash = trashed
    changed(ctx, source.in_trash ? "data_source.deleted" : "data_source.undeleted", entity, { parent })
  }
  edited(source, stamp(ctx))
  return reply(ctx, dataSourceJson(source))
}

/** `dataSources.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/data_sources", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const created = DataSources.create(ctx.content, body, stamp(ctx))
    if (isFailure(created)) return reply(ctx, created)
    changed(ctx, "data_source.created", { id: created.id, type: "data_source" }, {
      parent: { id: created.databaseId, type: "database" }
    })
    return reply(ctx, dataSourceJson(created))
  }),
  api("GET", "/v1/data_sources/{id}", (ctx) => {
    const source = find(ctx)
    return reply(
      ctx,
      source === undefined ? notFound("data_source", ctx.params.id!) : dataSourceJson(source)
    )
  }),
  api("PATCH", "/v1/data_sources/{id}", update),
  api("POST", "/v1/data_sources/{id}/query", query),
  api("GET", "/v1/data_sources/{id}/templates", (ctx) => {
    const source = find(ctx)
    if (source === undefined) return reply(ctx, notFound("data_source", ctx.params.id!))
    const name = ctx.url.searchParams.get("name")?.toLowerCase()
    const templates = source.templates
      .filter((t) => name === undefined || t.name.toLowerCase().includes(name))
      .map((t) => ({ id: t.id, name: t.name, is_default: t.is_default }))
    const page = paginateQuery(ctx, templates, "template")
    if (isFailure(page)) return reply(ctx, page)
    return reply(ctx, { templates: page.results, has_more: page.has_more, next_cursor: page.next_cursor })
  })
]
