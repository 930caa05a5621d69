// The cases every token store must pass, the in-memory one included: saving and loading, the refresh step (rotation,
// revocation, the refresh intent, its lease and its take-over, on the TestClock), re-encryption and typed errors,
// directly and through a manager against the emulator. A store is a `Store` here and one line in
// Conformance.test.ts.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { NotionOAuth, type OAuthResponse } from "@notion-effect/oauth"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import type { InvalidKey, StoreFailure } from "../src/StoreError.js"
import type * as TokenCipher from "../src/TokenCipher.js"
import * as TokenManager from "../src/TokenManager.js"
import * as TokenStore from "../src/TokenStore.js"
import { countingSleeps, sleepers as asleep } from "./edition.js"
import type { Emulator } from "./emulator.js"
import { authorize, emulator as startEmulator, expired, makeKeys, oauthLayer } from "./utils.js"

/** Opens a store on one place with these keys; opened again, it reads what the first wrote (another process). */
export type Opener = (
  keys: ReadonlyArray<TokenCipher.Key>
) => Effect.Effect<TokenStore.Service, StoreFailure | InvalidKey, Scope.Scope>

/** A store under test. */
export interface Store {
  readonly name: string
  /** Whether tokens are sealed under the keys the store is opened with (the in-memory store keeps them as is). */
  readonly encrypted: boolean
  /** A fresh place for a store, emptied with the scope. */
  readonly place: Effect.Effect<Opener, never, Scope.Scope>
}

/** The in-memory store: one store per place, whatever the keys. */
export const memory: Store = {
  name: "memory",
  encrypted: false,
  place: Effect.map(TokenStore.makeMemory, (store) => () => Effect.succeed(store))
}

/** The refresh lease of every store in these tests (the default). */
const lease = 10_000

// --- the refresh step on its own, with a refresher standing in for Notion

/** A token response of a grant of its own, with random tokens. */
const response = (): OAuthResponse.TokenResponse => {
  const id = crypto.randomUUID().replaceAll("-", "")
  return {
    access_token: Redacted.make(`ntn_${id}`),
    token_type: "bearer",
    refresh_token: Redacted.make(`nrt_${id}`),
    bot_id: `bot-${id}`,
    workspace_id: "ws",
    workspace_name: "Acme",
    workspace_icon: null,
    owner: { type: "workspace", workspace: true },
    duplicated_template_id: null
  }
}

/** A refresher answering with a new pair for `grant` (after `before`), counting its calls and their tokens. */
const refresher = (
  grant: OAuthResponse.TokenResponse,
  calls: { n: number; sent?: Array<string> },
  before: Effect.Effect<void> = Effect.void
): TokenStore.Refresher<never> =>
(token) =>
  Effect.suspend(() => {
    calls.n++
    calls.sent?.push(Redacted.value(token))
    return Effect.as(before, Option.some({ ...response(), bot_id: grant.bot_id }))
  })

const access = (rotation: TokenStore.Rotation) =>
  rotation._tag === "Revoked" ? "revoked" : Redacted.value(rotation.grant.accessToken)

/** Until `sleepers` fibers wait on the TestClock (the store's I/O done), at most a few thousand event-loop turns. */
const quiet = (sleepers: number) =>
  Effect.gen(function*() {
    for (let turn = 0; turn < 5000 && (yield* asleep) < sleepers; turn++) {
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
  })

/** Moves the TestClock on a quarter second at a time (once `sleepers` fibers wait on it) until `fiber` is done. */
const drive = <A, E>(fiber: Fiber.Fiber<A, E>, sleepers = 1) =>
  Effect.gen(function*() {
    for (let step = 0; step < 1000; step++) {
      const exit = yield* Fiber.poll(fiber)
      if (Option.isSome(exit)) return yield* exit.value
      yield* quiet(sleepers)
      yield* TestClock.adjust("250 millis")
    }
    return yield* Effect.dieMessage("still running after 250 seconds of the TestClock")
  })

/** Moves the TestClock on by `millis`, a quarter second at a time, once `sleepers` fibers wait on it each time. */
const pass = (millis: number, sleepers: number) =>
  Effect.gen(function*() {
    for (let elapsed = 0; elapsed < millis; elapsed += 250) {
      yield* quiet(sleepers)
      yield* TestClock.adjust("250 millis")
    }
  })

const protocolTests = (store: Store) =>
  describe(`${store.name} token store`, () => {
    /** A fresh store holding one saved grant. */
    const fresh = Effect.gen(function*() {
      const open = yield* store.place
      const keys = yield* makeKeys("k1")
      const service = yield* open(keys)
      const grant = response()
      yield* service.save(grant)
      return { open, keys, store: service, grant, key: grant.bot_id }
    })

    it.scoped("saves, loads, lists, touches and deletes grants; saving again keeps the record's history", () =>
      Effect.gen(function*() {
        const { grant, key, store: s } = yield* fresh
        const loaded = yield* s.load(key)
        assert.strictEqual(Redacted.value(loaded.accessToken), Redacted.value(grant.access_token))
        assert.strictEqual(Redacted.value(Option.getOrThrow(loaded.refreshToken)), Redacted.value(grant.refresh_token!))
        assert.deepStrictEqual(loaded.keyId, store.encrypted ? Option.some("k1") : Option.none())
        assert.deepStrictEqual([loaded.workspaceName, loaded.owner.type, loaded.rotation], ["Acme", "workspace", 0])
        assert.isTrue(Option.isNone(loaded.lastUsedAt))
        yield* TestClock.adjust("1 minute")
        yield* s.touch(key)
        yield* s.touch("no-such-grant")
        const touched = yield* s.load(key)
        assert.deepStrictEqual(touched.lastUsedAt, Option.some(new Date(60_000)))
        const listed = yield* s.list
        assert.deepStrictEqual(listed.map((g) => g.key), [key])
        assert.notProperty(listed[0], "accessToken")
        assert.notProperty(listed[0], "intent")
        // a rotation, then the grant authorized again: new tokens, the same creation time and rotation count
        yield* s.rotate(key, grant.access_token, refresher(grant, { n: 0 }))
        const again = response()
        const resaved = yield* s.save({ ...again, bot_id: key })
        assert.strictEqual(Redacted.value(resaved.accessToken), Redacted.value(again.access_token))
        assert.deepStrictEqual([resaved.rotation, resaved.createdAt.getTime()], [1, loaded.createdAt.getTime()])
        assert.isTrue(yield* s.delete(key))
        assert.isFalse(yield* s.delete(key))
        assert.strictEqual((yield* Effect.flip(s.load(key)))._tag, "GrantNotFound")
        const rotating = yield* Effect.flip(s.rotate(key, grant.access_token, refresher(grant, { n: 0 })))
        assert.strictEqual(rotating._tag, "GrantNotFound")
      }))

    it.scoped("rotate refreshes the rejected token once; a token no longer stored is Current", () =>
      Effect.gen(function*() {
        const { grant, key, store: s } = yield* fresh
        const calls = { n: 0, sent: [] as Array<string> }
        yield* TestClock.adjust("5 seconds")
        const at = Option.some(new Date(yield* Clock.currentTimeMillis))
        const rotated = yield* s.rotate(key, grant.access_token, refresher(grant, calls))
        assert.strictEqual(rotated._tag, "Rotated")
        if (rotated._tag !== "Rotated") return
        assert.deepStrictEqual(calls.sent, [Redacted.value(grant.refresh_token!)])
        assert.deepStrictEqual([rotated.grant.rotation, rotated.grant.refreshedAt], [1, at])
        assert.deepStrictEqual(rotated.grant.keyId, store.encrypted ? Option.some("k1") : Option.none())
        const stored = yield* s.load(key)
        assert.strictEqual(Redacted.value(stored.accessToken), access(rotated))
        const refreshOf = (grant: TokenStore.Grant) => Option.map(grant.refreshToken, Redacted.value)
        assert.deepStrictEqual(refreshOf(stored), refreshOf(rotated.grant))
        assert.deepStrictEqual([stored.rotation, stored.refreshedAt], [1, at])
        // the old token again (another fiber or process had it): the stored pair, nothing sent
        const current = yield* s.rotate(key, grant.access_token, refresher(grant, calls))
        assert.deepStrictEqual([current._tag, access(current), calls.n], ["Current", access(rotated), 1])
      }))

    it.scoped("without a refresh token, or refused, the grant is Revoked and marked until saved again", () =>
      Effect.gen(function*() {
        const { grant, key, store: s } = yield* fresh
        const calls = { n: 0 }
        const refused: TokenStore.Refresher<never> = () =>
          Effect.sync(() => void calls.n++).pipe(Effect.as(Option.none()))
        const first = yield* s.rotate(key, grant.access_token, refused)
        assert.deepStrictEqual(
          [first._tag, first._tag === "Revoked" && first.refused, first.grant.needsReauthorization],
          ["Revoked", true, true]
        )
        assert.isTrue((yield* s.load(key)).needsReauthorization)
        assert.isTrue((yield* s.list)[0]!.needsReauthorization)
        // marked: later calls answer at once, without Notion
        const later = yield* s.rotate(key, grant.access_token, refused)
        assert.deepStrictEqual([later._tag, later._tag === "Revoked" && later.refused, calls.n], ["Revoked", false, 1])
        // authorized again: the mark is cleared; a grant without a refresh token can only be authorized again
        const bare = yield* s.save({ ...grant, refresh_token: null })
        assert.isFalse(bare.needsReauthorization)
        const none = yield* s.rotate(key, grant.access_token, refused)
        assert.deepStrictEqual([none._tag, none._tag === "Revoked" && none.refused, calls.n], ["Revoked", false, 1])
        assert.isTrue((yield* s.load(key)).needsReauthorization)
      }))

    it.scoped("a failed refresh fails with its error and releases its intent: the next one goes at once", () =>
      Effect.gen(function*() {
        const { grant, key, store: s } = yield* fresh
        const failing: TokenStore.Refresher<string> = () => Effect.fail("Notion is down")
        assert.strictEqual(yield* Effect.flip(s.rotate(key, grant.access_token, failing)), "Notion is down")
        const calls = { n: 0 }
        const start = yield* Clock.currentTimeMillis
        const rotated = yield* s.rotate(key, grant.access_token, refresher(grant, calls))
        assert.deepStrictEqual([rotated._tag, calls.n, (yield* Clock.currentTimeMillis) - start], ["Rotated", 1, 0])
      }))

    it.scoped("concurrent rotations of one grant: one refresh, every other call uses its pair", () =>
      countingSleeps(Effect.gen(function*() {
        const { grant, key, keys, open, store: s } = yield* fresh
        const other = yield* open(keys) // another process
        const calls = { n: 0 }
        const all = yield* Effect.fork(
          Effect.all(
            Array.from({ length: 10 }, (_, i) =>
              (i % 2 ? other : s).rotate(key, grant.access_token, refresher(grant, calls))),
            { concurrency: "unbounded" }
          )
        )
        const rotations = yield* drive(all)
        assert.strictEqual(calls.n, 1)
        assert.deepStrictEqual(
          rotations.map((r) =>
            r._tag
          ).sort(),
          ["Rotated", ...Array(9).fill("Current")].sort()
        )
        assert.strictEqual(new Set(rotations.map(access)).size, 1)
        assert.strictEqual((yield* s.load(key)).rotation, 1)
      })))

    it.scoped("a pending intent is honoured past the lease while its holder beats; then its pair is used", () =>
      countingSleeps(Effect.gen(function*() {
        const { grant, key, keys, open, store: s } = yield* fresh
        const started = yield* Deferred.make<void>()
        const gate = yield* Deferred.make<void>()
        const holderCalls = { n: 0 }
        const waiterCalls = { n: 0 }
        const holding = yield* Effect.fork(s.rotate(
          key,
          grant.access_token,
          refresher(grant, holderCalls, Effect.zipRight(Deferred.succeed(started, void 0), Deferred.await(gate)))
        ))
        yield* Deferred.await(started)
        const other = yield* open(keys) // another process
        const waiting = yield* Effect.fork(other.rotate(key, grant.access_token, refresher(grant, waiterCalls)))
        // two and a half leases: the holder's heartbeat and the waiter's polls both wait on the clock at every step
        yield* pass(lease * 2.5, 2)
        assert.isTrue(Option.isNone(yield* Fiber.poll(waiting)), "the intent was taken over from a live holder")
        yield* Deferred.succeed(gate, void 0)
        const rotated = yield* Fiber.join(holding)
        const current = yield* drive(waiting)
        assert.deepStrictEqual([rotated._tag, current._tag], ["Rotated", "Current"])
        assert.strictEqual(access(current), access(rotated))
        assert.deepStrictEqual([holderCalls.n, waiterCalls.n], [1, 0])
      })))

    it.scoped("a silent intent (its holder is gone) is taken over once the lease has passed, not before", () =>
      countingSleeps(Effect.gen(function*() {
        const { grant, key, keys, open, store: s } = yield* fresh
        const started = yield* Deferred.make<void>()
        const gone = { n: 0, sent: [] as Array<string> }
        // the holder dies while Notion has the refresh token: its intent stays, and nothing beats for it any more
        const holder = yield* Effect.fork(s.rotate(
          key,
          grant.access_token,
          refresher(grant, gone, Effect.zipRight(Deferred.succeed(started, void 0), Effect.never))
        ))
        yield* Deferred.await(started)
        yield* Fiber.interrupt(holder)
        const start = yield* Clock.currentTimeMillis
        const calls = { n: 0, sent: [] as Array<string> }
        const other = yield* open(keys) // another process
        const rotated = yield* drive(yield* Effect.fork(other.rotate(key, grant.access_token, refresher(grant, calls))))
        assert.strictEqual(rotated._tag, "Rotated")
        assert.isAtLeast((yield* Clock.currentTimeMillis) - start, lease)
        // the same, still valid, refresh token
        assert.deepStrictEqual(calls.sent, gone.sent)
        assert.strictEqual((yield* s.load(key)).rotation, 1)
      })))

    it.scoped("a grant saved or deleted during its refresh: the pair comes back Unsaved, RefreshTakenOver", () =>
      Effect.gen(function*() {
        const { grant, key, store: s } = yield* fresh
        const reauthorized = { ...response(), bot_id: key }
        const superseded = yield* s.rotate(
          key,
          grant.access_token,
          refresher(grant, { n: 0 }, Effect.orDie(Effect.asVoid(s.save(reauthorized))))
        )
        assert.strictEqual(superseded._tag, "Unsaved")
        if (superseded._tag !== "Unsaved") return
        assert.strictEqual(superseded.error._tag, "RefreshTakenOver")
        assert.strictEqual((yield* Effect.flip(superseded.save))._tag, "RefreshTakenOver")
        const stored = yield* s.load(key)
        assert.strictEqual(Redacted.value(stored.accessToken), Redacted.value(reauthorized.access_token))
        assert.strictEqual(stored.rotation, 0)
        const deleted = yield* s.rotate(
          key,
          reauthorized.access_token,
          refresher(grant, { n: 0 }, Effect.orDie(Effect.asVoid(s.delete(key))))
        )
        assert.deepStrictEqual([deleted._tag, deleted._tag === "Unsaved" && deleted.error._tag], [
          "Unsaved",
          "RefreshTakenOver"
        ])
        assert.strictEqual((yield* Effect.flip(s.load(key)))._tag, "GrantNotFound")
      }))
  })

// --- through a manager, against the emulator

type Services = TokenManager.TokenManager | NotionOAuth.NotionOAuth | TokenStore.TokenStore | HttpClient.HttpClient

/** The emulator, a store on a fresh place and a manager on it, and a real grant. */
export const setup = (open: Opener) =>
  Effect.gen(function*() {
    const emulator = yield* startEmulator
    const keys = yield* makeKeys("k1")
    const store = yield* open(keys)
    const managerOn = (store: TokenStore.Service) =>
      Layer.build(
        TokenManager.layer().pipe(
          Layer.provideMerge(Layer.succeed(TokenStore.TokenStore, store)),
          Layer.provideMerge(oauthLayer(emulator))
        )
      )
    const context = yield* managerOn(store)
    const run = <A, E>(effect: Effect.Effect<A, E, Services>) => Effect.provide(effect, context)
    const grant = yield* run(authorize(emulator))
    return {
      emulator,
      grant,
      keys,
      store,
      manager: Context.get(context, TokenManager.TokenManager),
      run,
      managerOn,
      /** Opens the same place again with other keys (another process would). */
      reopen: open
    }
  })

/** What {@link setup} gives a test. */
export type Setup = Effect.Effect.Success<ReturnType<typeof setup>>

/** `users.me` through a client for the grant: what an app does with a stored grant. */
export const me = (s: Setup, grant: string = s.grant.bot_id) =>
  s.run(Effect.flatMap(TokenManager.makeClient(grant), (client) => client.users.me()))

const stats = (emulator: Emulator) => emulator.stats

const managerTests = (store: Store) =>
  it.layer(NodeHttpClient.layerUndici)(`${store.name} token store with a manager`, (it) => {
    const begin = Effect.flatMap(store.place, setup)

    it.scoped("100 concurrent requests with an expired access token: exactly one refresh, all 100 succeed", () =>
      Effect.gen(function*() {
        const s = yield* begin
        yield* s.store.save(expired(s.grant))
        const client = yield* s.run(TokenManager.makeClient(s.grant.bot_id))
        const users = yield* Effect.all(Array.from({ length: 100 }, () => client.users.me()), {
          concurrency: "unbounded"
        })
        assert.strictEqual(users.length, 100)
        assert.isTrue(users.every((user) => user.type === "bot"))
        const after = yield* stats(s.emulator)
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
        const s = yield* begin
        yield* s.store.save(s.grant)
        yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "Status", status: 401 } })
        assert.strictEqual((yield* me(s)).type, "bot")
        assert.strictEqual((yield* stats(s.emulator)).refreshes, 1)
        yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 2, kind: { _tag: "Status", status: 401 } })
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "Unauthorized")
        assert.strictEqual((yield* stats(s.emulator)).refreshes, 2)
        assert.strictEqual((yield* stats(s.emulator)).requests["GET /v1/users/me"], 4) // 200; 401 and 401
        assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 2)
      }))

    it.scoped("invalid_grant marks the grant and fails with ReauthorizationRequired, then fails fast", () =>
      Effect.gen(function*() {
        const s = yield* begin
        yield* s.store.save(expired(s.grant))
        // the user removed the integration: Notion refuses the refresh token
        yield* s.run(Effect.flatMap(NotionOAuth.NotionOAuth, (oauth) => oauth.revoke({ token: s.grant.access_token })))
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "ReauthorizationRequired")
        assert.strictEqual((error as { grant?: string }).grant, s.grant.bot_id)
        assert.isTrue((yield* s.store.load(s.grant.bot_id)).needsReauthorization)
        const tokenCalls = (yield* stats(s.emulator)).requests["POST /v1/oauth/token"]
        const again = yield* Effect.flip(me(s))
        assert.strictEqual(again._tag, "ReauthorizationRequired")
        assert.strictEqual((yield* stats(s.emulator)).requests["POST /v1/oauth/token"], tokenCalls)
        // a fresh authorization clears the mark
        yield* s.manager.save(s.grant)
        assert.isFalse((yield* s.store.load(s.grant.bot_id)).needsReauthorization)
      }))

    it.scoped("revoking a grant revokes it at Notion and deletes it from the store", () =>
      Effect.gen(function*() {
        const s = yield* begin
        yield* s.manager.save(s.grant)
        assert.strictEqual((yield* me(s)).type, "bot")
        yield* s.manager.revoke(s.grant.bot_id)
        assert.strictEqual((yield* stats(s.emulator)).revocations, 1)
        assert.strictEqual((yield* Effect.flip(s.store.load(s.grant.bot_id)))._tag, "GrantNotFound")
        const error = yield* Effect.flip(me(s))
        assert.strictEqual(error._tag, "ReauthorizationRequired")
      }))

    it.scoped("key rotation: old records read under a new key, writes use it, reencrypt migrates the rest", () =>
      Effect.gen(function*() {
        const s = yield* begin
        const keyId = (id: string) => store.encrypted ? Option.some(id) : Option.none()
        const [k2] = yield* makeKeys("k2")
        const other = yield* s.run(authorize(s.emulator))
        yield* s.store.save(expired(s.grant))
        yield* s.store.save(other)
        // a second process configured with both keys
        const rotated = yield* s.reopen([...s.keys, k2!])
        assert.deepStrictEqual((yield* rotated.load(s.grant.bot_id)).keyId, keyId("k1"))
        // a refresh through a store with both keys writes under k2
        const context = yield* s.managerOn(rotated)
        yield* Effect.provide(Effect.flatMap(TokenManager.makeClient(s.grant.bot_id), (c) => c.users.me()), context)
        assert.deepStrictEqual((yield* rotated.load(s.grant.bot_id)).keyId, keyId("k2"))
        assert.deepStrictEqual((yield* rotated.load(other.bot_id)).keyId, keyId("k1"))
        assert.strictEqual(yield* rotated.reencrypt, store.encrypted ? 1 : 0)
        assert.strictEqual(yield* TokenStore.reencrypt.pipe(Effect.provideService(TokenStore.TokenStore, rotated)), 0)
        // k1 can go now
        const newest = yield* s.reopen([k2!])
        const reread = yield* newest.load(other.bot_id)
        assert.strictEqual(Redacted.value(reread.accessToken), Redacted.value(other.access_token))
        if (!store.encrypted) return
        // a store without the record's key, or with another key under its id: typed errors, never garbage
        const unknown = yield* Effect.flip((yield* s.reopen(s.keys)).load(other.bot_id))
        assert.strictEqual(unknown._tag, "UnknownKeyId")
        const [impostor] = yield* makeKeys("k2")
        const wrong = yield* Effect.flip((yield* s.reopen([impostor!])).load(other.bot_id))
        assert.strictEqual(wrong._tag, "DecryptionFailed")
        assert.notInclude(wrong.message, Redacted.value(k2!.secret))
      }))
  })

/** Registers every case for a store. */
export const conformance = (store: Store) => {
  protocolTests(store)
  managerTests(store)
}
