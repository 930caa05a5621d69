// One run of the PostgreSQL chaos scenario: a private PostgreSQL (never the shared one) killed while a refresh's
// answer is held, then restarted. Skipped with one line when no PostgreSQL binaries are found, unless
// NOTION_EFFECT_REQUIRE_SERVICES=1.
import { assert, describe, it } from "@effect/vitest"
import { binDir } from "../src/chaos/postgres-server.js"
import { run } from "../src/chaos/postgres.js"

const available = binDir() !== undefined
if (!available) {
  if (process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1") {
    throw new Error("PostgreSQL binaries are required (NOTION_EFFECT_REQUIRE_SERVICES=1) but none were found")
  }
  console.log("chaos-postgres skipped: no initdb under /usr/lib/postgresql/*/bin; set NOTION_EFFECT_PG_BIN to enable")
}

describe.skipIf(!available)("chaos: PostgreSQL", () => {
  it("killed mid-refresh: typed errors while down; after the restart every call succeeds on one refresh", async () => {
    const report = await run({ runs: 1 })
    const [figures] = report.runs
    assert.strictEqual(report.runs.length, 1)
    assert.strictEqual(figures!["untyped errors or defects while down"], 0, JSON.stringify(figures))
    assert.strictEqual(figures!["failed after restart"], 0, JSON.stringify(figures))
    assert.strictEqual(figures!["refreshes counted by the emulator"], 1, JSON.stringify(figures))
    assert.strictEqual(figures!["refresh-token reuses"], 0, JSON.stringify(figures))
    assert.strictEqual(figures!["grant revoked"], 0, JSON.stringify(figures))
    assert.isAbove(Number(figures!["succeeded while down"]), 0, "the manager holding the new pair kept working")
    assert.isAtLeast(Number(figures!["write-back after restart ms"]), 0, "the kept pair was written back")
    assert.isTrue(report.passed, JSON.stringify(figures))
  }, 120_000)
})
