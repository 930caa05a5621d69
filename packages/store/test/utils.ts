// Shared by the store's tests: the emulator, a real grant from it, stale tokens, temp files and worker processes.
import type * as HttpClient from "@effect/platform/HttpClient"
import { NotionConfig } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials, type OAuthResponse } from "@notion-effect/oauth"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as TokenCipher from "../src/TokenCipher.js"
import type { Emulator } from "./emulator.js"

/** The package's directory: workers start there (`--import tsx` resolves from it). */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..")
export const workerScript = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "worker.ts")

export { emulator } from "./emulator.js"

/** Where Notion is and who the OAuth client is, for the SDK. */
export const configLayer = (emulator: Emulator) =>
  Layer.mergeAll(
    NotionConfig.layer({ baseUrl: emulator.url }),
    OAuthCredentials.layer({
      clientId: emulator.oauthClient.clientId,
      clientSecret: emulator.oauthClient.clientSecret
    })
  )

/** `NotionOAuth` pointed at the emulator (over the `HttpClient` of the suite), and `NotionConfig` for clients. */
export const oauthLayer = (
  emulator: Emulator
): Layer.Layer<NotionOAuth.NotionOAuth | NotionConfig.NotionConfig, never, HttpClient.HttpClient> =>
  Layer.provideMerge(NotionOAuth.layer(), configLayer(emulator))

/** A user consents on the emulator and the code is exchanged: a real grant with a rotating refresh token. */
export const authorize = (emulator: Emulator) =>
  Effect.gen(function*() {
    const url = `${emulator.url}/v1/oauth/authorize?client_id=${emulator.oauthClient.clientId}` +
      "&response_type=code&owner=user"
    const code = new URL(yield* emulator.consent(url, "allow")).searchParams.get("code")!
    const oauth = yield* NotionOAuth.NotionOAuth
    return yield* oauth.token({ grant_type: "authorization_code", code: Redacted.make(code) })
  })

/** The same grant with an access token Notion no longer accepts (it answers 401 `unauthorized`): expired. */
export const expired = (grant: OAuthResponse.TokenResponse): OAuthResponse.TokenResponse => ({
  ...grant,
  access_token: Redacted.make(`ntn_expired${crypto.randomUUID().replaceAll("-", "")}`)
})

/** A fresh random key list. */
export const makeKeys = (...ids: ReadonlyArray<string>) =>
  Effect.forEach(ids, (id) => Effect.map(TokenCipher.generateKey, (secret): TokenCipher.Key => ({ id, secret })))

/** `id:key,id:key`, as `NOTION_STORE_KEYS` holds them. */
export const keysEnv = (keys: ReadonlyArray<TokenCipher.Key>) =>
  keys.map((key) => `${key.id}:${Redacted.value(key.secret)}`).join(",")

/** A temporary directory, removed with the scope. */
export const tempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "notion-store-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

/** A random suffix for schema and table names. */
export const suffix = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12)

/** What a worker process reported and how it ended. */
export interface WorkerExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** The worker's last JSON line: `{ ok: true }` or `{ ok: false, tag }`. */
  readonly result: { readonly ok: boolean; readonly tag?: string } | undefined
}

/** A running `test/fixtures/worker.ts` (an OS process): it loads the grant, says `ready`, and waits for `go`. */
export interface Worker {
  readonly ready: Effect.Effect<void>
  readonly go: Effect.Effect<void>
  readonly exit: Effect.Effect<WorkerExit>
}

/** Starts a worker asynchronously (`node --import tsx`), killed with the scope if still running. */
export const spawnWorker = (env: Record<string, string>) =>
  Effect.gen(function*() {
    let stdout = ""
    let stderr = ""
    let onReady: (() => void) | undefined
    const handle: { child?: ReturnType<typeof execFile> } = {}
    const ready = new Promise<void>((resolve) => (onReady = resolve))
    const exited = new Promise<WorkerExit>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", workerScript],
        { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 4 * 1024 * 1024 },
        (error) => {
          const last = stdout.trim().split("\n").filter((line) => line.startsWith("{")).at(-1)
          resolve({
            code: child.exitCode,
            signal: child.signalCode ?? (error as { signal?: NodeJS.Signals } | null)?.signal ?? null,
            stdout,
            stderr,
            result: last === undefined ? undefined : JSON.parse(last)
          })
        }
      )
      child.stdout!.on("data", (chunk: string) => {
        stdout += chunk
        if (stdout.includes("ready\n")) onReady?.()
      })
      child.stderr!.on("data", (chunk: string) => void (stderr += chunk))
      handle.child = child
    })
    yield* Effect.addFinalizer(() => Effect.sync(() => handle.child?.exitCode === null && handle.child.kill("SIGKILL")))
    const worker: Worker = {
      ready: Effect.promise(() =>
        Promise.race([ready, exited.then((exit) => Promise.reject(new Error(`worker exited early: ${exit.stderr}`)))])
      ),
      go: Effect.sync(() => void handle.child!.stdin!.write("go\n")),
      exit: Effect.promise(() => exited)
    }
    return worker
  })

/** Every worker ready, then all of them told to go at once, then every exit. */
export const runTogether = (workers: ReadonlyArray<Worker>) =>
  Effect.gen(function*() {
    yield* Effect.forEach(workers, (worker) => worker.ready, { concurrency: "unbounded", discard: true })
    yield* Effect.forEach(workers, (worker) => worker.go, { discard: true })
    return yield* Effect.forEach(workers, (worker) => worker.exit, { concurrency: "unbounded" })
  })
