// Core's in-process limiter against the emulator over real sockets: a burst from one process is paced within the
// server's budget (the emulator counts the 429s). No Redis needed.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { NotionAuth, NotionClient, NotionConfig, NotionRateLimiter, NotionRetry } from "@notion-effect/core"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

describe("NotionRateLimiter against the emulator", () => {
  it.scopedLive(
    "a burst of 35 against a budget of 10 per second: all succeed, zero 429s",
    () =>
      Effect.gen(function*() {
        const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 10, window: "1 second" } })
        const layer = NotionClient.layer.pipe(
          Layer.provide([
            NotionAuth.layer(emulator.internalToken),
            NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled }),
            NotionRateLimiter.layer({ requests: 10, window: "1 second" })
          ])
        )
        const started = Date.now()
        const results = yield* NotionClient.NotionClient.pipe(
          Effect.flatMap((client) =>
            Effect.forEach(
              Array.from({ length: 35 }),
              () => client.request({ method: "GET", path: "/v1/users/me" }, Schema.Unknown),
              { concurrency: "unbounded" }
            )
          ),
          Effect.provide(layer)
        )
        const elapsed = Date.now() - started
        const stats = yield* emulator.stats
        assert.strictEqual(results.length, 35)
        assert.strictEqual(stats.rateLimited, 0)
        assert.strictEqual(stats.requests["GET /v1/users/me"], 35)
        // 4 windows: the 31st to 35th requests go out once the third window has ended
        assert.isAtLeast(elapsed, 3000)
        assert.isBelow(elapsed, 6000)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    20_000
  )

  it.scopedLive("the same burst without the limiter: the emulator answers 429 past its budget", () =>
    Effect.gen(function*() {
      // a window the burst cannot outlast, even on a loaded machine
      const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 10, window: "30 seconds" } })
      const layer = NotionClient.layer.pipe(
        Layer.provide([
          NotionAuth.layer(emulator.internalToken),
          NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled })
        ])
      )
      const results = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((client) =>
          Effect.forEach(
            Array.from({ length: 35 }),
            () => Effect.either(client.request({ method: "GET", path: "/v1/users/me" }, Schema.Unknown)),
            { concurrency: "unbounded" }
          )
        ),
        Effect.provide(layer)
      )
      assert.strictEqual(results.filter((r) => r._tag === "Left").length, 25)
      assert.strictEqual((yield* emulator.stats).rateLimited, 25)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})
