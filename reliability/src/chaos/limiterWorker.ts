/**
 * One worker process of the rate-limiter chaos scenarios: `node --import tsx limiterWorker.ts`, its settings in
 * the environment (BASE_URL, NOTION_TOKEN, REDIS_URL, PREFIX, API_PATH, COUNT, CONCURRENCY, REQUESTS, WINDOW_MS).
 * Builds a `NotionClient` with `RedisRateLimiter.layer`, prints `{"ready":true}`, waits for `go` on stdin, sends
 * COUNT GETs at CONCURRENCY, printing `{"progress":…}` every 20 ms (calls done, failed, requests on the wire) and
 * finally `{"result":…}`.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { NotionAuth, NotionClient, NotionConfig } from "@notion-effect/core"
import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { createInterface } from "node:readline"

const env = (name: string) => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

let onWire = 0
let done = 0
let failed = 0
const errors: Record<string, number> = {}
const print = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`)

/** The HTTP client, counting requests sent and not yet answered. */
const counted = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) =>
    HttpClient.transform(client, (response) =>
      Effect.ensuring(
        Effect.zipRight(Effect.sync(() => onWire++), response),
        Effect.sync(() => onWire--)
      )))
).pipe(Layer.provide(NodeHttpClient.layerUndici))

const layer = NotionClient.layer.pipe(
  Layer.provide([
    NotionAuth.layer(Redacted.make(env("NOTION_TOKEN"))),
    NotionConfig.layer({ baseUrl: env("BASE_URL") }),
    RedisRateLimiter.layer({
      url: env("REDIS_URL"),
      prefix: env("PREFIX"),
      requests: Number(env("REQUESTS")),
      window: Duration.millis(Number(env("WINDOW_MS"))),
      maxWait: "1 minute"
    })
  ]),
  Layer.provideMerge(counted)
)

const go = new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin })
  lines.on("line", (line) => {
    if (line.trim() === "go") resolve()
  })
})

const program = Effect.gen(function*() {
  const client = yield* NotionClient.NotionClient
  print({ ready: true })
  yield* Effect.promise(() => go)
  const started = Date.now()
  const timer = setInterval(() => print({ progress: { done, failed, onWire } }), 20)
  yield* Effect.forEach(
    Array.from({ length: Number(env("COUNT")) }),
    () =>
      Effect.either(client.request({ method: "GET", path: env("API_PATH") }, Schema.Unknown)).pipe(
        Effect.map((result) => {
          done++
          if (result._tag === "Left") {
            failed++
            errors[result.left._tag] = (errors[result.left._tag] ?? 0) + 1
          }
        })
      ),
    { concurrency: Number(env("CONCURRENCY")), discard: true }
  )
  clearInterval(timer)
  print({ result: { ok: done - failed, failed, errors, ms: Date.now() - started } })
})

Effect.runPromise(Effect.provide(program, layer)).then(
  () => process.exit(0),
  (error) => {
    console.error(String(error))
    process.exit(1)
  }
)
