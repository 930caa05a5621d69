// `pnpm bench`: both SDKs side by side in one run — interleaved rounds, each measurement a fresh process with the
// same flags — against a minimal static loopback server (client cost alone). Prints a markdown table, rewrites
// BENCHMARKS.md and bench/results.json. `--smoke` runs every scenario with tiny sizes (CI); `--out DIR` writes
// the two files to DIR instead. The Effect 4 edition (generated into effect4/packages, built to its `dist`) is
// measured in the same run, on the same Node, beside the Effect 3 one: columns ours4-lean, ours4-fetch, floor4-lean,
// floor4 (effect4/bench/).
import * as esbuild from "esbuild"
import { execFileSync, spawn } from "node:child_process"
import * as FS from "node:fs"
import * as OS from "node:os"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import * as Zlib from "node:zlib"
import { start } from "./server.mjs"

const here = Path.dirname(fileURLToPath(import.meta.url))
const benchDir = Path.join(here, "..")
const root = Path.join(benchDir, "..")
const effect4Dir = Path.join(root, "effect4")
/** Where the Effect 4 programs (floor, client loader, bundled programs) live: there `effect` resolves to 4.1. */
const effect4Bench = Path.join(effect4Dir, "bench")
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
/**
 * The floor (floor.mjs): the same requests with `effect` + `Schema` + `HttpClient` and no SDK; floor-lean over the
 * HttpClient ours-lean uses (so ours-lean / floor-lean is the SDK's own cost), floor over `FetchHttpClient`.
 */
const floors = ["floor-lean", "floor"]
/**
 * The Effect 4 edition (effect4/bench/clients.mjs): ours over its `UndiciHttpClient.layer` (recommended) and
 * `effect/http`'s `FetchHttpClient`, and the floor written for Effect 4 (effect4/bench/floor.mjs) over the same two.
 * No ours4-undici / ours4-node: those layers are `@effect/platform-node` 4.1's, which needs Node 22.
 */
const columns4 = ["ours4-lean", "ours4-fetch", "floor4-lean", "floor4"]
const recommended4 = "ours4-lean"
const columns = [...ours, ...floors, "official", ...columns4]
/** The figures of the previous full run ("today"), for "no worse than today". */
const previous = (() => {
  try {
    const r = JSON.parse(FS.readFileSync(Path.join(benchDir, "results.json"), "utf8"))
    return r.machine?.smoke ? undefined : r
  } catch {
    return undefined
  }
})()

// ours is measured from the built package, as published
execFileSync(process.execPath, [
  Path.join(root, "node_modules/typescript/bin/tsc"),
  "-b",
  Path.join(root, "packages/core/tsconfig.build.json"),
  Path.join(root, "packages/undici/tsconfig.build.json")
], { stdio: "inherit" })
// the Effect 4 edition, the same way: generated from packages/ (its sources are git-ignored), its workspace installed
// from its lockfile (as scripts/effect4/test.mjs does), its packages built to `dist` with its own TypeScript
execFileSync(process.execPath, ["--import", "tsx", Path.join(root, "scripts/effect4/generate.ts")], {
  stdio: "inherit",
  cwd: root
})
execFileSync("npx", [
  "--yes",
  JSON.parse(FS.readFileSync(Path.join(root, "package.json"), "utf8")).packageManager,
  "install",
  "--frozen-lockfile",
  "--prefer-offline",
  "--reporter=silent"
], { stdio: "inherit", cwd: effect4Dir, shell: process.platform === "win32" })
execFileSync(process.execPath, [
  Path.join(effect4Dir, "node_modules/typescript/bin/tsc"),
  "-b",
  Path.join(effect4Dir, "packages/core/tsconfig.build.json"),
  Path.join(effect4Dir, "packages/undici/tsconfig.build.json")
], { stdio: "inherit" })

// Bundles (esbuild, minified, platform node, ESM; `FetchHttpClient` for ours and the floor): a one-endpoint program
// (a `users.list` call) and an every-endpoint program (every method of the client referenced, and called in code
// the bundler cannot drop), for ours, the floor and the official SDK. Each exports `usersList(baseUrl)`, which
// coldbundle.mjs calls for the cold start from the bundle.
const bundleDir = FS.mkdtempSync(Path.join(OS.tmpdir(), "notion-bench-bundle-"))
const everyMethod = `const methods = (tree) => Object.values(tree).flatMap((v) =>
  typeof v === "function" ? [v] : v !== null && typeof v === "object" ? methods(v) : [])`
const programs = {
  // one endpoint the way a small program calls it: NotionCaller and the one declaration it needs
  "ours.one": `
import { FetchHttpClient } from "@effect/platform"
import * as Users from "../packages/core/dist/api/users.js"
import * as NotionAuth from "../packages/core/dist/NotionAuth.js"
import * as NotionCaller from "../packages/core/dist/NotionCaller.js"
import * as NotionConfig from "../packages/core/dist/NotionConfig.js"
import { Effect, Layer, Redacted } from "effect"
export const usersList = (baseUrl) => Effect.runPromise(
  Effect.flatMap(NotionCaller.NotionCaller, (c) => c.call(Users.list, {})).pipe(Effect.provide(NotionCaller.layer.pipe(
    Layer.provide([
      NotionAuth.layer(Redacted.make(process.env.NOTION_TOKEN ?? "secret_bench")),
      NotionConfig.layer({ baseUrl }),
      FetchHttpClient.layer
    ])
  )))
)
`,
  "floor.one": `
import { FetchHttpClient } from "@effect/platform"
import { Effect } from "effect"
import { make } from "./src/floor.mjs"
export const usersList = (baseUrl) => Effect.runPromise(Effect.flatMap(make(baseUrl, process.env.NOTION_TOKEN ?? "secret_bench"),
  (c) => c.users.list()).pipe(Effect.provide(FetchHttpClient.layer)))
`,
  "official.one": `
import { Client } from "@notionhq/client"
export const usersList = (baseUrl) => new Client({ auth: process.env.NOTION_TOKEN ?? "secret_bench", baseUrl }).users.list({})
`
}
// every endpoint through the whole client
programs["ours.every"] = `
import { FetchHttpClient } from "@effect/platform"
import { NotionAuth, NotionClient, NotionConfig } from "../packages/core/dist/index.js"
import { Effect, Layer, Redacted } from "effect"
const run = (baseUrl, effect) => Effect.runPromise(effect.pipe(Effect.provide(NotionClient.layer.pipe(Layer.provide([
  NotionAuth.layer(Redacted.make(process.env.NOTION_TOKEN ?? "secret_bench")),
  NotionConfig.layer({ baseUrl }),
  FetchHttpClient.layer
])))))
export const usersList = (baseUrl) => run(baseUrl, Effect.flatMap(NotionClient.NotionClient, (c) => c.users.list()))
${everyMethod}
export const everyEndpoint = (baseUrl) =>
  run(baseUrl, Effect.flatMap(NotionClient.NotionClient, (c) => Effect.forEach(methods(c), (method) => Effect.either(method({})))))
`
programs["official.every"] = `${programs["official.one"]}
${everyMethod}
export const everyEndpoint = (baseUrl) =>
  Promise.allSettled(methods(new Client({ auth: "secret_bench", baseUrl })).map((method) => method({})))
`
// the Effect 4 edition's programs: the same three in Effect 4's spelling (`effect/http`'s `FetchHttpClient`, a service
// read with `Effect.service`, `Effect.result` for `Effect.either`), bundled from effect4/bench, where `effect` is 4.1
const programs4 = {
  "ours4.one": `
import { FetchHttpClient } from "effect/http"
import * as Users from "../packages/core/dist/api/users.js"
import * as NotionAuth from "../packages/core/dist/NotionAuth.js"
import * as NotionCaller from "../packages/core/dist/NotionCaller.js"
import * as NotionConfig from "../packages/core/dist/NotionConfig.js"
import { Effect, Layer, Redacted } from "effect"
export const usersList = (baseUrl) => Effect.runPromise(
  Effect.flatMap(Effect.service(NotionCaller.NotionCaller), (c) => c.call(Users.list, {})).pipe(Effect.provide(
    NotionCaller.layer.pipe(Layer.provide([
      NotionAuth.layer(Redacted.make(process.env.NOTION_TOKEN ?? "secret_bench")),
      NotionConfig.layer({ baseUrl }),
      FetchHttpClient.layer
    ]))
  ))
)
`,
  "ours4.every": `
import { FetchHttpClient } from "effect/http"
import { NotionAuth, NotionClient, NotionConfig } from "../packages/core/dist/index.js"
import { Effect, Layer, Redacted } from "effect"
const run = (baseUrl, effect) => Effect.runPromise(effect.pipe(Effect.provide(NotionClient.layer.pipe(Layer.provide([
  NotionAuth.layer(Redacted.make(process.env.NOTION_TOKEN ?? "secret_bench")),
  NotionConfig.layer({ baseUrl }),
  FetchHttpClient.layer
])))))
const client = Effect.service(NotionClient.NotionClient)
export const usersList = (baseUrl) => run(baseUrl, Effect.flatMap(client, (c) => c.users.list()))
${everyMethod}
export const everyEndpoint = (baseUrl) =>
  run(baseUrl, Effect.flatMap(client, (c) => Effect.forEach(methods(c), (method) => Effect.result(method({})))))
`,
  "floor4.one": `
import { FetchHttpClient } from "effect/http"
import { Effect } from "effect"
import { make } from "./floor.mjs"
export const usersList = (baseUrl) => Effect.runPromise(Effect.flatMap(make(baseUrl, process.env.NOTION_TOKEN ?? "secret_bench"),
  (c) => c.users.list()).pipe(Effect.provide(FetchHttpClient.layer)))
`
}
const bundles = {}
for (const [name, contents] of Object.entries({ ...programs, ...programs4 })) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: name in programs4 ? effect4Bench : benchDir, loader: "js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent"
  })
  const code = result.outputFiles[0].contents
  const file = Path.join(bundleDir, `${name}.mjs`)
  FS.writeFileSync(file, code)
  const output = Object.values(result.metafile.outputs)[0]
  bundles[name] = {
    file: pathToFileURL(file).href,
    minified: code.length,
    gzip: Zlib.gzipSync(code).length,
    inputs: Object.fromEntries(Object.entries(output.inputs).map(([path, i]) => [path, i.bytesInOutput])),
    output
  }
}
// a program that imports only the client must pull no emulator, no Node-only code and no unused module
const oursPurity = {
  nodeImports: bundles["ours.one"].output.imports.filter((i) => i.external).map((i) => i.path),
  foreignInputs: Object.keys(bundles["ours.one"].inputs).filter((i) => /emulator|platform-node|packages\/oauth/.test(i))
}
const oursKb = bundles["ours.one"].minified / 1024
const officialKb = bundles["official.one"].minified / 1024
const purityOf = (name) => ({
  nodeImports: bundles[name].output.imports.filter((i) => i.external).map((i) => i.path),
  foreignInputs: Object.keys(bundles[name].inputs).filter((i) => /emulator|platform-node|packages\/oauth/.test(i))
})
// the versions of `effect` a bundle holds (pnpm's store path names them): one, the edition's own (a module of the
// Effect 4 edition resolved to the Effect 3 workspace's `effect` would show as a second)
const effectVersions = (name) => [
  ...new Set(Object.keys(bundles[name].inputs).flatMap((i) => i.match(/\.pnpm\/effect@([^/_]+)/)?.slice(1) ?? []))
]

// where the bytes of a bundle come from (esbuild's metafile): bytes in the output per package, and per module
const packageOf = (path) =>
  /packages\/core\/dist\//.test(path)
    ? "@notion-effect/core"
    : /node_modules\/effect\//.test(path)
    ? "effect"
    : /node_modules\/@effect\/platform\//.test(path)
    ? "@effect/platform"
    : /@notionhq\/client/.test(path)
    ? "@notionhq/client"
    : /^<stdin>$|(^|\/)src\/floor\.mjs$|bench\/src\/|effect4\/bench\//.test(path)
    ? "the program"
    : "other"
const moduleOf = (path) =>
  path.replace(/^.*node_modules\/(effect|@effect\/platform)\/dist\/esm\//, "$1/").replace(
    /^.*packages\/core\/dist\//,
    "core/"
  )
const byPackage = (name) => {
  const sums = {}
  for (const [path, bytes] of Object.entries(bundles[name].inputs)) {
    sums[packageOf(path)] = (sums[packageOf(path)] ?? 0) + bytes
  }
  return sums
}
const byModule = (name) => {
  const sums = {}
  for (const [path, bytes] of Object.entries(bundles[name].inputs)) {
    sums[moduleOf(path)] = (sums[moduleOf(path)] ?? 0) + bytes
  }
  return sums
}
const bundleBreakdown = {
  ours: byPackage("ours.one"),
  oursEvery: byPackage("ours.every"),
  floor: byPackage("floor.one"),
  official: byPackage("official.one")
}
// the Effect 4 edition: the same breakdown (the packages' names are the same)
const bundleBreakdown4 = {
  ours: byPackage("ours4.one"),
  oursEvery: byPackage("ours4.every"),
  floor: byPackage("floor4.one")
}
const oursModules = byModule("ours.one")
const floorModules = byModule("floor.one")
const topCoreModules = Object.entries(oursModules).filter(([m]) => m.startsWith("core/")).sort((a, b) => b[1] - a[1])
  .slice(0, 8)
// the effect and platform modules ours carries beyond the floor's (the ones only the SDK needs)
const extraModules = Object.entries(oursModules).filter(([m]) => !m.startsWith("core/") && !m.startsWith("<"))
  .map(([m, bytes]) => [m, bytes - (floorModules[m] ?? 0)]).filter(([, extra]) => extra > 0).sort((a, b) => b[1] - a[1])

const server = await start(sizes.pagination)

// ours runs from `dist` as published: the condition makes `@notion-effect/undici`'s import of `@notion-effect/core`
// resolve to core's `dist` too (in the workspace, core's exports default to its TypeScript sources)
const distCondition = "--conditions=notion-effect-dist"

/** Runs a script in a fresh Node process; its last line of output, as JSON. */
const runNode = (args, label) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: benchDir, stdio: ["ignore", "pipe", "inherit"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop())) : reject(new Error(`${label} exited ${code}`)))
  })

const worker = (client, scenario, n, flags = []) =>
  runNode(
    [distCondition, ...flags, Path.join(here, "worker.mjs"), client, scenario, server.url, String(n)],
    `${client} ${scenario}`
  )

const coldBundle = (name) =>
  runNode([Path.join(here, "coldbundle.mjs"), bundles[name].file, server.url], `bundle ${name}`)
const bundled = ["ours", "floor", "official"]
const bundled4 = ["ours4", "floor4"]

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
  for (const client of rotate([...columns, "floor-undici", "floor-fetch"])) {
    for (const scenario of ["users", "page"]) {
      const r = await worker(client, scenario, sizes.sequential)
      record(`${scenario}.${client}.ms`, r.msPerRequest)
      record(`${scenario}.${client}.cpu`, r.cpuMsPerRequest)
    }
  }
  for (const client of rotate(columns)) {
    record(`throughput.${client}`, (await worker(client, "throughput", sizes.throughput)).requestsPerSecond)
    const cold = await worker(client, "cold", 1)
    record(`cold.${client}`, cold.ms)
    record(`coldLoad.${client}`, cold.loadMs)
    record(`coldImport.${client}`, cold.importMs)
  }
  for (const name of rotate([...bundled, ...bundled4])) {
    const cold = await coldBundle(`${name}.one`)
    record(`coldBundle.${name}`, cold.ms)
    record(`coldBundleLoad.${name}`, cold.loadMs)
  }
  if (round < Math.min(3, sizes.rounds)) {
    for (const client of rotate([recommended, "official", recommended4])) {
      const r = await worker(client, "paginate", 0)
      if (r.items !== sizes.pagination) throw new Error(`${client} paginated ${r.items} of ${sizes.pagination} users`)
      record(`paginate.${client}.ms`, r.ms)
      record(`paginate.${client}.rss`, r.peakRssGrowthMb)
    }
  }
}
const connections = {}
for (const client of columns) {
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

// where our time goes: a CPU profile of sequential users.list, self time by package
const groupOf = (url, name) => {
  if (name === "(garbage collector)") return "garbage collection"
  if (name === "(idle)" || name === "(program)") return "idle / waiting for the server"
  if (/packages\/core\/dist/.test(url)) return "@notion-effect/core"
  if (/packages\/undici\/dist/.test(url)) return "@notion-effect/undici"
  if (/bench\/src\/floor|effect4\/bench\/floor/.test(url)) return "the floor's own code"
  if (/effect\/dist\/esm\/(Schema|ParseResult|SchemaAST)/.test(url)) return "effect: Schema"
  // Effect 4's layout (the Effect 4 edition's profile): no esm/ directory, HTTP in `effect/http`
  if (/effect\/dist\/(Schema|internal\/schema)/.test(url)) return "effect: Schema"
  if (/effect\/dist\/http\//.test(url)) return "effect/http"
  if (/@effect\/platform/.test(url)) return "@effect/platform(-node)"
  if (/effect\/dist/.test(url)) return "effect: runtime (fibers, scheduler, …)"
  if (/undici/.test(url)) return "undici"
  if (/node:internal\/modules|node:internal\/bootstrap|esm\/|cjs\//.test(url)) return "module loading"
  if (name === "parse" || name === "stringify") return "JSON"
  return "node internals / other"
}
/** Self time (ms) per group in a CPU profile of one worker run. */
const profiled = async (client, scenario, n, flags = []) => {
  const profileDir = FS.mkdtempSync(Path.join(OS.tmpdir(), "notion-bench-prof-"))
  await worker(client, scenario, n, ["--cpu-prof", "--cpu-prof-dir", profileDir, ...flags])
  const profile = JSON.parse(FS.readFileSync(Path.join(profileDir, FS.readdirSync(profileDir)[0]), "utf8"))
  FS.rmSync(profileDir, { recursive: true, force: true })
  const selfTime = new Map()
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])))
  // the module whose top-level code (its body, evaluated at import) a sample is in, the innermost one
  const moduleBody = (id) => {
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at).callFrame
      if (frame.functionName === "" && frame.lineNumber === 0 && frame.columnNumber === 0 && frame.url !== "") {
        return frame.url
      }
    }
    return undefined
  }
  const bodies = new Map()
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame
    const group = groupOf(frame.url, frame.functionName)
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    selfTime.set(group, (selfTime.get(group) ?? 0) + ms)
    const body = moduleBody(id)
    if (body !== undefined) bodies.set(body, (bodies.get(body) ?? 0) + ms)
  })
  return Object.assign(selfTime, { bodies })
}
const selfTime = await profiled(recommended, "users", sizes.sequential)
const totalTime = [...selfTime.values()].reduce((a, b) => a + b, 0)
const profileRows = [...selfTime].sort((a, b) => b[1] - a[1]).map(([group, t]) =>
  `| ${group} | ${(t / totalTime * 100).toFixed(1)} % |`
)
// the same profile of the Effect 4 edition (ours4-lean), shares per group
const selfTime4 = await profiled(recommended4, "users", sizes.sequential)
const totalTime4 = [...selfTime4.values()].reduce((a, b) => a + b, 0)
const profileShares4 = Object.fromEntries(
  [...selfTime4].sort((a, b) => b[1] - a[1]).map(([group, t]) => [group, t / totalTime4 * 100])
)
// and of a cold start (import + first users.list, from the packages), ours-lean next to floor-lean
const coldProfiles = {
  ours: await profiled(recommended, "cold", 1, ["--cpu-prof-interval", "200"]),
  floor: await profiled("floor-lean", "cold", 1, ["--cpu-prof-interval", "200"])
}
// time in module bodies (top-level code run at import, with everything it calls, e.g. building schemas), per package
const bodyPackage = (url) =>
  /packages\/core\/dist/.test(url)
    ? "@notion-effect/core"
    : /node_modules\/effect\//.test(url)
    ? "effect"
    : /node_modules\/@effect\/platform/.test(url)
    ? "@effect/platform"
    : /packages\/undici\/dist/.test(url)
    ? "@notion-effect/undici"
    : /undici/.test(url)
    ? "undici"
    : /bench\/src\/floor/.test(url)
    ? "the floor (floor.mjs)"
    : /bench\/src\/worker/.test(url)
    ? "the worker's own body (after its imports: building the client, the first request)"
    : "other"
const sumBy = (bodies, key) => {
  const sums = {}
  for (const [url, ms] of bodies) sums[key(url)] = (sums[key(url)] ?? 0) + ms
  return sums
}
const coldProfile = {
  ours: Object.fromEntries(coldProfiles.ours),
  floor: Object.fromEntries(coldProfiles.floor),
  moduleBodies: {
    ours: sumBy(coldProfiles.ours.bodies, bodyPackage),
    floor: sumBy(coldProfiles.floor.bodies, bodyPackage)
  },
  coreModuleBodies: Object.fromEntries(
    [...coldProfiles.ours.bodies].filter(([url]) => /packages\/core\/dist\//.test(url))
      .map(([url, ms]) => [url.replace(/^.*packages\/core\/dist\//, ""), ms]).sort((a, b) => b[1] - a[1]).slice(0, 8)
  )
}

await server.close()
FS.rmSync(bundleDir, { recursive: true, force: true })

const ratio = (a, b) => a / b

/**
 * A per-request scenario against the floor: ours-lean / floor-lean (the SDK's own cost), ours-fetch / floor; the
 * Effect 4 edition's columns (ours4-lean / floor4-lean, ours4-fetch / floor4) with `edition` "4".
 */
const floorOf = (scenario, edition = "") => ({
  floorLeanMs: m(`${scenario}.floor${edition}-lean.ms`),
  floorMs: m(`${scenario}.floor${edition}.ms`),
  ratio: ratio(m(`${scenario}.ours${edition}-lean.ms`), m(`${scenario}.floor${edition}-lean.ms`)),
  cpuRatio: ratio(m(`${scenario}.ours${edition}-lean.cpu`), m(`${scenario}.floor${edition}-lean.cpu`)),
  fetchRatio: ratio(m(`${scenario}.ours${edition}-fetch.ms`), m(`${scenario}.floor${edition}.ms`))
})

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
  floor: {
    // ours-lean / floor-lean: the SDK's own cost over the same HttpClient; ours-fetch / floor over FetchHttpClient
    usersList: floorOf("users"),
    pagesRetrieve: floorOf("page"),
    throughput: {
      floorLeanRps: m("throughput.floor-lean"),
      floorRps: m("throughput.floor"),
      ratio: ratio(m(`throughput.${recommended}`), m("throughput.floor-lean"))
    }
  },
  coldStart: {
    oursMs: m(`cold.${recommended}`),
    officialMs: m("cold.official"),
    ratio: ratio(m(`cold.${recommended}`), m("cold.official")),
    // from the packages: ours-lean against floor-lean (the same HttpClient)
    floorMs: m("cold.floor-lean"),
    ratioToFloor: ratio(m(`cold.${recommended}`), m("cold.floor-lean")),
    // the part before the first request (imports, building the client), per client
    loadMs: Object.fromEntries(columns.map((c) => [c, m(`coldLoad.${c}`)])),
    importMs: Object.fromEntries(columns.map((c) => [c, m(`coldImport.${c}`)])),
    // from a bundle (the one-endpoint programs, FetchHttpClient for ours and the floor)
    bundle: {
      oursMs: m("coldBundle.ours"),
      floorMs: m("coldBundle.floor"),
      officialMs: m("coldBundle.official"),
      ratioToFloor: ratio(m("coldBundle.ours"), m("coldBundle.floor")),
      ratio: ratio(m("coldBundle.ours"), m("coldBundle.official")),
      loadMs: Object.fromEntries(bundled.map((b) => [b, m(`coldBundleLoad.${b}`)]))
    },
    // self time (ms) per part in a CPU profile of one cold start from the packages (200 µs sampling)
    profile: coldProfile
  },
  bundle: {
    oursKb: oursKb,
    officialKb: officialKb,
    ours: oursPurity,
    // bytes: esbuild, minified, platform node, ESM; gzip: node's zlib at its default level
    programs: Object.fromEntries(
      Object.entries(bundles).map(([name, b]) => [name, { minified: b.minified, gzip: b.gzip }])
    ),
    oneRatioToFloor: ratio(bundles["ours.one"].minified, bundles["floor.one"].minified),
    oneGzipRatioToFloor: ratio(bundles["ours.one"].gzip, bundles["floor.one"].gzip),
    everyRatioToFloor: ratio(bundles["ours.every"].minified, bundles["floor.one"].minified),
    everyGzipRatioToFloor: ratio(bundles["ours.every"].gzip, bundles["floor.one"].gzip),
    // bytes in the minified output per package, the biggest core modules, effect/platform modules beyond the floor's
    byPackage: bundleBreakdown,
    topCoreModules: Object.fromEntries(topCoreModules),
    beyondFloor: Object.fromEntries(extraModules.slice(0, 12))
  },
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
  byLayer: Object.fromEntries(columns.map((c) => [c, {
    usersListMs: m(`users.${c}.ms`),
    pagesRetrieveMs: m(`page.${c}.ms`),
    throughputRps: m(`throughput.${c}`),
    coldStartMs: m(`cold.${c}`),
    connections: connections[c]
  }]))
}

// The Effect 4 edition: its figures in the shape of the Effect 3 ones above (the same targets apply to both), and
// its ratios to the Effect 3 edition (ours4 ÷ ours, same layer, same Node)
const perRequest4 = (scenario) => ({
  oursMs: m(`${scenario}.${recommended4}.ms`),
  officialMs: m(`${scenario}.official.ms`),
  ratio: ratio(m(`${scenario}.${recommended4}.ms`), m(`${scenario}.official.ms`)),
  cpuRatio: ratio(m(`${scenario}.${recommended4}.cpu`), m(`${scenario}.official.cpu`)),
  ratioToEffect3: ratio(m(`${scenario}.${recommended4}.ms`), m(`${scenario}.${recommended}.ms`)),
  cpuRatioToEffect3: ratio(m(`${scenario}.${recommended4}.cpu`), m(`${scenario}.${recommended}.cpu`))
})
results.effect4 = {
  // every column runs on this process's Node, the Effect 4 ones too (effect 4.1 and our packages run on Node 20)
  node: process.version,
  recommendedLayer: recommended4,
  columns: columns4,
  overhead: { usersList: perRequest4("users"), pagesRetrieve: perRequest4("page") },
  throughput: {
    oursRps: m(`throughput.${recommended4}`),
    officialRps: m("throughput.official"),
    ratio: ratio(m(`throughput.${recommended4}`), m("throughput.official")),
    ratioToEffect3: ratio(m(`throughput.${recommended4}`), m(`throughput.${recommended}`))
  },
  pagination: {
    users: sizes.pagination,
    oursMs: m(`paginate.${recommended4}.ms`),
    officialMs: m("paginate.official.ms"),
    ratio: ratio(m(`paginate.${recommended4}.ms`), m("paginate.official.ms")),
    peakRssGrowthMb: m(`paginate.${recommended4}.rss`),
    officialPeakRssGrowthMb: m("paginate.official.rss")
  },
  floor: {
    usersList: floorOf("users", "4"),
    pagesRetrieve: floorOf("page", "4"),
    throughput: {
      floorLeanRps: m("throughput.floor4-lean"),
      floorRps: m("throughput.floor4"),
      ratio: ratio(m(`throughput.${recommended4}`), m("throughput.floor4-lean"))
    }
  },
  coldStart: {
    oursMs: m(`cold.${recommended4}`),
    officialMs: m("cold.official"),
    ratio: ratio(m(`cold.${recommended4}`), m("cold.official")),
    floorMs: m("cold.floor4-lean"),
    ratioToFloor: ratio(m(`cold.${recommended4}`), m("cold.floor4-lean")),
    ratioToEffect3: ratio(m(`cold.${recommended4}`), m(`cold.${recommended}`)),
    bundle: {
      oursMs: m("coldBundle.ours4"),
      floorMs: m("coldBundle.floor4"),
      officialMs: m("coldBundle.official"),
      ratioToFloor: ratio(m("coldBundle.ours4"), m("coldBundle.floor4")),
      ratio: ratio(m("coldBundle.ours4"), m("coldBundle.official")),
      ratioToEffect3: ratio(m("coldBundle.ours4"), m("coldBundle.ours")),
      loadMs: Object.fromEntries(bundled4.map((b) => [b, m(`coldBundleLoad.${b}`)]))
    }
  },
  bundle: {
    oursKb: bundles["ours4.one"].minified / 1024,
    officialKb,
    floorKb: bundles["floor4.one"].minified / 1024,
    everyKb: bundles["ours4.every"].minified / 1024,
    ours: {
      ...purityOf("ours4.one"),
      effectVersions: effectVersions("ours4.one"),
      // pay for what you use on Effect 4 too: the core modules the one-endpoint program holds
      coreModules: Object.keys(bundles["ours4.one"].inputs).flatMap((i) =>
        i.match(/packages\/core\/dist\/(.*)$/)?.[1] ?? []
      )
        .sort()
    },
    every: { ...purityOf("ours4.every"), effectVersions: effectVersions("ours4.every") },
    floor: { effectVersions: effectVersions("floor4.one") },
    oneRatioToFloor: ratio(bundles["ours4.one"].minified, bundles["floor4.one"].minified),
    oneGzipRatioToFloor: ratio(bundles["ours4.one"].gzip, bundles["floor4.one"].gzip),
    everyRatioToFloor: ratio(bundles["ours4.every"].minified, bundles["floor4.one"].minified),
    everyGzipRatioToFloor: ratio(bundles["ours4.every"].gzip, bundles["floor4.one"].gzip),
    // against the Effect 3 edition's same program
    oneRatioToEffect3: ratio(bundles["ours4.one"].minified, bundles["ours.one"].minified),
    everyRatioToEffect3: ratio(bundles["ours4.every"].minified, bundles["ours.every"].minified),
    floorRatioToEffect3Floor: ratio(bundles["floor4.one"].minified, bundles["floor.one"].minified),
    // issue 23's own floor program (not this one): ~135 KB minified on effect 4.1, 257 KB on 3.22
    issue23: { floorKbEffect4: 135, floorKbEffect3: 257 },
    byPackage: bundleBreakdown4
  },
  connections: {
    ours: connections[recommended4],
    official: connections.official,
    requests: sizes.connections
  },
  // self time per part in a CPU profile of sequential `users.list` (ours4-lean), % of the profile
  profileShares: profileShares4
}

const f = (x, digits = 2) => Number.isFinite(x) ? x.toFixed(digits) : "—"
const kb = (bytes) => `${f(bytes / 1024, 1)} KB`
const mark = (ok) => ok ? "yes" : "**no**"
// the cold start from a bundle sits in the column of the HttpClient its program uses
const bundleColumn = {
  "ours-fetch": "ours",
  floor: "floor",
  official: "official",
  "ours4-fetch": "ours4",
  floor4: "floor4"
}
const table = `| | ${columns.join(" | ")} |
|---|${columns.map(() => "---").join("|")}|
| \`users.list\` sequential, ms/request | ${columns.map((c) => f(m(`users.${c}.ms`))).join(" | ")} |
| \`users.list\` CPU, ms/request | ${columns.map((c) => f(m(`users.${c}.cpu`))).join(" | ")} |
| \`pages.retrieve\` sequential, ms/request | ${columns.map((c) => f(m(`page.${c}.ms`))).join(" | ")} |
| \`pages.retrieve\` CPU, ms/request | ${columns.map((c) => f(m(`page.${c}.cpu`))).join(" | ")} |
| throughput at concurrency 32, req/s | ${columns.map((c) => f(m(`throughput.${c}`), 0)).join(" | ")} |
| cold start from the packages: import + first request, ms | ${columns.map((c) => f(m(`cold.${c}`), 0)).join(" | ")} |
| … of which imports and building the client, ms | ${columns.map((c) => f(m(`coldLoad.${c}`), 0)).join(" | ")} |
| cold start from a bundle: import + first request, ms | ${
  columns.map((c) => bundleColumn[c] ? f(m(`coldBundle.${bundleColumn[c]}`), 0) : "").join(" | ")
} |
| … of which importing the bundle, ms | ${
  columns.map((c) => bundleColumn[c] ? f(m(`coldBundleLoad.${bundleColumn[c]}`), 0) : "").join(" | ")
} |
| TCP connections for ${sizes.connections} sequential requests | ${columns.map((c) => connections[c]).join(" | ")} |`

const size = (name) => bundles[name]
const bundleRow = (label, name) => {
  const b = size(name)
  const official = size(name.replace(/^\w+/, "official")) ?? size("official.one")
  // the floor of the same Effect: the Effect 4 programs' (ours4, floor4) is the Effect 4 floor
  const floor = size(/^\w+4\./.test(name) ? "floor4.one" : "floor.one")
  return `| ${label} | ${kb(b.minified)} | ${kb(b.gzip)} | ${f(b.minified / floor.minified)}× | ${
    f(b.gzip / floor.gzip)
  }× | ${f(b.minified / official.minified)}× | ${f(b.gzip / official.gzip)}× |`
}
const bundleTable =
  `| program | minified | gzip | ÷ floor, minified | ÷ floor, gzip | ÷ official, minified | ÷ official, gzip |
|---|---|---|---|---|---|---|
${bundleRow("ours, one endpoint (`users.list`)", "ours.one")}
${bundleRow("ours, every endpoint", "ours.every")}
${bundleRow("floor, one endpoint (`users.list`)", "floor.one")}
${bundleRow("official, one endpoint (`users.list`)", "official.one")}
${bundleRow("official, every endpoint", "official.every")}
${bundleRow("ours on Effect 4, one endpoint (`users.list`)", "ours4.one")}
${bundleRow("ours on Effect 4, every endpoint", "ours4.every")}
${bundleRow("floor on Effect 4, one endpoint (`users.list`)", "floor4.one")}`

// the targets: [target, reached, met]
const today = (value, before, higherIsBetter) =>
  before === undefined
    ? [f(value), true]
    : [`${f(value)} (today ${f(before)})`, higherIsBetter ? value >= before * 0.95 : value <= before * 1.05]
/**
 * The targets, for one edition: `r` its figures (`results`, or `results.effect4` of the same shape), `before` the
 * previous full run's, `names` its bundles and its floor-lean column.
 */
const targetsOf = (r, before, names) => {
  const perRequestToday = [
    today(r.overhead.usersList.ratio, before?.overhead?.usersList?.ratio, false),
    today(r.overhead.pagesRetrieve.ratio, before?.overhead?.pagesRetrieve?.ratio, false)
  ]
  const throughputToday = today(r.throughput.ratio, before?.throughput?.ratio, true)
  return [
    [
      "`users.list` ratio ≤ 1.0",
      `${f(r.overhead.usersList.ratio)} (CPU ${f(r.overhead.usersList.cpuRatio)})`,
      r.overhead.usersList.ratio <= 1
    ],
    [
      "`pages.retrieve` ratio ≤ 1.0",
      `${f(r.overhead.pagesRetrieve.ratio)} (CPU ${f(r.overhead.pagesRetrieve.cpuRatio)})`,
      r.overhead.pagesRetrieve.ratio <= 1
    ],
    ["throughput ratio ≥ 1.0", f(r.throughput.ratio), r.throughput.ratio >= 1],
    [
      `pagination of ${sizes.pagination.toLocaleString("en")} users: time ratio ≤ 1.0, RSS growth < 50 MB`,
      `${f(r.pagination.ratio)}, ${f(r.pagination.peakRssGrowthMb, 0)} MB (official ${
        f(r.pagination.officialPeakRssGrowthMb, 0)
      } MB)`,
      r.pagination.ratio <= 1 && r.pagination.peakRssGrowthMb < 50
    ],
    [
      "cold start ≤ 2×",
      `${f(r.coldStart.ratio)} (${f(r.coldStart.oursMs, 0)} ms vs ${f(r.coldStart.officialMs, 0)} ms)`,
      r.coldStart.ratio <= 2
    ],
    [
      "bundle ≤ 150 KB minified",
      `${f(r.bundle.oursKb, 0)} KB (official ${f(r.bundle.officialKb, 0)} KB)`,
      r.bundle.oursKb <= 150
    ],
    [
      "connections reused",
      `${r.connections.ours} for ${sizes.connections} requests (official ${r.connections.official})`,
      r.connections.ours <= 5
    ],
    [
      "one-endpoint bundle ≤ 1.15× the floor",
      `${f(r.bundle.oneRatioToFloor)} minified, ${f(r.bundle.oneGzipRatioToFloor)} gzip (${
        kb(size(names.one).minified)
      } vs ${kb(size(names.floor).minified)})`,
      r.bundle.oneRatioToFloor <= 1.15 && r.bundle.oneGzipRatioToFloor <= 1.15
    ],
    [
      "every-endpoint bundle ≤ 1.35× the (one-endpoint) floor",
      `${f(r.bundle.everyRatioToFloor)} minified, ${f(r.bundle.everyGzipRatioToFloor)} gzip (${
        kb(size(names.every).minified)
      })`,
      r.bundle.everyRatioToFloor <= 1.35 && r.bundle.everyGzipRatioToFloor <= 1.35
    ],
    [
      "cold start from the packages ≤ 1.5× the floor",
      `${f(r.coldStart.ratioToFloor)} (${f(r.coldStart.oursMs, 0)} ms vs ${names.floorLean} ${
        f(r.coldStart.floorMs, 0)
      } ms)`,
      r.coldStart.ratioToFloor <= 1.5
    ],
    [
      "cold start from the packages ≤ 2× the official SDK",
      `${f(r.coldStart.ratio)} (${f(r.coldStart.oursMs, 0)} ms vs ${f(r.coldStart.officialMs, 0)} ms)`,
      r.coldStart.ratio <= 2
    ],
    [
      "cold start from a bundle ≤ 1.5× the floor",
      `${f(r.coldStart.bundle.ratioToFloor)} (${f(r.coldStart.bundle.oursMs, 0)} ms vs ${
        f(r.coldStart.bundle.floorMs, 0)
      } ms)`,
      r.coldStart.bundle.ratioToFloor <= 1.5
    ],
    [
      "cold start from a bundle ≤ 2× the official SDK",
      `${f(r.coldStart.bundle.ratio)} (${f(r.coldStart.bundle.oursMs, 0)} ms vs ${
        f(r.coldStart.bundle.officialMs, 0)
      } ms)`,
      r.coldStart.bundle.ratio <= 2
    ],
    ["per-request ratios no worse than today: `users.list`", ...perRequestToday[0]],
    ["per-request ratios no worse than today: `pages.retrieve`", ...perRequestToday[1]],
    ["throughput ratio no worse than today", ...throughputToday]
  ]
}
const r = results
const targets = targetsOf(r, previous, {
  one: "ours.one",
  every: "ours.every",
  floor: "floor.one",
  floorLean: "floor-lean"
})
// the same targets for the Effect 4 edition (ours4-lean, its floor, its bundles); "today": the previous full run's
// Effect 4 figures, once a run has them
const targets4 = targetsOf(r.effect4, previous?.effect4, {
  one: "ours4.one",
  every: "ours4.every",
  floor: "floor4.one",
  floorLean: "floor4-lean"
})
results.effect4.targets = targets4.map(([target, reached, met]) => ({ target, reached, met }))
results.targets = targets.map(([target, reached, met]) => ({ target, reached, met }))

// what stands in the way of the targets missed, from the figures above
const pkgRow = (pkg) =>
  `| ${pkg} | ${
    ["ours", "oursEvery", "floor", "official"].map((k) => bundleBreakdown[k][pkg] ? kb(bundleBreakdown[k][pkg]) : "—")
      .join(" | ")
  } |`
const packagesSeen = [...new Set(Object.values(bundleBreakdown).flatMap(Object.keys))]
  .sort((a, b) => (bundleBreakdown.ours[b] ?? 0) - (bundleBreakdown.ours[a] ?? 0))
const extraTotal = extraModules.reduce((sum, [, bytes]) => sum + bytes, 0)
const bundleMissed = !(targets[7][2] && targets[8][2])
const bundleWay = `### The bundle

Bytes in the minified output per package (esbuild's metafile; one-endpoint programs unless said):

| package | ours | ours, every endpoint | floor | official |
|---|---|---|---|---|
${packagesSeen.map(pkgRow).join("\n")}

Ours is ${kb(size("ours.one").minified - size("floor.one").minified)} above the floor: @notion-effect/core itself (${
  kb(bundleBreakdown.ours["@notion-effect/core"] ?? 0)
}), and ${kb(extraTotal)} of \`effect\` / \`@effect/platform\` modules the floor does not pull (or pulls less of).
The every-endpoint program is ${
  kb(size("ours.every").minified - size("ours.one").minified)
} above the one-endpoint one${
  size("ours.every").minified - size("ours.one").minified < 0.02 * size("ours.one").minified
    ? ": the every-endpoint program's own methods are small; the one-endpoint program already carries most of the pipeline"
    : ""
}.
Core's biggest modules: ${
  topCoreModules.map(([mod, bytes]) => `\`${mod.replace(/^core\//, "")}\` ${kb(bytes)}`).join(", ")
}.
The biggest modules beyond the floor's: ${
  extraModules.slice(0, 10).map(([mod, bytes]) => `\`${mod}\` +${kb(bytes)}`).join(", ")
}.
`
// the Effect 4 edition beside the Effect 3 one: figures, ratios to the official SDK and to each edition's floor
const e4 = results.effect4
const side = (label, a, b, digits = 2) => `| ${label} | ${f(a, digits)} | ${f(b, digits)} | ${f(ratio(b, a))}× |`
const sideRatio = (label, a, b) => `| ${label} | ${f(a)} | ${f(b)} | |`
const effect4Table = `| | Effect 3 (ours-lean) | Effect 4 (ours4-lean) | Effect 4 ÷ Effect 3 |
|---|---|---|---|
${side("`users.list` sequential, ms/request", r.overhead.usersList.oursMs, e4.overhead.usersList.oursMs)}
${side("`users.list` CPU, ms/request", m(`users.${recommended}.cpu`), m(`users.${recommended4}.cpu`))}
${side("`pages.retrieve` sequential, ms/request", r.overhead.pagesRetrieve.oursMs, e4.overhead.pagesRetrieve.oursMs)}
${side("`pages.retrieve` CPU, ms/request", m(`page.${recommended}.cpu`), m(`page.${recommended4}.cpu`))}
${side("throughput at concurrency 32, req/s", r.throughput.oursRps, e4.throughput.oursRps, 0)}
${
  side(
    `pagination of ${sizes.pagination.toLocaleString("en")} users, ms`,
    r.pagination.oursMs,
    e4.pagination.oursMs,
    0
  )
}
${side("pagination: RSS growth, MB", r.pagination.peakRssGrowthMb, e4.pagination.peakRssGrowthMb, 0)}
${side("cold start from the packages, ms", r.coldStart.oursMs, e4.coldStart.oursMs, 0)}
${
  side(
    "cold start from a bundle (ours-fetch / ours4-fetch), ms",
    r.coldStart.bundle.oursMs,
    e4.coldStart.bundle.oursMs,
    0
  )
}
${side("one-endpoint bundle, minified KB", size("ours.one").minified / 1024, size("ours4.one").minified / 1024, 1)}
${side("one-endpoint bundle, gzip KB", size("ours.one").gzip / 1024, size("ours4.one").gzip / 1024, 1)}
${
  side("every-endpoint bundle, minified KB", size("ours.every").minified / 1024, size("ours4.every").minified / 1024, 1)
}
${side("every-endpoint bundle, gzip KB", size("ours.every").gzip / 1024, size("ours4.every").gzip / 1024, 1)}
${side("the floor's bundle (one endpoint), minified KB", size("floor.one").minified / 1024, e4.bundle.floorKb, 1)}
${side("the floor's bundle (one endpoint), gzip KB", size("floor.one").gzip / 1024, size("floor4.one").gzip / 1024, 1)}
${sideRatio("`users.list` ÷ official", r.overhead.usersList.ratio, e4.overhead.usersList.ratio)}
${sideRatio("`pages.retrieve` ÷ official", r.overhead.pagesRetrieve.ratio, e4.overhead.pagesRetrieve.ratio)}
${sideRatio("throughput ÷ official", r.throughput.ratio, e4.throughput.ratio)}
${sideRatio("cold start from the packages ÷ official", r.coldStart.ratio, e4.coldStart.ratio)}
${sideRatio("cold start from a bundle ÷ official", r.coldStart.bundle.ratio, e4.coldStart.bundle.ratio)}
${sideRatio("`users.list` ÷ its floor (lean ÷ floor-lean)", r.floor.usersList.ratio, e4.floor.usersList.ratio)}
${
  sideRatio(
    "`pages.retrieve` ÷ its floor (lean ÷ floor-lean)",
    r.floor.pagesRetrieve.ratio,
    e4.floor.pagesRetrieve.ratio
  )
}
${sideRatio("throughput ÷ its floor (lean ÷ floor-lean)", r.floor.throughput.ratio, e4.floor.throughput.ratio)}
${sideRatio("cold start from the packages ÷ its floor", r.coldStart.ratioToFloor, e4.coldStart.ratioToFloor)}
${sideRatio("cold start from a bundle ÷ its floor", r.coldStart.bundle.ratioToFloor, e4.coldStart.bundle.ratioToFloor)}
${sideRatio("one-endpoint bundle ÷ its floor, minified", r.bundle.oneRatioToFloor, e4.bundle.oneRatioToFloor)}
${sideRatio("every-endpoint bundle ÷ its floor, minified", r.bundle.everyRatioToFloor, e4.bundle.everyRatioToFloor)}`
const packages4 = [...new Set(Object.values(bundleBreakdown4).flatMap(Object.keys))]
  .sort((a, b) => (bundleBreakdown4.ours[b] ?? 0) - (bundleBreakdown4.ours[a] ?? 0))
const effect4Section = `## The Effect 4 edition

The same SDK generated for \`effect\` 4.1 (\`effect4/packages/*\`, see the README's "Effect 4"), built to \`dist\` and
measured from it as the Effect 3 one is, in the same run, the same rounds and **on the same Node (${e4.node})**:
\`effect\` 4.1 and our Effect 4 packages run on Node 20, so the ratios between the editions and to the official SDK
compare like with like. Columns **ours4-lean** (its \`UndiciHttpClient.layer\`, the recommended one), **ours4-fetch**
(\`effect/http\`'s \`FetchHttpClient\`), and the floor written for Effect 4
([effect4/bench/floor.mjs](effect4/bench/floor.mjs): the same two requests and schemas with \`effect\` 4.1's
\`Schema\` and \`effect/http\`'s \`HttpClient\` only) over the same two, **floor4-lean** and **floor4**. Not
measured on Effect 4: the platform's Node layers (\`@effect/platform-node\` 4.1 needs Node 22; no ours4-undici or
ours4-node), the rate-limited runs and the cold-start profiles.

${effect4Table}

The floor on Effect 4 is ${kb(size("floor4.one").minified)} minified (${
  f(e4.bundle.floorRatioToEffect3Floor)
}× the same program on Effect 3, ${
  kb(size("floor.one").minified)
}); issue 23 measures its own floor program at ~${e4.bundle.issue23.floorKbEffect4} KB
on 4.1 against ${e4.bundle.issue23.floorKbEffect3} KB on 3.22. Ours on Effect 4, one endpoint: ${
  kb(size("ours4.one").minified)
}, ${f(e4.bundle.oneRatioToFloor)}× the Effect 4 floor (${
  f(size("ours4.one").minified / 1024 / e4.bundle.issue23.floorKbEffect4)
}× issue 23's ${e4.bundle.issue23.floorKbEffect4} KB); every endpoint ${kb(size("ours4.every").minified)}, ${
  f(e4.bundle.everyRatioToFloor)
}× the Effect 4 floor. Bytes in the minified output per package:

| package | ours4, one endpoint | ours4, every endpoint | floor4 |
|---|---|---|---|
${
  packages4.map((pkg) =>
    `| ${pkg} | ${
      ["ours", "oursEvery", "floor"].map((k) => bundleBreakdown4[k][pkg] ? kb(bundleBreakdown4[k][pkg]) : "—").join(
        " | "
      )
    } |`
  ).join("\n")
}

Self time in a CPU profile of sequential \`users.list\` (ours4-lean; "Where our time goes" below has ours-lean's):

| part | share |
|---|---|
${Object.entries(profileShares4).map(([group, share]) => `| ${group} | ${f(share, 1)} % |`).join("\n")}

Against the same targets (those of the Effect 3 line above, applied to ours4-lean, its bundles and its floor; for
information, the Effect 3 line's are the ones checked):

| target | reached | met |
|---|---|---|
${targets4.map(([target, reached, met]) => `| ${target} | ${reached} | ${mark(met)} |`).join("\n")}
`
const coldGroups = [...new Set([...Object.keys(coldProfile.ours), ...Object.keys(coldProfile.floor)])]
  .sort((a, b) => (coldProfile.ours[b] ?? 0) - (coldProfile.ours[a] ?? 0))
const bodyGroups = [
  ...new Set([...Object.keys(coldProfile.moduleBodies.ours), ...Object.keys(coldProfile.moduleBodies.floor)])
]
  .sort((a, b) => (coldProfile.moduleBodies.ours[b] ?? 0) - (coldProfile.moduleBodies.ours[a] ?? 0))
const coldMissed = targets.slice(9, 13).some(([, , met]) => !met)
const coldWay = `### The cold start

Where a cold start's time goes, ms (from a bundle, building the client is part of the first request):

| | ours-lean (packages) | floor-lean (packages) | official (packages) | ours (bundle) | floor (bundle) | official (bundle) |
|---|---|---|---|---|---|---|
| imports | ${[recommended, "floor-lean", "official"].map((c) => f(m(`coldImport.${c}`), 0)).join(" | ")} | ${
  bundled.map((b) => f(m(`coldBundleLoad.${b}`), 0)).join(" | ")
} |
| building the client | ${
  [recommended, "floor-lean", "official"].map((c) => f(m(`coldLoad.${c}`) - m(`coldImport.${c}`), 0)).join(" | ")
} | ${bundled.map(() => "—").join(" | ")} |
| first \`users.list\` | ${
  [recommended, "floor-lean", "official"].map((c) => f(m(`cold.${c}`) - m(`coldLoad.${c}`), 0)).join(" | ")
} | ${bundled.map((b) => f(m(`coldBundle.${b}`) - m(`coldBundleLoad.${b}`), 0)).join(" | ")} |

Self time in a CPU profile of one cold start from the packages (200 µs sampling), ms:

| part | ours-lean | floor-lean |
|---|---|---|
${coldGroups.map((g) => `| ${g} | ${f(coldProfile.ours[g] ?? 0, 0)} | ${f(coldProfile.floor[g] ?? 0, 0)} |`).join("\n")}

The same profiles, time in the module bodies of each package (their top-level code, run at import, with what it
calls, such as building schemas), ms:

| package | ours-lean | floor-lean |
|---|---|---|
${
  bodyGroups.map((g) =>
    `| ${g} | ${f(coldProfile.moduleBodies.ours[g] ?? 0, 0)} | ${f(coldProfile.moduleBodies.floor[g] ?? 0, 0)} |`
  ).join("\n")
}

Core's slowest module bodies: ${
  Object.entries(coldProfile.coreModuleBodies).map(([mod, ms]) => `\`${mod}\` ${f(ms, 0)} ms`).join(", ")
}.
`

const markdown = `# Benchmarks

Written by \`pnpm bench\`${smoke ? " (smoke run: tiny sizes, figures not meaningful)" : ""} on ${
  results.machine.date.slice(0, 10)
}: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}.
Both SDKs in one run: ${sizes.rounds} interleaved rounds, every measurement in a fresh process with the same flags, medians
reported; a minimal static keep-alive server on loopback (a 100-user \`users.list\` page, a 12-property page), so the
figures are the clients' own cost. Every response is validated by our SDK (Schema); the official SDK parses JSON.
Ours is measured from the built package (\`dist\`). The machine is shared and noisy: read the ratios.

The floor is the same two requests written with \`effect\`, \`effect/Schema\` and \`@effect/platform\`'s \`HttpClient\` and
nothing else ([bench/src/floor.mjs](bench/src/floor.mjs): compact User and Page schemas, a real decode of the same
responses): **floor-lean** over the HttpClient ours-lean uses (\`@notion-effect/undici\`, of ours it pulls only the tiny
\`HttpDeadline\`), so ours-lean ÷ floor-lean is the SDK's own cost; **floor** over \`FetchHttpClient\`, like ours-fetch.
Every process, ours and the floor alike, imports \`effect\` by its index. A cold start is a fresh process: from its
first line to the first \`users.list\` answered and decoded.
The last four columns are the Effect 4 edition (\`effect\` 4.1), measured the same way on the same Node: ours4-lean,
ours4-fetch, and the floor written for Effect 4, floor4-lean and floor4 (see "The Effect 4 edition" below).

${table}

## Bundles

esbuild, minified, platform node, ESM, every dependency inlined; gzip by node's zlib (default level). Ours and the
floor over \`FetchHttpClient\`. One endpoint: a program calling \`users.list\` (ours through \`NotionCaller\` and
the \`api/users\` declaration, as a small program would); every endpoint: a program over the whole client plus a
function that calls every method of it (\`NotionClient\` / the official \`Client\`), exported so the bundler keeps
it. The floor has one endpoint: its one-endpoint program is the reference of both ratios. The Effect 4 rows are the
same programs in Effect 4's spelling (\`effect/http\`'s \`FetchHttpClient\`), bundled with \`effect\` 4.1; their floor
is the floor on Effect 4.

${bundleTable}

## Against the targets (recommended layer: \`UndiciHttpClient.layer\`, column ours-lean)

Ratios to the floor: ours-lean ÷ floor-lean from the packages; ours ÷ floor (both \`FetchHttpClient\`) for bundles.
"Today": the previous full run's \`bench/results.json\` (within 5 %, the machine's noise).

| target | reached | met |
|---|---|---|
${targets.map(([target, reached, met]) => `| ${target} | ${reached} | ${mark(met)} |`).join("\n")}

Against the floor per request: ours-lean ÷ floor-lean ${f(r.floor.usersList.ratio)} / ${
  f(r.floor.pagesRetrieve.ratio)
} (CPU ${f(r.floor.usersList.cpuRatio)} / ${f(r.floor.pagesRetrieve.cpuRatio)}), ours-fetch ÷ floor ${
  f(r.floor.usersList.fetchRatio)
} / ${f(r.floor.pagesRetrieve.fetchRatio)} per \`users.list\` / \`pages.retrieve\`; throughput ours-lean ÷ floor-lean ${
  f(r.floor.throughput.ratio)
}.

No SDK and no Effect at all: undici \`Pool.request\` + \`JSON.parse\` ${f(m("users.floor-undici.ms"))} / ${
  f(m("page.floor-undici.ms"))
} ms,
\`fetch\` + \`JSON.parse\` ${f(m("users.floor-fetch.ms"))} / ${
  f(m("page.floor-fetch.ms"))
} ms per \`users.list\` / \`pages.retrieve\`; ours is
${f(results.overhead.usersList.ratioToUndiciFloor)}× / ${
  f(results.overhead.pagesRetrieve.ratioToUndiciFloor)
}× the undici one.
${
  bundleMissed || coldMissed ?
    `
## What stands in the way

${[bundleMissed ? bundleWay : "", coldMissed ? coldWay : ""].filter((w) => w !== "").join("\n").trimEnd()}` :
    ""
}

${effect4Section}
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
