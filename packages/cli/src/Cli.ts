/**
 * The `notion-effect` command line (on `@effect/cli`; on Effect 4, `effect/cli`):
 *
 * - `notion-effect schema generate <data source id or URL>... [--out file.ts] [--name Export] [--skip-unsupported]`
 *   writes a TypeScript module with one `TypedDataSource.define` per data source (stdout without `--out`);
 * - `notion-effect schema diff <module.ts>` compares each definition of a module with its live data source and
 *   exits 1 on drift;
 * - `notion-effect schema introspect <data source id or URL>` prints the properties as a table.
 *
 * The token comes from `NOTION_TOKEN`, or `--grant <bot_id>` (or `NOTION_GRANT`) uses an OAuth grant from the token
 * store (see `Access`); `--base-url` (or `NOTION_BASE_URL`) points at another server, such as the emulator;
 * `--notion-version` (or `NOTION_VERSION`) picks the API version (rows are read whole on every version).
 * Exit codes: 0 ok, 1 drift, 2 any other failure (bad id, no access, unsupported property, bad token…).
 *
 * @since 0.1.0
 */
import * as FileSystem from "@effect/platform/FileSystem"
import type * as NotionClient from "@notion-effect/core/NotionClient"
import * as NotionVersion from "@notion-effect/core/NotionVersion"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type CliError, CommandFailed, exitCode, SchemaDrift } from "./CliError.js"
import * as Codegen from "./Codegen.js"
import { NotionAccess } from "./internal/access.js"
import * as Command from "./internal/command.js"
import * as Results from "./internal/results.js"
import * as Live from "./Live.js"

const withClient = <A, E>(
  target: {
    readonly baseUrl: Option.Option<string>
    readonly grant: Option.Option<string>
    readonly notionVersion: Option.Option<string>
  },
  effect: Effect.Effect<A, E, NotionClient.NotionClient>
): Effect.Effect<A, E | CliError, NotionAccess> =>
  Effect.flatMap(NotionAccess, (access) =>
    Effect.provide(
      effect,
      access.client({
        baseUrl: Option.getOrUndefined(target.baseUrl),
        grant: Option.getOrUndefined(target.grant),
        notionVersion: Option.getOrUndefined(target.notionVersion)
      })
    ))

const fileError = (what: string) => (error: { readonly message: string }) =>
  new CommandFailed({ message: `Cannot ${what}: ${error.message}` })

// ---------------------------------------------------------------------------------------------------------------
// options
// ---------------------------------------------------------------------------------------------------------------

const baseUrl = Command.optionalText(
  "base-url",
  "The API's base URL (default: NOTION_BASE_URL, else https://api.notion.com), e.g. the emulator's"
)

const grant = Command.optionalText(
  "grant",
  "Use the OAuth grant stored under this bot_id in the token store instead of NOTION_TOKEN (default: NOTION_GRANT)"
)

const notionVersion = Command.optionalText(
  "notion-version",
  `The Notion-Version to send (default: NOTION_VERSION, else ${NotionVersion.defaultVersion}); known: ${
    NotionVersion.versions.join(", ")
  }`
)

const target = { baseUrl, grant, notionVersion }

const referenceName = "data source id or URL"
const referenceDescription = "A data source id, or a database URL or id (when it holds one data source)"

// ---------------------------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------------------------

/**
 * The field names of the module being regenerated (data source id → property id → field name), so regenerating
 * keeps them; none when there is no such module yet, or it cannot be read (it is then written afresh).
 */
const previousFieldNames = (fs: FileSystem.FileSystem, out: Option.Option<string>) =>
  Option.isNone(out) ?
    Effect.succeed(new Map<string, ReadonlyMap<string, string>>()) :
    fs.readFileString(out.value).pipe(
      Effect.flatMap((text) => Results.toEffect(Codegen.parse(text, out.value))),
      Effect.map((definitions) => new Map(definitions.map((d) => [d.dataSourceId, Codegen.fieldNames(d)]))),
      Effect.orElseSucceed(() => new Map<string, ReadonlyMap<string, string>>())
    )

const generate = Command.make(
  "generate",
  {
    references: Command.atLeastOne(referenceName, referenceDescription),
    out: Command.optionalFile("out", "o", "Write the module to this file (default: standard output)"),
    name: Command.optionalText("name", "The export name (one data source only; default: from its title)"),
    skipUnsupported: Command.boolean(
      "skip-unsupported",
      "Leave out properties of types the generator cannot type instead of failing"
    ),
    ...target
  },
  (args) =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const previous = yield* previousFieldNames(fs, args.out)
      const models = yield* withClient(
        args,
        Effect.forEach(args.references, (ref) =>
          Live.model(ref, {
            skipUnsupported: args.skipUnsupported,
            previous,
            ...(args.references.length === 1 && Option.isSome(args.name) ? { exportName: args.name.value } : {})
          }))
      )
      const text = Codegen.render(models)
      if (Option.isNone(args.out)) return yield* Console.log(text.trimEnd())
      yield* fs.writeFileString(args.out.value, text).pipe(Effect.mapError(fileError(`write ${args.out.value}`)))
      for (const model of Codegen.distinctExports(models)) {
        const skipped = model.skipped.length === 0 ? "" : `, ${model.skipped.length} left out`
        yield* Console.error(
          `Wrote ${model.exportName} (${model.fields.length} fields${skipped}) from ${model.dataSourceId} to ${args.out.value}`
        )
      }
    })
).pipe(Command.withDescription("Write a TypeScript module (a typed definition and Effect Schema) for data sources"))

const diff = Command.make(
  "diff",
  {
    module: Command.existingFile("module", "A module written by `schema generate`"),
    ...target
  },
  (args) =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const text = yield* fs.readFileString(args.module).pipe(Effect.mapError(fileError(`read ${args.module}`)))
      const definitions = yield* Results.toEffect(Codegen.parse(text, args.module))
      // one client for every definition (with --grant: one store connection, one grant check)
      const lives = yield* withClient(
        args,
        Effect.forEach(definitions, (definition) => Live.model(definition.dataSourceId, { skipUnsupported: true }))
      )
      const report: Array<string> = []
      let changes = 0
      for (const [i, definition] of definitions.entries()) {
        const found = Codegen.diff(definition, lives[i]!)
        changes += found.length
        const where = `${definition.exportName} (data source ${definition.dataSourceId})`
        report.push(found.length === 0 ? `${where}: up to date` : `${where}: ${found.length} change(s)`)
        for (const change of found) report.push(`  - ${change}`)
      }
      if (changes === 0) return yield* Console.log(report.join("\n"))
      return yield* new SchemaDrift({
        changes: report,
        message: `${args.module} differs from Notion; regenerate it (notion-effect schema generate).\n${
          report.join("\n")
        }`
      })
    })
).pipe(Command.withDescription("Compare a generated module with its live data sources; exit 1 on drift"))

const introspect = Command.make(
  "introspect",
  { reference: Command.text(referenceName, referenceDescription), ...target },
  (args) =>
    withClient(
      args,
      Effect.gen(function*() {
        const dataSource = yield* Live.resolve(args.reference)
        const seen = yield* Live.samples(dataSource)
        yield* Console.log(Codegen.table(dataSource, seen))
      })
    )
).pipe(Command.withDescription("Print a data source's properties as a table"))

const schema = Command.group("schema", [generate, diff, introspect]).pipe(
  Command.withDescription("Typed data sources: generate, diff, introspect")
)

/**
 * The `notion-effect` command.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.group("notion-effect", [schema])

/**
 * Runs the command line on `argv` (`process.argv`: node, script, arguments); fails with the command's error.
 *
 * @since 0.1.0
 * @category running
 */
export const run = Command.run(command, { name: "notion-effect", version: "0.1.0" })

/**
 * Runs the command line and gives the exit code: 0 ok, 1 drift, 2 anything else. A failure's message goes to
 * standard error (usage errors are printed by the command-line library itself).
 *
 * @since 0.1.0
 * @category running
 */
export const main = (argv: ReadonlyArray<string>) =>
  run(argv).pipe(
    Effect.as(0),
    Effect.catchAll((error) =>
      Command.isUsageError(error)
        ? Effect.succeed(2)
        : Effect.as(Console.error(`notion-effect: ${error.message}`), exitCode(error))
    )
  )
