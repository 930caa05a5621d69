/**
 * Rate limiting on the client side: `NotionRateLimiter` keeps Notion's budget per token (180 requests per 60
 * seconds), so a burst is paced instead of answered with 429s. The `NOTION_RATE_LIMIT_*` variables override the
 * options (`NOTION_RATE_LIMIT_REQUESTS=2 NOTION_RATE_LIMIT_WINDOW="1 second"` shows the pacing on a short burst).
 *
 *   NOTION_TOKEN=secret_… tsx examples/rate-limiting.ts
 *
 * Set `NOTION_BASE_URL` to point it at the emulator (`pnpm emulator` prints one).
 *
 * @since 0.1.0
 */
import { NotionAuth, NotionClient, NotionConfig, NotionRateLimiter } from "@notion-effect/core"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { runMainIfEntry } from "./runMain.js"

/**
 * A burst of six `users.me` calls at once; the limiter lets them through at the budget's pace.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const notion = yield* NotionClient.NotionClient
  const start = yield* Clock.currentTimeMillis
  const users = yield* Effect.forEach([1, 2, 3, 4, 5, 6], () => notion.users.me(), { concurrency: "unbounded" })
  const elapsed = (yield* Clock.currentTimeMillis) - start
  yield* Console.log(`${users.length} requests in ${elapsed} ms, none over the budget`)
  return { requests: users.length, elapsed }
})

/**
 * The client with its token and settings from the environment, behind the client-side rate limiter.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([
    NotionAuth.layerConfig(),
    NotionConfig.layerConfig(),
    NotionRateLimiter.layerConfig({ requests: 180, window: "60 seconds", maxInFlight: 10, maxWait: "2 minutes" }),
    UndiciHttpClient.layer
  ])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
