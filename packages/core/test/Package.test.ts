import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..")
// asynchronously: a test that blocks its worker's event loop for long makes vitest's RPC time out
const run = async (command: string, args: ReadonlyArray<string>, cwd: string) => {
  try {
    return (await promisify(execFile)(command, args, {
      cwd,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NOTION_EFFECT_INSTALLED: "1", npm_config_loglevel: "error" }
    })).stdout
  } catch (error) {
    // what the command printed says why (tsc prints its errors on stdout)
    const { stderr, stdout } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`.slice(0, 4000))
  }
}

const installedVersion = (name: string) =>
  JSON.parse(readFileSync(join(root, "packages/core/node_modules", name, "package.json"), "utf8")).version as string
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { packageManager: string }

// the same program typed, as a TypeScript user writes it: checked by a strict `tsc` with NodeNext resolution
const typed = `
import { NotionAuth, NotionClient, NotionConfig, NotionError, type NotionRateLimiter } from "@notion-effect/core"
import { NotionOAuth } from "@notion-effect/oauth"
import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
import { UndiciHttpClient } from "@notion-effect/undici"
import { Effect, Layer, Redacted } from "effect"

const layer = NotionClient.layer.pipe(Layer.provide([
  NotionAuth.layer(Redacted.make("secret_packed")),
  NotionConfig.layer({ baseUrl: "http://127.0.0.1:1" }),
  UndiciHttpClient.layer
]))
export const me: Effect.Effect<string | null | undefined, NotionError.NotionError> = Effect.gen(function*() {
  const client = yield* NotionClient.NotionClient
  const user = yield* client.users.me()
  return user.name
}).pipe(Effect.provide(layer))
export const oauth = NotionOAuth.layer()
export const shared: Layer.Layer<NotionRateLimiter.NotionRateLimiter> = RedisRateLimiter.layer({
  url: "redis://127.0.0.1:6379",
  fallbackShare: 1 / 2,
  redis: { connectionName: "my-app" }
})
`
const tsconfig = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    noEmit: true,
    skipLibCheck: true,
    types: []
  },
  files: ["typed.ts"]
}

// a plain-JS program, as a user of the published packages writes it
const program = `
import * as Http from "node:http"
import { NotionAuth, NotionClient, NotionConfig, NotionError } from "@notion-effect/core"
import * as ClientModule from "@notion-effect/core/NotionClient"
import { NotionOAuth, OAuthState } from "@notion-effect/oauth"
import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
import { UndiciHttpClient } from "@notion-effect/undici"
import { Effect, Layer, Redacted } from "effect"

const server = Http.createServer((req, res) => {
  res.writeHead(req.url === "/v1/users/me" ? 200 : 404, { "content-type": "application/json" })
  res.end(JSON.stringify(req.url === "/v1/users/me"
    ? { object: "user", id: "bot-1", name: "Packed", avatar_url: null, type: "bot", bot: {} }
    : { object: "error", status: 404, code: "object_not_found", message: "nope" }))
})
await new Promise((r) => server.listen(0, "127.0.0.1", r))
const layer = NotionClient.layer.pipe(Layer.provide([
  NotionAuth.layer(Redacted.make("secret_packed")),
  NotionConfig.layer({ baseUrl: "http://127.0.0.1:" + server.address().port }),
  // no Redis there: the requests go through its in-process fallback (one warning), and the process still exits
  RedisRateLimiter.layer({ url: "redis://127.0.0.1:1" }),
  UndiciHttpClient.layer
]))
const result = await Effect.runPromise(Effect.gen(function*() {
  const client = yield* NotionClient.NotionClient
  const me = yield* client.users.me()
  const missing = yield* Effect.flip(client.pages.retrieve({ page_id: "p1" }))
  const state = yield* OAuthState.generate
  return { name: me.name, missing: missing._tag, isOurs: NotionError.isNotionClientError(missing),
    subpath: ClientModule.layer === NotionClient.layer, state: state.length, oauth: typeof NotionOAuth.layer }
}).pipe(Effect.provide(layer)))
let internal = "importable"
try { await import("@notion-effect/core/internal/execute") } catch { internal = "blocked" }
server.close()
console.log(JSON.stringify({ ...result, internal }))
`

describe("the published packages", () => {
  it(
    "pnpm-packed tarballs install with plain npm, run a plain-JS program and type-check under strict NodeNext",
    async () => {
      const scratch = mkdtempSync(join(tmpdir(), "notion-effect-pack-"))
      try {
        await run("npx", [
          "tsc",
          "-b",
          "packages/core/tsconfig.build.json",
          "packages/oauth/tsconfig.build.json",
          "packages/undici/tsconfig.build.json",
          "packages/ratelimit-redis/tsconfig.build.json"
        ], root)
        for (const pkg of ["core", "oauth", "undici", "ratelimit-redis"]) {
          await run(
            "npx",
            ["--yes", packageManager, "-C", `packages/${pkg}`, "pack", "--pack-destination", scratch],
            root
          )
        }
        // declarations stay small: a schema type inferred instead of named expands into every file that uses it
        // (api/views.d.ts was 1.1 MB when `Filter` printed structurally)
        const declarations = readdirSync(join(root, "packages/core/dist"), { recursive: true, encoding: "utf8" })
          .filter((file) => file.endsWith(".d.ts"))
          .map((file) => ({ file, size: statSync(join(root, "packages/core/dist", file)).size }))
        assert.isAbove(declarations.length, 30)
        assert.deepStrictEqual(declarations.filter((d) => d.size > 100_000), [])
        assert.isBelow(declarations.reduce((total, d) => total + d.size, 0), 600_000)
        const tarballs = readdirSync(scratch).filter((f) => f.endsWith(".tgz"))
        assert.strictEqual(tarballs.length, 4)
        const manifest = JSON.parse(
          await run(
            "tar",
            ["-xOzf", join(scratch, tarballs.find((t) => t.includes("core"))!), "package/package.json"],
            scratch
          )
        )
        assert.strictEqual(manifest.exports["."].default, "./dist/index.js")
        assert.strictEqual(manifest.sideEffects, false)
        assert.property(manifest.peerDependencies, "effect")
        writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }))
        writeFileSync(join(scratch, "program.mjs"), program)
        writeFileSync(join(scratch, "typed.ts"), typed)
        writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify(tsconfig))
        await run("npm", [
          "install",
          "--no-audit",
          "--no-fund",
          "--prefer-offline",
          ...tarballs.map((t) => `./${t}`),
          // the peers the packed core asks for, at the versions the workspace runs
          ...Object.keys(manifest.peerDependencies).map((name) => `${name}@${installedVersion(name)}`),
          `typescript@${JSON.parse(readFileSync(join(root, "node_modules/typescript/package.json"), "utf8")).version}`
        ], scratch)
        await run("node", [join(scratch, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], scratch)
        const printed = (await run("node", ["program.mjs"], scratch)).trim().split("\n")
        // the Redis limiter's one warning, then the result
        assert.include(printed.join("\n"), "Redis at 127.0.0.1:1 is unreachable")
        const output = JSON.parse(printed.at(-1)!)
        assert.deepStrictEqual(output, {
          name: "Packed",
          missing: "ObjectNotFound",
          isOurs: true,
          subpath: true,
          state: 43,
          oauth: "function",
          internal: "blocked"
        })
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
    },
    240_000
  )
})
