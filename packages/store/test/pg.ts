// The machine's PostgreSQL for the store's tests (`NOTION_EFFECT_PG_URL`, default
// postgres://postgres@127.0.0.1:5432/test): whether it answers (when it does not, the suites that need it are skipped
// with one line, unless NOTION_EFFECT_REQUIRE_SERVICES=1 (CI), which makes them fail), and short-lived connections.
import * as Reactivity from "@effect/experimental/Reactivity"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as PgTokenStore from "../src/PgTokenStore.js"
import { onLiveClock, schemaPrefix } from "./edition.js"
import { type Backend, tableName } from "./sqlSuite.js"
import { suffix } from "./utils.js"

export const url = process.env.NOTION_EFFECT_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"

/** The URL as printed: without its password. */
const shown = (() => {
  try {
    const parsed = new URL(url)
    if (parsed.password !== "") parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(NOTION_EFFECT_PG_URL)"
  }
})()

/** A client layer on the server (a new pool each time it is built); `applicationName` names its sessions. */
export const clientLayer = (applicationName?: string) =>
  onLiveClock(PgTokenStore.layerClient({
    url: Redacted.make(url),
    connectTimeout: "3 seconds",
    ...(applicationName === undefined ? {} : { applicationName })
  }))

export const client = clientLayer()

/** Runs one effect on a short-lived connection. */
export const withSql = <A, E>(f: (sql: SqlClient.SqlClient) => Effect.Effect<A, E>) =>
  Effect.scoped(Effect.flatMap(Layer.build(client), (context) =>
    Effect.flatMap(SqlClient.SqlClient, f).pipe(
      Effect.provide(context)
    )))

export const available = await Effect.runPromise(
  PgClient.make({ url: Redacted.make(url), connectTimeout: "3 seconds" }).pipe(
    Effect.flatMap((sql) => sql`SELECT 1`),
    Effect.scoped,
    Effect.provide(Reactivity.layer),
    Effect.as(true),
    Effect.catchAllCause(() => Effect.succeed(false))
  )
)
if (!available) {
  if (process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1") {
    throw new Error(`PostgreSQL is required (NOTION_EFFECT_REQUIRE_SERVICES=1) but ${shown} is unreachable`)
  }
  console.log(
    `PostgreSQL store suites skipped: no server at ${shown}; set NOTION_EFFECT_PG_URL=postgres://user@host:port/db to enable`
  )
}

/** The PostgreSQL store's place for the tests: a table in a schema of its own, dropped with the scope. */
export const postgres: Backend = {
  name: "PostgreSQL",
  location: Effect.gen(function*() {
    const schema = `${schemaPrefix}_${suffix()}`
    const table = tableName()
    yield* Effect.addFinalizer(() => Effect.orDie(withSql((sql) => sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`)))
    return {
      client,
      options: { schema, table },
      table: `${schema}.${table}`,
      env: { STORE: "pg", NOTION_STORE_PG_URL: url, NOTION_STORE_PG_SCHEMA: schema, NOTION_STORE_TABLE: table },
      // every row of both tables, as the server returns them
      raw: Effect.orDie(withSql((sql) =>
        Effect.map(
          Effect.all([
            sql`SELECT row_to_json(t)::text AS row FROM ${sql(`${schema}.${table}`)} t`,
            sql`SELECT row_to_json(t)::text AS row FROM ${sql(`${schema}.${table}_migrations`)} t`
          ]),
          (tables) => Buffer.from(JSON.stringify(tables))
        )
      ))
    }
  })
}
