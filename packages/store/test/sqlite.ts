// The SQLite store's place for the tests: a table in a file of a temporary directory.
import * as Effect from "effect/Effect"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as SqliteTokenStore from "../src/SqliteTokenStore.js"
import { type Backend, tableName } from "./sqlSuite.js"
import { tempDir } from "./utils.js"

export const sqlite: Backend = {
  name: "SQLite",
  location: Effect.map(tempDir, (dir) => {
    const file = join(dir, "grants.sqlite")
    const table = tableName()
    return {
      client: SqliteTokenStore.layerClient(file),
      options: { table },
      table,
      env: { STORE: "sqlite", NOTION_STORE_SQLITE_PATH: file, NOTION_STORE_TABLE: table },
      // the database, its write-ahead log and its shared-memory index: every byte SQLite wrote
      raw: Effect.sync(() => Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name)))))
    }
  })
}
