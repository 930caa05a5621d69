// The rate limiter's chaos scenarios, one run each at full size: Redis killed and restarted mid-batch across three
// worker processes, and a worker killed with requests in flight. They need redis-server
// (NOTION_EFFECT_REDIS_SERVER, default /usr/bin/redis-server): without it they are skipped with one line, unless
// NOTION_EFFECT_REQUIRE_SERVICES=1 (CI), where they fail.
import { assert, describe, it } from "@effect/vitest"
import { existsSync } from "node:fs"
import * as RedisChaos from "../src/chaos/redis.js"
import { redisServerPath } from "../src/chaos/redisServer.js"
import * as WorkerChaos from "../src/chaos/worker.js"

const present = existsSync(redisServerPath)
const required = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"
if (!present && !required) {
  console.log(
    `chaos-redis: no redis-server at ${redisServerPath}, skipped (install redis-server or set NOTION_EFFECT_REDIS_SERVER)`
  )
}

describe.skipIf(!present && !required)("chaos: the Redis rate limiter", () => {
  it("redis-server is present", () => {
    assert.isTrue(present, `no redis-server at ${redisServerPath} (NOTION_EFFECT_REQUIRE_SERVICES=1 requires it)`)
  })

  it("Redis killed and restarted mid-batch across 3 processes: 0 failed calls", async () => {
    const report = await RedisChaos.run({ runs: 1 })
    const [figures] = report.runs
    console.log(JSON.stringify(figures))
    assert.strictEqual(figures!.calls, 300)
    assert.strictEqual(figures!.failed, 0, JSON.stringify(figures))
    assert.isTrue(report.passed)
  }, 90_000)

  it("a worker killed with requests in flight: the survivors finish within 15 % of the ideal", async () => {
    const report = await WorkerChaos.run({ runs: 1 })
    const [figures] = report.runs
    console.log(JSON.stringify(figures))
    assert.isAtLeast(figures!["victim requests in flight when killed"] as number, 1)
    assert.strictEqual(figures!.failed, 0, JSON.stringify(figures))
    assert.isAtMost(figures!["duration / ideal"] as number, 1 + WorkerChaos.tolerance, JSON.stringify(figures))
    assert.isTrue(report.passed)
  }, 90_000)
})
