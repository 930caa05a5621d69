// Pay for what you use: a program that calls one endpoint through `NotionCaller` bundles that endpoint's
// declaration and schemas only, never the client's tree of every endpoint.
import { assert, describe, it } from "@effect/vitest"
import * as esbuild from "esbuild"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..")

/** The core modules a program's bundle holds (paths under `packages/core/src`). */
const coreModules = async (program: string): Promise<Array<string>> => {
  // inside the bench package, so that `@notion-effect/core` resolves as for its programs
  const dir = mkdtempSync(join(benchDir, ".bundle-"))
  try {
    const entry = join(dir, "program.ts")
    writeFileSync(entry, program)
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      write: false,
      platform: "node",
      format: "esm",
      metafile: true
    })
    return Object.keys(result.metafile.inputs)
      .filter((input) => input.includes("packages/core/src/"))
      .map((input) => input.split("packages/core/src/")[1]!)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe("bundles", () => {
  it("one endpoint through NotionCaller carries its declaration, not the others", async () => {
    const modules = await coreModules(`
import * as Users from "@notion-effect/core/api/users"
import * as NotionAuth from "@notion-effect/core/NotionAuth"
import * as NotionCaller from "@notion-effect/core/NotionCaller"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

// the HttpClient is the caller's (the program's text is the same on both editions)
const program = Effect.flatMap(NotionCaller.NotionCaller, (notion) => notion.call(Users.list, {}))
export const main = program.pipe(Effect.provide(NotionCaller.layer.pipe(Layer.provide(NotionAuth.layerConfig()))))
`)
    assert.include(modules, "api/users.ts")
    assert.include(modules, "User.ts")
    for (const other of ["NotionApi.ts", "NotionClient.ts", "api/pages.ts", "Block.ts", "Filter.ts", "Page.ts"]) {
      assert.notInclude(modules, other)
    }
  }, 60_000)

  it("the whole client carries every endpoint", async () => {
    const modules = await coreModules(`
import { NotionClient } from "@notion-effect/core"
import * as Effect from "effect/Effect"
export const main = Effect.flatMap(NotionClient.NotionClient, (notion) => notion.users.list({}))
`)
    for (const all of ["NotionApi.ts", "api/pages.ts", "api/blocks.ts", "Block.ts"]) assert.include(modules, all)
  }, 60_000)
})
