/**
 * A data source's definition as `notion-effect schema generate` makes it, for the typed example: generated at run
 * time with the generator as a library (`@notion-effect/cli`), and written to `NOTION_SCHEMA_FILE` when set. Effect
 * 4's edition of this module (`effect4/adapters/examples/generated.ts`) reads the module the CLI wrote to
 * `NOTION_SCHEMA_FILE` instead (the CLI is on Effect 4 too; reading its module keeps the Effect 4 example on core
 * alone, so it runs from the packed packages without the CLI).
 *
 * @since 0.1.0
 */
import * as Codegen from "@notion-effect/cli/Codegen"
import * as Live from "@notion-effect/cli/Live"
import type * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as fs from "node:fs/promises"

/**
 * A generated definition: the data source, its fields by key, and the module's text.
 *
 * @since 0.1.0
 */
export interface Generated {
  readonly dataSourceId: string
  readonly title: string
  readonly fields: ReadonlyArray<{ readonly key: string; readonly spec: TypedDataSource.FieldSpec }>
  readonly module: string
}

/**
 * Generates the data source's definition (unsupported property types left out), writing its module to
 * `NOTION_SCHEMA_FILE` when set.
 *
 * @since 0.1.0
 */
export const load = (dataSourceId: string) =>
  Effect.gen(function*() {
    const schemaFile = yield* Config.option(Config.string("NOTION_SCHEMA_FILE"))
    const model = yield* Live.model(dataSourceId, { skipUnsupported: true })
    const module = Codegen.render([model])
    if (Option.isSome(schemaFile)) {
      yield* Effect.promise(() => fs.writeFile(schemaFile.value, module))
      yield* Console.log(`Wrote ${model.exportName} (${model.fields.length} fields) to ${schemaFile.value}`)
    }
    return { dataSourceId: model.dataSourceId, title: model.title, fields: model.fields, module } satisfies Generated
  })
