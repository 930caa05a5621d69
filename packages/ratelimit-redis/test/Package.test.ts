// The published package: pnpm-packed with the core it depends on, installed with plain npm next to the peers the
// workspace runs, a plain-JS program takes and gives back a slot (Redis unreachable: the in-process limiter) and
// exits, and a typed use of it type-checks under strict NodeNext. Runs on both editions (each packs its own).
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
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

const manifestOf = (path: string) => JSON.parse(readFileSync(path, "utf8"))
const installedVersion = (name: string) =>
  manifestOf(join(root, "packages/ratelimit-redis/node_modules", name, "package.json")).version as string
const { packageManager } = manifestOf(join(root, "package.json")) as { packageManager: string }

// a plain-JS program, as a user of the published package writes it
const program = `
import { NotionRateLimiter } from "@notion-effect/core"
import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

const token = Redacted.make("secret_packed")
const granted = await Effect.runPromise(Effect.gen(function*() {
  const limiter = yield* NotionRateLimiter.NotionRateLimiter
  yield* limiter.acquire(token)
  yield* limiter.release(token)
  return "granted"
}).pipe(Effect.provide(RedisRateLimiter.layer({ url: "redis://127.0.0.1:1", requests: 3, window: "1 second" }))))
let internal = "importable"
try { await import("@notion-effect/ratelimit-redis/internal/scripts") } catch { internal = "blocked" }
console.log(JSON.stringify({ granted, layerConfig: typeof RedisRateLimiter.layerConfig, internal }))
`

// the same package typed, as a TypeScript user writes it: checked by a strict `tsc` with NodeNext resolution
const typed = `
import type { NotionRateLimiter } from "@notion-effect/core"
import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
import type * as Layer from "effect/Layer"

export const shared: Layer.Layer<NotionRateLimiter.NotionRateLimiter> = RedisRateLimiter.layer({
  url: "redis://127.0.0.1:6379",
  prefix: "my-app:",
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

describe("the published package", () => {
  it(
    "pnpm-packed with core, it installs with plain npm, runs a plain-JS program and type-checks under strict NodeNext",
    async () => {
      const scratch = mkdtempSync(join(tmpdir(), "notion-effect-pack-redis-"))
      try {
        await run("npx", [
          "tsc",
          "-b",
          "packages/core/tsconfig.build.json",
          "packages/ratelimit-redis/tsconfig.build.json"
        ], root)
        for (const pkg of ["core", "ratelimit-redis"]) {
          await run(
            "npx",
            ["--yes", packageManager, "-C", `packages/${pkg}`, "pack", "--pack-destination", scratch],
            root
          )
        }
        const tarballs = readdirSync(scratch).filter((f) => f.endsWith(".tgz"))
        assert.strictEqual(tarballs.length, 2)
        const manifest = JSON.parse(
          await run(
            "tar",
            ["-xOzf", join(scratch, tarballs.find((t) => t.includes("ratelimit-redis"))!), "package/package.json"],
            scratch
          )
        )
        assert.strictEqual(manifest.exports["."].default, "./dist/index.js")
        assert.strictEqual(manifest.exports["./internal/*"], null)
        // the workspace's core, by the version it is published with
        const core = manifestOf(join(root, "packages/core/package.json"))
        assert.strictEqual(manifest.dependencies["@notion-effect/core"], `^${core.version}`)
        assert.property(manifest.dependencies, "ioredis")
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
          // the peers the packed package asks for, at the versions the workspace runs
          ...Object.keys(manifest.peerDependencies).map((name) => `${name}@${installedVersion(name)}`),
          `typescript@${manifestOf(join(root, "node_modules/typescript/package.json")).version}`
        ], scratch)
        await run(process.execPath, [join(scratch, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], scratch)
        // it exits on its own: nothing of the Redis client outlives the layer
        const output = (await run(process.execPath, ["program.mjs"], scratch)).trim().split("\n").pop()!
        assert.deepStrictEqual(JSON.parse(output), { granted: "granted", layerConfig: "function", internal: "blocked" })
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
    },
    240_000
  )
})
