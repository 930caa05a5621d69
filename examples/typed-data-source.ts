/**
 * Typed rows: generate a definition from a live data source, then create, query and update rows through it.
 *
 *   NOTION_TOKEN=secret_… NOTION_DATA_SOURCE_ID=… tsx examples/typed-data-source.ts
 *
 * In a project you run the generator once, commit its module and import it:
 *
 *   npx notion-effect schema generate $NOTION_DATA_SOURCE_ID --out src/tasks.ts
 *   import { Tasks } from "./tasks.js"
 *
 * Property ids differ from one workspace to the next, so this example generates at run time instead (the same
 * generator, as a library: `./generated.ts`), writes the module to `NOTION_SCHEMA_FILE` when set, and takes the
 * columns it uses: Name (title), Status (select: Todo, Doing, Done), Priority (number), Done (checkbox) and Due
 * (date); the data source may have more. `NOTION_BASE_URL` points it at the emulator. (On Effect 4, whose edition
 * has no CLI yet, it reads the module `notion-effect schema generate` wrote to `NOTION_SCHEMA_FILE` instead.)
 *
 * @since 0.1.0
 */
import { NotionAuth, NotionClient, NotionConfig } from "@notion-effect/core"
import * as Filter from "@notion-effect/core/Filter"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Generated from "./generated.js"
import { runMainIfEntry } from "./runMain.js"

interface Spec<Kind extends string> {
  readonly kind: Kind
  readonly id: string
  readonly name: string
}

/**
 * The fields this example uses, typed as `schema generate` types them (in a project: `typeof Tasks` of the
 * generated module).
 *
 * @since 0.1.0
 */
export type TasksFields = {
  readonly name: Spec<"title">
  readonly status: Spec<"select"> & { readonly options: ReadonlyArray<"Todo" | "Doing" | "Done"> }
  readonly priority: Spec<"number">
  readonly done: Spec<"checkbox">
  readonly due: Spec<"date">
}

const expected: { readonly [K in keyof TasksFields]: TasksFields[K]["kind"] } = {
  name: "title",
  status: "select",
  priority: "number",
  done: "checkbox",
  due: "date"
}

/**
 * The data source lacks a column the example uses.
 *
 * @since 0.1.0
 */
export class MissingColumns extends Schema.TaggedError<MissingColumns>()("MissingColumns", {
  missing: Schema.Array(Schema.String),
  message: Schema.String
}) {}

/**
 * The example's definition from a generated one: its five fields, checked to exist with the right kinds.
 *
 * @since 0.1.0
 */
export const tasksDefinition = (model: Generated.Generated) => {
  const byKey = new Map(model.fields.map((field) => [field.key, field.spec]))
  const missing = Object.entries(expected).filter(([key, kind]) => byKey.get(key)?.kind !== kind)
  if (missing.length > 0) {
    const list = missing.map(([key, kind]) => `${key} (${kind})`).join(", ")
    return Effect.fail(
      new MissingColumns({ missing: missing.map(([key]) => key), message: `Missing columns: ${list}` })
    )
  }
  const fields = Object.fromEntries(Object.keys(expected).map((key) => [key, byKey.get(key)!]))
  return Effect.succeed(
    TypedDataSource.define({
      dataSourceId: model.dataSourceId,
      title: model.title,
      fields
    }) as unknown as TypedDataSource.Definition<TasksFields>
  )
}

/**
 * Generates the definition, creates two rows, queries the open ones (most urgent first) and marks one done.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const dataSourceId = yield* Config.string("NOTION_DATA_SOURCE_ID")

  // 1. generate: the module `notion-effect schema generate` writes, and the definition in it
  const model = yield* Generated.load(dataSourceId)
  const module = model.module
  const Tasks = yield* tasksDefinition(model)
  const tasks = yield* TypedDataSource.make(Tasks, dataSourceId)

  // 2. typed rows in: the values are checked by the compiler (status is "Todo" | "Doing" | "Done" | …)
  const first = yield* tasks.create({
    name: "Write the typed example",
    status: "Doing",
    priority: 1,
    done: false,
    due: { start: "2026-05-01" }
  })
  const second = yield* tasks.create({ name: "Review the typed example", status: "Todo", priority: 2 })
  yield* Console.log(`Created ${first.id} and ${second.id}`)

  // 3. typed rows out: filters and sorts name fields, the request names property ids
  const results = yield* tasks.query({
    filter: (where) => Filter.and(where.done({ equals: false }), where.name({ contains: "typed example" })),
    sorts: (sort) => [sort.priority("ascending")]
  }).pipe(Stream.runCollect, Effect.map((rows) => Array.from(rows)))
  const open = results.filter(Either.isRight).map((row) => row.right)
  const invalid = results.filter(Either.isLeft).map((row) => row.left)
  for (const row of open) yield* Console.log(`#${row.priority} ${row.name} (${row.status ?? "no status"})`)
  for (const error of invalid) yield* Console.log(`Skipped a row: ${error.message}`)

  // 4. a partial update: only `done` and `status` are sent
  const finished = yield* tasks.update(first.id, { done: true, status: "Done" })
  yield* Console.log(`${finished.name}: ${finished.status}, done ${finished.done}`)
  return { module, model, first, second, open, invalid, finished }
})

/**
 * The client with its token and settings from the environment.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([NotionAuth.layerConfig(), NotionConfig.layerConfig(), UndiciHttpClient.layer])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
