// Deno: the program bundled into one ES module and run by the Deno binary from its npm platform package, offline
// (no remote modules, no npm, no config, no update check, DENO_DIR in a temporary directory) with network access to
// 127.0.0.1 only, on fetch (the layer to use on Deno) and on undici (which works there too).
import { describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import { join } from "node:path"
import { inputNames } from "../src/program.js"
import { binary, bundle, checkSummary, entries, exec, inputFor, inputVariables, runs, tempDir } from "./harness.js"

const deno = binary("deno")

// undici reads these two while it connects: without the permission the first request fails (a TransportError)
const undiciEnv = ["JEST_WORKER_ID", "UNDICI_NO_WASM_SIMD"]

describe.skipIf(!runs(deno))("Deno", () => {
  for (const layer of ["fetch", "undici"] as const) {
    it.scopedLive(`retrieve, a paginated list, a typed error, a webhook signature and an OAuth state on ${layer}`, () =>
      Effect.gen(function*() {
        if (deno === undefined) return yield* Effect.dieMessage("no Deno binary (NOTION_EFFECT_REQUIRE_SERVICES=1)")
        const dir = yield* tempDir
        const script = yield* bundle(entries.main, "node")
        const emulator = yield* NotionEmulator.make()
        const input = inputFor(emulator)
        const stdout = yield* exec(deno, [
          "run",
          "--no-remote",
          "--no-npm",
          "--no-config",
          "--no-lock",
          "--no-prompt",
          "--allow-net=127.0.0.1",
          `--allow-env=${[...Object.values(inputNames), ...(layer === "undici" ? undiciEnv : [])].join(",")}`,
          script,
          layer
        ], {
          cwd: dir,
          env: { ...inputVariables(input), HOME: dir, DENO_DIR: join(dir, "deno"), DENO_NO_UPDATE_CHECK: "1" }
        })
        yield* checkSummary(emulator, input, JSON.parse(stdout), { runtime: "deno ", layer })
      }))
  }
})
