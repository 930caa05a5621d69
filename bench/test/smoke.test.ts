// The benchmark in CI: a smoke run (tiny sizes) proves every scenario runs for both SDKs and writes its figures.
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const main = join(dirname(fileURLToPath(import.meta.url)), "../src/main.mjs")

const keys = [
  "overhead.usersList.ratio",
  "overhead.pagesRetrieve.ratio",
  "throughput.ratio",
  "pagination.ratio",
  "pagination.peakRssGrowthMb",
  "coldStart.ratio",
  "bundle.oursKb",
  "bundle.officialKb",
  "connections.ours",
  // the floor (effect + Schema + HttpClient, no SDK) and the ratios to it
  "floor.usersList.ratio",
  "floor.pagesRetrieve.ratio",
  "floor.throughput.ratio",
  "coldStart.ratioToFloor",
  "coldStart.bundle.ratio",
  "coldStart.bundle.ratioToFloor",
  "bundle.oneRatioToFloor",
  "bundle.oneGzipRatioToFloor",
  "bundle.everyRatioToFloor",
  "bundle.everyGzipRatioToFloor"
]

describe("pnpm bench --smoke", () => {
  // asynchronously: a test that blocks its worker's event loop for a minute makes vitest's RPC time out
  it("measures both SDKs in every scenario and writes results.json and BENCHMARKS.md", async () => {
    const out = mkdtempSync(join(tmpdir(), "notion-bench-"))
    try {
      await promisify(execFile)(process.execPath, [main, "--smoke", "--out", out], { maxBuffer: 16 * 1024 * 1024 })
      const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"))
      for (const key of keys) {
        const value = key.split(".").reduce((o, k) => o?.[k], results)
        assert.isTrue(Number.isFinite(value) && value > 0, `${key} = ${value}`)
      }
      // bundle sizes, minified and gzip, of every program
      for (const program of ["ours.one", "ours.every", "floor.one", "official.one", "official.every"]) {
        const sizes = results.bundle.programs[program]
        assert.isTrue(sizes.minified > sizes.gzip && sizes.gzip > 0, `${program}: ${JSON.stringify(sizes)}`)
      }
      // rate limited: ours stays within the emulator's budget (zero 429s, nothing fails); both are measured
      for (const client of ["ours", "official"]) {
        const r = results.rateLimited[client]
        assert.isTrue(Number.isFinite(r.ratioToIdeal) && r.ratioToIdeal > 0, `${client} ratioToIdeal`)
        assert.isTrue(Number.isInteger(r.count429) && Number.isInteger(r.failed), `${client} counts`)
      }
      assert.strictEqual(results.rateLimited.ours.count429, 0)
      assert.strictEqual(results.rateLimited.ours.failed, 0)
      // the client alone pulls no emulator, no Node-only module, no OAuth package
      assert.deepStrictEqual(results.bundle.ours.nodeImports, [])
      assert.deepStrictEqual(results.bundle.ours.foreignInputs, [])
      // connections are reused: far fewer than one per request
      assert.isAtMost(results.connections.ours, 5)
      const markdown = readFileSync(join(out, "BENCHMARKS.md"), "utf8")
      assert.include(markdown, "@notion-effect/core")
      assert.include(markdown, "official")
      assert.include(markdown, "## Rate limited")
      assert.include(markdown, "floor-lean")
      assert.include(markdown, "## Bundles")
      assert.include(markdown, "cold start from a bundle ≤ 1.5× the floor")
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 180_000)
})
