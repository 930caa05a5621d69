// The SQLite store on a temporary file: the SQL suite, plus what only SQLite has (its file, its config); the
// conformance suite runs it in Conformance.test.ts.
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import * as SqliteTokenStore from "../src/SqliteTokenStore.js"
import * as TokenCipher from "../src/TokenCipher.js"
import * as TokenStore from "../src/TokenStore.js"
import { sqlite } from "./sqlite.js"
import { sqlSuite } from "./sqlSuite.js"
import { keysEnv, makeKeys, tempDir } from "./utils.js"

sqlSuite(sqlite)

const grant = {
  access_token: Redacted.make("ntn_config_access"),
  token_type: "bearer",
  refresh_token: Redacted.make("nrt_config_refresh"),
  bot_id: "bot-config",
  workspace_id: "ws",
  workspace_name: null,
  workspace_icon: null,
  owner: { type: "workspace", workspace: true },
  duplicated_template_id: null
} as const

describe("SqliteTokenStore.layerConfig", () => {
  it.scoped("reads the path, the table and the keys from config; creates the directory; the file is private", () =>
    Effect.gen(function*() {
      const dir = yield* tempDir
      const keys = yield* makeKeys("2025-01", "2025-06")
      const file = join(dir, "nested", "grants.sqlite")
      const config = ConfigProvider.fromMap(
        new Map([["NOTION_STORE_SQLITE_PATH", file], ["NOTION_STORE_TABLE", "my_grants"], [
          "NOTION_STORE_KEYS",
          keysEnv(keys)
        ]])
      )
      const context = yield* Layer.build(SqliteTokenStore.layerConfig()).pipe(Effect.withConfigProvider(config))
      const store = yield* Effect.provide(TokenStore.TokenStore, context)
      const saved = yield* store.save(grant)
      assert.deepStrictEqual(saved.keyId._tag === "Some" && saved.keyId.value, "2025-06")
      assert.strictEqual(statSync(file).mode & 0o777, 0o600)
      assert.include(readdirSync(join(dir, "nested")), "grants.sqlite")
    }))

  it.effect("without keys there is no store: a ConfigError naming NOTION_STORE_KEYS, never a plaintext mode", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Effect.scoped(Layer.build(SqliteTokenStore.layerConfig())).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["NOTION_STORE_SQLITE_PATH", "grants.sqlite"]])))
        )
      )
      assert.include(String(error), "NOTION_STORE_KEYS")
    }))

  it.scoped("\":memory:\" is one database for the whole process: another store opened on it reads the grant", () =>
    Effect.gen(function*() {
      const [key] = yield* makeKeys("k")
      const table = `memory_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`
      const open = Effect.flatMap(
        Layer.build(
          SqliteTokenStore.layer({ filename: ":memory:", table }).pipe(Layer.provide(TokenCipher.layer([key!])))
        ),
        (context) => Effect.provide(TokenStore.TokenStore, context)
      )
      const first = yield* open
      yield* first.save(grant)
      const second = yield* open
      const loaded = yield* second.load(grant.bot_id)
      assert.strictEqual(Redacted.value(loaded.accessToken), Redacted.value(grant.access_token))
    }))

  it.scoped("a file that cannot be opened is a StoreFailure", () =>
    Effect.gen(function*() {
      const dir = yield* tempDir
      const [key] = yield* makeKeys("k")
      const error = yield* Effect.flip(
        Layer.build(SqliteTokenStore.layer({ filename: dir }).pipe(Layer.provide(TokenCipher.layer([key!]))))
      )
      assert.strictEqual(error._tag, "StoreFailure")
    }))
})
