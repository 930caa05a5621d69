// Mutated webhook deliveries against the real WebhookHttp.handler on a loopback socket (`run` of
// src/chaos/webhooks.ts): 1,000, then the full 10,000.
import { assert, describe, it } from "@effect/vitest"
import type { ChaosReport } from "../src/chaos/report.js"
import { run } from "../src/chaos/webhooks.js"

const assertCriterion = (report: ChaosReport, deliveries: number) => {
  assert.strictEqual(report.runs.length, 1)
  const figures = report.runs[0]!
  assert.strictEqual(figures.deliveries, deliveries)
  // most deliveries are mutated; some mutations leave one valid (re-ordered headers, re-cased names or hex digits)
  assert.isAbove(figures.mutated as number, deliveries * 0.8)
  assert.isAbove(figures["still valid"] as number, 0)
  assert.strictEqual((figures.mutated as number) + (figures["still valid"] as number), deliveries)
  assert.strictEqual(figures["mutated, reached the handler"], 0)
  assert.strictEqual(figures["still valid, reached the handler"], figures["still valid"])
  assert.strictEqual(figures["answered 5xx"], 0)
  assert.strictEqual(figures.unanswered, 0)
  assert.strictEqual(figures["mutated, not answered 400 or 401"], 0)
  assert.strictEqual((figures["answered 400"] as number) + (figures["answered 401"] as number), figures.mutated)
  assert.strictEqual(figures["answered 2xx"], figures["still valid"])
  // one warning line per refusal, none with a stack trace
  assert.strictEqual(figures["log lines"], figures.mutated)
  assert.strictEqual(figures["log lines with a stack trace"], 0)
  assert.isTrue(report.passed)
}

describe("chaos: mutated webhook deliveries", () => {
  it(
    "1,000 mutated deliveries: none reaches the handler, none is answered 5xx, each is answered 400 or 401",
    async () => {
      assertCriterion(await run({ runs: 1, deliveries: 1_000 }), 1_000)
    },
    60_000
  )

  it("10,000 mutated deliveries: the same", async () => {
    const report = await run({ runs: 1 })
    assert.strictEqual(report.name, "10,000 mutated webhook deliveries")
    assertCriterion(report, 10_000)
  }, 180_000) // about 12 s of CPU; 21 to 66 s measured on two cores shared at a load average of 10 to 20
})
