// The hostile corpus in CI: every case, on both undici layers — ours (recommended) and the platform's
// (`pnpm reliability` runs every layer).
// It runs in a child process: its load and heap snapshots must not block the test runner's worker.
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import type { Report } from "../src/run.js"
import { size } from "../src/run.js"

const here = dirname(fileURLToPath(import.meta.url))

describe("the hostile corpus", () => {
  it("has at least 200 cases", () => {
    assert.isAtLeast(size(), 200)
  })

  // each layer in its own process, as `pnpm reliability` runs them (see docs/NOTES.md)
  for (const layer of ["notion-effect undici", "undici"] as const) {
    it(`${layer}: every case ends typed, in time, bounded, and leaks nothing`, async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", join(here, "../src/report.ts"), layer],
        { cwd: join(here, ".."), maxBuffer: 64 * 1024 * 1024 }
      )
      const report: Report = JSON.parse(stdout.trim().split("\n").pop()!)
      assert.strictEqual(report.cases, size())
      assert.deepStrictEqual(report.layers, [layer])
      assert.deepStrictEqual(report.failures, [])
      assert.deepStrictEqual(report.leaks, [])
      assert.strictEqual(report.unhandledRejections, 0)
      assert.isAtMost(report.maxMessageBytes, 2300)
      assert.isBelow(report.maxCaseHeapMb, 256)
      assert.isBelow(report.maxRetainedMb, 64)
      // the corpus is hostile, not hopeless: valid answers among the garbage still succeed
      assert.isAbove(report.outcomes["success"] ?? 0, 0)
    }, 300_000)
  }
})
