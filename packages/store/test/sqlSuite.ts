// The cases only a SQL store has (SQLite on a temp file, the PostgreSQL of the machine): its migrations, its records
// at rest (altered, scanned for plaintext), and OS processes sharing it, against the emulator through real sockets.
// The cases every store passes are in conformance.ts.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import type { OAuthResponse } from "@notion-effect/oauth"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as SqlTokenStore from "../src/SqlTokenStore.js"
import type { StoreFailure } from "../src/StoreError.js"
import * as TokenCipher from "../src/TokenCipher.js"
import * as TokenStore from "../src/TokenStore.js"
import { me, type Opener, type Setup, setup as setupStore, type Store } from "./conformance.js"
import { authorize, expired, keysEnv, runTogether, spawnWorker, suffix } from "./utils.js"

/** One place for a store (a file, a schema), fresh per test. */
export interface Location {
  /** A new connection each time it is built. */
  readonly client: Layer.Layer<SqlClient.SqlClient, StoreFailure>
  readonly options: SqlTokenStore.Options
  /** The table as raw SQL names it. */
  readonly table: string
  /** How a worker process finds the store (`STORE`, path or URL, schema, table). */
  readonly env: Record<string, string>
  /** Everything the database holds on disk or in its tables, for the plaintext scan. */
  readonly raw: Effect.Effect<Buffer>
}

/** A backend: how to get a fresh location. */
export interface Backend {
  readonly name: string
  readonly location: Effect.Effect<Location, never, Scope.Scope>
}

/** The store (and its SQL client) on a location, with these keys; a new connection per build. */
export const storeLayer = (location: Location, keys: ReadonlyArray<TokenCipher.Key>) =>
  SqlTokenStore.layer(location.options).pipe(
    Layer.provideMerge(location.client),
    Layer.provide(TokenCipher.layer(keys))
  )

/** Opens the store on a location (a new connection each time). */
const opener = (location: Location): Opener => (keys) =>
  Effect.map(Layer.build(storeLayer(location, keys)), (context) => Context.get(context, TokenStore.TokenStore))

/** A SQL backend as a store of the conformance suite. */
export const asStore = (backend: Backend): Store => ({
  name: backend.name,
  encrypted: true,
  place: Effect.map(backend.location, opener)
})

/** The conformance suite's setup on a fresh location, with a SQL client on it and the worker environment. */
const setup = (backend: Backend) =>
  Effect.gen(function*() {
    const location = yield* backend.location
    const s = yield* setupStore(opener(location))
    const sql = Context.get(yield* Layer.build(location.client), SqlClient.SqlClient)
    return {
      ...s,
      location,
      sql,
      /** The worker environment for this grant. */
      workerEnv: (extra: Record<string, string> = {}) => ({
        ...location.env,
        NOTION_STORE_KEYS: keysEnv(s.keys),
        NOTION_BASE_URL: s.emulator.url,
        NOTION_OAUTH_CLIENT_ID: s.emulator.oauthClient.clientId,
        NOTION_OAUTH_CLIENT_SECRET: Redacted.value(s.emulator.oauthClient.clientSecret),
        GRANT: s.grant.bot_id,
        NOTION_STORE_REFRESH_LEASE: "2 seconds",
        ...extra
      })
    }
  })

const stats = (s: Setup) => s.emulator.stats

/** One worker process, told to go once ready; how it ended. */
const runOne = (env: Record<string, string>) =>
  Effect.map(Effect.flatMap(spawnWorker(env), (worker) => runTogether([worker])), ([exit]) => exit!)

/** Every plaintext token the test has seen: the grant's, and whatever the store now holds. */
const tokensOf = (grant: TokenStore.Grant | OAuthResponse.TokenResponse): Array<string> =>
  "key" in grant
    ? [Redacted.value(grant.accessToken), ...Option.toArray(Option.map(grant.refreshToken, Redacted.value))]
    : [Redacted.value(grant.access_token), ...(grant.refresh_token ? [Redacted.value(grant.refresh_token)] : [])]

/** Registers the SQL cases for a backend. */
export const sqlSuite = (backend: Backend) =>
  it.layer(NodeHttpClient.layerUndici)(`${backend.name} token store on SQL`, (it) => {
    it.scoped("opening the store again migrates nothing and reads its grants; nothing a grant renders holds a token", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        yield* s.store.save(s.grant)
        const loaded = yield* s.store.load(s.grant.bot_id)
        assert.deepStrictEqual([loaded.owner.type, loaded.keyId], ["user", Option.some("k1")])
        const listed = yield* s.store.list
        for (const text of [JSON.stringify(loaded), JSON.stringify(listed), String(loaded.accessToken)]) {
          for (const token of tokensOf(s.grant)) assert.notInclude(text, token)
        }
        const again = yield* s.reopen(s.keys)
        assert.strictEqual((yield* again.load(s.grant.bot_id)).workspaceId, s.grant.workspace_id)
        const migrations = yield* s.sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${
          s.sql(`${s.location.table}_migrations`)
        }`
        assert.strictEqual(Number(migrations[0]!.n), 2)
      }))

    it.scoped("an altered record never decrypts: a flipped byte, tokens moved between records or columns", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        const other = yield* s.run(authorize(s.emulator))
        yield* s.store.save(s.grant)
        yield* s.store.save(other)
        const table = s.sql(s.location.table)
        const rows = yield* s.sql<{ bot_id: string; access_token: string; refresh_token: string }>`SELECT bot_id,
  access_token, refresh_token FROM ${table}`
        const mine = rows.find((row) => row.bot_id === s.grant.bot_id)!
        const theirs = rows.find((row) => row.bot_id === other.bot_id)!
        const flip = (sealed: string) => {
          const bytes = Buffer.from(sealed, "base64")
          bytes[bytes.length - 5]! ^= 1
          return bytes.toString("base64")
        }
        const cases: ReadonlyArray<readonly [string, string]> = [
          ["a flipped byte", flip(mine.access_token)],
          ["another grant's token", theirs.access_token],
          ["the refresh token's column", mine.refresh_token],
          ["not base64 at all", "%%%"],
          ["too short", "AAAA"]
        ]
        for (const [name, value] of cases) {
          yield* s.sql`UPDATE ${table} SET access_token = ${value} WHERE bot_id = ${s.grant.bot_id}`
          const error = yield* Effect.flip(s.store.load(s.grant.bot_id))
          assert.strictEqual(error._tag, "DecryptionFailed", name)
        }
        yield* s.sql`UPDATE ${table} SET access_token = ${mine.access_token} WHERE bot_id = ${s.grant.bot_id}`
        assert.strictEqual((yield* s.store.load(s.grant.bot_id)).key, s.grant.bot_id)
      }))

    it.scoped("no plaintext token anywhere in the database, rotated ones included", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        const other = yield* s.run(authorize(s.emulator))
        yield* s.store.save(expired(s.grant))
        yield* s.store.save(other)
        yield* me(s) // a refresh: a new pair is written
        const seen = [
          ...tokensOf(s.grant),
          ...tokensOf(expired(s.grant)),
          ...tokensOf(other),
          ...tokensOf(yield* s.store.load(s.grant.bot_id))
        ]
        assert.lengthOf(seen, 8)
        const raw = yield* s.location.raw
        assert.isAbove(raw.length, 0)
        for (const token of seen) assert.isFalse(raw.includes(token), "a plaintext token is stored")
        assert.isFalse(raw.includes("ntn_"), "an access-token prefix is stored")
        assert.isFalse(raw.includes("nrt_"), "a refresh-token prefix is stored")
      }))

    it.scoped(
      "two OS processes hit the expired token together: exactly one refresh, both succeed",
      () =>
        Effect.gen(function*() {
          const s = yield* setup(backend)
          yield* s.store.save(expired(s.grant))
          // a lease far longer than a refresh: on a loaded machine a live holder's heartbeat may come late, and a
          // take-over (tested on its own) would send the refresh token twice
          const env = s.workerEnv({ NOTION_STORE_REFRESH_LEASE: "60 seconds" })
          const workers = [yield* spawnWorker(env), yield* spawnWorker(env)]
          const exits = yield* runTogether(workers)
          for (const exit of exits) assert.deepStrictEqual(exit.result, { ok: true }, exit.stderr)
          const after = yield* stats(s)
          assert.strictEqual(after.refreshes, 1)
          assert.strictEqual(after.refreshReuses, 0)
          assert.strictEqual(after.requests["GET /v1/users/me"], 4) // each: a 401, then a retry
          assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 1)
        }),
      60_000
    )

    it.scoped(
      "killed after Notion rotated the pair, before the commit: the record is intact; once its intent is " +
        "silent for the lease, an expired token needs re-authorization",
      () =>
        Effect.gen(function*() {
          const s = yield* setup(backend)
          const stale = expired(s.grant)
          yield* s.store.save(stale)
          const crashed = yield* runOne(s.workerEnv({ CRASH_AFTER_REFRESH: "1" }))
          assert.strictEqual(crashed.signal, "SIGKILL", crashed.stderr)
          assert.strictEqual((yield* stats(s)).refreshes, 1) // Notion rotated; the answer died with the process
          // the old record, whole and decryptable
          const record = yield* s.store.load(s.grant.bot_id)
          assert.strictEqual(record.rotation, 0)
          assert.strictEqual(Redacted.value(record.accessToken), Redacted.value(stale.access_token))
          // restart: the expired token needs the spent refresh token, which Notion refuses (and revokes the grant)
          const restarted = yield* runOne(s.workerEnv())
          assert.deepStrictEqual(restarted.result, { ok: false, tag: "ReauthorizationRequired" }, restarted.stderr)
          assert.isTrue((yield* s.store.load(s.grant.bot_id)).needsReauthorization)
          assert.strictEqual((yield* stats(s)).refreshReuses, 1)
        }),
      60_000
    )

    it.scoped(
      "killed after Notion rotated the pair, before the commit: with a still valid access token the " +
        "grant works on restart",
      () =>
        Effect.gen(function*() {
          const s = yield* setup(backend)
          yield* s.store.save(s.grant)
          // a 401 by fault: the worker refreshes, Notion rotates, the worker dies before committing
          yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "Status", status: 401 } })
          const crashed = yield* runOne(s.workerEnv({ CRASH_AFTER_REFRESH: "1" }))
          assert.strictEqual(crashed.signal, "SIGKILL", crashed.stderr)
          const record = yield* s.store.load(s.grant.bot_id)
          assert.strictEqual(record.rotation, 0)
          const restarted = yield* runOne(s.workerEnv())
          assert.deepStrictEqual(restarted.result, { ok: true }, restarted.stderr)
        }),
      60_000
    )
  })

/** A fresh table name for one test. */
export const tableName = () => `grants_${suffix()}`

export { describe }
