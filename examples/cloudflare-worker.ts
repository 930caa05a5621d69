/**
 * A Cloudflare Worker on the SDK: `GET /pages/<id>` answers the page's id and title as JSON, and a page the
 * integration cannot see answers 404. Workers have no Node sockets, so the HTTP layer is `FetchHttpClient.layer`;
 * the token is a secret binding (`wrangler secret put NOTION_TOKEN`), `NOTION_BASE_URL` an optional variable (the
 * runtimes tests point it at the emulator and run this file in workerd).
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { NotionAuth, NotionClient, NotionConfig, Page, PropertyValue } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

/**
 * The Worker's bindings.
 *
 * @since 0.1.0
 */
export interface Env {
  readonly NOTION_TOKEN: string
  readonly NOTION_BASE_URL?: string
}

/**
 * A page's id and title, or the HTTP answer for what went wrong (by tag).
 *
 * @since 0.1.0
 */
export const pageTitle = (pageId: string): Effect.Effect<Response, never, NotionClient.NotionClient> =>
  Effect.gen(function*() {
    const notion = yield* NotionClient.NotionClient
    const page = yield* notion.pages.retrieve({ page_id: pageId })
    return Response.json({ id: page.id, title: Page.isFullPage(page) ? PropertyValue.title(page) : "" })
  }).pipe(
    Effect.catchTags({
      ObjectNotFound: () => Effect.succeed(Response.json({ error: "no such page" }, { status: 404 })),
      Unauthorized: () => Effect.succeed(Response.json({ error: "the token was refused" }, { status: 502 }))
    }),
    Effect.catchAll((error) => Effect.succeed(Response.json({ error: error._tag }, { status: 502 })))
  )

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const match = /^\/pages\/([^/]+)$/.exec(new URL(request.url).pathname)
    if (match === null) return Promise.resolve(new Response("Not found", { status: 404 }))
    const NotionLive = NotionClient.layer.pipe(Layer.provide([
      NotionAuth.layer(Redacted.make(env.NOTION_TOKEN)),
      NotionConfig.layer(env.NOTION_BASE_URL === undefined ? {} : { baseUrl: env.NOTION_BASE_URL }),
      FetchHttpClient.layer
    ]))
    return Effect.runPromise(Effect.provide(pageTitle(match[1]!), NotionLive))
  }
}
