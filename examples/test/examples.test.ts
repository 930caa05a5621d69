// The examples run against the emulator: same programs, configuration pointing at it.
import { assert, describe, it } from "@effect/vitest"
import { NotionAuth, NotionClient, NotionConfig, NotionRetry } from "@notion-effect/core"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as DataSourceRows from "../data-source-rows.js"
import * as Emulator from "../emulator.js"
import * as ErrorHandling from "../error-handling.js"
import * as IntegrationToken from "../integration-token.js"
import * as PerRequestAuth from "../per-request-auth.js"
import * as RateLimiting from "../rate-limiting.js"

/** Runs an example's program with its own MainLayer, configured through env-like values for the emulator. */
const runExample = <A, E>(
  program: Effect.Effect<A, E, NotionClient.NotionClient>,
  layer: Layer.Layer<NotionClient.NotionClient, unknown>,
  emulator: Emulator.Emulator,
  settings: ReadonlyArray<readonly [string, string]> = []
) =>
  Effect.gen(function*() {
    const env = new Map([
      ["NOTION_TOKEN", Redacted.value(emulator.internalToken)],
      ["NOTION_BASE_URL", emulator.url],
      ["NOTION_PAGE_ID", emulator.pages.roadmap],
      ...settings
    ])
    return yield* program.pipe(
      Effect.provide(layer),
      Effect.withConfigProvider(ConfigProvider.fromMap(env))
    )
  })

describe("examples against the emulator", () => {
  it.scoped("integration-token: page and users with the token from config", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const result = yield* runExample(IntegrationToken.program, IntegrationToken.MainLayer, emulator)
      assert.strictEqual(result.page.id, emulator.pages.roadmap)
      assert.strictEqual(result.users.length, 3)
    }))

  it.scoped("per-request-auth: a client with no token, the token passed per request", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const result = yield* runExample(PerRequestAuth.program, PerRequestAuth.MainLayer, emulator)
      assert.strictEqual(result.page.id, emulator.pages.roadmap)
      assert.strictEqual(result.me.type, "bot")
    }))

  it.scoped("error-handling: ok, not shared, and bad token become clear outcomes", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const outcomes = yield* runExample(ErrorHandling.program, ErrorHandling.MainLayer, emulator)
      assert.deepStrictEqual(outcomes.map((o) => o._tag), ["Ok", "Failed", "Failed"])
      assert.include((outcomes[1] as { reason: string }).reason, "Could not find page")
      assert.strictEqual((outcomes[2] as { reason: string }).reason, "Invalid or missing authentication token")
    }))

  it.scoped("error-handling: restricted resources and rate limits get the guide's messages", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const layer = NotionClient.layer.pipe(
        Layer.provide([
          NotionAuth.layer(emulator.internalToken),
          NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled }),
          UndiciHttpClient.layer
        ])
      )
      yield* emulator.injectFault({ times: 1, kind: { _tag: "Status", status: 403 } })
      const restricted = yield* Effect.provide(ErrorHandling.retrievePage(emulator.pages.roadmap), layer)
      assert.deepStrictEqual(restricted, { _tag: "Failed", reason: "Integration doesn't have access to this resource" })
      yield* emulator.injectFault({ times: 1, kind: { _tag: "Status", status: 429, retryAfter: "7" } })
      const limited = yield* Effect.provide(ErrorHandling.retrievePage(emulator.pages.roadmap), layer)
      assert.deepStrictEqual(limited, { _tag: "Failed", reason: "Too many requests; retry after 7s" })
    }))

  it.live("rate-limiting: a burst is paced by the client-side budget, and Notion never answers 429", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      // two requests per 300 ms: six take three windows, so at least two waits of a window
      const result = yield* runExample(RateLimiting.program, RateLimiting.MainLayer, emulator, [
        ["NOTION_RATE_LIMIT_REQUESTS", "2"],
        ["NOTION_RATE_LIMIT_WINDOW", "300 millis"]
      ])
      assert.strictEqual(result.requests, 6)
      assert.isAtLeast(result.elapsed, 600)
      const stats = yield* emulator.stats
      assert.strictEqual(stats.requests["GET /v1/users/me"], 6)
      assert.strictEqual(stats.rateLimited, 0)
    }).pipe(Effect.scoped))

  it.scoped("data-source-rows: creates a row, queries it back, appends blocks, uploads, comments", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const result = yield* runExample(DataSourceRows.program, DataSourceRows.MainLayer, emulator, [
        ["NOTION_DATA_SOURCE_ID", emulator.tasks.dataSourceId]
      ])
      // the new row and the seeded "Plan the launch" match, newest first
      assert.strictEqual(result.titles.length, 2)
      assert.match(result.titles[0]!, /^Launch plan /)
      assert.strictEqual(result.titles[1], "Plan the launch")
      assert.deepStrictEqual(result.blocks.map((b) => "type" in b ? b.type : "?"), ["heading_2", "to_do", "file"])
      assert.strictEqual(result.upload.status, "uploaded")
    }))
})
