/**
 * The authentication guide's "Integration Tokens": the token comes from configuration (`NOTION_TOKEN`, redacted from
 * the moment it is read), then `pages.retrieve` and `users.list`.
 *
 *   NOTION_TOKEN=secret_… NOTION_PAGE_ID=… tsx examples/integration-token.ts
 *
 * Set `NOTION_BASE_URL` to point it at the emulator (`pnpm emulator` prints one).
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
 * Retrieves a page and lists the workspace's users with the configured token.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const notion = yield* NotionClient.NotionClient
  const pageId = yield* Config.string("NOTION_PAGE_ID")
  const page = yield* notion.pages.retrieve({ page_id: pageId })
  yield* Console.log(`Page ${page.id} lives at ${page.url}`)
  const users = yield* notion.users.list()
  yield* Console.log(`${users.results.length} users: ${users.results.map((u) => u.name).join(", ")}`)
  return { page, users: users.results }
})

/**
 * The client with its token and settings from the environment, over Node's HTTP client.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([NotionAuth.layerConfig(), NotionConfig.layerConfig(), UndiciHttpClient.layer])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
