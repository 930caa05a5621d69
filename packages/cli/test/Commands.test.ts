// The `notion-effect` executable end to end: spawned (`node bin/notion-effect.js`, what `npx notion-effect` runs in
// the workspace) against the emulator.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { NotionAuth, NotionClient, NotionConfig, NotionRetry, NotionVersion } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import * as Emulator from "./emulator.js"
import { expired, grantSetup, TASKS } from "./grant.js"
import { cli, typecheck } from "./process.js"

const setup = Effect.gen(function*() {
  const emulator = yield* Emulator.emulator
  const env = { NOTION_TOKEN: Redacted.value(emulator.internalToken) }
  const dir = yield* Effect.acquireRelease(
    Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "notion-effect-commands-"))),
    (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
  )
  const client = NotionClient.layer.pipe(
    Layer.provide([
      NotionAuth.layer(emulator.internalToken),
      NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled }),
      NodeHttpClient.layer
    ])
  )
  const run = (...args: ReadonlyArray<string>) => Effect.promise(() => cli([...args, "--base-url", emulator.url], env))
  return { emulator, env, dir, client, run }
})

describe("notion-effect against the emulator", () => {
  it.scoped("schema introspect prints the properties", () =>
    Effect.gen(function*() {
      const { run } = yield* setup
      const result = yield* run("schema", "introspect", TASKS)
      assert.strictEqual(result.code, 0, result.stderr)
      assert.match(result.stdout, /^Tasks \(d5000000-0000-4000-8000-000000000001\): 5 properties/)
      assert.match(result.stdout, /\nStatus\s+select\s+st%3A1\s+status\s+options: Todo, Doing, Done\n/)
    }))

  it.scoped("schema generate writes a module tsc accepts; schema diff exits 0, then 1 after a rename", () =>
    Effect.gen(function*() {
      const { client, dir, run } = yield* setup
      const file = path.join(dir, "tasks.ts")
      const generated = yield* run("schema", "generate", TASKS, "--out", file)
      assert.strictEqual(generated.code, 0, generated.stderr)
      assert.include(generated.stderr, `Wrote Tasks (5 fields) from ${TASKS} to ${file}`)
      const text = yield* Effect.promise(() => fs.readFile(file, "utf8"))
      const checked = yield* Effect.promise(() =>
        typecheck({
          "tasks.ts": text,
          "check.ts": `import type { TasksRow } from "./tasks.js"
declare const row: TasksRow
export const values: [string, "Todo" | "Doing" | "Done" | (string & {}) | null, number | null, boolean] =
  [row.name, row.status, row.priority, row.done]
`
        })
      )
      assert.strictEqual(checked.stdout + checked.stderr, "")

      const clean = yield* run("schema", "diff", file)
      assert.strictEqual(clean.code, 0, clean.stderr)
      assert.include(clean.stdout, "up to date")

      yield* Effect.flatMap(
        NotionClient.NotionClient,
        (notion) => notion.dataSources.update({ data_source_id: TASKS, properties: { Priority: { name: "Rank" } } })
      ).pipe(
        Effect.provide(client)
      )
      const drift = yield* run("schema", "diff", file)
      assert.strictEqual(drift.code, 1)
      assert.include(drift.stderr, "\"Priority\" (field priority) was renamed to \"Rank\"")

      // regenerating keeps the field's name (code using `row.priority` still compiles) and says which property it is
      const again = yield* run("schema", "generate", TASKS, "--out", file)
      assert.strictEqual(again.code, 0, again.stderr)
      const regenerated = yield* Effect.promise(() => fs.readFile(file, "utf8"))
      assert.match(
        regenerated,
        /\n {4}\/\/ priority: the property "Rank" \(id "[^"]+"\)\n {4}priority: \{ kind: "number"/
      )
      assert.notInclude(regenerated, "rank:")
    }))

  it.scoped("bad id, unknown id and bad token: a clear message and exit code 2", () =>
    Effect.gen(function*() {
      const { emulator, run } = yield* setup
      const bad = yield* run("schema", "generate", "tasks")
      assert.strictEqual(bad.code, 2)
      assert.include(bad.stderr, "\"tasks\" is not a data source id or URL")
      const unknown = yield* run("schema", "introspect", "0".repeat(32))
      assert.strictEqual(unknown.code, 2)
      assert.include(unknown.stderr, "is shared with this integration")
      const refused = yield* Effect.promise(() =>
        cli(["schema", "introspect", TASKS, "--base-url", emulator.url], { NOTION_TOKEN: "secret_wrong" })
      )
      assert.strictEqual(refused.code, 2)
      assert.include(refused.stderr, "Notion refused the token")
      assert.notInclude(refused.stderr + refused.stdout, "secret_wrong")
    }))

  it.scoped("--notion-version: generate and diff read whole rows on each version; an unknown one is refused", () =>
    Effect.gen(function*() {
      const { client, dir, emulator, run } = yield* setup
      // a formula's result type is read from a listed row, which 2026-12-01 lists with its title only unless asked
      const source = yield* Effect.gen(function*() {
        const notion = yield* NotionClient.NotionClient
        const created = yield* notion.dataSources.create({
          parent: { database_id: "db000000-0000-4000-8000-000000000001" },
          title: [{ type: "text", text: { content: "Scores" } }],
          properties: { Name: { title: {} }, Score: { formula: { expression: "1" } } }
        })
        yield* notion.pages.create({ parent: { data_source_id: created.id }, properties: {} })
        return created.id
      }).pipe(Effect.provide(client))
      const modules: Array<string> = []
      for (const version of NotionVersion.versions) {
        const generated = yield* run("schema", "generate", source, "--notion-version", version)
        assert.strictEqual(generated.code, 0, generated.stderr)
        assert.include(generated.stdout, `result: "string"`, version)
        modules.push(generated.stdout)
      }
      assert.deepStrictEqual(new Set(modules).size, 1)
      const file = path.join(dir, "scores.ts")
      yield* Effect.promise(() => fs.writeFile(file, modules[0]!))
      const clean = yield* run("schema", "diff", file, "--notion-version", "2026-12-01")
      assert.strictEqual(clean.code, 0, clean.stderr)
      const unknown = yield* Effect.promise(() =>
        cli(["schema", "introspect", TASKS, "--base-url", emulator.url], {
          NOTION_TOKEN: Redacted.value(emulator.internalToken),
          NOTION_VERSION: "2099-01-01"
        })
      )
      assert.strictEqual(unknown.code, 2)
      assert.include(unknown.stderr, "Notion-Version")
    }))

  it.scoped("--grant: an OAuth grant from the SQLite token store, refreshed and saved back by the executable", () =>
    Effect.gen(function*() {
      const s = yield* grantSetup
      yield* s.store.save(expired(s.grant))
      const result = yield* Effect.promise(() =>
        cli(["schema", "introspect", TASKS, "--grant", s.grant.bot_id, "--base-url", s.emulator.url], s.env)
      )
      assert.strictEqual(result.code, 0, result.stderr)
      assert.match(result.stdout, /^Tasks \(d5000000-0000-4000-8000-000000000001\): 5 properties/)
      assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 1)
      for (const secret of s.secrets) assert.notInclude(result.stdout + result.stderr, secret)
    }))
})
