// Helpers shared by the CLI tests: running the CLI in process, fake Notion responses.
import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Access from "../src/Access.js"
import * as Cli from "../src/Cli.js"
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
  Effect.gen(function*() {
    const stdout: Array<string> = []
    const stderr: Array<string> = []
    const console = {
      ...globalThis.console,
      [Console.TypeId]: Console.TypeId,
      log: (...parts: ReadonlyArray<unknown>) => Effect.sync(() => void stdout.push(parts.join(" "))),
      error: (...parts: ReadonlyArray<unknown>) => Effect.sync(() => void stderr.push(parts.join(" "))),
      unsafe: globalThis.console
    } as unknown as Console.Console
    const code = yield* Cli.main(["node", "notion-effect", ...args]).pipe(
      Effect.withConsole(console),
      Effect.provide([NodeContext.layer, Access.layer(http)]),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
    )
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") }
  })

/** A JSON response. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

/** A Notion error response. */
export const notionError = (status: number, code: string, message = `message for ${code}`) =>
  json(status, { object: "error", status, code, message })
