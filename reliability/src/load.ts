/**
 * Faults under load: many requests at concurrency 50 against the emulator while it injects 429, 529, 5xx and
 * connection resets into a share of them. Every GET must succeed within its retry budget; a POST must never be
 * sent again after a 5xx or a reset (a write may have been committed) — only after 429/529, which Notion did not
 * process.
 */
import { NotionAuth, NotionClient, NotionConfig, NotionRetry } from "@notion-effect/core"
import { Fault, Fixture, NotionEmulator } from "@notion-effect/emulator"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** The figures of a load run. */
export interface LoadReport {
  readonly requests: number
  readonly gets: number
  readonly getsFailed: number
  readonly posts: number
  /** POST attempts the emulator saw beyond one per call. */
  readonly postRepeats: number
  /** POSTs answered 429 or 529 (the only answers after which a POST may be sent again). */
  readonly postRateLimited: number
  /** Error answers the emulator gave (injected 429/529/5xx; resets mid-body are not counted here). */
  readonly errorAnswers: number
  /** Attempts the emulator received in all. */
  readonly attempts: number
  readonly durationMs: number
}

const faultKinds: ReadonlyArray<Fault.Kind> = [
  Fault.status(429, { retryAfter: "0" }),
  Fault.status(529, { retryAfter: "0" }),
  Fault.status(500),
  Fault.status(502),
  Fault.status(503),
  Fault.htmlBadGateway,
  Fault.resetMidBody
]

/** Runs `requests` calls (two GETs for one POST) with `faultRate` of them hitting a fault. */
export const runLoad = (options: { readonly requests: number; readonly faultRate: number }) =>
  Effect.scoped(Effect.gen(function*() {
    const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 1_000_000, window: "60 seconds" } })
    for (const kind of faultKinds) {
      for (const route of ["GET /v1/users", "GET /v1/pages/{id}", "POST /v1/search"]) {
        yield* emulator.injectFault({ route, probability: options.faultRate / faultKinds.length, kind })
      }
    }
    // built in this scope: a layer provided to `make` alone would close its connection pool right after
    const context = yield* Layer.build(
      Layer.mergeAll(
        UndiciHttpClient.layer,
        NotionAuth.layer(emulator.internalToken),
        NotionConfig.layer({
          baseUrl: emulator.url,
          timeout: "5 seconds",
          // a retry budget that survives several faults in a row, without real waiting
          retry: NotionRetry.make({ retries: 6, initialDelay: "1 millis", maxDelay: "5 millis" })
        })
      )
    )
    const client = yield* Effect.provide(NotionClient.make, context)
    const page = Fixture.pages.roadmap
    let gets = 0
    let getsFailed = 0
    let posts = 0
    const started = Date.now()
    yield* Effect.forEach(
      Array.from({ length: options.requests }, (_, i) => i),
      (i) => {
        if (i % 3 === 2) {
          posts++
          return Effect.ignore(client.search({ query: "" }))
        }
        gets++
        const call = i % 3 === 0
          ? Effect.asVoid(client.users.list())
          : Effect.asVoid(client.pages.retrieve({ page_id: page }))
        return Effect.catchAll(call, () => Effect.sync(() => void getsFailed++))
      },
      { concurrency: 50, discard: true }
    )
    const durationMs = Date.now() - started
    const stats = yield* emulator.stats
    const postLog = stats.log.filter((entry) => entry.route === "POST /v1/search")
    return {
      requests: options.requests,
      gets,
      getsFailed,
      posts,
      postRepeats: (stats.requests["POST /v1/search"] ?? 0) - posts,
      postRateLimited: postLog.filter((entry) => entry.status === 429 || entry.status === 529).length,
      errorAnswers: stats.log.filter((entry) => entry.status >= 429).length,
      attempts: Object.values(stats.requests).reduce((a, b) => a + b, 0),
      durationMs
    } satisfies LoadReport
  }))
