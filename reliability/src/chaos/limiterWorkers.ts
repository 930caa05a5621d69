/**
 * Starts and watches worker processes of the rate-limiter chaos scenarios (`limiterWorker.ts`): each is a
 * `node --import tsx` child whose JSON lines are parsed as they come; all start sending at once on `go`.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "../../..")

export interface WorkerResult {
  readonly ok: number
  readonly failed: number
  readonly errors: Readonly<Record<string, number>>
  readonly ms: number
}

export interface Worker {
  readonly ready: Promise<void>
  /** Its final result; rejects when it exits without one (killed, crashed). */
  readonly result: Promise<WorkerResult>
  /** The last progress it printed. */
  readonly progress: () => { readonly done: number; readonly failed: number; readonly onWire: number }
  readonly go: () => void
  readonly kill: () => void
  /** Its output lines that were not protocol (logs), for reports. */
  readonly logs: Array<string>
}

export interface WorkerSettings {
  readonly baseUrl: string
  readonly token: string
  readonly redisUrl: string
  readonly prefix: string
  readonly path: string
  readonly count: number
  readonly concurrency: number
  readonly requests: number
  readonly windowMillis: number
}

export const startWorker = (settings: WorkerSettings): Worker => {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(here, "limiterWorker.ts")], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
    env: {
      ...process.env,
      BASE_URL: settings.baseUrl,
      NOTION_TOKEN: settings.token,
      REDIS_URL: settings.redisUrl,
      PREFIX: settings.prefix,
      API_PATH: settings.path,
      COUNT: String(settings.count),
      CONCURRENCY: String(settings.concurrency),
      REQUESTS: String(settings.requests),
      WINDOW_MS: String(settings.windowMillis)
    }
  })
  const logs: Array<string> = []
  let progress = { done: 0, failed: 0, onWire: 0 }
  let readyResolve: () => void = () => undefined
  let resultResolve: (result: WorkerResult) => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve
    fail = reject
  })
  let failResult: (error: Error) => void = () => undefined
  const result = new Promise<WorkerResult>((resolve, reject) => {
    resultResolve = resolve
    failResult = reject
  })
  // handled by whoever awaits them; a killed worker's result is expected to reject
  ready.catch(() => undefined)
  result.catch(() => undefined)
  createInterface({ input: child.stdout! }).on("line", (line) => {
    let parsed: { ready?: boolean; progress?: typeof progress; result?: WorkerResult } | undefined
    try {
      parsed = JSON.parse(line)
    } catch {
      parsed = undefined
    }
    if (parsed?.ready === true) readyResolve()
    else if (parsed?.progress !== undefined) progress = parsed.progress
    else if (parsed?.result !== undefined) resultResolve(parsed.result)
    else logs.push(line)
  })
  createInterface({ input: child.stderr! }).on("line", (line) => logs.push(line))
  child.on("exit", (code, signal) => {
    const error = new Error(`worker exited (${signal ?? code}) ${logs.slice(-3).join(" | ")}`)
    fail(error)
    setTimeout(() => failResult(error), 100)
  })
  return {
    ready,
    result,
    progress: () => progress,
    go: () => child.stdin!.write("go\n"),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
    },
    logs
  }
}
