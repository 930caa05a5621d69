/**
 * A data source's definition as `notion-effect schema generate` makes it, for the typed example.
 *
 * Effect 4's form of `examples/generated.ts`: the definition is the one in the module the CLI wrote to
 * `NOTION_SCHEMA_FILE` (`npx notion-effect schema generate <id> --out tasks.ts`; the module imports only
 * `@notion-effect/core/TypedDataSource`, so either edition's CLI serves), imported at run time. The CLI is on Effect
 * 4 too, but this keeps the example on core alone: it runs from the packed packages, without the CLI installed.
 *
 * @since 1.0.0
 */
import type * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Config from "effect/Config"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { pathToFileURL } from "node:url"

/**
 * The generated module could not be read, or defines no such data source.
 *
 * @since 1.0.0
 */
export class SchemaFileError extends Data.TaggedError("SchemaFileError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * A generated definition: the data source, its fields by key, and the module's text.
 *
 * @since 1.0.0
 */
export interface Generated {
  readonly dataSourceId: string
  readonly title: string
  readonly fields: ReadonlyArray<{ readonly key: string; readonly spec: TypedDataSource.FieldSpec }>
  readonly module: string
}

const isDefinition = (value: unknown): value is TypedDataSource.Definition =>
  typeof value === "object" && value !== null && "dataSourceId" in value && "fields" in value

const compact = (id: string) => id.replaceAll("-", "").toLowerCase()

/**
 * The data source's definition from the module at `NOTION_SCHEMA_FILE`.
 *
 * @since 1.0.0
 */
export const load = (dataSourceId: string) =>
  Effect.gen(function*() {
    const schemaFile = yield* Config.String("NOTION_SCHEMA_FILE")
    const file = path.resolve(schemaFile)
    const failure = (message: string) => (cause: unknown) => new SchemaFileError({ message, cause })
    const module = yield* Effect.tryPromise({
      try: () => fs.readFile(file, "utf8"),
      catch: failure(`Cannot read ${schemaFile}`)
    })
    const exports = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>,
      catch: failure(`Cannot import ${schemaFile}`)
    })
    const definition = Object.values(exports).filter(isDefinition).find((candidate) =>
      compact(candidate.dataSourceId) === compact(dataSourceId)
    )
    if (definition === undefined) {
      return yield* Effect.fail(
        new SchemaFileError({
          message: `${schemaFile} defines no data source ${dataSourceId}: ` +
            `npx notion-effect schema generate ${dataSourceId} --out ${schemaFile}`
        })
      )
    }
    const fields = Object.entries(definition.fields).map(([key, spec]) => ({ key, spec }))
    return { dataSourceId: definition.dataSourceId, title: definition.title, fields, module } satisfies Generated
  })
