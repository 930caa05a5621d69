/**
 * One OS process of the PostgreSQL chaos scenario: a client for a stored grant through `PgTokenStore` and
 * `TokenManager`, configured from the environment as a deployment would be (`NOTION_STORE_PG_URL`,
 * `NOTION_STORE_KEYS`, `NOTION_BASE_URL`, `NOTION_OAUTH_CLIENT_ID`, `NOTION_OAUTH_CLIENT_SECRET`, `GRANT`). Each line
 * `<n>` on stdin makes `n` concurrent `users.me` calls and prints one JSON line: the calls' `Tally`.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { NotionConfig } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials } from "@notion-effect/oauth"
import { TokenManager } from "@notion-effect/store"
import * as PgTokenStore from "@notion-effect/store/PgTokenStore"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Readline from "node:readline"
import { count, tally } from "./outcomes.js"

const MainLayer = TokenManager.layer().pipe(
  Layer.provideMerge(Layer.mergeAll(PgTokenStore.layerConfig(), NotionOAuth.layer())),
  Layer.provideMerge(Layer.mergeAll(OAuthCredentials.layerConfig(), NotionConfig.layerConfig())),
  Layer.provideMerge(NodeHttpClient.layerUndici)
)

const program = Effect.gen(function*() {
  const client = yield* TokenManager.makeClient(yield* Config.string("GRANT"))
  const lines = Readline.createInterface({ input: process.stdin })
  process.stdout.write("ready\n")
  for (;;) {
    const line = yield* Effect.async<string | undefined>((resume) => {
      const onLine = (text: string) => {
        lines.off("close", onClose)
        resume(Effect.succeed(text))
      }
      const onClose = () => resume(Effect.succeed(undefined))
      lines.once("line", onLine).once("close", onClose)
    })
    if (line === undefined) return
    const into = tally()
    const exits = yield* Effect.forEach(
      Array.from({ length: Number(line) }),
      () => Effect.exit(client.users.me()),
      { concurrency: "unbounded" }
    )
    for (const exit of exits) count(into, exit)
    process.stdout.write(`${JSON.stringify(into)}\n`)
  }
})

Effect.runPromise(program.pipe(Effect.provide(MainLayer), Logger.withMinimumLogLevel(LogLevel.Error))).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error}\n`)
    process.exit(1)
  }
)
