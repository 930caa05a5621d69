// One measurement in a fresh process: `node worker.mjs <client> <scenario> <base url> <n>` prints JSON.
// Clients: ours-lean (@notion-effect/undici), ours-undici (the platform's undici layer), ours-fetch, ours-node
// (keep-alive agent), official; the floor (floor.mjs: effect + Schema + HttpClient, no SDK) over FetchHttpClient
// (floor) or over the HttpClient ours-lean uses (floor-lean); no Effect at all: floor-undici (undici `Pool.request`
// + `JSON.parse`), floor-fetch (`fetch` + `JSON.parse`). The Effect 4 edition: ours4-lean, ours4-fetch, floor4-lean,
// floor4 (the same layers and the same floor on `effect` 4.1; loaded by effect4/bench/clients.mjs, where `effect`
// resolves to 4.1), measured below like every other client, on the same Node.
const started = performance.now()
const [client, scenario, base, nText] = process.argv.slice(2)
const n = Number(nText)

let imported = NaN
const load = async () => {
  if (/^(ours|floor)4(-|$)/.test(client)) {
    const Effect4 = await import("../../effect4/bench/clients.mjs")
    return Effect4.load(client, base, () => (imported = performance.now()))
  }
  if (client === "official") {
    const { Client, iteratePaginatedAPI } = await import("@notionhq/client")
    imported = performance.now()
    const notion = new Client({ auth: "secret_bench", baseUrl: base })
    return {
      users: () => notion.users.list({}),
      page: () => notion.pages.retrieve({ page_id: "p1" }),
      paginate: async () => {
        let count = 0
        for await (const _ of iteratePaginatedAPI(notion.users.list, {})) count++
        return count
      }
    }
  }
  if (client === "floor" || client === "floor-lean") {
    const { ManagedRuntime } = await import("effect")
    const Floor = await import("./floor.mjs")
    // floor-lean: the same HttpClient as ours-lean (`@notion-effect/undici`, an HttpClient over undici's pools; of
    // ours it pulls only the tiny `HttpDeadline` module), so ours-lean minus floor-lean is the SDK alone
    const http = client === "floor-lean"
      ? (await import("../../packages/undici/dist/index.js")).UndiciHttpClient.layer
      : (await import("@effect/platform/FetchHttpClient")).layer
    imported = performance.now()
    const runtime = ManagedRuntime.make(http)
    const notion = await runtime.runPromise(Floor.make(base, "secret_bench"))
    return {
      users: () => runtime.runPromise(notion.users.list()),
      page: () => runtime.runPromise(notion.pages.retrieve({ page_id: "p1" })),
      paginate: undefined,
      dispose: () => runtime.dispose()
    }
  }
  if (client.startsWith("floor-")) {
    const { Pool } = await import("undici")
    const pool = new Pool(base)
    const get = client === "floor-undici"
      ? async (path) => JSON.parse(await (await pool.request({ path, method: "GET" })).body.text())
      : async (path) => (await fetch(`${base}${path}`)).json()
    return { users: () => get("/v1/users"), page: () => get("/v1/pages/p1"), paginate: undefined }
  }
  // ours, from the built package (dist), as a user of the published package runs it
  const { NotionAuth, NotionClient, NotionConfig } = await import("../../packages/core/dist/index.js")
  const { Layer, ManagedRuntime, Redacted, Stream } = await import("effect")
  const http = client === "ours-lean"
    ? (await import("../../packages/undici/dist/index.js")).UndiciHttpClient.layer
    : client === "ours-fetch"
    ? (await import("@effect/platform/FetchHttpClient")).layer
    : client === "ours-node"
    ? (await import("@effect/platform-node/NodeHttpClient")).layerWithoutAgent.pipe(
      Layer.provide((await import("@effect/platform-node/NodeHttpClient")).makeAgentLayer({ keepAlive: true }))
    )
    : (await import("@effect/platform-node/NodeHttpClient")).layerUndici
  imported = performance.now()
  const runtime = ManagedRuntime.make(NotionClient.layer.pipe(Layer.provide([
    NotionAuth.layer(Redacted.make("secret_bench")),
    NotionConfig.layer({ baseUrl: base }),
    http
  ])))
  const notion = await runtime.runPromise(NotionClient.NotionClient)
  return {
    users: () => runtime.runPromise(notion.users.list()),
    page: () => runtime.runPromise(notion.pages.retrieve({ page_id: "p1" })),
    paginate: () => runtime.runPromise(Stream.runCount(NotionClient.paginate(notion.users.list, {}))),
    dispose: () => runtime.dispose()
  }
}

const api = await load()
const loaded = performance.now()
const result = {}
if (scenario === "cold") {
  await api.users()
  result.ms = performance.now() - started
  // the part before the first request: imports and building the client
  result.loadMs = loaded - started
  result.importMs = imported - started
} else if (scenario === "users" || scenario === "page") {
  const call = api[scenario]
  for (let i = 0; i < Math.min(200, n); i++) await call()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await call()
  const cpu = process.cpuUsage(cpu0)
  result.msPerRequest = (performance.now() - t0) / n
  result.cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / n
} else if (scenario === "throughput") {
  const call = api.users
  for (let i = 0; i < 100; i++) await call()
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next++ < n) await call()
  }))
  result.requestsPerSecond = n / ((performance.now() - t0) / 1000)
} else if (scenario === "paginate") {
  const rss0 = process.memoryUsage().rss
  let peak = rss0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const t0 = performance.now()
  result.items = await api.paginate()
  result.ms = performance.now() - t0
  clearInterval(sampler)
  result.peakRssGrowthMb = (Math.max(peak, process.memoryUsage().rss) - rss0) / 1024 / 1024
} else if (scenario === "connections") {
  for (let i = 0; i < n; i++) await api.users()
}
await api.dispose?.()
console.log(JSON.stringify(result))
process.exit(0)
