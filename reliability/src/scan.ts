/**
 * The leak scan of what a person sees: the demo's whole output (the emulator's tokens, codes and client secret are
 * known by their formats and fixture values) must hold none of them.
 */
import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "../..")

/** What a secret of the emulator looks like: its fixture's token and client secret, issued tokens and codes. */
export const secretPatterns: ReadonlyArray<RegExp> = [
  /secret_emulator_internal_token/,
  /emulator-oauth-secret/,
  /\bntn_[0-9a-f]{16,}/,
  /\bnrt_[0-9a-f]{16,}/,
  /\bcode_[0-9a-f]{16,}/
]

/** Runs the demo (as `npm run demo` does) and returns its output and the secrets found in it. */
export const scanDemo = () =>
  new Promise<{ readonly output: string; readonly hits: ReadonlyArray<string> }>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "examples/demo.ts")],
      { cwd: join(root, "examples"), maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) return reject(error)
        const output = `${stdout}\n${stderr}`
        resolve({ output, hits: secretPatterns.filter((p) => p.test(output)).map(String) })
      }
    )
  )
