/**
 * The README's demo: starts the Notion emulator on a free loopback port and runs the examples against
 * it, printing each step in plain words. Exits 0 when every step worked.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NotionEmulator } from "@notion-effect/emulator"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as ErrorHandling from "./error-handling.js"
import * as IntegrationToken from "./integration-token.js"
import * as PerRequestAuth from "./per-request-auth.js"

const step = (title: string) => Console.log(`\n== ${title}`)

const program = Effect.gen(function*() {
  const emulator = yield* NotionEmulator.make()
  yield* Console.log(`Notion emulator listening on ${emulator.url} (internal token ${emulator.internalToken})`)
  const env = ConfigProvider.fromMap(
    new Map([
      ["NOTION_TOKEN", Redacted.value(emulator.internalToken)],
      ["NOTION_BASE_URL", emulator.url],
      ["NOTION_PAGE_ID", emulator.fixture.pages[0]!.id]
    ])
  )
  const run = <A, E, R>(program: Effect.Effect<A, E, R>) => Effect.withConfigProvider(program, env)

  yield* step("Integration token from NOTION_TOKEN: pages.retrieve and users.list")
  yield* run(Effect.provide(IntegrationToken.program, IntegrationToken.MainLayer))
  yield* step("Per-request authentication: a client with no token, the token passed with each call")
  yield* run(Effect.provide(PerRequestAuth.program, PerRequestAuth.MainLayer))
  yield* step("Error handling by tag: a shared page, a page not shared, a bad token")
  yield* run(Effect.provide(ErrorHandling.program, ErrorHandling.MainLayer))
  yield* Console.log("\nDemo complete.")
})

NodeRuntime.runMain(Effect.scoped(program))
