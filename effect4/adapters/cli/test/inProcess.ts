// Effect 4's form of packages/cli/test/inProcess.ts: Console is a reference of plain functions, the config provider
// reads an env record, Node's services are NodeServices.
import * as NodeServices from "@effect/platform-node/NodeServices"
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
): Effect.Effect<Captured<A>, E, Exclude<R, NodeServices.NodeServices>> =>
  Effect.suspend(() => {
    const stdout: Array<string> = []
    const stderr: Array<string> = []
    const console: Console.Console = {
      ...globalThis.console,
      log: (...parts: ReadonlyArray<unknown>) => void stdout.push(parts.join(" ")),
      error: (...parts: ReadonlyArray<unknown>) => void stderr.push(parts.join(" "))
    }
    return effect.pipe(
      Effect.provideService(Console.Console, console),
      Effect.provide(NodeServices.layer),
      Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnvRecord({ ...env })),
      Effect.map((value) => ({ value, stdout: stdout.join("\n"), stderr: stderr.join("\n") }))
    )
  })
