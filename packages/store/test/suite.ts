// The cases every SQL backend must pass (SQLite on a temp file, the PostgreSQL of the machine), against the emulator
// through real sockets, with OS processes for the cross-process cases.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import type { NotionEmulator } from "@notion-effect/emulator"
import { NotionOAuth, type OAuthResponse } from "@notion-effect/oauth"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as SqlTokenStore from "../src/SqlTokenStore.js"
import type { InvalidKey, StoreFailure } from "../src/StoreError.js"
import * as TokenCipher from "../src/TokenCipher.js"
import * as TokenManager from "../src/TokenManager.js"
import * as TokenStore from "../src/TokenStore.js"
import {
  authorize,
  emulator as startEmulator,
  expired,
  keysEnv,
  makeKeys,
  oauthLayer,
  runTogether,
  spawnWorker,
  suffix
} from "./utils.js"

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

const build = Layer.build

type Services = TokenManager.TokenManager | NotionOAuth.NotionOAuth | TokenStore.TokenStore | HttpClient.HttpClient

interface Setup {
  readonly emulator: NotionEmulator.Service
  readonly grant: OAuthResponse.TokenResponse
  readonly keys: ReadonlyArray<TokenCipher.Key>
  readonly location: Location
  readonly store: TokenStore.Service
  readonly manager: TokenManager.Service
  readonly sql: SqlClient.SqlClient
  /** Runs an effect with the manager, the store, the OAuth client and the `NotionConfig` of the emulator. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, Services>) => Effect.Effect<A, E, HttpClient.HttpClient>
  /** Opens the same location again with other keys (another process would). */
  readonly reopen: (
    keys: ReadonlyArray<TokenCipher.Key>
  ) => Effect.Effect<TokenStore.Service, StoreFailure | InvalidKey, Scope.Scope>
  /** The worker environment for this grant. */
  readonly workerEnv: (extra?: Record<string, string>) => Record<string, string>
}

const setup = (backend: Backend) =>
  Effect.gen(function*() {
    const emulator = yield* startEmulator
    const location = yield* backend.location
    const keys = yield* makeKeys("k1")
    const context = yield* build(
      TokenManager.layer().pipe(
        Layer.provideMerge(storeLayer(location, keys)),
        Layer.provideMerge(oauthLayer(emulator))
      )
    )
    const run = <A, E>(effect: Effect.Effect<A, E, Services>) => Effect.provide(effect, context)
    const grant = yield* run(authorize(emulator))
    const self: Setup = {
      emulator,
      grant,
      keys,
      location,
      store: Context.get(context, TokenStore.TokenStore),
      manager: Context.get(context, TokenManager.TokenManager),
      sql: Context.get(context, SqlClient.SqlClient),
      run,
      reopen: (keys) =>
        Effect.map(build(storeLayer(location, keys)), (context) => Context.get(context, TokenStore.TokenStore)),
      workerEnv: (extra = {}) => ({
        ...location.env,
        NOTION_STORE_KEYS: keysEnv(keys),
        NOTION_BASE_URL: emulator.url,
        NOTION_OAUTH_CLIENT_ID: emulator.oauthClient.clientId,
        NOTION_OAUTH_CLIENT_SECRET: Redacted.value(emulator.oauthClient.clientSecret),
        GRANT: grant.bot_id,
        NOTION_STORE_REFRESH_LEASE: "2 seconds",
        ...extra
      })
    }
    return self
  })

/** `users.me` through a client for the grant: what an app does with a stored grant. */
const me = (s: Setup, grant: string = s.grant.bot_id) =>
  s.run(Effect.flatMap(TokenManager.makeClient(grant), (client) => client.users.me()))

const stats = (s: Setup) => s.emulator.stats

/** Every plaintext token the test has seen: the grant's, and whatever the store now holds. */
const tokensOf = (grant: TokenStore.Grant | OAuthResponse.TokenResponse): Array<string> =>
  "key" in grant
    ? [Redacted.value(grant.accessToken), ...Option.toArray(Option.map(grant.refreshToken, Redacted.value))]
    : [Redacted.value(grant.access_token), ...(grant.refresh_token ? [Redacted.value(grant.refresh_token)] : [])]

/** Registers the suite for a backend. */
export const storeSuite = (backend: Backend) =>
  it.layer(NodeHttpClient.layerUndici)(`${backend.name} token store`, (it) => {
    it.scoped("saves, loads, lists and deletes grants; opening the store again migrates nothing and reads them", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        const saved = yield* s.store.save(s.grant)
        assert.strictEqual(saved.key, s.grant.bot_id)
        assert.strictEqual(saved.workspaceName, "Acme")
        assert.deepStrictEqual(saved.keyId, Option.some("k1"))
        assert.strictEqual(saved.owner.type, "user")
        const loaded = yield* s.store.load(s.grant.bot_id)
        assert.strictEqual(Redacted.value(loaded.accessToken), Redacted.value(s.grant.access_token))
        assert.strictEqual(
          Redacted.value(Option.getOrThrow(loaded.refreshToken)),
          Redacted.value(s.grant.refresh_token!)
        )
        assert.isFalse(loaded.needsReauthorization)
        const listed = yield* s.store.list
        assert.deepStrictEqual(listed.map((g) => g.key), [s.grant.bot_id])
        assert.notProperty(listed[0], "accessToken")
        // nothing a grant renders holds a token
        for (const text of [JSON.stringify(loaded), JSON.stringify(listed), String(loaded.accessToken)]) {
          for (const token of tokensOf(s.grant)) assert.notInclude(text, token)
        }
        // the same location opened again: the migration ran once, the grant reads back
        const again = yield* s.reopen(s.keys)
        assert.strictEqual((yield* again.load(s.grant.bot_id)).workspaceId, s.grant.workspace_id)
        const migrations = yield* s.sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${
          s.sql(`${s.location.table}_migrations`)
        }`
        assert.strictEqual(Number(migrations[0]!.n), 2)
        assert.isTrue(yield* s.store.delete(s.grant.bot_id))
        assert.isFalse(yield* s.store.delete(s.grant.bot_id))
        const missing = yield* Effect.flip(s.store.load(s.grant.bot_id))
        assert.strictEqual(missing._tag, "GrantNotFound")
      }))

    it.scoped("100 concurrent requests with an expired access token: exactly one refresh, all 100 succeed", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        yield* s.store.save(expired(s.grant))
        const client = yield* s.run(TokenManager.makeClient(s.grant.bot_id))
        const users = yield* Effect.all(Array.from({ length: 100 }, () => client.users.me()), {
          concurrency: "unbounded"
        })
        assert.strictEqual(users.length, 100)
        assert.isTrue(users.every((user) => user.type === "bot"))
        const after = yield* stats(s)
        assert.strictEqual(after.refreshes, 1)
        assert.strictEqual(after.refreshReuses, 0)
        assert.strictEqual(after.requests["GET /v1/users/me"], 200) // 100 answered 401, 100 retries
        const stored = yield* s.store.load(s.grant.bot_id)
        assert.strictEqual(stored.rotation, 1)
        assert.isTrue(Option.isSome(stored.refreshedAt))
        assert.notStrictEqual(
          Redacted.value(Option.getOrThrow(stored.refreshToken)),
          Redacted.value(s.grant.refresh_token!)
        )
      }))

    it.scoped("a 401 refreshes once and retries once; a second 401 is returned as is", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        yield* s.store.save(s.grant)
        yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "Status", status: 401 } })
        assert.strictEqual((yield* me(s)).type, "bot")
        assert.strictEqual((yield* stats(s)).refreshes, 1)
        yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 2, kind: { _tag: "Status", status: 401 } })
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "Unauthorized")
        assert.strictEqual((yield* stats(s)).refreshes, 2)
        assert.strictEqual((yield* stats(s)).requests["GET /v1/users/me"], 4) // 200; 401 and 401
        assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 2)
      }))

    it.scoped("invalid_grant marks the grant and fails with ReauthorizationRequired, then fails fast", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        yield* s.store.save(expired(s.grant))
        // the user removed the integration: Notion refuses the refresh token
        yield* s.run(Effect.flatMap(NotionOAuth.NotionOAuth, (oauth) => oauth.revoke({ token: s.grant.access_token })))
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "ReauthorizationRequired")
        assert.strictEqual((error as { grant?: string }).grant, s.grant.bot_id)
        assert.isTrue((yield* s.store.load(s.grant.bot_id)).needsReauthorization)
        const tokenCalls = (yield* stats(s)).requests["POST /v1/oauth/token"]
        const again = yield* Effect.flip(me(s))
        assert.strictEqual(again._tag, "ReauthorizationRequired")
        assert.strictEqual((yield* stats(s)).requests["POST /v1/oauth/token"], tokenCalls)
        // a fresh authorization clears the mark
        yield* s.manager.save(s.grant)
        assert.isFalse((yield* s.store.load(s.grant.bot_id)).needsReauthorization)
      }))

    it.scoped("revoking a grant revokes it at Notion and deletes it from the store", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        yield* s.manager.save(s.grant)
        assert.strictEqual((yield* me(s)).type, "bot")
        yield* s.manager.revoke(s.grant.bot_id)
        assert.strictEqual((yield* stats(s)).revocations, 1)
        assert.strictEqual((yield* Effect.flip(s.store.load(s.grant.bot_id)))._tag, "GrantNotFound")
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "ReauthorizationRequired")
      }))

    it.scoped("key rotation: old records read under a new key, writes use it, reencrypt migrates the rest", () =>
      Effect.gen(function*() {
        const s = yield* setup(backend)
        const [k2] = yield* makeKeys("k2")
        const other = yield* s.run(authorize(s.emulator))
        yield* s.store.save(expired(s.grant))
        yield* s.store.save(other)
        // a second process configured with both keys
        const rotated = yield* s.reopen([...s.keys, k2!])
        assert.deepStrictEqual((yield* rotated.load(s.grant.bot_id)).keyId, Option.some("k1"))
        // a refresh through a store with both keys writes under k2
        const context = yield* build(
          TokenManager.layer().pipe(
            Layer.provideMerge(storeLayer(s.location, [...s.keys, k2!])),
            Layer.provideMerge(oauthLayer(s.emulator))
          )
        )
        yield* Effect.provide(Effect.flatMap(TokenManager.makeClient(s.grant.bot_id), (c) => c.users.me()), context)
        assert.deepStrictEqual((yield* rotated.load(s.grant.bot_id)).keyId, Option.some("k2"))
        assert.deepStrictEqual((yield* rotated.load(other.bot_id)).keyId, Option.some("k1"))
        assert.strictEqual(yield* rotated.reencrypt, 1)
        assert.strictEqual(yield* TokenStore.reencrypt.pipe(Effect.provideService(TokenStore.TokenStore, rotated)), 0)
        // k1 can go now
        const newest = yield* s.reopen([k2!])
        const reread = yield* newest.load(other.bot_id)
        assert.strictEqual(Redacted.value(reread.accessToken), Redacted.value(other.access_token))
        // a store without the record's key, or with another key under its id: typed errors, never garbage
        const unknown = yield* Effect.flip((yield* s.reopen(s.keys)).load(other.bot_id))
        assert.strictEqual(unknown._tag, "UnknownKeyId")
        const [impostor] = yield* makeKeys("k2")
        const wrong = yield* Effect.flip((yield* s.reopen([impostor!])).load(other.bot_id))
        assert.strictEqual(wrong._tag, "DecryptionFailed")
        assert.notInclude(wrong.message, Redacted.value(k2!.secret))
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
          const workers = [yield* spawnWorker(s.workerEnv()), yield* spawnWorker(s.workerEnv())]
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
          const [crashed] = yield* runTogether([yield* spawnWorker(s.workerEnv({ CRASH_AFTER_REFRESH: "1" }))])
          assert.strictEqual(crashed!.signal, "SIGKILL", crashed!.stderr)
          assert.strictEqual((yield* stats(s)).refreshes, 1) // Notion rotated; the answer died with the process
          // the old record, whole and decryptable
          const record = yield* s.store.load(s.grant.bot_id)
          assert.strictEqual(record.rotation, 0)
          assert.strictEqual(Redacted.value(record.accessToken), Redacted.value(stale.access_token))
          // restart: the expired token needs the spent refresh token, which Notion refuses (and revokes the grant)
          const [restarted] = yield* runTogether([yield* spawnWorker(s.workerEnv())])
          assert.deepStrictEqual(restarted!.result, { ok: false, tag: "ReauthorizationRequired" }, restarted!.stderr)
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
          const [crashed] = yield* runTogether([yield* spawnWorker(s.workerEnv({ CRASH_AFTER_REFRESH: "1" }))])
          assert.strictEqual(crashed!.signal, "SIGKILL", crashed!.stderr)
          const record = yield* s.store.load(s.grant.bot_id)
          assert.strictEqual(record.rotation, 0)
          const [restarted] = yield* runTogether([yield* spawnWorker(s.workerEnv())])
          assert.deepStrictEqual(restarted!.result, { ok: true }, restarted!.stderr)
        }),
      60_000
    )
  })

/** A fresh table name for one test. */
export const tableName = () => `grants_${suffix()}`

export { describe }
