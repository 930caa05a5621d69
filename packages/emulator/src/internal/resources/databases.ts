import { richTextOf } from "../content.js"
import { type Api, api, bodyOf, type Context, isFailure, notFound, reply, type Route } from "../handler.js"

const find = (ctx: Context & Api) => {
  const database = ctx.content.databases.get(ctx.params.id!)
  return database !== undefined && database.workspaceId === ctx.principal.workspaceId ? database : undefined
}

/** `databases.*` (a database holds data sources; `create` makes its first one). */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/databases", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    return reply(ctx, ctx.content.databaseJson(ctx.content.createDatabase(body, ctx.content.stamp(ctx.now))))
  }),
  api("GET", "/v1/databases/{id}", (ctx) => {
    const database = find(ctx)
    return reply(
      ctx,
      database === undefined ? notFound("database", ctx.params.id!) : ctx.content.databaseJson(database)
    )
  }),
  api("PATCH", "/v1/databases/{id}", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const database = find(ctx)
    if (database === undefined) return reply(ctx, notFound("database", ctx.params.id!))
    if (body.title !== undefined) database.title = richTextOf(body.title)
    if (typeof body.in_trash === "boolean") database.in_trash = body.in_trash
    if (typeof body.is_inline === "boolean") database.is_inline = body.is_inline
    database.last_edited_time = ctx.content.stamp(ctx.now)
    return reply(ctx, ctx.content.databaseJson(database))
  })
]
