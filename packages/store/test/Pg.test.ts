// The PostgreSQL store on the machine's server (`NOTION_EFFECT_PG_URL`, default
// postgres://postgres@127.0.0.1:5432/test), each test in a schema of its own, dropped afterwards. Without a server
// the suite is skipped with one line, unless NOTION_EFFECT_REQUIRE_SERVICES=1 (CI), which makes it fail.
import { describe } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { available, client, url, withSql } from "./pg.js"
import { type Backend, storeSuite, tableName } from "./suite.js"
import { suffix } from "./utils.js"

const postgres: Backend = {
  name: "PostgreSQL",
  location: Effect.gen(function*() {
    const schema = `notion_store_${suffix()}`
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

describe.skipIf(!available)("PostgreSQL", () => {
  storeSuite(postgres)
})
