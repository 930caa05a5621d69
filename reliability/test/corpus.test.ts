// The hostile corpus in CI: every case, on the recommended HTTP layer (`pnpm reliability` runs every layer).
import { assert, describe, it } from "@effect/vitest"
import { measure, size } from "../src/run.js"

describe("the hostile corpus", () => {
  it("has at least 200 cases", () => {
    assert.isAtLeast(size(), 200)
  })

  it("every case ends typed, in time, bounded, and leaks nothing", async () => {
    const report = await measure({ layers: ["undici"] })
    assert.strictEqual(report.cases, size())
    assert.deepStrictEqual(report.failures, [])
    assert.deepStrictEqual(report.leaks, [])
    assert.strictEqual(report.unhandledRejections, 0)
    assert.isAtMost(report.maxMessageBytes, 2300)
    assert.isBelow(report.maxCaseHeapMb, 256)
    assert.isBelow(report.maxRetainedMb, 64)
    // the corpus is hostile, not hopeless: valid answers among the garbage still succeed
    assert.isAbove(report.outcomes["success"] ?? 0, 0)
  }, 300_000)
})
