/**
 * `pnpm chaos`: every chaos scenario (Redis killed mid-batch, a worker killed with requests in flight, PostgreSQL
 * stopped mid-refresh, mutated webhook deliveries), three runs each, against private Redis and PostgreSQL instances on
 * free ports. Prints each scenario's figures; with `--write`, puts them in `docs/reliability.md` (between the chaos
 * markers). Exits non-zero when a criterion failed in any run.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { ChaosReport } from "./report.js"
import { scenarios } from "./scenarios.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..")
const runs = Number(process.env.CHAOS_RUNS ?? 3)

const reports: Array<ChaosReport> = []
for (const scenario of scenarios) {
  console.error(`chaos: ${scenario.name} (${runs} runs)…`)
  const report = await scenario.run({ runs })
  reports.push(report)
  console.error(`chaos: ${report.name}: ${report.passed ? "passed" : "FAILED"} (${report.criterion})`)
  for (const run of report.runs) console.error(`  ${JSON.stringify(run)}`)
}

const table = (report: ChaosReport) => {
  const columns = [...new Set(report.runs.flatMap((run) => Object.keys(run)))]
  return [
    `### ${report.name}: ${report.passed ? "passed" : "FAILED"}`,
    "",
    `Criterion, in every run: ${report.criterion}.`,
    "",
    `| run | ${columns.join(" | ")} |`,
    `|---|${columns.map(() => "---").join("|")}|`,
    ...report.runs.map((run, i) => `| ${i + 1} | ${columns.map((column) => String(run[column] ?? "")).join(" | ")} |`)
  ].join("\n")
}

if (process.argv.includes("--write")) {
  const file = join(root, "docs/reliability.md")
  const start = "<!-- chaos -->"
  const end = "<!-- /chaos -->"
  const section = `${start}
## Chaos

Written by \`pnpm chaos --write\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}): real services
killed in the middle of real work, each scenario ${runs} times, on private Redis and PostgreSQL instances started on free
ports. \`npm test\` (and so \`.ci/run\`) runs each scenario once.

${reports.map(table).join("\n\n")}
${end}`
  const text = readFileSync(file, "utf8")
  const at = text.indexOf(start)
  const updated = at === -1
    ? `${text.trimEnd()}\n\n${section}\n`
    : `${text.slice(0, at)}${section}${text.slice(text.indexOf(end) + end.length)}`
  writeFileSync(file, updated)
}

if (reports.some((report) => !report.passed)) process.exit(1)
