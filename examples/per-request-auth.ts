/**
 * The authentication guide's "Per-Request Authentication": a client with no token of its own (`NotionAuth.none`,
 * the official SDK's `new Client()`), and the token passed with each request — or scoped over a whole
 * block of requests with `NotionAuth.withToken`. A request's `auth` beats `withToken`, which beats the layer.
 *
 *   NOTION_TOKEN=secret_… NOTION_PAGE_ID=… tsx examples/per-request-auth.ts
 *
 * @since 0.1.0
 */
import { NotionAuth, NotionClient, NotionConfig } from "@notion-effect/core"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { runMainIfEntry } from "./runMain.js"

/**
 * Retrieves a page with a per-request token, then runs two calls under `withToken`.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const notion = yield* NotionClient.NotionClient
  const token = yield* Config.redacted("NOTION_TOKEN")
  const pageId = yield* Config.string("NOTION_PAGE_ID")

  const page = yield* notion.pages.retrieve({ page_id: pageId, auth: token })
  yield* Console.log(`Retrieved ${page.id} with a per-request token`)

  const [me, users] = yield* Effect.all([notion.users.me(), notion.users.list()]).pipe(NotionAuth.withToken(token))
  yield* Console.log(`As ${me.name}: ${users.results.length} users`)
  return { page, me }
})

/**
 * A client without a token of its own.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([NotionAuth.none, NotionConfig.layerConfig(), UndiciHttpClient.layer])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
