import { eventParent } from "../changes.js"
import * as Databases from "../content/databases.js"
import { databaseJson } from "../content/render.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, reply, stamp } from "../handler.js"

const find = (ctx: Context & Api) => {
  const database = ctx.content.databases.get(ctx.params.id!)
  return database !== undefined && database.workspaceId === ctx.principal.workspaceId ? database : undefined
}

/** `databases.*` (a database holds data sources; `create` makes its first one). */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/databases", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const created = Databases.create(ctx.content, body, stamp(ctx))
    changed(ctx, "database.created", { id: created.id, type: "database" }, {
      parent: eventParent(created.parent, ctx.principal.workspaceId)
    })
    return reply(ctx, databaseJson(ctx.content, created))
  }),
  api("GET", "/v1/databases/{id}", (ctx) => {
    const database = find(ctx)
    return reply(
      ctx,
      database === undefined ? notFound("database", ctx.params.id!) : databaseJson(ctx.content, database)
    )
  }),
  api("PATCH", "/v1/databases/{id}", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const database = find(ctx)
    if (database === undefined) return reply(ctx, notFound("database", ctx.params.id!))
    const trashed = database.in_trash
    Databases.update(database, body, stamp(ctx))
    if (database.in_trash !== trashed) {
      changed(ctx, database.in_trash ? "database.deleted" : "database.undeleted", {
        id: database.id,
        type: "database"
      }, { parent: eventParent(database.parent, ctx.principal.workspaceId) })
    }
    return reply(ctx, databaseJson(ctx.content, database))
  })
]
