/**
 * `pnpm reliability`: the whole suite at full size — the hostile corpus on every HTTP layer,
 * 10,000 requests under 10 % faults, the demo's leak scan — printed and written to `docs/reliability.md`.
 * (The property tests run with `npm test`.)
 */
import * as Effect from "effect/Effect"
import { execFile } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { corpus } from "./corpus.js"
import { runLoad } from "./load.js"
import { combine, type LayerName, layers, type Report } from "./run.js"
import { scanDemo } from "./scan.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "../..")

/** Each layer's corpus in its own process (`src/report.ts`): one layer's heap never weighs on the next's figures. */
const corpusOn = async (layer: LayerName): Promise<Report> => {
  console.error(`reliability: the corpus on ${layer}…`)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", join(root, "reliability/src/report.ts"), layer],
    { cwd: join(root, "reliability"), maxBuffer: 64 * 1024 * 1024 }
  )
  return JSON.parse(stdout.trim().split("\n").pop()!)
}
const reports: Array<Report> = []
for (const layer of Object.keys(layers) as Array<LayerName>) reports.push(await corpusOn(layer))
const report = combine(reports)
console.error("reliability: 10,000 requests under faults…")
const load = await Effect.runPromise(runLoad({ requests: 10_000, faultRate: 0.1 }))
console.error("reliability: the demo's leak scan…")
const demo = await scanDemo()

const categories = Object.entries(report.byCategory).map(([name, n]) => `| ${name} | ${n / report.layers.length} |`)
const outcomes = Object.entries(report.outcomes).sort((a, b) => b[1] - a[1]).map(([name, n]) => `| ${name} | ${n} |`)
const markdown = `# Reliability

Written by \`pnpm reliability\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}). \`npm test\` runs
the same suite at a reduced size (the corpus on both undici layers, 1,000 requests under load) and the property tests.

## Summary

| figure | value |
|---|---|
| hostile cases | ${report.cases} (${corpus().length} in the corpus) |
| HTTP layers | ${report.layers.join(", ")} |
| runs (case × program × layer) | ${report.runs} |
| runs ending in a defect, a hang or an untyped error | ${report.failures.length} |
| unhandled rejections or exceptions | ${report.unhandledRejections} |
| leaks found (canary token, refresh token, code, client secret) | ${report.leaks.length + demo.hits.length} |
| largest error message | ${report.maxMessageBytes} B |
| most heap one case used | ${report.maxCaseHeapMb} MB |
| most heap left behind (a case, or the whole run) | ${report.maxRetainedMb} MB |
| corpus duration | ${(report.durationMs / 1000).toFixed(1)} s |
| requests under load (10 % faults: 429/529/5xx/HTML 502/resets) | ${load.requests} at concurrency 50 |
| attempts the emulator received | ${load.attempts} |
| error answers survived | ${load.errorAnswers} |
| GETs that failed (retry budget 6) | ${load.getsFailed} of ${load.gets} |
| POSTs sent again after a 5xx or a reset (duplicate writes) | ${
  Math.max(0, load.postRepeats - load.postRateLimited)
} (repeats ${load.postRepeats}, all after 429/529: ${load.postRateLimited}) |
| load duration | ${(load.durationMs / 1000).toFixed(1)} s |

Each run goes through core (\`users.list\`, \`pages.retrieve\`, \`search\` — a POST) and the OAuth programs (\`token\`
with both grants, \`introspect\`, \`revoke\`) with a 300 ms timeout per attempt, a 64 KiB response limit, and no retries
except for the rate-limit cases (a tiny schedule). It must end within 3 s in a success or a member of the SDK's error
unions with a message of at most 2 KiB (plus its one-line prefix), and no canary secret may appear in the error
(\`String\`, \`JSON.stringify\`, \`Inspectable.format\`, \`Cause.pretty\`), the logs (every level) or the spans
(attributes, events and exit values).

## Cases by category

| category | cases |
|---|---|
${categories.join("\n")}

## Outcomes

| outcome | runs |
|---|---|
${outcomes.join("\n")}
${
  report.failures.length + report.leaks.length + demo.hits.length === 0
    ? ""
    : `\n## Failures\n\n${[...report.failures, ...report.leaks, ...demo.hits].map((f) => `- ${f}`).join("\n")}\n`
}`
// the chaos section (`pnpm chaos --write`) is kept as it is
const file = join(root, "docs/reliability.md")
const previous = existsSync(file) ? readFileSync(file, "utf8") : ""
const chaos = previous.indexOf("<!-- chaos -->")
writeFileSync(file, chaos === -1 ? markdown : `${markdown.trimEnd()}\n\n${previous.slice(chaos)}`)
console.log(markdown)
process.exit(report.failures.length + report.leaks.length + demo.hits.length === 0 && load.getsFailed === 0 ? 0 : 1)
