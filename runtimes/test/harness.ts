// What every runtime test shares: the runtimes' binaries (from their npm platform packages, never through an
// install script), the bundles, the emulator and the input, and the checks on the program's summary.
import { afterAll, assert } from "@effect/vitest"
import type { NotionEmulator } from "@notion-effect/emulator"
import { OAuthState } from "@notion-effect/oauth"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as esbuild from "esbuild"
import { execFile } from "node:child_process"
import { createHmac, randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import type { Input, Summary } from "../src/program.js"
import { inputNames } from "../src/program.js"

const here = import.meta.dirname
const require = createRequire(import.meta.url)
const required = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"

/** The npm package holding each runtime's binary for this platform, and where the binary is in it. */
const platformPackage = {
  bun: () => {
    const os = { darwin: "darwin", linux: "linux", win32: "windows", freebsd: "freebsd" }[process.platform as string]
    const arch = { x64: "x64", arm64: "aarch64" }[process.arch as string]
    const musl = process.platform === "linux" && !isGlibc() ? "-musl" : ""
    return { name: `@oven/bun-${os}-${arch}${musl}`, bin: process.platform === "win32" ? "bin/bun.exe" : "bin/bun" }
  },
  deno: () => {
    const target = process.platform === "linux" ? `linux-${process.arch}-glibc` : `${process.platform}-${process.arch}`
    return { name: `@deno/${target}`, bin: process.platform === "win32" ? "deno.exe" : "deno" }
  },
  workerd: () => {
    const os = { darwin: "darwin", linux: "linux", win32: "windows" }[process.platform as string]
    const arch = { x64: "64", arm64: "arm64" }[process.arch as string]
    return {
      name: `@cloudflare/workerd-${os}-${arch}`,
      bin: process.platform === "win32" ? "bin/workerd.exe" : "bin/workerd"
    }
  }
} as const

const isGlibc = () =>
  (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header
    ?.glibcVersionRuntime !== undefined

/**
 * The binary of a runtime: `NOTION_EFFECT_<RUNTIME>` when set, else the one in the platform package that the runtime's
 * npm package lists for this platform (installed by pnpm as an optional dependency; its install script, which only
 * links that binary, never runs). When there is none, prints one line saying how to get it, unless
 * NOTION_EFFECT_REQUIRE_SERVICES=1, where the suite runs and fails on its first test.
 */
export const binary = (runtime: keyof typeof platformPackage): string | undefined => {
  const variable = `NOTION_EFFECT_${runtime.toUpperCase()}`
  const configured = process.env[variable]
  if (configured !== undefined && configured !== "") return configured
  const { bin, name } = platformPackage[runtime]()
  let path: string | undefined
  try {
    const wrapper = createRequire(require.resolve(`${runtime}/package.json`))
    path = join(dirname(wrapper.resolve(`${name}/package.json`)), bin)
  } catch {
    path = undefined
  }
  if (path !== undefined && existsSync(path)) return path
  if (!required) {
    console.log(
      `runtimes: the ${runtime} tests are skipped: no ${name} installed for ${process.platform}-${process.arch} ` +
        `(install the workspace on a platform ${runtime} ships for, or set ${variable}=/path/to/${runtime})`
    )
  }
  return undefined
}

/** Whether a runtime's suite runs: its binary is there, or CI requires it (and the suite's first test fails). */
export const runs = (path: string | undefined) => path !== undefined || required

/** A temporary directory, removed when the scope closes. */
export const tempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "notion-effect-runtimes-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

const bundles = mkdtempSync(join(tmpdir(), "notion-effect-bundles-"))
afterAll(() => rmSync(bundles, { recursive: true, force: true }))
const built = new Map<string, Promise<string>>()

/**
 * Bundles an entry into one ES module, once per test file: for `node`-compatible runtimes (Bun, Deno) `node:`
 * built-ins stay imports and CommonJS dependencies (undici) get a `require`; for `workerd` nothing of Node's may be
 * left. Its path.
 */
export const bundle = (entry: string, target: "node" | "workerd") =>
  Effect.promise(() => {
    const key = `${target}:${entry}`
    const outfile = join(bundles, `${built.size}.mjs`)
    const cached = built.get(key) ?? esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: "esm",
      target: "es2022",
      logLevel: "error",
      ...(target === "node"
        ? {
          platform: "node",
          banner: {
            js: "import { createRequire } from \"node:module\"; const require = createRequire(import.meta.url);"
          }
        }
        : { platform: "neutral", mainFields: ["module", "main"], conditions: ["workerd", "worker", "browser"] })
    }).then(() => outfile)
    built.set(key, cached)
    return cached
  })

/** The program's entries. */
export const entries = {
  main: join(here, "../src/main.ts"),
  worker: join(here, "../src/worker.ts")
}

/** A webhook body with non-ASCII text, so the HMAC covers UTF-8 bytes. */
const webhookBody = JSON.stringify({
  id: "e0000000-0000-4000-8000-000000000001",
  type: "page.created",
  entity: { id: "p0000000-0000-4000-8000-000000000001", type: "page" },
  data: { note: "Café ✓" }
})

/**
 * The program's input against this emulator: the fixture's shared and unshared pages, a page size of 1 (one page
 * per user), and a webhook body signed here with node:crypto, independently of the SDK.
 */
export const inputFor = (emulator: NotionEmulator.Service): Input => {
  const webhookToken = `secret_${randomBytes(16).toString("hex")}`
  const shared = emulator.fixture.integrations.find((i) => i.type === "internal")!.sharedPages[0]!
  const hidden = emulator.fixture.pages.find((p) => p.id !== shared && p.parentId === undefined)!.id
  return {
    baseUrl: emulator.url,
    token: Redacted.value(emulator.internalToken),
    pageId: shared,
    hiddenPageId: hidden,
    pageSize: 1,
    webhookToken,
    webhookBody,
    webhookSignature: `sha256=${createHmac("sha256", webhookToken).update(webhookBody, "utf8").digest("hex")}`,
    stateKey: randomBytes(32).toString("base64url")
  }
}

/** The input as name → value (environment variables, worker bindings). */
export const inputVariables = (input: Input): Record<string, string> =>
  Object.fromEntries(Object.entries(inputNames).map(([key, name]) => [name, String(input[key as keyof Input])]))

/** Runs a binary to its end (bounded), failing with its output when it fails. */
export const exec = (
  file: string,
  args: ReadonlyArray<string>,
  options: { cwd: string; env: Record<string, string> }
) =>
  Effect.async<string, Error>((resume) => {
    const child = execFile(file, args, { ...options, timeout: 60_000 }, (error, stdout, stderr) =>
      resume(
        error === null
          ? Effect.succeed(stdout)
          : Effect.fail(new Error(`${file} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`))
      ))
    return Effect.sync(() => child.kill())
  })

/**
 * The five results, checked against the fixture and against Node's own view: the users in fixture order and one
 * request per page, the ObjectNotFound by tag, the signature node:crypto made verified and the same signature
 * computed, and the state signed there verified here under the same key and nonce.
 */
export const checkSummary = (
  emulator: NotionEmulator.Service,
  input: Input,
  summary: Summary & { readonly layer: string },
  expected: { readonly runtime: string; readonly layer: string }
) =>
  Effect.gen(function*() {
    assert.strictEqual(summary.layer, expected.layer)
    assert.isTrue(summary.runtime.startsWith(expected.runtime), `ran on ${summary.runtime}, not ${expected.runtime}`)

    const page = emulator.fixture.pages.find((p) => p.id === input.pageId)!
    assert.deepStrictEqual(summary.retrieve, { id: page.id, title: page.title })

    const users = emulator.fixture.users.map((user) => user.id)
    assert.deepStrictEqual(summary.list.userIds, users)
    const stats = yield* emulator.stats
    assert.strictEqual(stats.requests["GET /v1/users"], users.length, "one request per page of one user")

    assert.deepStrictEqual(summary.typedError, { tag: "ObjectNotFound", status: 404, code: "object_not_found" })

    assert.deepStrictEqual(summary.webhook, { verified: true, tampered: "mismatch", signature: input.webhookSignature })

    const verified = yield* OAuthState.verifyBound(
      Redacted.make(input.stateKey),
      summary.oauthState.state,
      Redacted.make(summary.oauthState.nonce)
    )
    assert.strictEqual(summary.oauthState.verifiedId, verified.id)
    assert.isAbove(verified.expiresAt, Date.now())
    assert.strictEqual(summary.oauthState.otherBrowser, "StateNotBound")
    assert.strictEqual(summary.oauthState.forged, "StateForged")
  })
