// Bun: the program bundled into one ES module and run by the Bun binary from its npm platform package, with no
// install and no network but loopback, on fetch (the layer to use on Bun) and on undici (which works there too).
import { describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import { binary, bundle, checkSummary, entries, exec, inputFor, inputVariables, runs, tempDir } from "./harness.js"

const bun = binary("bun")

describe.skipIf(!runs(bun))("Bun", () => {
  for (const layer of ["fetch", "undici"] as const) {
    it.scopedLive(`retrieve, a paginated list, a typed error, a webhook signature and an OAuth state on ${layer}`, () =>
      Effect.gen(function*() {
        if (bun === undefined) return yield* Effect.dieMessage("no Bun binary (NOTION_EFFECT_REQUIRE_SERVICES=1)")
        const dir = yield* tempDir
        const script = yield* bundle(entries.main, "node")
        const emulator = yield* NotionEmulator.make()
        const input = inputFor(emulator)
        const stdout = yield* exec(bun, ["run", "--no-install", script, layer], {
          cwd: dir,
          env: { ...inputVariables(input), HOME: dir, DO_NOT_TRACK: "1", BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" }
        })
        yield* checkSummary(emulator, input, JSON.parse(stdout), { runtime: "bun ", layer })
      }))
  }
})
