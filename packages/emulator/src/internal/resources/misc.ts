import type { Api, Context, Route } from "../handler.js"
import { api, notFound, paginateQuery, reply } from "../handler.js"

/** `customEmojis.list` (the workspace has none), `asyncTasks.retrieve`. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/custom_emojis", (ctx) => reply(ctx, paginateQuery(ctx, [], "custom_emoji"))),
  api("GET", "/v1/async_tasks/{id}", (ctx: Context & Api) => {
    const task = ctx.content.tasks.get(ctx.params.id!)
    return reply(ctx, task ?? notFound("async_task", ctx.params.id!))
  })
]
