/**
 * The generator's Notion side: finds the data source an argument names (a database with one data source will do),
 * and looks at a row to tell what formulas return.
 *
 * @since 0.1.0
 */
import * as Database from "@notion-effect/core/Database"
import * as DataSource from "@notion-effect/core/DataSource"
import { NotionClient } from "@notion-effect/core/NotionClient"
import type { NotionError } from "@notion-effect/core/NotionError"
import * as Page from "@notion-effect/core/Page"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import {
  AccessDenied,
  AmbiguousDatabase,
  AuthenticationFailed,
  type CliError,
  CommandFailed,
  DataSourceNotFound,
  InvalidReference
} from "./CliError.js"
import * as Codegen from "./Codegen.js"
import * as Results from "./internal/results.js"

const notShared = (id: string) =>
  new DataSourceNotFound({
    id,
    message: `No data source ${id} is shared with this integration: check the id, and add the integration to the ` +
      "database (••• menu → Connections)"
  })

const isMissingCredentials = (cause: unknown): boolean =>
  typeof cause === "object" && cause !== null && "_tag" in cause && cause._tag === "MissingCredentials"

/**
 * A Notion failure as a command failure with a clear message.
 *
 * @since 0.1.0
 * @category errors
 */
export const fromNotionError = (id: string) => (error: NotionError): CliError => {
  switch (error._tag) {
    case "Unauthorized":
    case "InvalidToken":
      return new AuthenticationFailed({
        message: `Notion refused the token (${error.message}): set NOTION_TOKEN to an integration token ` +
          "(\"secret_…\" or \"ntn_…\") of the workspace that holds the data source"
      })
    case "CredentialsUnavailable":
      return new AuthenticationFailed({
        message: `No token: ${error.message}` + (isMissingCredentials(error.cause)
          ? " (set NOTION_OAUTH_CLIENT_ID and NOTION_OAUTH_CLIENT_SECRET so the grant's token can be refreshed)"
          : "")
      })
    case "ReauthorizationRequired":
      return new AuthenticationFailed({ message: error.message })
    case "ObjectNotFound":
      return notShared(id)
    case "RestrictedResource":
      return new AccessDenied({
        id,
        message: `The integration may not read ${id} (${error.message}): give it read content capabilities`
      })
    case "ValidationError":
    case "InvalidRequestURL":
    case "InvalidPathParameter":
      return new InvalidReference({ input: id, message: `"${id}" is not a valid data source id: ${error.message}` })
    default:
      return new CommandFailed({ message: `Notion request failed for ${id}: ${error.message}` })
  }
}

/**
 * The data source an argument names: by id, or the only data source of a database (databases with several fail
 * with `AmbiguousDatabase` listing them).
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolve = (reference: string): Effect.Effect<DataSource.FullDataSource, CliError, NotionClient> =>
  Effect.gen(function*() {
    const id = yield* Results.toEffect(Codegen.parseReference(reference))
    const client = yield* NotionClient
    const direct = yield* Effect.either(client.dataSources.retrieve({ data_source_id: id }))
    if (Either.isRight(direct)) {
      if (DataSource.isFullDataSource(direct.right)) return direct.right
      return yield* new AccessDenied({
        id,
        message: `The integration sees only a partial data source ${id}: share the database with it`
      })
    }
    if (direct.left._tag !== "ObjectNotFound" && direct.left._tag !== "ValidationError") {
      return yield* Effect.fail(fromNotionError(id)(direct.left))
    }
    // a database id or URL: its single data source
    const database = yield* Effect.either(client.databases.retrieve({ database_id: id }))
    if (Either.isLeft(database)) {
      // not a database either: report what the data source lookup said
      return yield* Effect.fail(fromNotionError(id)(direct.left))
    }
    const sources = Database.isFullDatabase(database.right) ? database.right.data_sources ?? [] : []
    if (sources.length === 0) return yield* notShared(id)
    if (sources.length > 1) {
      const list = sources.map((s) => ({ id: s.id, name: s.name ?? "" }))
      return yield* new AmbiguousDatabase({
        id,
        dataSources: list,
        message: `Database ${id} holds ${sources.length} data sources; give one of them: ` +
          list.map((s) => `${s.id} (${s.name === "" ? "untitled" : s.name})`).join(", ")
      })
    }
    const only = sources[0]!.id
    const retrieved = yield* Effect.mapError(
      client.dataSources.retrieve({ data_source_id: only }),
      fromNotionError(only)
    )
    if (DataSource.isFullDataSource(retrieved)) return retrieved
    return yield* new AccessDenied({ id: only, message: `The integration sees only a partial data source ${only}` })
  })

/**
 * The result types of the formulas and rollups on the data source's first row (none when it has no row or the
 * query fails: formulas are then typed `unknown`).
 *
 * @since 0.1.0
 * @category resolving
 */
export const samples = (dataSource: DataSource.FullDataSource): Effect.Effect<Codegen.Samples, never, NotionClient> => {
  // asked for by id: from 2026-12-01 a listed row carries only its title otherwise
  const computed = Object.values(dataSource.properties).filter((p) => p.type === "formula" || p.type === "rollup")
  return computed.length > 0
    ? Effect.gen(function*() {
      const client = yield* NotionClient
      const list = yield* client.dataSources.query({
        data_source_id: dataSource.id,
        page_size: 1,
        filter_properties: computed.map((p) => p.id)
      })
      const out = new Map<string, string>()
      for (const row of list.results) {
        if (!(row.object === "page" && Page.isFullPage(row))) continue
        for (const value of Object.values(row.properties)) {
          const v = value as { readonly id: string; readonly type: string; readonly [k: string]: unknown }
          const inner = v[v.type] as { readonly type?: unknown } | undefined
          if ((v.type === "formula" || v.type === "rollup") && typeof inner?.type === "string") {
            out.set(v.id, inner.type)
          }
        }
      }
      return out as Codegen.Samples
    }).pipe(Effect.orElseSucceed(() => new Map()))
    : Effect.succeed(new Map())
}

/**
 * The live model of a data source: resolved, sampled, and typed (see `Codegen.modelOf`).
 *
 * @since 0.1.0
 * @category resolving
 */
export const model = (
  reference: string,
  options: {
    readonly skipUnsupported?: boolean
    readonly exportName?: string
    /** Field names to keep, by data source id (from the module being regenerated). */
    readonly previous?: ReadonlyMap<string, ReadonlyMap<string, string>>
  } = {}
): Effect.Effect<Codegen.Model, CliError, NotionClient> =>
  Effect.gen(function*() {
    const dataSource = yield* resolve(reference)
    const seen = yield* samples(dataSource)
    const { previous, ...rest } = options
    const kept = previous?.get(dataSource.id)
    return yield* Results.toEffect(Codegen.modelOf(dataSource, {
      ...rest,
      samples: seen,
      ...(kept === undefined ? {} : { previous: kept })
    }))
  })
