// The manager over the in-memory store, against the emulator through real sockets: single flight, interruption,
// failures as tagged errors, metrics, and no secret in logs, spans or errors.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, it } from "@effect/vitest"
import { NotionConfig, NotionMetrics } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials, type OAuthResponse } from "@notion-effect/oauth"
import * as Clock from "effect/Clock"
import type * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { recordingTracer } from "../../core/test/utils/tracer.js"
import { RefreshTakenOver, StoreFailure } from "../src/StoreError.js"
import * as TokenManager from "../src/TokenManager.js"
import * as TokenStore from "../src/TokenStore.js"
import { capturingLogs } from "./edition.js"
import type { Emulator } from "./emulator.js"
import { authorize, emulator as startEmulator, expired } from "./utils.js"

/** `NotionOAuth` whose refreshes first wait for `gate` (and say when one started). */
const gatedOAuth = (gate: Effect.Effect<void>, started?: Deferred.Deferred<void>) =>
  Layer.effect(
    NotionOAuth.NotionOAuth,
    Effect.map(NotionOAuth.make(), (oauth) => ({
      ...oauth,
      token: (params: NotionOAuth.TokenParams) =>
        params.grant_type === "refresh_token"
          ? Effect.zipRight(
            Effect.zipRight(started ? Deferred.succeed(started, void 0) : Effect.void, gate),
            oauth.token(params)
          )
          : oauth.token(params)
    }))
  )

/** The emulator, the manager on the in-memory store, and a real grant; `transformClient` sees the API calls. */
const setup = (options: {
  readonly gate?: Effect.Effect<void>
  readonly started?: Deferred.Deferred<void>
  readonly transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
} = {}) =>
  Effect.gen(function*() {
    const emulator = yield* startEmulator
    const config = Layer.mergeAll(
      NotionConfig.layer({
        baseUrl: emulator.url,
        ...(options.transformClient ? { transformClient: options.transformClient } : {})
      }),
      OAuthCredentials.layer({
        clientId: emulator.oauthClient.clientId,
        clientSecret: emulator.oauthClient.clientSecret
      })
    )
    const oauth = options.gate ? gatedOAuth(options.gate, options.started) : NotionOAuth.layer()
    const context = yield* Layer.build(
      TokenManager.layer().pipe(
        Layer.provideMerge(TokenStore.layerMemory),
        Layer.provideMerge(Layer.provideMerge(oauth, config))
      )
    )
    const grant = yield* Effect.provide(authorize(emulator), context)
    const store = yield* Effect.provide(TokenStore.TokenStore, context)
    const manager = yield* Effect.provide(TokenManager.TokenManager, context)
    const client = yield* Effect.provide(TokenManager.makeClient(grant.bot_id), context)
    return { emulator, grant, store, manager, client, context }
  })

/**
 * The in-memory store as a database that fails: while `down`, every call fails with a `StoreFailure`;
 * `downAfterRefresh` takes it down as Notion's answer to a refresh arrives (the pair is then `Unsaved`, its `save`
 * counted in `saves`); `takenOver` makes that save fail with `RefreshTakenOver`.
 */
const flaky = (
  memory: TokenStore.Service,
  state: { down: boolean; downAfterRefresh: boolean; takenOver: boolean; saves: number }
): TokenStore.Service => {
  const failure = (operation: string) => new StoreFailure({ operation, cause: new Error("connection refused") })
  const guard = <A, E>(operation: string, effect: Effect.Effect<A, E>): Effect.Effect<A, E | StoreFailure> =>
    Effect.suspend((): Effect.Effect<A, E | StoreFailure> => state.down ? Effect.fail(failure(operation)) : effect)
  class Unsaved {
    constructor(readonly response: OAuthResponse.TokenResponse) {}
  }
  return {
    ...memory,
    load: (key) => guard("load a grant", memory.load(key)),
    touch: (key) => guard("record a grant's use", memory.touch(key)),
    rotate: (key, rejected, refresh) =>
      guard(
        "rotate a grant's tokens",
        memory.rotate(key, rejected, (token) =>
          Effect.flatMap(refresh(token), (answer) => {
            if (Option.isNone(answer) || !state.downAfterRefresh) return Effect.succeed(answer)
            state.down = true
            state.downAfterRefresh = false
            // the memory store must not persist it: it is the pair the database failed to write
            return Effect.fail(new Unsaved(answer.value))
          })).pipe(
            Effect.catchIf((e): e is Unsaved => e instanceof Unsaved, ({ response }) =>
              Effect.map(Clock.currentTimeMillis, (now) => ({
                _tag: "Unsaved",
                grant: TokenStore.fromResponse(response, now),
                error: failure("store a rotated pair"),
                save: Effect.suspend(() => {
                  state.saves++
                  return state.takenOver
                    ? Effect.fail(new RefreshTakenOver({ grant: key }))
                    : guard("store a rotated pair", memory.save(response))
                })
              } as const)))
          )
      )
  }
}

/** A manager on `store`, with the OAuth client and configuration of `context`. */
const managerOn = (store: TokenStore.Service, context: Context.Context<NotionOAuth.NotionOAuth>) =>
  Effect.flatMap(
    Layer.build(
      TokenManager.layer().pipe(
        Layer.provide(Layer.succeed(TokenStore.TokenStore, store)),
        Layer.provide(Layer.succeedContext(context))
      )
    ),
    (built) => Effect.provide(TokenManager.TokenManager, built)
  )

const refreshCount = (result: "ok" | "reauthorize" | "error") =>
  Effect.map(Metric.value(Metric.tagged(NotionMetrics.refreshes, "result", result)), (state) => state.count)

const stats = (emulator: Emulator) => emulator.stats

it.layer(NodeHttpClient.layerUndici)("TokenManager", (it) => {
  it.scoped("100 concurrent requests all answered 401: one refresh reaches Notion, the 100 retries succeed", () =>
    Effect.gen(function*() {
      // the refresh waits until the client has received all 100 answers 401 (the emulator's fault hits the first
      // 100 requests to the route, whatever their token), so no retry can take one of those 100 faults
      const all401 = yield* Deferred.make<void>()
      let unauthorized = 0
      const s = yield* setup({
        gate: Deferred.await(all401),
        transformClient: HttpClient.tap((response) =>
          response.status === 401 && ++unauthorized === 100 ? Deferred.succeed(all401, void 0) : Effect.void
        )
      })
      yield* s.manager.save(s.grant)
      yield* s.emulator.injectFault({ route: "GET /v1/users/me", times: 100, kind: { _tag: "Status", status: 401 } })
      const before = yield* refreshCount("ok")
      const users = yield* Effect.all(Array.from({ length: 100 }, () => s.client.users.me()), {
        concurrency: "unbounded"
      })
      assert.isTrue(users.every((user) => user.type === "bot"))
      const after = yield* stats(s.emulator)
      assert.strictEqual(after.refreshes, 1)
      assert.strictEqual(after.requests["GET /v1/users/me"], 200)
      assert.strictEqual((yield* refreshCount("ok")) - before, 1)
      assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 1)
    }))

  it.scoped("100 concurrent requests with an expired access token in the store: one load, one refresh", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      yield* s.store.save(expired(s.grant))
      const users = yield* Effect.all(Array.from({ length: 100 }, () => s.client.users.me()), {
        concurrency: "unbounded"
      })
      assert.strictEqual(users.length, 100)
      assert.strictEqual((yield* stats(s.emulator)).refreshes, 1)
    }))

  it.scoped("Notion expires the access token mid-use: one refresh, the pair rotates in the store, requests go on", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      yield* s.manager.save(s.grant)
      assert.strictEqual((yield* s.client.users.me()).type, "bot")
      assert.strictEqual((yield* stats(s.emulator)).refreshes, 0)
      assert.isAtLeast(yield* s.emulator.expireAccessTokens, 1)
      const users = yield* Effect.all(Array.from({ length: 10 }, () => s.client.users.me()), {
        concurrency: "unbounded"
      })
      assert.isTrue(users.every((user) => user.type === "bot"))
      assert.strictEqual((yield* stats(s.emulator)).refreshes, 1)
      const stored = yield* s.store.load(s.grant.bot_id)
      assert.strictEqual(stored.rotation, 1)
      assert.notStrictEqual(Redacted.value(stored.accessToken), Redacted.value(s.grant.access_token))
    }))

  it.scoped("a refresh runs to its end when the request that started it is interrupted", () =>
    Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const started = yield* Deferred.make<void>()
      const s = yield* setup({ gate: Deferred.await(gate), started })
      yield* s.store.save(expired(s.grant))
      const fiber = yield* Effect.fork(s.client.users.me())
      yield* Deferred.await(started)
      yield* Fiber.interrupt(fiber)
      yield* Deferred.succeed(gate, void 0)
      // the rotated pair was persisted: the next request uses it without another refresh
      assert.strictEqual((yield* s.client.users.me()).type, "bot")
      assert.strictEqual((yield* stats(s.emulator)).refreshes, 1)
      assert.strictEqual((yield* s.store.load(s.grant.bot_id)).rotation, 1)
    }))

  it.scoped("concurrent refreshes of one grant that fails are one failure shared, not a storm", () =>
    Effect.gen(function*() {
      // the refresh waits until all 20 requests were answered 401, so every one of them waits for that refresh
      const all401 = yield* Deferred.make<void>()
      let unauthorized = 0
      const s = yield* setup({
        gate: Deferred.await(all401),
        transformClient: HttpClient.tap((response) =>
          response.status === 401 && ++unauthorized === 20 ? Deferred.succeed(all401, void 0) : Effect.void
        )
      })
      yield* s.store.save(expired(s.grant))
      yield* s.emulator.injectFault({ route: "POST /v1/oauth/token", times: 1, kind: { _tag: "Status", status: 500 } })
      const before = yield* refreshCount("error")
      const results = yield* Effect.all(Array.from({ length: 20 }, () => Effect.either(s.client.users.me())), {
        concurrency: "unbounded"
      })
      assert.isTrue(results.every((r) => r._tag === "Left" && r.left._tag === "InternalServerError"))
      assert.strictEqual((yield* stats(s.emulator)).requests["POST /v1/oauth/token"], 2) // the exchange, one refresh
      assert.strictEqual((yield* refreshCount("error")) - before, 1)
      // the grant is intact: the next request refreshes and succeeds
      assert.strictEqual((yield* s.client.users.me()).type, "bot")
    }))

  it.scoped("invalid_grant: ReauthorizationRequired with the grant key, counted, and no retry storm", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      yield* s.store.save(expired(s.grant))
      yield* Effect.provide(
        Effect.flatMap(NotionOAuth.NotionOAuth, (oauth) => oauth.revoke({ token: s.grant.refresh_token! })),
        s.context
      )
      const before = yield* refreshCount("reauthorize")
      const results = yield* Effect.all(Array.from({ length: 10 }, () => Effect.flip(s.client.users.me())), {
        concurrency: "unbounded"
      })
      for (const error of results) {
        assert.strictEqual(error._tag, "ReauthorizationRequired")
        assert.strictEqual((error as { grant?: string }).grant, s.grant.bot_id)
        assert.strictEqual(error.code, "notion_effect_reauthorization_required")
      }
      assert.strictEqual((yield* refreshCount("reauthorize")) - before, 1)
      assert.strictEqual((yield* stats(s.emulator)).requests["POST /v1/oauth/token"], 2)
      // users catch it by tag
      const caught = yield* s.client.users.me().pipe(
        Effect.as("ok"),
        Effect.catchTag("ReauthorizationRequired", (e) => Effect.succeed(`authorize ${e.grant} again`))
      )
      assert.strictEqual(caught, `authorize ${s.grant.bot_id} again`)
    }))

  it.scoped("a grant that is not stored is ReauthorizationRequired for the client, GrantNotFound for the manager", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      const error = yield* Effect.flip(s.client.users.me())
      assert.strictEqual(error._tag, "ReauthorizationRequired")
      const direct = yield* Effect.flip(s.manager.token(s.grant.bot_id))
      assert.strictEqual(direct._tag, "GrantNotFound")
    }))

  it.scoped("a failing store is a typed error for the manager, and CredentialsUnavailable (its cause) for the client", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      const failure = new StoreFailure({ operation: "load a grant", cause: new Error("database is down") })
      const broken = Layer.succeed(TokenStore.TokenStore, {
        ...s.store,
        load: () => Effect.fail(failure)
      })
      const context = yield* Layer.build(
        TokenManager.layer().pipe(Layer.provide(broken), Layer.provide(Layer.succeedContext(s.context)))
      )
      const manager = yield* Effect.provide(TokenManager.TokenManager, context)
      const typed = yield* manager.token(s.grant.bot_id).pipe(
        Effect.catchTag("StoreFailure", (e) => Effect.succeed(e.message))
      )
      assert.strictEqual(typed, "The token store failed to load a grant: database is down")
      const client = yield* Effect.provide(TokenManager.makeClient(s.grant.bot_id), context)
      const unavailable = yield* client.users.me().pipe(
        Effect.catchTag("CredentialsUnavailable", (e) => Effect.succeed(e)),
        Effect.flatMap((e) => "cause" in e ? Effect.succeed(e) : Effect.dieMessage("users.me succeeded"))
      )
      assert.strictEqual(unavailable.cause, failure)
      assert.strictEqual(unavailable.code, "notion_effect_credentials_unavailable")
    }))

  it.scoped("a new pair the store fails to write is used from memory and written back, with back-off, when it answers", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      const stale = expired(s.grant)
      yield* s.store.save(stale)
      const state = { down: false, downAfterRefresh: true, takenOver: false, saves: 0 }
      const manager = yield* managerOn(flaky(s.store, state), s.context)
      const client = yield* TokenManager.makeClient(s.grant.bot_id).pipe(
        Effect.provideService(TokenManager.TokenManager, manager),
        Effect.provide(s.context)
      )
      // the store goes down while Notion's answer is on its way: the call succeeds on the new pair anyway
      assert.strictEqual((yield* client.users.me()).type, "bot")
      assert.isTrue(state.down, JSON.stringify(state))
      const users = yield* Effect.all(Array.from({ length: 5 }, () => client.users.me()), { concurrency: "unbounded" })
      assert.isTrue(users.every((user) => user.type === "bot"))
      const kept = yield* manager.token(s.grant.bot_id)
      assert.notStrictEqual(Redacted.value(kept), Redacted.value(stale.access_token))
      // a 401 to the kept token cannot refresh (its refresh token is only in memory): a typed error, nothing sent
      const refused = yield* Effect.flip(manager.refresh(s.grant.bot_id, kept))
      assert.strictEqual(refused._tag, "StoreFailure")
      assert.deepStrictEqual(
        [(yield* stats(s.emulator)).refreshes, (yield* stats(s.emulator)).refreshReuses],
        [1, 0]
      )
      // the write-back: one attempt at once, then 100 ms doubling (jittered), at most 2 seconds apart
      assert.strictEqual(state.saves, 1)
      yield* TestClock.adjust("50 millis")
      assert.strictEqual(state.saves, 1)
      yield* TestClock.adjust("1 minute")
      assert.isAtLeast(state.saves, 25)
      assert.isAtMost(state.saves, 45)
      assert.strictEqual(
        Redacted.value((yield* s.store.load(s.grant.bot_id)).accessToken),
        Redacted.value(stale.access_token)
      )
      // the store answers: the kept pair is written, and used from the store from now on
      state.down = false
      yield* TestClock.adjust("3 seconds")
      const stored = yield* s.store.load(s.grant.bot_id)
      assert.strictEqual(Redacted.value(stored.accessToken), Redacted.value(kept))
      const saves = state.saves
      yield* TestClock.adjust("1 minute")
      assert.strictEqual(state.saves, saves)
      assert.strictEqual((yield* client.users.me()).type, "bot")
      assert.deepStrictEqual([(yield* stats(s.emulator)).refreshes, (yield* stats(s.emulator)).refreshReuses], [1, 0])
    }))

  it.scoped("a kept pair whose refresh was taken over is dropped: the store's record is used again", () =>
    Effect.gen(function*() {
      const s = yield* setup()
      const stale = expired(s.grant)
      yield* s.store.save(stale)
      const state = { down: false, downAfterRefresh: true, takenOver: false, saves: 0 }
      const manager = yield* managerOn(flaky(s.store, state), s.context)
      const kept = yield* manager.refresh(s.grant.bot_id, stale.access_token)
      assert.notStrictEqual(Redacted.value(kept), Redacted.value(stale.access_token))
      state.down = false
      state.takenOver = true
      yield* TestClock.adjust("1 second")
      const saves = state.saves
      yield* TestClock.adjust("1 minute")
      assert.strictEqual(state.saves, saves) // RefreshTakenOver is final: no more attempts
      assert.strictEqual(Redacted.value(yield* manager.token(s.grant.bot_id)), Redacted.value(stale.access_token))
    }))

  it.scoped("logs, spans and errors of refreshes and failures never hold a token", () =>
    Effect.gen(function*() {
      const { dump, tracer } = recordingTracer()
      const lines: Array<string> = []
      const s = yield* setup()
      const other = yield* Effect.provide(authorize(s.emulator), s.context)
      yield* s.store.save(expired(s.grant))
      yield* s.store.save(expired(other))
      const traced = <A, E>(effect: Effect.Effect<A, E>) => effect.pipe(Effect.withTracer(tracer), capturingLogs(lines))
      yield* traced(s.client.users.me())
      yield* Effect.provide(
        Effect.flatMap(NotionOAuth.NotionOAuth, (oauth) => oauth.revoke({ token: other.access_token })),
        s.context
      )
      const otherClient = yield* Effect.provide(TokenManager.makeClient(other.bot_id), s.context)
      const error = yield* traced(Effect.flip(otherClient.users.me()))
      const stored = yield* s.store.load(s.grant.bot_id)
      const everything = [dump(), lines.join("\n"), JSON.stringify(error), String(error), error.message].join("\n")
      assert.include(everything, "TokenManager.refresh")
      assert.include(lines.join("\n"), "Notion grant refreshed")
      const secrets = [s.grant, other].flatMap((g) => [g.access_token, g.refresh_token!]).concat([
        stored.accessToken,
        Option.getOrThrow(stored.refreshToken)
      ])
      for (const secret of secrets) assert.notInclude(everything, Redacted.value(secret))
      assert.notMatch(everything, /ntn_|nrt_/)
    }))
})
