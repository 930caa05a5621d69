// A program run in process as the executable runs: Node's services, `env` as the only configuration, and what it
// prints captured. The Effect 4 edition has its own form of this module (its Console is a reference of plain
// functions, its config provider reads an env record, its Node services are NodeServices).
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/** What a run gave, and what it printed (lines joined with "\n"). */
export interface Captured<A> {
  readonly value: A
  readonly stdout: string
  readonly stderr: string
}

/** Runs `effect` with Node's services and `env` as configuration, capturing `Console.log` and `Console.error`. */
export const inProcess = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  env: Readonly<Record<string, string>>
): Effect.Effect<Captured<A>, E, Exclude<R, NodeContext.NodeContext>> =>
  Effect.suspend(() => {
    const stdout: Array<string> = []
    const stderr: Array<string> = []
    const console = {
      ...globalThis.console,
      [Console.TypeId]: Console.TypeId,
      log: (...parts: ReadonlyArray<unknown>) => Effect.sync(() => void stdout.push(parts.join(" "))),
      error: (...parts: ReadonlyArray<unknown>) => Effect.sync(() => void stderr.push(parts.join(" "))),
      unsafe: globalThis.console
    } as unknown as Console.Console
    return effect.pipe(
      Effect.withConsole(console),
      Effect.provide(NodeContext.layer),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))),
      Effect.map((value) => ({ value, stdout: stdout.join("\n"), stderr: stderr.join("\n") }))
    )
  })
