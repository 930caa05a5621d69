// The typed example from the module `notion-effect schema generate` wrote, as a project uses it: the CLI (spawned)
// writes it, then the example runs against the emulator with NOTION_SCHEMA_FILE pointing at it. (On Effect 4 the
// example imports that module; on Effect 3 it generates the same module again and writes it over.)
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import * as Emulator from "../emulator.js"
import * as TypedExample from "../typed-data-source.js"

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// the CLI of the repository (Effect 3): ../packages/cli here, ../../packages/cli from the Effect 4 workspace
const cliBin = [
  path.join(examplesDir, "../packages/cli/bin/notion-effect.js"),
  path.join(examplesDir, "../../packages/cli/bin/notion-effect.js")
].find((file) => existsSync(file))!

describe("typed-data-source example, from a generated module", () => {
  it.scoped(
    "the CLI writes the module; the example creates, queries and updates typed rows through it",
    () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator.make()
        const token = Redacted.value(emulator.internalToken)
        // in the examples' directory, so that the module's import of @notion-effect/core resolves as theirs do
        const dir = yield* Effect.acquireRelease(
          Effect.promise(() => fs.mkdtemp(path.join(examplesDir, ".generated-"))),
          (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
        )
        const schemaFile = path.join(dir, "tasks.ts")
        yield* Effect.promise(() =>
          promisify(execFile)(process.execPath, [
            cliBin,
            "schema",
            "generate",
            emulator.tasks.dataSourceId,
            "--out",
            schemaFile,
            "--base-url",
            emulator.url
          ], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", NOTION_TOKEN: token } })
        )
        const written = yield* Effect.promise(() => fs.readFile(schemaFile, "utf8"))
        assert.include(written, "TypedDataSource.define({")

        const example = yield* TypedExample.program.pipe(
          Effect.provide(TypedExample.MainLayer),
          Effect.withConfigProvider(ConfigProvider.fromMap(
            new Map([
              ["NOTION_TOKEN", token],
              ["NOTION_BASE_URL", emulator.url],
              ["NOTION_DATA_SOURCE_ID", emulator.tasks.dataSourceId],
              ["NOTION_SCHEMA_FILE", schemaFile]
            ])
          ))
        )
        assert.strictEqual(example.module, written)
        assert.deepStrictEqual(example.open.map((row) => [row.name, row.status, row.priority, row.done]), [
          ["Write the typed example", "Doing", 1, false],
          ["Review the typed example", "Todo", 2, false]
        ])
        assert.deepStrictEqual(example.invalid, [])
        assert.deepStrictEqual([example.finished.status, example.finished.done], ["Done", true])
        assert.deepStrictEqual(example.first.due, { start: "2026-05-01", end: null, time_zone: null })
      }),
    60_000
  )
})
