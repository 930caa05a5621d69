// The commands with an OAuth grant from the token store (`--grant`), in process against the emulator over real
// sockets, with a real SQLite store (and PostgreSQL: `NOTION_EFFECT_PG_URL`, default the machine's server; skipped
// with one line when there is none, unless NOTION_EFFECT_REQUIRE_SERVICES=1): refresh and save-back, precedence over
// NOTION_TOKEN, and each failure's message.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { TokenCipher, TokenStore } from "@notion-effect/store"
import * as PgTokenStore from "@notion-effect/store/PgTokenStore"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Net from "node:net"
import { schemaPrefix } from "./edition.js"
import { expired, grantSetup, TASKS } from "./grant.js"
import { runMain } from "./utils.js"

const pgUrl = process.env.NOTION_EFFECT_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const pgRequired = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"
const pgReachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(pgUrl)
  const socket = Net.connect(Number(port || 5432), hostname, () => {
    socket.end()
    resolve(true)
  })
  socket.on("error", () => resolve(false))
})
if (!pgReachable && !pgRequired) {
  console.log(`cli --grant on PostgreSQL skipped: no server at ${new URL(pgUrl).host}; set NOTION_EFFECT_PG_URL`)
}

const setup = Effect.map(grantSetup, (s) => ({
  ...s,
  /** `notion-effect <args> --base-url <emulator>` with the grant's configuration and `env` over it (`null`: unset). */
  run: (args: ReadonlyArray<string>, env: Record<string, string | null> = {}) =>
    runMain(
      [...args, "--base-url", s.emulator.url],
      NodeHttpClient.layerUndici,
      Object.fromEntries(
        Object.entries({ ...s.env, ...env }).filter((entry): entry is [string, string] => entry[1] !== null)
      )
    ),
  /** Asserts that no secret (nor the rotated tokens in the store) was printed. */
  assertNoSecret: (output: { readonly stdout: string; readonly stderr: string }) =>
    Effect.gen(function*() {
      const stored = yield* s.store.load(s.grant.bot_id)
      const rotated = [stored.accessToken, ...Option.toArray(stored.refreshToken)].map(Redacted.value)
      for (const secret of [...s.secrets, ...rotated]) assert.notInclude(output.stdout + output.stderr, secret)
    })
}))

describe("--grant", () => {
  it.scoped("an expired access token is refreshed once and saved back; the next run uses the saved pair", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* s.store.save(expired(s.grant))
      const first = yield* s.run(["schema", "introspect", TASKS, "--grant", s.grant.bot_id])
      assert.strictEqual(first.code, 0, first.stderr)
      assert.match(first.stdout, /^Tasks \(d5000000-0000-4000-8000-000000000001\): 5 properties/)
      assert.strictEqual((yield* s.emulator.stats).refreshes, 1)
      const stored = yield* s.store.load(s.grant.bot_id)
      assert.strictEqual(stored.rotation, 1)
      assert.isTrue(Option.isSome(stored.refreshedAt))
      yield* s.assertNoSecret(first)

      // NOTION_GRANT instead of the flag; it wins over a NOTION_TOKEN Notion would refuse
      const second = yield* s.run(["schema", "introspect", TASKS], {
        NOTION_GRANT: s.grant.bot_id,
        NOTION_TOKEN: "secret_refused_by_notion"
      })
      assert.strictEqual(second.code, 0, second.stderr)
      assert.strictEqual(second.stdout, first.stdout)
      assert.strictEqual((yield* s.emulator.stats).refreshes, 1)
      assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 1)
      yield* s.assertNoSecret(second)
    }))

  it.scoped("schema generate with a grant writes the same module as with a token", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* s.store.save(s.grant)
      const withGrant = yield* s.run(["schema", "generate", TASKS, "--grant", s.grant.bot_id])
      assert.strictEqual(withGrant.code, 0, withGrant.stderr)
      const withToken = yield* s.run(["schema", "generate", TASKS], {
        NOTION_TOKEN: Redacted.value(s.emulator.internalToken)
      })
      assert.strictEqual(withToken.code, 0, withToken.stderr)
      assert.include(withGrant.stdout, "export const Tasks = TypedDataSource.define({")
      assert.strictEqual(withGrant.stdout, withToken.stdout)
      yield* s.assertNoSecret(withGrant)
    }))

  it.scoped("a grant that is not stored: exit 2, naming the grants the store holds", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* s.store.save(s.grant)
      const before = yield* s.emulator.stats
      const result = yield* s.run(["schema", "introspect", TASKS, "--grant", "bot-unknown"])
      assert.strictEqual(result.code, 2)
      assert.include(
        result.stderr,
        `No OAuth grant bot-unknown in the token store; it holds: ${s.grant.bot_id} (${s.grant.workspace_name})`
      )
      assert.deepStrictEqual((yield* s.emulator.stats).requests, before.requests)
    }))

  it.scoped("a revoked grant: exit 2 asking to authorize again, then refused before any request", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* s.store.save(expired(s.grant))
      yield* s.oauth.revoke({ token: s.grant.refresh_token! })
      const refused = yield* s.run(["schema", "introspect", TASKS, "--grant", s.grant.bot_id])
      assert.strictEqual(refused.code, 2)
      assert.include(refused.stderr, `The Notion grant ${s.grant.bot_id} was revoked`)
      assert.isTrue((yield* s.store.load(s.grant.bot_id)).needsReauthorization)

      const before = yield* s.emulator.stats
      const again = yield* s.run(["schema", "introspect", TASKS, "--grant", s.grant.bot_id])
      assert.strictEqual(again.code, 2)
      assert.include(again.stderr, `The OAuth grant ${s.grant.bot_id} was revoked or its refresh token expired`)
      assert.deepStrictEqual((yield* s.emulator.stats).requests, before.requests)
    }))

  it.scoped("store trouble: no keys, wrong keys, no OAuth client to refresh with, PostgreSQL unreachable", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* s.store.save(expired(s.grant))
      const args = ["schema", "introspect", TASKS, "--grant", s.grant.bot_id]

      const noKeys = yield* s.run(args, { NOTION_STORE_KEYS: null })
      assert.strictEqual(noKeys.code, 2)
      assert.include(noKeys.stderr, "The token store is not configured (NOTION_STORE_KEYS missing or invalid)")

      const badKeys = yield* s.run(args, { NOTION_STORE_KEYS: "k1:too-short" })
      assert.strictEqual(badKeys.code, 2)
      assert.include(badKeys.stderr, "NOTION_STORE_KEYS holds an invalid key: Encryption key \"k1\" is invalid")

      const wrongKey = yield* s.run(args, { NOTION_STORE_KEYS: `k1:${Redacted.value(yield* TokenCipher.generateKey)}` })
      assert.strictEqual(wrongKey.code, 2)
      assert.include(wrongKey.stderr, `The tokens of grant ${s.grant.bot_id} do not decrypt with key "k1"`)

      const noClient = yield* s.run(args, { NOTION_OAUTH_CLIENT_ID: null, NOTION_OAUTH_CLIENT_SECRET: null })
      assert.strictEqual(noClient.code, 2)
      assert.include(noClient.stderr, "NOTION_OAUTH_CLIENT_ID")

      const password = "pg-password-never-printed"
      const pg = yield* s.run(args, { NOTION_STORE_PG_URL: `postgres://notion:${password}@127.0.0.1:1/none` })
      assert.strictEqual(pg.code, 2)
      // the store's words (on Effect 4 its PostgreSQL client connects on first use: the migration reports it)
      assert.match(
        pg.stderr,
        /Cannot read the token store: The token store failed to (connect to PostgreSQL|migrate its table)/
      )
      assert.include(pg.stderr, "ECONNREFUSED")
      assert.notInclude(pg.stderr, password)

      for (const output of [noKeys, badKeys, wrongKey, noClient, pg]) {
        assert.strictEqual(output.stdout, "")
        yield* s.assertNoSecret(output)
      }
      assert.strictEqual((yield* s.emulator.stats).refreshes, 0)
    }))
})

describe.skipIf(!pgReachable && !pgRequired)("--grant with the PostgreSQL store", () => {
  it.scoped("NOTION_STORE_PG_URL: the grant is read from PostgreSQL, refreshed, and saved back there", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const schema = `${schemaPrefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`
      const keys = Either.getOrThrow(TokenCipher.parseKeys(Redacted.make(s.env.NOTION_STORE_KEYS!)))
      const client = PgTokenStore.layerClient({ url: Redacted.make(pgUrl) })
      const sql = Context.get(yield* Layer.build(client), SqlClient.SqlClient)
      yield* Effect.addFinalizer(() => Effect.orDie(sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`))
      const store = Context.get(
        yield* Layer.build(
          PgTokenStore.layer({ client: { url: Redacted.make(pgUrl) }, schema }).pipe(
            Layer.provide(TokenCipher.layer(keys))
          )
        ),
        TokenStore.TokenStore
      )
      yield* store.save(expired(s.grant))
      const result = yield* s.run(["schema", "introspect", TASKS, "--grant", s.grant.bot_id], {
        NOTION_STORE_PG_URL: pgUrl,
        NOTION_STORE_PG_SCHEMA: schema,
        NOTION_STORE_SQLITE_PATH: null
      })
      assert.strictEqual(result.code, 0, result.stderr)
      assert.match(result.stdout, /^Tasks \(d5000000-0000-4000-8000-000000000001\): 5 properties/)
      assert.strictEqual((yield* store.load(s.grant.bot_id)).rotation, 1)
      assert.strictEqual((yield* s.emulator.stats).refreshes, 1)
      for (const secret of s.secrets) assert.notInclude(result.stdout + result.stderr, secret)
    }))
})
