/** Starts `grant-worker.ts` as an OS process (`node --import tsx`) and talks to it line by line. */
import { type ChildProcess, spawn } from "node:child_process"
import * as Path from "node:path"
import * as Readline from "node:readline"
import { fileURLToPath } from "node:url"
import type { Tally } from "./outcomes.js"

const here = Path.dirname(fileURLToPath(import.meta.url))

/** A running worker. */
export interface WorkerProcess {
  /** Makes `n` concurrent calls in the worker; their outcomes. */
  readonly calls: (n: number) => Promise<Tally>
  /** Kills the worker (SIGKILL) if it still runs. */
  readonly close: () => Promise<void>
}

/** Starts a worker with `env` added to this process's environment; resolves once it is ready. */
export const startWorker = (env: Record<string, string>): Promise<WorkerProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", Path.join(here, "grant-worker.ts")], {
      cwd: Path.join(here, "../.."),
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"]
    })
    let stderr = ""
    child.stderr!.on("data", (chunk) => void (stderr += String(chunk)))
    const waiting: Array<(line: string) => void> = []
    const lines = Readline.createInterface({ input: child.stdout! })
    let ready = false
    const exited = new Promise<void>((done) => child.once("exit", () => done()))
    child.once("exit", (code, signal) => {
      const error = new Error(`chaos worker exited (${code ?? signal}): ${stderr.slice(-2000)}`)
      if (!ready) reject(error)
      for (const next of waiting.splice(0)) next(JSON.stringify({ error: error.message }))
    })
    lines.on("line", (line) => {
      if (!ready && line === "ready") {
        ready = true
        return resolve({
          calls: (n) =>
            new Promise((answer, fail) => {
              waiting.push((text) => {
                const parsed = JSON.parse(text)
                if ("error" in parsed) fail(new Error(parsed.error))
                else answer(parsed as Tally)
              })
              child.stdin!.write(`${n}\n`)
            }),
          close: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.kill("SIGKILL")
              await exited
            }
          }
        })
      }
      if (line.startsWith("{")) waiting.shift()?.(line)
    })
  })
