// Node (≥ 20, the process vitest runs in): the program from its sources against the emulator, on the recommended
// layer (UndiciHttpClient) and on fetch.
import { FetchHttpClient } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Effect from "effect/Effect"
import { run } from "../src/program.js"
import { checkSummary, inputFor } from "./harness.js"

const layers = { undici: UndiciHttpClient.layer, fetch: FetchHttpClient.layer } as const

describe("Node", () => {
  it("runs Node 20 or later", () => {
    assert.isAtLeast(Number(process.versions.node.split(".")[0]), 20)
  })

  for (const layer of ["undici", "fetch"] as const) {
    it.scopedLive(`retrieve, a paginated list, a typed error, a webhook signature and an OAuth state on ${layer}`, () =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.make()
        const input = inputFor(emulator)
        const summary = yield* Effect.promise(() => run(input, layers[layer]))
        yield* checkSummary(emulator, input, { layer, ...summary }, { runtime: "node ", layer })
      }))
  }
})
