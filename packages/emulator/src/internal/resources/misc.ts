import { type Api, api, type Context, notFound, paginateQuery, reply, type Route } from "../handler.js"
import { validation } from "../store.js"

/** `customEmojis.list` (the workspace has none), `asyncTasks.retrieve`, the meeting-notes endpoints. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/custom_emojis", (ctx) => reply(ctx, paginateQuery(ctx, [], "custom_emoji"))),
  api("GET", "/v1/async_tasks/{id}", (ctx: Context & Api) => {
    const task = ctx.content.tasks.get(ctx.params.id!)
    return reply(ctx, task ?? notFound("async_task", ctx.params.id!))
  }),
  api("POST", "/v1/blocks/meeting_notes/query", (ctx) => reply(ctx, { results: [], has_more: false })),
  api(
    "POST",
    "/v1/blocks/meeting_notes",
    (ctx) => reply(ctx, validation("The emulator records no meetings: body.source cannot be transcribed here."))
  )
]
