// The rate-limited scenario, one measurement in a fresh process:
// `node --import tsx ratelimited.mjs <ours|official> <concurrency> <n> <requests> <windowMs>` prints JSON.
// Starts the emulator in this process (from its TypeScript source, hence tsx) with a budget of <requests> per
// <windowMs> window, sends <n> `users.me` calls at <concurrency>, and reports the completion time, the 429s the
// emulator answered and the calls that failed. Ours runs from the built package (dist) with the client-side
// limiter set to the same budget; the official SDK with its defaults (2 retries, honouring Retry-After). Both
// first run the same calls against a second emulator without a practical budget: the figures are the steady
// pace, not the cold start (measured by the `cold` scenario).
const [client, concurrencyText, nText, requestsText, windowText] = process.argv.slice(2)
const concurrency = Number(concurrencyText)
const n = Number(nText)
const requests = Number(requestsText)
const windowMs = Number(windowText)

const { ManagedRuntime, Redacted } = await import("effect")
const { NotionEmulator } = await import("../../packages/emulator/src/index.ts")
const start = async (budget) => {
  const runtime = ManagedRuntime.make(NotionEmulator.layer({ rateLimit: budget }))
  return { runtime, emulator: await runtime.runPromise(NotionEmulator.NotionEmulator) }
}
// the measured emulator, and one with no practical budget to warm both processes up on (JIT, connections)
const measured = await start({ requests, window: `${windowMs} millis` })
const warm = await start({ requests: 1e9, window: "1 minute" })
const token = Redacted.value(measured.emulator.internalToken)

const load = async (baseUrl, limited) => {
  if (client === "official") {
    const { Client } = await import("@notionhq/client")
    // silenced: it logs every 429 it retries
    const notion = new Client({ auth: token, baseUrl, logger: () => {} })
    return { call: () => notion.users.me({}) }
  }
  const { NotionAuth, NotionClient, NotionConfig, NotionRateLimiter } = await import(
    "../../packages/core/dist/index.js"
  )
  const { Layer } = await import("effect")
  const { UndiciHttpClient } = await import("../../packages/undici/dist/index.js")
  const runtime = ManagedRuntime.make(NotionClient.layer.pipe(Layer.provide([
    NotionAuth.layer(Redacted.make(token)),
    NotionConfig.layer({ baseUrl }),
    limited ? NotionRateLimiter.layer({ requests, window: `${windowMs} millis` }) : NotionRateLimiter.layerUnlimited,
    UndiciHttpClient.layer
  ])))
  const notion = await runtime.runPromise(NotionClient.NotionClient)
  return { call: () => runtime.runPromise(notion.users.me()), dispose: () => runtime.dispose() }
}

const batch = async (api, count) => {
  let next = 0
  let failed = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < count) {
      try {
        await api.call()
      } catch {
        failed++
      }
    }
  }))
  return failed
}

const warmApi = await load(warm.emulator.url, false)
await batch(warmApi, Math.max(2 * requests, 2 * concurrency))
await warmApi.dispose?.()

const api = await load(measured.emulator.url, true)
const t0 = performance.now()
const failed = await batch(api, n)
const ms = performance.now() - t0
const stats = await measured.runtime.runPromise(measured.emulator.stats)
// the budget's own pace: full bursts at the start of each window, so the last one goes out
// (ceil(n / requests) - 1) windows after the first
const idealMs = (Math.ceil(n / requests) - 1) * windowMs
await api.dispose?.()
await measured.runtime.dispose()
await warm.runtime.dispose()
console.log(JSON.stringify({ ms, idealMs, ratioToIdeal: ms / idealMs, count429: stats.rateLimited, failed }))
process.exit(0)
