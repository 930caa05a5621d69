// The refresh protocol on the machine's PostgreSQL when things go wrong: a pair the store fails to write kept and
// written later, COMMIT refused and a connection lost inside the lock's transaction as typed errors (a pending intent
// honoured and a silent one taken over are in the conformance suite, for every store). Each test in a schema of
// its own; skipped with one line without a server (see ./pg.ts).
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { NotionOAuth, type OAuthResponse } from "@notion-effect/oauth"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as SqlTokenStore from "../src/SqlTokenStore.js"
import * as TokenCipher from "../src/TokenCipher.js"
import type * as TokenStore from "../src/TokenStore.js"
import { TokenStore as TokenStoreTag } from "../src/TokenStore.js"
import { schemaPrefix } from "./edition.js"
import { available, clientLayer, withSql } from "./pg.js"
import { authorize, emulator as startEmulator, expired, makeKeys, oauthLayer, suffix } from "./utils.js"

const setup = Effect.gen(function*() {
  const emulator = yield* startEmulator
  const oauthContext = yield* Layer.build(oauthLayer(emulator))
  const oauth = Context.get(oauthContext, NotionOAuth.NotionOAuth)
  const grant = yield* Effect.provide(authorize(emulator), oauthContext)
  const schema = `${schemaPrefix}_${suffix()}`
  const table = "grants"
  yield* Effect.addFinalizer(() => Effect.orDie(withSql((sql) => sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`)))
  const keys = yield* makeKeys("k1")
  /** A store with a pool of its own (another process would have one), its sessions named `application`. */
  const open = (refreshLease: Duration.DurationInput, application = `store_${suffix()}`) =>
    Effect.map(
      Layer.build(
        SqlTokenStore.layer({ schema, table, refreshLease }).pipe(
          Layer.provideMerge(clientLayer(application)),
          Layer.provide(TokenCipher.layer(keys))
        )
      ),
      (context) => ({
        store: Context.get(context, TokenStoreTag),
        sql: Context.get(context, SqlClient.SqlClient),
        application
      })
    )
  const first = yield* open("10 seconds")
  const stale = expired(grant)
  yield* first.store.save(stale)
  /** A refresher sending the refresh token to the emulator, counting its calls. */
  const refresher = (calls: { n: number }, before: Effect.Effect<void> = Effect.void) =>
  (
    token: Redacted.Redacted<string>
  ): Effect.Effect<Option.Option<OAuthResponse.TokenResponse>, NotionOAuth.OAuthCallError> =>
    Effect.suspend(() => {
      calls.n++
      return Effect.zipRight(
        before,
        Effect.map(oauth.token({ grant_type: "refresh_token", refresh_token: token }), Option.some)
      )
    })
  const qualified = `${schema}.${table}`
  return { emulator, grant, stale, open, first, refresher, qualified, key: grant.bot_id }
})

const intentOf = (qualified: string, key: string) =>
  Effect.orDie(withSql((sql) =>
    Effect.map(
      sql<{ refresh_intent: string | null }>`SELECT refresh_intent FROM ${sql(qualified)} WHERE bot_id = ${key}`,
      (rows) => rows[0]?.refresh_intent ?? null
    )
  ))

const accessOf = (rotation: TokenStore.Rotation) =>
  rotation._tag === "Revoked" ? "revoked" : Redacted.value(rotation.grant.accessToken)

/** A test on the live clock (the protocol's lease and polls are real time), over real sockets. */
const live = <A, E>(
  name: string,
  body: () => Effect.Effect<A, E, Scope.Scope | HttpClient.HttpClient>
) => it.scopedLive(name, () => Effect.provide(body(), NodeHttpClient.layerUndici), 30_000)

/** The typed error of a failed exit (`undefined` when it succeeded, died or was interrupted). */
const typedError = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit)
    ? Option.getOrUndefined(Cause.failureOption(exit.cause)) as { readonly _tag: string } | undefined
    : undefined

describe.skipIf(!available)("PostgreSQL store failures", () => {
  live(
    "the store failing once Notion answered: the pair comes back Unsaved, other stores wait, save writes it",
    () =>
      Effect.gen(function*() {
        const s = yield* setup
        const holder = yield* s.open("10 seconds")
        const other = yield* s.open("10 seconds")
        const away = `${s.qualified}_away`
        const rename = (from: string, to: string) =>
          Effect.orDie(withSql((sql) => sql`ALTER TABLE ${sql(from)} RENAME TO ${sql(to.split(".")[1]!)}`))
        // the table is gone (as far as statements can tell) after Notion rotated the pair, before it is written
        const rotation = yield* holder.store.rotate(
          s.key,
          s.stale.access_token,
          s.refresher({ n: 0 }, rename(s.qualified, away))
        )
        assert.strictEqual(rotation._tag, "Unsaved")
        if (rotation._tag !== "Unsaved") return
        assert.strictEqual(rotation.error._tag, "StoreFailure")
        assert.strictEqual(rotation.grant.rotation, 1)
        // still failing: typed errors for the pair's save and for every other store's call
        assert.strictEqual((yield* Effect.flip(rotation.save))._tag, "StoreFailure")
        const down = yield* Effect.exit(other.store.rotate(s.key, s.stale.access_token, s.refresher({ n: 0 })))
        assert.strictEqual(typedError(down)?._tag, "StoreFailure", String(down))
        // the store answers again: the intent is still there, so the other store waits instead of refreshing
        yield* rename(away, s.qualified)
        const otherCalls = { n: 0 }
        const waiting = yield* Effect.fork(other.store.rotate(s.key, s.stale.access_token, s.refresher(otherCalls)))
        yield* Effect.sleep("300 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(waiting)))
        const saved = yield* rotation.save
        assert.strictEqual(Redacted.value(saved.accessToken), Redacted.value(rotation.grant.accessToken))
        const current = yield* Fiber.join(waiting)
        assert.strictEqual(current._tag, "Current")
        assert.strictEqual(accessOf(current), Redacted.value(rotation.grant.accessToken))
        assert.strictEqual(otherCalls.n, 0)
        const stored = yield* holder.store.load(s.key)
        assert.deepStrictEqual([stored.rotation, Option.isSome(stored.refreshedAt)], [1, true])
        const stats = yield* s.emulator.stats
        assert.deepStrictEqual([stats.refreshes, stats.refreshReuses], [1, 0])
        // a second save is refused: its intent is spent
        assert.strictEqual((yield* Effect.flip(rotation.save))._tag, "RefreshTakenOver")
      })
  )

  live("COMMIT refused: a typed StoreFailure, and the refresh token is not sent", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const store = (yield* s.open("10 seconds")).store
      const schema = s.qualified.split(".")[0]!
      yield* Effect.orDie(withSql((sql) =>
        Effect.zipRight(
          sql.unsafe(`CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`),
          sql.unsafe(`CREATE CONSTRAINT TRIGGER refuse AFTER UPDATE ON ${s.qualified} DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`)
        )
      ))
      const calls = { n: 0 }
      const exit = yield* Effect.exit(store.rotate(s.key, s.stale.access_token, s.refresher(calls)))
      assert.strictEqual(typedError(exit)?._tag, "StoreFailure", String(exit))
      assert.include((typedError(exit) as unknown as Error).message, "refused at commit")
      assert.strictEqual(calls.n, 0)
      assert.isNull(yield* intentOf(s.qualified, s.key))
      assert.strictEqual((yield* s.emulator.stats).refreshes, 0)
    }))

  live(
    "the connection lost inside the lock's transaction (ROLLBACK fails too): a typed StoreFailure",
    () =>
      Effect.gen(function*() {
        const s = yield* setup
        const opened = yield* s.open("10 seconds")
        // another session holds the row's lock, so the store's transaction waits inside SELECT … FOR UPDATE
        const release = yield* Deferred.make<void>()
        const locked = yield* Deferred.make<void>()
        const holding = yield* Effect.fork(withSql((sql) =>
          sql.withTransaction(
            sql`SELECT bot_id FROM ${sql(s.qualified)} WHERE bot_id = ${s.key} FOR UPDATE`.pipe(
              Effect.zipRight(Deferred.succeed(locked, void 0)),
              Effect.zipRight(Deferred.await(release))
            )
          )
        ))
        yield* Deferred.await(locked)
        const calls = { n: 0 }
        const rotating = yield* Effect.fork(opened.store.rotate(s.key, s.stale.access_token, s.refresher(calls)))
        // the waiting session is terminated: its statement fails, and so does the ROLLBACK on the dead connection
        let terminated = 0
        for (let i = 0; i < 100 && terminated === 0; i++) {
          yield* Effect.sleep("50 millis")
          terminated = (yield* Effect.orDie(withSql((sql) =>
            sql<{ pid: number }>`SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
  WHERE application_name = ${opened.application} AND wait_event_type = 'Lock'`
          ))).length
        }
        assert.strictEqual(terminated, 1)
        const exit = yield* Fiber.await(rotating)
        assert.isTrue(Exit.isFailure(exit) && typedError(exit) !== undefined, `not a typed failure: ${exit}`)
        assert.strictEqual(
          (Exit.isFailure(exit) ? Cause.squash(exit.cause) as { _tag?: string } : {})._tag,
          "StoreFailure"
        )
        assert.strictEqual(calls.n, 0)
        yield* Deferred.succeed(release, void 0)
        yield* Fiber.join(holding)
        // the pool recovers: the next refresh goes through
        const rotated = yield* opened.store.rotate(s.key, s.stale.access_token, s.refresher(calls))
        assert.strictEqual(rotated._tag, "Rotated")
      })
  )
})
