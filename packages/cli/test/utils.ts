// Helpers shared by the CLI tests: running the CLI in process, fake Notion responses.
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Access from "../src/Access.js"
import * as Cli from "../src/Cli.js"
import { inProcess } from "./inProcess.js"
import type { Outcome } from "./process.js"

/**
 * Runs `notion-effect <args>` in process over `http`, with `env` as the only configuration; gives the exit code and
 * what was printed.
 */
export const runMain = (
  args: ReadonlyArray<string>,
  http: Layer.Layer<HttpClient.HttpClient>,
  env: Readonly<Record<string, string>>
): Effect.Effect<Outcome> =>
  inProcess(Cli.main(["node", "notion-effect", ...args]).pipe(Effect.provide(Access.layer(http))), env).pipe(
    Effect.map(({ stderr, stdout, value }) => ({ code: value, stdout, stderr }))
  )

/** A JSON response. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

/** A Notion error response. */
export const notionError = (status: number, code: string, message = `message for ${code}`) =>
  json(status, { object: "error", status, code, message })
