// Runs the pnpm pinned in package.json's `packageManager` on a machine that has only Node and npm
// (no global pnpm, no corepack download): it installs the workspace from the committed lockfile,
// then runs pnpm with the given arguments. `NOTION_EFFECT_INSTALLED=1` skips the install step
// (set for nested calls so one command installs once).
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
const env = { ...process.env, NOTION_EFFECT_INSTALLED: "1" }

const pnpm = (args) => {
  const result = spawnSync("npx", ["--yes", packageManager, ...args], {
    stdio: "inherit",
    cwd: root,
    env,
    shell: process.platform === "win32"
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (process.env.NOTION_EFFECT_INSTALLED !== "1") {
  pnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"])
}
pnpm(process.argv.slice(2))
