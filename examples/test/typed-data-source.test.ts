// Typed data sources end to end against the emulator: a data source with every property type, its generated module
// (type-checked with tsc), typed rows created and queried back, a rename, a new option, and `schema diff`.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Live from "@notion-effect/cli/Live"
import { Filter, NotionAuth, NotionClient, NotionConfig, NotionRetry, NotionVersion } from "@notion-effect/core"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as CliTest from "../../packages/cli/test/process.js"
import * as Emulator from "../emulator.js"
import * as TypedExample from "../typed-data-source.js"

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** Every property type the generator types; `Related` points at the data source `tasks`. */
const everyKind = (tasks: string) => ({
  Name: { title: {} },
  Notes: { rich_text: {} },
  Priority: { number: { format: "number" } },
  Done: { checkbox: {} },
  Link: { url: {} },
  Contact: { email: {} },
  Phone: { phone_number: {} },
  Due: { date: {} },
  Status: {
    select: { options: [{ name: "Todo", color: "gray" }, { name: "Doing", color: "blue" }, { name: "Done" }] }
  },
  Stage: { status: {} },
  Tags: { multi_select: { options: [{ name: "bug", color: "red" }, { name: "docs", color: "green" }] } },
  Owners: { people: {} },
  Related: { relation: { data_source_id: tasks, type: "single_property", single_property: {} } },
  Attachments: { files: {} },
  Score: { formula: { expression: "prop(\"Priority\") * 2" } },
  Total: { rollup: { relation_property_name: "Related", rollup_property_name: "Priority", function: "sum" } },
  Ref: { unique_id: { prefix: "T" } },
  Created: { created_time: {} },
  Creator: { created_by: {} },
  Edited: { last_edited_time: {} },
  Editor: { last_edited_by: {} }
})

/** `notion-effect <args>`, spawned (this edition's CLI). */
const cli = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>) =>
  Effect.promise(() => CliTest.cli(args, env))

/** `tsc --noEmit` over the files in a temp project resolving packages as the examples do. */
const typecheck = (files: Record<string, string>) =>
  Effect.promise(() => CliTest.typecheck(files, path.join(examplesDir, "node_modules")))

const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) =>
  Effect.map(Stream.runCollect(stream), (rows) => Array.from(rows))

/**
 * An emulator (its "Tasks" data source and their database), a client for it, a temp dir, and the CLI spawned
 * against it.
 */
const setup = (version: NotionVersion.NotionVersion = NotionVersion.defaultVersion) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.make()
    const token = Redacted.value(emulator.internalToken)
    const client = NotionClient.layer.pipe(
      Layer.provide([
        NotionAuth.layer(emulator.internalToken),
        NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled, notionVersion: version }),
        NodeHttpClient.layer
      ])
    )
    // in the examples' directory, so that a generated module's import of @notion-effect/core resolves as theirs do
    const dir = yield* Effect.acquireRelease(
      Effect.promise(() => fs.mkdtemp(path.join(examplesDir, ".generated-"))),
      (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
    )
    const run = (...args: ReadonlyArray<string>) =>
      cli([...args, "--base-url", emulator.url], { NOTION_TOKEN: token, NOTION_VERSION: version })
    const runExample = (dataSourceId: string, schemaFile: string) =>
      TypedExample.program.pipe(
        Effect.provide(TypedExample.MainLayer),
        Effect.withConfigProvider(ConfigProvider.fromMap(
          new Map([
            ["NOTION_TOKEN", token],
            ["NOTION_BASE_URL", emulator.url],
            ["NOTION_DATA_SOURCE_ID", dataSourceId],
            ["NOTION_SCHEMA_FILE", schemaFile]
          ])
        ))
      )
    return { client, dir, run, runExample, tasks: emulator.tasks }
  })

describe("typed data sources against the emulator", () => {
  it.scoped(
    "the example: generate, type-check, create, query, update; a rename, a new option, schema diff",
    () =>
      Effect.gen(function*() {
        const { client, dir, run, runExample, tasks: { dataSourceId: TASKS } } = yield* setup()
        const schemaFile = path.join(dir, "tasks.ts")

        // the module as the CLI writes it, then the example against the emulator's Tasks data source (on Effect 4
        // the example imports that module; on Effect 3 it generates it again with the CLI's library)
        const written = yield* run("schema", "generate", TASKS, "--out", schemaFile)
        assert.strictEqual(written.code, 0, written.stderr)
        const example = yield* runExample(TASKS, schemaFile)
        assert.deepStrictEqual(example.open.map((row) => [row.name, row.status, row.priority, row.done]), [
          ["Write the typed example", "Doing", 1, false],
          ["Review the typed example", "Todo", 2, false]
        ])
        assert.deepStrictEqual(example.invalid, [])
        assert.deepStrictEqual([example.finished.status, example.finished.done], ["Done", true])
        assert.deepStrictEqual(example.first.due, { start: "2026-05-01", end: null, time_zone: null })

        // the module it wrote type-checks, and says what each field is
        const module = yield* Effect.promise(() => fs.readFile(schemaFile, "utf8"))
        const checked = yield* typecheck({
          "tasks.ts": module,
          "check.ts": `import type { TasksInput, TasksRow } from "./tasks.js"
declare const row: TasksRow
export const read: [string, "Todo" | "Doing" | "Done" | (string & {}) | null, number | null, boolean] =
  [row.name, row.status, row.priority, row.done]
export const due: { readonly start: string; readonly end: string | null } | null = row.due
export const input: TasksInput = { name: "x", status: "Todo", due: { start: "2026-01-01" } }
// @ts-expect-error -- a checkbox takes a boolean
export const wrong: TasksInput = { done: "yes" }
`
        })
        assert.strictEqual(checked.stdout + checked.stderr, "")
        const clean = yield* run("schema", "diff", schemaFile)
        assert.strictEqual(clean.code, 0, clean.stderr)

        yield* Effect.gen(function*() {
          const notion = yield* NotionClient.NotionClient
          const tasks = yield* TypedDataSource.make(yield* TypedExample.tasksDefinition(example.model))

          // a rename in Notion: rows still decode (fields match by id)
          yield* notion.dataSources.update({ data_source_id: TASKS, properties: { Priority: { name: "Rank" } } })
          const renamed = yield* collect(tasks.query({ strict: true }))
          assert.deepStrictEqual(renamed.map((row) => row.priority).sort(), [1, 1, 2, 2, 3])

          // an option added in Notion: accepted as a string; strict mode refuses it
          yield* tasks.update(example.second.id, { status: "Blocked" })
          assert.strictEqual((yield* tasks.retrieve(example.second.id)).status, "Blocked")
          const strict = yield* Effect.flip(tasks.retrieve(example.second.id, { strict: true }))
          assert.strictEqual(strict._tag, "RowDecodeError")
          const rows = yield* collect(tasks.query({ filter: (where) => where.status({ equals: "Blocked" }) }))
          assert.deepStrictEqual(rows.map((row) => Either.map(row, (r) => r.name)), [
            Either.right("Review the typed example")
          ])
        }).pipe(Effect.provide(client))

        // the module no longer matches: schema diff exits 1 and says why
        const drift = yield* run("schema", "diff", schemaFile)
        assert.strictEqual(drift.code, 1)
        assert.include(drift.stderr, "\"Priority\" (field priority) was renamed to \"Rank\"")
        assert.include(drift.stderr, "\"Status\" (field status) has new options: \"Blocked\"")
      }),
    120_000
  )

  it.scoped.each(NotionVersion.versions)(
    "Notion-Version %s: every property type generated, type-checked, written and read back with a filter and a sort",
    (version) =>
      Effect.gen(function*() {
        const { client, dir, run, tasks } = yield* setup(version)
        const kinds = everyKind(tasks.dataSourceId)
        const schemaFile = path.join(dir, "every-kind.ts")
        yield* Effect.gen(function*() {
          const notion = yield* NotionClient.NotionClient
          const created = yield* notion.dataSources.create({
            parent: { database_id: tasks.databaseId },
            title: [{ type: "text", text: { content: "Every kind" } }],
            properties: kinds
          })
          const dataSourceId = created.id

          // generate (the CLI, spawned) and type-check
          const generated = yield* run("schema", "generate", dataSourceId, "--out", schemaFile)
          assert.strictEqual(generated.code, 0, generated.stderr)
          const module = yield* Effect.promise(() => fs.readFile(schemaFile, "utf8"))
          const checked = yield* typecheck({
            "every-kind.ts": module,
            "check.ts": `import type { EveryKindInput, EveryKindRow } from "./every-kind.js"
declare const row: EveryKindRow
export const text: [string, string, string | null, string | null, string | null] =
  [row.name, row.notes, row.link, row.contact, row.phone]
export const scalars: [number | null, boolean, { readonly start: string } | null] = [row.priority, row.done, row.due]
export const options: ["Todo" | "Doing" | "Done" | (string & {}) | null, ReadonlyArray<"bug" | "docs" | (string & {})>] =
  [row.status, row.tags]
export const ids: [ReadonlyArray<string>, ReadonlyArray<string>] = [row.owners, row.related]
export const computed: [string, string, string, string, { readonly prefix: string | null }] =
  [row.created, row.creator, row.edited, row.editor, row.ref]
export const input: EveryKindInput = { name: "x", status: "Todo", due: { start: "2026-01-01" }, tags: ["bug"] }
// @ts-expect-error -- a formula is read-only
export const readOnly: EveryKindInput = { score: 1 }
`
          })
          assert.strictEqual(checked.stdout + checked.stderr, "")

          // every writable kind through the definition, read back with a filter and a sort
          const model = yield* Live.model(dataSourceId)
          assert.strictEqual(model.fields.length, Object.keys(kinds).length)
          const Every = TypedDataSource.define({
            dataSourceId,
            title: model.title,
            fields: Object.fromEntries(model.fields.map((f) => [f.key, f.spec]))
          })
          const rows = yield* TypedDataSource.make(Every)
          const task = (yield* notion.dataSources.query({ data_source_id: tasks.dataSourceId, page_size: 1 }))
            .results[0]!
          const values = {
            name: "All kinds",
            notes: "rich text",
            priority: 7,
            done: true,
            link: "https://example.com",
            contact: "ada@example.com",
            phone: "+44 20 7946 0000",
            due: { start: "2026-06-01", end: "2026-06-03", time_zone: null },
            status: "Doing",
            tags: ["bug", "docs"],
            related: [task.id],
            attachments: [{ name: "spec.pdf", external: { url: "https://example.com/spec.pdf" } }]
          }
          const other = yield* rows.create({ name: "Other", priority: 9, done: true, tags: ["bug"] })
          const all = yield* rows.create(values)
          const found = yield* collect(rows.query({
            filter: Filter.and(rows.where.done({ equals: true }), rows.where.tags({ contains: "bug" })),
            sorts: [rows.sort.priority("ascending")],
            strict: true
          }))
          assert.deepStrictEqual(found.map((row) => row.id), [all.id, other.id])
          const back = found[0]! as Record<string, unknown>
          for (const [key, value] of Object.entries(values)) {
            const expected = key === "attachments"
              ? [{ name: "spec.pdf", type: "external", external: { url: "https://example.com/spec.pdf" } }]
              : value
            assert.deepStrictEqual(back[key], expected, key)
          }
          assert.strictEqual(back.created, all.created_time)
          assert.property(back, "score")
        }).pipe(Effect.provide(client))
      }),
    120_000
  )
})
