// Faults under load in CI (1,000 requests; `pnpm reliability` runs 10,000).
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { runLoad } from "../src/load.js"

describe("faults under load", () => {
  it.live(
    "every GET succeeds within its retry budget; no POST is sent again after a 5xx or a reset",
    () =>
      Effect.gen(function*() {
        const report = yield* runLoad({ requests: 1_000, faultRate: 0.1 })
        assert.strictEqual(report.getsFailed, 0)
        assert.isAbove(report.errorAnswers, 0)
        // a POST may only be sent again after a 429/529 answer
        assert.isAtMost(report.postRepeats, report.postRateLimited)
        assert.isAtLeast(report.postRepeats, 0)
      }),
    120_000
  )
})
