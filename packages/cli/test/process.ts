// Helpers shared by the CLI tests that run processes: tsc over a temp project, and the CLI as a process.
import { execFile } from "node:child_process"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const exec = promisify(execFile)

/** This package's directory. */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The repository's root. */
export const repoDir = path.resolve(packageDir, "../..")

/** What a process printed and its exit code. */
export interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const outcome = (promise: Promise<{ stdout: string; stderr: string }>): Promise<Outcome> =>
  promise.then(
    ({ stderr, stdout }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number | string; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === "number" ? error.code : 1,
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? String(error)
    })
  )

/**
 * Type-checks `files` (name → text) with `tsc --noEmit` in a temp project whose `node_modules` is `modulesFrom`'s
 * (so `@notion-effect/core` and `effect` resolve as in this package). `output` is tsc's report.
 */
export const typecheck = async (
  files: Readonly<Record<string, string>>,
  modulesFrom: string = path.join(packageDir, "node_modules")
): Promise<Outcome> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "notion-effect-typecheck-"))
  try {
    await fs.symlink(modulesFrom, path.join(dir, "node_modules"), "dir")
    await fs.writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }))
    await fs.writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          skipLibCheck: true,
          typeRoots: [path.join(repoDir, "node_modules/@types")],
          types: ["node"]
        },
        files: Object.keys(files)
      })
    )
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text)
    return await outcome(exec(path.join(repoDir, "node_modules/.bin/tsc"), ["--noEmit", "-p", dir], { cwd: dir }))
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs `notion-effect <args>` as a process, as `npx notion-effect` does in the workspace (`bin/notion-effect.js`
 * under plain `node`), with `env` over a clean environment.
 */
export const cli = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}): Promise<Outcome> =>
  outcome(
    exec(process.execPath, [path.join(packageDir, "bin/notion-effect.js"), ...args], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
      timeout: 60_000
    })
  )
