// The Redis-backed limiter against a real Redis (NOTION_EFFECT_REDIS_URL, default redis://127.0.0.1:6379) and the
// emulator. Skipped, with one line saying so, when Redis is unreachable — unless NOTION_EFFECT_REQUIRE_SERVICES=1
// (CI), where it fails instead.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import type { NotionRateLimiter } from "@notion-effect/core"
import { NotionAuth, NotionClient, NotionConfig, NotionRetry } from "@notion-effect/core"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { execFile } from "node:child_process"
import { randomUUID } from "node:crypto"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { RedisRateLimiter } from "../src/index.js"
import { capture, keysOf, proxy, redisReachable, redisUrl, required, withPrefix } from "./utils/redis.js"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "../../..")
const reachable = await redisReachable()

const burst = (count: number, concurrency: number | "unbounded") =>
  Effect.flatMap(NotionClient.NotionClient, (client) =>
    Effect.forEach(
      Array.from({ length: count }),
      () => Effect.either(client.request({ method: "GET", path: "/v1/users/me" }, Schema.Unknown)),
      { concurrency }
    ))

const clientWith = (
  emulator: NotionEmulator.Service,
  limiter: Layer.Layer<NotionRateLimiter.NotionRateLimiter>,
  retry = NotionRetry.defaultSchedule
) =>
  NotionClient.layer.pipe(
    Layer.provide([
      NotionAuth.layer(emulator.internalToken),
      NotionConfig.layer({ baseUrl: emulator.url, retry }),
      limiter
    ])
  )

describe.skipIf(!reachable && !required)("RedisRateLimiter", () => {
  it("Redis is reachable", () => {
    assert.isTrue(reachable, `no Redis answers at ${redisUrl} (NOTION_EFFECT_REQUIRE_SERVICES=1 requires it)`)
  })

  it.scopedLive("state is keyed by the token's hash, and two processes share one back-off", () =>
    withPrefix((prefix) =>
      Effect.gen(function*() {
        const secret = `secret_redis_test_${randomUUID()}`
        const token = Redacted.make(secret)
        const a = yield* RedisRateLimiter.make({ url: redisUrl, prefix, requests: 5, window: "1 second" })
        const b = yield* RedisRateLimiter.make({
          url: redisUrl,
          prefix,
          requests: 5,
          window: "1 second",
          maxWait: "5 seconds"
        })
        yield* a.acquire(token)
        yield* a.release(token)
        yield* a.backoff(token, Duration.seconds(1))
        const keys = yield* Effect.promise(() => keysOf(prefix))
        assert.isAbove(keys.length, 0)
        for (const key of keys) {
          assert.notInclude(key, secret)
          // the token's keys, and the live processes of the prefix
          if (key !== `${prefix}processes`) assert.match(key, /\{[0-9a-f]{64}\}/)
        }
        // b never saw the 429, yet waits for a's back-off
        const started = Date.now()
        yield* b.acquire(token)
        assert.isAtLeast(Date.now() - started, 900)
        // a back-off past maxWait fails at once everywhere
        yield* a.backoff(token, Duration.minutes(10))
        const error = yield* Effect.flip(b.acquire(token))
        assert.strictEqual(error._tag, "RateLimited")
        assert.isTrue(Option.isSome(error.retryAfter))
        assert.notInclude(error.message, secret)
      })
    ))

  it.scopedLive(
    "three OS processes sharing Redis stay within one budget together: zero 429s",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 10, window: "1 second" } })
          const run = () =>
            Effect.promise(() =>
              promisify(execFile)(process.execPath, ["--import", "tsx", join(here, "fixtures/burst.ts")], {
                cwd: root,
                env: {
                  ...process.env,
                  BASE_URL: emulator.url,
                  NOTION_TOKEN: Redacted.value(emulator.internalToken),
                  REDIS_URL: redisUrl,
                  PREFIX: prefix,
                  COUNT: "15",
                  CONCURRENCY: "5",
                  REQUESTS: "10",
                  WINDOW_MS: "1000"
                }
              })
            ).pipe(Effect.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").pop()!)))
          const results = yield* Effect.all([run(), run(), run()], { concurrency: "unbounded" })
          const stats = yield* emulator.stats
          for (const { ms: _, ...result } of results) assert.deepStrictEqual(result, { ok: 15, failed: 0, errors: [] })
          assert.strictEqual(stats.rateLimited, 0)
          assert.strictEqual(stats.requests["GET /v1/users/me"], 45)
        })
      ).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    60_000
  )

  it.scopedLive(
    "Redis going away mid-run: the in-process limiter takes over with a warning, no request is lost",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 10, window: "1 second" } })
          const cut = yield* proxy
          const logs = capture()
          let usedRedis = 0
          const limiter = RedisRateLimiter.layer({
            url: cut.url,
            prefix,
            requests: 10,
            window: "1 second"
          })
          const results = yield* Effect.gen(function*() {
            yield* Effect.fork(Effect.zipRight(
              Effect.sleep("1500 millis"),
              Effect.zipRight(
                Effect.promise(() => keysOf(prefix)).pipe(Effect.map((keys) => (usedRedis = keys.length))),
                cut.cut
              )
            ))
            return yield* burst(40, 10)
          }).pipe(
            Effect.provide(clientWith(emulator, limiter, NotionRetry.make({ retries: 5 }))),
            Effect.provide(logs.layer)
          )
          const stats = yield* emulator.stats
          assert.isAbove(usedRedis, 0) // the budget was in Redis before it went away
          assert.strictEqual(results.filter((r) => r._tag === "Right").length, 40)
          assert.strictEqual(stats.requests["GET /v1/users/me"], 40 + stats.rateLimited)
          const warnings = logs.lines.filter((l) => l.startsWith("WARN") && l.includes("in-process limiter"))
          assert.strictEqual(warnings.length, 1, logs.lines.join("\n"))
          for (const line of logs.lines) assert.notInclude(line, Redacted.value(emulator.internalToken))
        })
      ).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    60_000
  )

  it.scopedLive(
    "Redis unreachable from the start: the in-process limiter, one warning, zero 429s",
    () =>
      withPrefix((prefix) =>
        Effect.gen(function*() {
          const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 10, window: "1 second" } })
          const logs = capture()
          const limiter = RedisRateLimiter.layer({
            url: "redis://127.0.0.1:1",
            prefix,
            requests: 10,
            window: "1 second"
          })
          const results = yield* burst(25, "unbounded").pipe(
            Effect.provide(clientWith(emulator, limiter, NotionRetry.disabled)),
            Effect.provide(logs.layer)
          )
          assert.strictEqual(results.filter((r) => r._tag === "Right").length, 25)
          assert.strictEqual((yield* emulator.stats).rateLimited, 0)
          assert.strictEqual(logs.lines.filter((l) => l.startsWith("WARN")).length, 1, logs.lines.join("\n"))
          assert.include(logs.lines.join("\n"), "127.0.0.1:1")
        })
      ).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    30_000
  )
})
