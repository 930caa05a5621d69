#!/usr/bin/env node
/**
 * `pnpm emulator`: starts the emulator and prints its URL, the internal token and the OAuth client id.
 * Flags: `--port N` (default 0: a free port), `--show-secret` (also print the OAuth client secret),
 * `--redirect-uri URL` (repeatable: the OAuth client's registered redirect URIs).
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { parseArgs } from "node:util"
import * as Fixture from "./Fixture.js"
import * as NotionEmulator from "./NotionEmulator.js"

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    "show-secret": { type: "boolean", default: false },
    "redirect-uri": { type: "string", multiple: true }
  }
})

const redirectUris = values["redirect-uri"]
const program = Effect.gen(function*() {
  const emulator = yield* NotionEmulator.make({
    port: Number(values.port),
    ...(redirectUris ? { fixture: Fixture.defaultFixture({ redirectUris }) } : {})
  })
  yield* Console.log(`Notion emulator listening on ${emulator.url}`)
  yield* Console.log(`  NOTION_BASE_URL=${emulator.url}`)
  yield* Console.log(`  internal integration token: ${Redacted.value(emulator.internalToken)}`)
  yield* Console.log(`  OAuth client id:            ${emulator.oauthClient.clientId}`)
  yield* Console.log(
    values["show-secret"]
      ? `  OAuth client secret:        ${Redacted.value(emulator.oauthClient.clientSecret)}`
      : "  OAuth client secret:        (hidden; pass --show-secret)"
  )
  yield* Console.log(`  OAuth redirect URI:         ${emulator.oauthClient.redirectUri}`)
  return yield* Effect.never
})

NodeRuntime.runMain(Effect.scoped(program))
