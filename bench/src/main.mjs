// `pnpm bench`: both SDKs side by side in one run — interleaved rounds, each measurement a fresh process with the
// same flags — against a minimal static loopback server (client cost alone). Prints a markdown table, rewrites
// BENCHMARKS.md and bench/results.json. `--smoke` runs every scenario with tiny sizes (CI); `--out DIR` writes
// the two files to DIR instead.
import * as esbuild from "esbuild"
import { execFileSync, spawn } from "node:child_process"
import * as FS from "node:fs"
import * as OS from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { start } from "./server.mjs"

const here = Path.dirname(fileURLToPath(import.meta.url))
const benchDir = Path.join(here, "..")
const root = Path.join(benchDir, "..")
const args = process.argv.slice(2)
const smoke = args.includes("--smoke") || process.env.BENCH_SMOKE === "1"
const outIndex = args.indexOf("--out")
const outDir = outIndex >= 0 ? Path.resolve(args[outIndex + 1]) : undefined

const sizes = smoke
  ? {
    rounds: 1,
    sequential: 30,
    throughput: 64,
    pagination: 2_000,
    connections: 50,
    rateLimited: { n: 12, requests: 4, windowMs: 300, concurrency: [3, 12] }
  }
  : {
    rounds: 5,
    sequential: 2_000,
    throughput: 4_000,
    pagination: 100_000,
    connections: 50,
    rateLimited: { n: 300, requests: 30, windowMs: 2_000, concurrency: [10, 50] }
  }

const ours = ["ours-lean", "ours-undici", "ours-fetch", "ours-node"]
/** The layer the README recommends (`UndiciHttpClient.layer`): the ratios are computed with it. */
const recommended = "ours-lean"

// ours is measured from the built package, as published
execFileSync(process.execPath, [
  Path.join(root, "node_modules/typescript/bin/tsc"),
  "-b",
  Path.join(root, "packages/core/tsconfig.build.json"),
  Path.join(root, "packages/undici/tsconfig.build.json")
], { stdio: "inherit" })

const server = await start(sizes.pagination)

// ours runs from `dist` as published: the condition makes `@notion-effect/undici`'s import of `@notion-effect/core`
// resolve to core's `dist` too (in the workspace, core's exports default to its TypeScript sources)
const distCondition = "--conditions=notion-effect-dist"

const worker = (client, scenario, n, flags = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      distCondition,
      ...flags,
      Path.join(here, "worker.mjs"),
      client,
      scenario,
      server.url,
      String(n)
    ], {
      cwd: benchDir,
      stdio: ["ignore", "pipe", "inherit"]
    })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()))
        : reject(new Error(`${client} ${scenario} exited ${code}`)))
  })

const samples = {}
const record = (key, value) => (samples[key] ??= []).push(value)
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const m = (key) => median(samples[key] ?? [NaN])

for (let round = 0; round < sizes.rounds; round++) {
  // interleaved, and the order turns every round, so no client always runs on a warmer or cooler machine
  const rotate = (list) => list.map((_, i) => list[(i + round) % list.length])
  for (const client of rotate([...ours, "official", "floor-undici", "floor-fetch"])) {
    for (const scenario of ["users", "page"]) {
      const r = await worker(client, scenario, sizes.sequential)
      record(`${scenario}.${client}.ms`, r.msPerRequest)
      record(`${scenario}.${client}.cpu`, r.cpuMsPerRequest)
    }
  }
  for (const client of rotate([...ours, "official"])) {
    record(`throughput.${client}`, (await worker(client, "throughput", sizes.throughput)).requestsPerSecond)
    record(`cold.${client}`, (await worker(client, "cold", 1)).ms)
  }
  if (round < Math.min(3, sizes.rounds)) {
    for (const client of rotate([recommended, "official"])) {
      const r = await worker(client, "paginate", 0)
      if (r.items !== sizes.pagination) throw new Error(`${client} paginated ${r.items} of ${sizes.pagination} users`)
      record(`paginate.${client}.ms`, r.ms)
      record(`paginate.${client}.rss`, r.peakRssGrowthMb)
    }
  }
}
const connections = {}
for (const client of [...ours, "official"]) {
  const before = server.state.connections
  await worker(client, "connections", sizes.connections)
  connections[client] = server.state.connections - before
}

// rate limited: n requests against the emulator's budget of `requests` per window, at each concurrency, ours
// (with the client-side limiter) and the official SDK; in its own process with tsx (the emulator runs from source)
const rateLimitedRun = (client, concurrency) =>
  new Promise((resolve, reject) => {
    const { n, requests, windowMs } = sizes.rateLimited
    const child = spawn(process.execPath, [
      distCondition,
      "--import",
      "tsx",
      Path.join(here, "ratelimited.mjs"),
      client,
      String(concurrency),
      String(n),
      String(requests),
      String(windowMs)
    ], { cwd: benchDir, stdio: ["ignore", "pipe", "inherit"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()))
        : reject(new Error(`rate limited ${client} ${concurrency} exited ${code}`)))
  })
const rateLimited = { ours: {}, official: {} }
for (const concurrency of sizes.rateLimited.concurrency) {
  for (const client of ["ours", "official"]) {
    rateLimited[client][concurrency] = await rateLimitedRun(client, concurrency)
  }
}
const rateLimitedSummary = (runs) => {
  const all = Object.values(runs)
  return {
    // over every concurrency: 429s and failures summed, the worst ratio
    count429: all.reduce((sum, r) => sum + r.count429, 0),
    failed: all.reduce((sum, r) => sum + r.failed, 0),
    ratioToIdeal: Math.max(...all.map((r) => r.ratioToIdeal)),
    byConcurrency: runs
  }
}

// minified bundles of a minimal users.list program
let purity
const bundle = async (contents) => {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: benchDir, loader: "js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent"
  })
  const output = Object.values(result.metafile.outputs)[0]
  purity = {
    // a program that imports only the client must pull no emulator, no Node-only code and no unused module
    nodeImports: output.imports.filter((i) => i.external).map((i) => i.path),
    foreignInputs: Object.keys(output.inputs).filter((i) => /emulator|platform-node|packages\/oauth/.test(i))
  }
  return result.outputFiles[0].contents.length / 1024
}
const oursKb = await bundle(`
import { FetchHttpClient } from "@effect/platform"
import { NotionAuth, NotionClient } from "../packages/core/dist/index.js"
import { Effect, Layer, Redacted } from "effect"
const layer = NotionClient.layer.pipe(Layer.provide([NotionAuth.layer(Redacted.make(process.env.NOTION_TOKEN)), FetchHttpClient.layer]))
Effect.runPromise(Effect.flatMap(NotionClient.NotionClient, (c) => c.users.list()).pipe(Effect.provide(layer))).then(console.log)
`)
const oursPurity = purity
const officialKb = await bundle(`
import { Client } from "@notionhq/client"
new Client({ auth: process.env.NOTION_TOKEN }).users.list({}).then(console.log)
`)

// where our time goes: a CPU profile of sequential users.list, self time by package
const profileDir = FS.mkdtempSync(Path.join(OS.tmpdir(), "notion-bench-prof-"))
await worker(recommended, "users", sizes.sequential, ["--cpu-prof", "--cpu-prof-dir", profileDir])
const profile = JSON.parse(FS.readFileSync(Path.join(profileDir, FS.readdirSync(profileDir)[0]), "utf8"))
FS.rmSync(profileDir, { recursive: true, force: true })
const groupOf = (url, name) => {
  if (name === "(garbage collector)") return "garbage collection"
  if (name === "(idle)" || name === "(program)") return "idle / waiting for the server"
  if (/packages\/core\/dist/.test(url)) return "@notion-effect/core"
  if (/packages\/undici\/dist/.test(url)) return "@notion-effect/undici"
  if (/effect\/dist\/esm\/(Schema|ParseResult|SchemaAST)/.test(url)) return "effect: Schema"
  if (/@effect\/platform/.test(url)) return "@effect/platform(-node)"
  if (/effect\/dist/.test(url)) return "effect: runtime (fibers, scheduler, …)"
  if (/undici/.test(url)) return "undici"
  if (/node:internal\/modules|node:internal\/bootstrap|esm\/|cjs\//.test(url)) return "module loading"
  if (name === "parse" || name === "stringify") return "JSON"
  return "node internals / other"
}
const selfTime = new Map()
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
profile.samples.forEach((id, i) => {
  const frame = nodes.get(id).callFrame
  const group = groupOf(frame.url, frame.functionName)
  selfTime.set(group, (selfTime.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const totalTime = [...selfTime.values()].reduce((a, b) => a + b, 0)
const profileRows = [...selfTime].sort((a, b) => b[1] - a[1]).map(([group, t]) =>
  `| ${group} | ${(t / totalTime * 100).toFixed(1)} % |`
)

await server.close()

const ratio = (a, b) => a / b
const results = {
  machine: {
    cpu: OS.cpus()[0]?.model ?? "unknown",
    cores: OS.cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    smoke
  },
  recommendedLayer: recommended,
  overhead: {
    usersList: {
      oursMs: m(`users.${recommended}.ms`),
      officialMs: m("users.official.ms"),
      ratio: ratio(m(`users.${recommended}.ms`), m("users.official.ms")),
      cpuRatio: ratio(m(`users.${recommended}.cpu`), m("users.official.cpu")),
      floorUndiciMs: m("users.floor-undici.ms"),
      floorFetchMs: m("users.floor-fetch.ms"),
      ratioToUndiciFloor: ratio(m(`users.${recommended}.ms`), m("users.floor-undici.ms"))
    },
    pagesRetrieve: {
      oursMs: m(`page.${recommended}.ms`),
      officialMs: m("page.official.ms"),
      ratio: ratio(m(`page.${recommended}.ms`), m("page.official.ms")),
      cpuRatio: ratio(m(`page.${recommended}.cpu`), m("page.official.cpu")),
      floorUndiciMs: m("page.floor-undici.ms"),
      floorFetchMs: m("page.floor-fetch.ms"),
      ratioToUndiciFloor: ratio(m(`page.${recommended}.ms`), m("page.floor-undici.ms"))
    }
  },
  throughput: {
    oursRps: m(`throughput.${recommended}`),
    officialRps: m("throughput.official"),
    ratio: ratio(m(`throughput.${recommended}`), m("throughput.official"))
  },
  pagination: {
    users: sizes.pagination,
    oursMs: m(`paginate.${recommended}.ms`),
    officialMs: m("paginate.official.ms"),
    ratio: ratio(m(`paginate.${recommended}.ms`), m("paginate.official.ms")),
    peakRssGrowthMb: m(`paginate.${recommended}.rss`),
    officialPeakRssGrowthMb: m("paginate.official.rss")
  },
  coldStart: {
    oursMs: m(`cold.${recommended}`),
    officialMs: m("cold.official"),
    ratio: ratio(m(`cold.${recommended}`), m("cold.official"))
  },
  bundle: { oursKb: oursKb, officialKb: officialKb, ours: oursPurity },
  connections: {
    ours: connections[recommended],
    official: connections.official,
    requests: sizes.connections,
    byClient: connections
  },
  rateLimited: {
    requests: sizes.rateLimited.n,
    budget: { requests: sizes.rateLimited.requests, windowMs: sizes.rateLimited.windowMs },
    idealMs: Object.values(rateLimited.ours)[0].idealMs,
    ours: rateLimitedSummary(rateLimited.ours),
    official: rateLimitedSummary(rateLimited.official)
  },
  byLayer: Object.fromEntries([...ours, "official"].map((c) => [c, {
    usersListMs: m(`users.${c}.ms`),
    pagesRetrieveMs: m(`page.${c}.ms`),
    throughputRps: m(`throughput.${c}`),
    coldStartMs: m(`cold.${c}`),
    connections: connections[c]
  }]))
}

const f = (x, digits = 2) => Number.isFinite(x) ? x.toFixed(digits) : "—"
const table = `| | ${[...ours, "official"].join(" | ")} |
|---|${[...ours, "official"].map(() => "---").join("|")}|
| \`users.list\` sequential, ms/request | ${[...ours, "official"].map((c) => f(m(`users.${c}.ms`))).join(" | ")} |
| \`users.list\` CPU, ms/request | ${[...ours, "official"].map((c) => f(m(`users.${c}.cpu`))).join(" | ")} |
| \`pages.retrieve\` sequential, ms/request | ${[...ours, "official"].map((c) => f(m(`page.${c}.ms`))).join(" | ")} |
| \`pages.retrieve\` CPU, ms/request | ${[...ours, "official"].map((c) => f(m(`page.${c}.cpu`))).join(" | ")} |
| throughput at concurrency 32, req/s | ${[...ours, "official"].map((c) => f(m(`throughput.${c}`), 0)).join(" | ")} |
| cold start: import + first request, ms | ${[...ours, "official"].map((c) => f(m(`cold.${c}`), 0)).join(" | ")} |
| TCP connections for ${sizes.connections} sequential requests | ${
  [...ours, "official"].map((c) => connections[c]).join(" | ")
} |`

const markdown = `# Benchmarks

Written by \`pnpm bench\`${smoke ? " (smoke run: tiny sizes, figures not meaningful)" : ""} on ${
  results.machine.date.slice(0, 10)
}: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}.
Both SDKs in one run: ${sizes.rounds} interleaved rounds, every measurement in a fresh process with the same flags, medians
reported; a minimal static keep-alive server on loopback (a 100-user \`users.list\` page, a 12-property page), so the
figures are the clients' own cost. Every response is validated by our SDK (Schema); the official SDK parses JSON.
Ours is measured from the built package (\`dist\`). The machine is shared and noisy: read the ratios.

${table}

## Against the targets (recommended layer: \`UndiciHttpClient.layer\`, column ours-lean)

| target | reached |
|---|---|
| \`users.list\` ratio ≤ 1.0 | ${f(results.overhead.usersList.ratio)} (CPU ${f(results.overhead.usersList.cpuRatio)}) |
| \`pages.retrieve\` ratio ≤ 1.0 | ${f(results.overhead.pagesRetrieve.ratio)} (CPU ${
  f(results.overhead.pagesRetrieve.cpuRatio)
}) |
| throughput ratio ≥ 1.0 | ${f(results.throughput.ratio)} |
| pagination of ${sizes.pagination.toLocaleString("en")} users: time ratio ≤ 1.0, RSS growth < 50 MB | ${
  f(results.pagination.ratio)
}, ${f(results.pagination.peakRssGrowthMb, 0)} MB (official ${f(results.pagination.officialPeakRssGrowthMb, 0)} MB) |
| cold start ≤ 2× | ${f(results.coldStart.ratio)} (${f(results.coldStart.oursMs, 0)} ms vs ${
  f(results.coldStart.officialMs, 0)
} ms) |
| bundle ≤ 150 KB minified | ${f(oursKb, 0)} KB (official ${f(officialKb, 0)} KB) |
| connections reused | ${
  connections[recommended]
} for ${sizes.connections} requests (official ${connections.official}) |

The floor, with no SDK at all: undici \`Pool.request\` + \`JSON.parse\` ${f(m("users.floor-undici.ms"))} / ${
  f(m("page.floor-undici.ms"))
} ms,
\`fetch\` + \`JSON.parse\` ${f(m("users.floor-fetch.ms"))} / ${
  f(m("page.floor-fetch.ms"))
} ms per \`users.list\` / \`pages.retrieve\`; ours is
${f(results.overhead.usersList.ratioToUndiciFloor)}× / ${
  f(results.overhead.pagesRetrieve.ratioToUndiciFloor)
}× the undici floor.

## Rate limited

${sizes.rateLimited.n} \`users.me\` calls against the emulator's budget of ${sizes.rateLimited.requests} per ${
  sizes.rateLimited.windowMs / 1000
} s window (429 with \`Retry-After\` past it), each SDK in its own process after a warm-up on
another emulator. Ours with \`NotionRateLimiter.layer({ requests: ${sizes.rateLimited.requests}, window: "${sizes.rateLimited.windowMs} millis" })\`;
the official SDK with its defaults (2 retries honouring \`Retry-After\`). The ideal is the budget's own pace: full
bursts at the start of each window, the last one ${f(results.rateLimited.idealMs / 1000, 1)} s after the first.

| | concurrency | time, s | ratio to the ideal | 429s received | requests failed |
|---|---|---|---|---|---|
${
  ["ours", "official"].flatMap((client) =>
    sizes.rateLimited.concurrency.map((c) => {
      const r = rateLimited[client][c]
      return `| ${client} | ${c} | ${f(r.ms / 1000, 1)} | ${f(r.ratioToIdeal)} | ${r.count429} | ${r.failed} |`
    })
  ).join("\n")
}

Target: zero 429s, zero failures, within 5 % of the ideal.

## Where our time goes

Self time in a CPU profile of sequential \`users.list\` (ours, \`UndiciHttpClient.layer\`):

| part | share |
|---|---|
${profileRows.join("\n")}

## What blocks the rest

See [docs/performance.md](docs/performance.md): what each part of the request path costs, what was done, and what
stands between these figures and the targets.
`

const written = outDir ?? root
FS.mkdirSync(written, { recursive: true })
FS.writeFileSync(Path.join(outDir ?? benchDir, "results.json"), JSON.stringify(results, null, 2) + "\n")
FS.writeFileSync(Path.join(written, "BENCHMARKS.md"), markdown)
console.log(markdown)
