/**
 * The entry for Bun and Deno: reads the {@link Input} from the environment, runs the program over the layer named
 * by the first argument (`fetch` or `undici`) and prints its summary as JSON (or the failure, exiting with 1).
 *
 * @since 0.1.0
 */
import { FetchHttpClient } from "@effect/platform"
import { UndiciHttpClient } from "@notion-effect/undici"
import { inputNames, readInput, run } from "./program.js"

interface Host {
  readonly args: ReadonlyArray<string>
  readonly env: (name: string) => string | undefined
  readonly exit: (code: number) => never
}

const g = globalThis as {
  readonly Deno?: {
    readonly args: ReadonlyArray<string>
    readonly env: { readonly get: (name: string) => string | undefined }
    readonly exit: (code: number) => never
  }
  readonly process?: {
    readonly argv: ReadonlyArray<string>
    readonly env: Record<string, string | undefined>
    readonly exit: (code: number) => never
  }
}

const host: Host = g.Deno !== undefined
  ? { args: g.Deno.args, env: (name) => g.Deno!.env.get(name), exit: g.Deno.exit }
  : { args: g.process!.argv.slice(2), env: (name) => g.process!.env[name], exit: g.process!.exit }

const layers = { fetch: FetchHttpClient.layer, undici: UndiciHttpClient.layer } as const
const layerName = host.args[0] ?? "fetch"

if (!(layerName in layers)) {
  console.error(`unknown layer ${layerName} (fetch or undici)`)
  host.exit(2)
}

run(readInput(host.env), layers[layerName as keyof typeof layers]).then(
  (summary) => console.log(JSON.stringify({ layer: layerName, ...summary })),
  (error) => {
    console.error(`failed: ${String(error)} (inputs: ${Object.values(inputNames).join(", ")})`)
    host.exit(1)
  }
)
