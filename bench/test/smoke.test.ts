// The benchmark in CI: a smoke run (tiny sizes) proves every scenario runs for both SDKs, and for the Effect 4
// edition beside the Effect 3 one, and writes its figures.
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
  "bundle.everyGzipRatioToFloor",
  // the Effect 4 edition (ours4-lean, its floor on Effect 4, its bundles) and its ratios to the Effect 3 one
  "effect4.overhead.usersList.ratio",
  "effect4.overhead.usersList.ratioToEffect3",
  "effect4.overhead.pagesRetrieve.ratio",
  "effect4.overhead.pagesRetrieve.ratioToEffect3",
  "effect4.throughput.ratio",
  "effect4.throughput.ratioToEffect3",
  "effect4.pagination.ratio",
  "effect4.pagination.peakRssGrowthMb",
  "effect4.floor.usersList.ratio",
  "effect4.floor.pagesRetrieve.ratio",
  "effect4.floor.usersList.fetchRatio",
  "effect4.floor.throughput.ratio",
  "effect4.coldStart.ratio",
  "effect4.coldStart.ratioToFloor",
  "effect4.coldStart.ratioToEffect3",
  "effect4.coldStart.bundle.ratio",
  "effect4.coldStart.bundle.ratioToFloor",
  "effect4.bundle.oursKb",
  "effect4.bundle.floorKb",
  "effect4.bundle.everyKb",
  "effect4.bundle.oneRatioToFloor",
  "effect4.bundle.oneGzipRatioToFloor",
  "effect4.bundle.everyRatioToFloor",
  "effect4.bundle.oneRatioToEffect3",
  "effect4.bundle.floorRatioToEffect3Floor",
  "effect4.connections.ours"
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
      for (
        const program of [
          "ours.one",
          "ours.every",
          "floor.one",
          "official.one",
          "official.every",
          "ours4.one",
          "ours4.every",
          "floor4.one"
        ]
      ) {
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
      // the Effect 4 edition: every column measured, on the same Node as the rest; its bundles hold one `effect`, 4.1
      // (none of the Effect 3 workspace's), no Node-only import, nothing foreign; its connections are reused too
      for (const column of ["ours4-lean", "ours4-fetch", "floor4-lean", "floor4"]) {
        const figures = results.byLayer[column]
        for (const key of ["usersListMs", "pagesRetrieveMs", "throughputRps", "coldStartMs"]) {
          assert.isTrue(Number.isFinite(figures[key]) && figures[key] > 0, `${column} ${key} = ${figures[key]}`)
        }
      }
      assert.strictEqual(results.effect4.node, results.machine.node)
      for (const program of ["ours", "every", "floor"]) {
        assert.deepStrictEqual(results.effect4.bundle[program].effectVersions, ["4.1.0"], program)
      }
      for (const program of ["ours", "every"]) {
        assert.deepStrictEqual(results.effect4.bundle[program].nodeImports, [], program)
        assert.deepStrictEqual(results.effect4.bundle[program].foreignInputs, [], program)
      }
      assert.isAtMost(results.effect4.connections.ours, 5)
      // one endpoint through NotionCaller carries its declaration, not the client's tree (bundle.test.ts, on Effect 4)
      const coreModules = results.effect4.bundle.ours.coreModules
      assert.include(coreModules, "api/users.js")
      assert.include(coreModules, "User.js")
      for (const other of ["NotionApi.js", "NotionClient.js", "api/pages.js", "Block.js", "Filter.js", "Page.js"]) {
        assert.notInclude(coreModules, other)
      }
      // where its time goes: a CPU profile of ours4-lean, by part (Effect 4's module layout recognised)
      const shares = Object.values(results.effect4.profileShares) as Array<number>
      assert.closeTo(shares.reduce((a, b) => a + b, 0), 100, 0.01)
      assert.isAbove(results.effect4.profileShares["effect: runtime (fibers, scheduler, …)"], 0)
      // the same targets, computed for the Effect 4 edition too
      assert.strictEqual(results.effect4.targets.length, results.targets.length)
      const markdown = readFileSync(join(out, "BENCHMARKS.md"), "utf8")
      assert.include(markdown, "@notion-effect/core")
      assert.include(markdown, "official")
      assert.include(markdown, "## Rate limited")
      assert.include(markdown, "floor-lean")
      assert.include(markdown, "## Bundles")
      assert.include(markdown, "cold start from a bundle ≤ 1.5× the floor")
      assert.include(markdown, "## The Effect 4 edition")
      assert.include(markdown, "| ours4-lean | ours4-fetch | floor4-lean | floor4 |")
      assert.include(markdown, "ours on Effect 4, one endpoint")
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 300_000)
})
