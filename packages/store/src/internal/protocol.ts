/**
 * The token store's protocol, written once over a backend's primitives (`./backend.ts`): save, load, list, delete,
 * touch, the refresh step and re-encryption. Every store (memory, SQL) is its primitives and this.
 *
 * The refresh step ({@link TokenStore.Service.rotate}) never holds the lock while Notion is called. It is three
 * steps, so that an answer Notion already rotated for is never lost to a store that fails (`SqlTokenStore` documents
 * what each failure leaves):
 *
 * 1. **Intent.** Under the grant's lock, re-read the grant. Another process's pair, a mark or no refresh token ends
 *    the step. Otherwise, when no other call's intent is pending, write this call's refresh intent (a random id and
 *    a heartbeat count) in the record. When one is pending, wait (polling) until the pair it brings is written, the
 *    intent is released, or it has shown no heartbeat for the lease as seen by this call (its holder is gone: take
 *    it over).
 * 2. **Notion.** Send the refresh token; the intent's heartbeat is renewed every third of the lease meanwhile.
 * 3. **Pair.** Write the new pair and clear the intent in one write, only if the intent is still this call's.
 *    Notion refusing marks the grant; Notion failing releases the intent. A write that fails returns the pair as
 *    `Unsaved` with the effect that writes it: the intent stays meanwhile, so no other process sends the superseded
 *    refresh token.
 */
import type { OAuthResponse } from "@notion-effect/oauth"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Equivalence from "effect/Equivalence"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import {
  type DecryptionFailed,
  GrantNotFound,
  RefreshTakenOver,
  type StoreError,
  StoreFailure,
  type UnknownKeyId
} from "../StoreError.js"
import type * as TokenStore from "../TokenStore.js"
import { type Backend, BackendFailure, type Stored } from "./backend.js"
import { described, fromResponse, info, sameToken } from "./grant.js"

/** The protocol's settings. */
export interface Options {
  /**
   * How long a refresh intent whose holder shows no heartbeat blocks other calls before they take it over (default
   * 10 seconds).
   */
  readonly refreshLease?: Duration.DurationInput
}

/** A backend's failure as a `StoreFailure` naming what the store was doing. */
const io = <A, E, R>(
  operation: string,
  effect: Effect.Effect<A, E | BackendFailure, R>
): Effect.Effect<A, Exclude<E, BackendFailure> | StoreFailure, R> =>
  Effect.catchIf(
    effect,
    (error): error is BackendFailure => error instanceof BackendFailure,
    (error) => Effect.fail(new StoreFailure({ operation, cause: error.cause }))
  ) as Effect.Effect<A, Exclude<E, BackendFailure> | StoreFailure, R>

/** What step 1 of a refresh found. */
type Claim<T> =
  | { readonly _tag: "Done"; readonly rotation: TokenStore.Rotation }
  | { readonly _tag: "Wait" }
  | { readonly _tag: "Claimed"; readonly stored: Stored<T>; readonly grant: TokenStore.Grant }

const revoked = <T>(stored: Stored<T>, refused: boolean) => ({
  _tag: "Revoked",
  grant: { ...info(stored), needsReauthorization: true },
  refused
} as const)

/**
 * The store on `backend`.
 */
export const make = <T>(backend: Backend<T>, options: Options = {}): TokenStore.Service => {
  const lease = Duration.toMillis(Duration.decode(options.refreshLease ?? Duration.seconds(10)))

  /** The tokens sealed as the backend keeps them, with the key they are sealed under. */
  const seal = (key: string, access: Redacted.Redacted<string>, refresh: Option.Option<Redacted.Redacted<string>>) =>
    Effect.all({
      keyId: Effect.succeed(backend.currentKeyId),
      accessToken: backend.seal(access, { grant: key, field: "access_token" }),
      refreshToken: Option.match(refresh, {
        onNone: () => Effect.succeedNone,
        onSome: (token) => Effect.asSome(backend.seal(token, { grant: key, field: "refresh_token" }))
      })
    })

  const open = (stored: Stored<T>): Effect.Effect<TokenStore.Grant, DecryptionFailed | UnknownKeyId> =>
    Effect.map(
      Effect.all({
        accessToken: backend.open(stored.accessToken, stored.keyId, { grant: stored.key, field: "access_token" }),
        refreshToken: Option.match(stored.refreshToken, {
          onNone: () => Effect.succeedNone,
          onSome: (token) =>
            Effect.asSome(backend.open(token, stored.keyId, { grant: stored.key, field: "refresh_token" }))
        })
      }),
      (tokens) => ({ ...info(stored), ...tokens })
    )

  const read = (key: string) =>
    Effect.flatMap(
      backend.read(key),
      Option.match({
        onNone: () => Effect.fail(new GrantNotFound({ grant: key })),
        onSome: Effect.succeed
      })
    )

  const load = (key: string): Effect.Effect<TokenStore.Grant, StoreError> =>
    Effect.flatMap(io("load a grant", read(key)), open)

  /** What a token response writes in a record: its tokens, workspace and owner; no mark, no intent. */
  const written = (key: string, response: OAuthResponse.TokenResponse) =>
    Effect.map(
      seal(key, response.access_token, Option.fromNullable(response.refresh_token)),
      (tokens) => ({ ...tokens, ...described(response), needsReauthorization: false, intent: Option.none() })
    )

  const save = (response: OAuthResponse.TokenResponse): Effect.Effect<TokenStore.Grant, StoreError> =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      const patch = yield* written(response.bot_id, response)
      yield* io("save a grant", backend.upsert({ ...info(fromResponse(response, now)), ...patch }, patch))
      return yield* load(response.bot_id)
    })

  const rotate = <E>(
    key: string,
    rejected: Redacted.Redacted<string>,
    refresh: TokenStore.Refresher<E>
  ): Effect.Effect<TokenStore.Rotation, E | StoreError> =>
    Effect.gen(function*() {
      const intent = crypto.randomUUID()
      /** The other call's intent and heartbeat as first seen unchanged, and when (this process's clock). */
      let seen: { readonly intent: string; readonly beat: number; readonly at: number } | undefined

      // step 1: under the lock, use another pair, or wait for another intent, or write ours
      const claim = backend.locked(
        key,
        Effect.gen(function*(): Effect.fn.Return<Claim<T>, StoreError | BackendFailure> {
          const stored = yield* read(key)
          if (stored.needsReauthorization) {
            return { _tag: "Done", rotation: { _tag: "Revoked", grant: info(stored), refused: false } }
          }
          const grant = yield* open(stored)
          if (!sameToken(grant.accessToken, rejected)) return { _tag: "Done", rotation: { _tag: "Current", grant } }
          if (Option.isNone(grant.refreshToken)) {
            yield* backend.update(key, { needsReauthorization: true })
            return { _tag: "Done", rotation: revoked(stored, false) }
          }
          const now = yield* Clock.currentTimeMillis
          if (Option.isSome(stored.intent)) {
            const { beat, id } = stored.intent.value
            if (seen === undefined || seen.intent !== id || seen.beat !== beat) {
              seen = { intent: id, beat, at: now }
              return { _tag: "Wait" }
            }
            // silent for a whole lease: its holder is gone, take the intent over
            if (now - seen.at < lease) return { _tag: "Wait" }
          }
          yield* backend.update(key, { intent: Option.some({ id: intent, beat: 0 }) })
          return { _tag: "Claimed", stored, grant }
        })
      )
      const release = Effect.ignore(
        io("release a refresh intent", backend.update(key, { intent: Option.none() }, intent))
      )
      // a failed COMMIT may still have committed the intent: release it rather than let it block for a lease
      const step = io("rotate a grant's tokens", claim).pipe(Effect.tapErrorTag("StoreFailure", () => release))
      let claimed = yield* step
      for (let polls = 0; claimed._tag === "Wait"; polls++) {
        yield* Effect.sleep(Duration.millis(Math.min(250, 10 * 1.5 ** polls)))
        claimed = yield* step
      }
      if (claimed._tag === "Done") return claimed.rotation
      const { grant, stored } = claimed

      // step 2: Notion, with the intent's heartbeat renewed meanwhile
      let beats = 0
      const heartbeat = Effect.suspend(() =>
        backend.update(key, { intent: Option.some({ id: intent, beat: ++beats }) }, intent)
      ).pipe(
        Effect.catchAllCause(() => Effect.void),
        Effect.delay(Duration.millis(Math.max(1, Math.floor(lease / 3)))),
        Effect.forever,
        Effect.interruptible
      )
      const beating = yield* Effect.fork(heartbeat)
      const answer = yield* Effect.exit(refresh(Option.getOrThrow(grant.refreshToken)))
      yield* Fiber.interrupt(beating)

      // step 3: the pair, the mark, or the intent released
      if (Exit.isFailure(answer)) {
        yield* release
        return yield* Effect.failCause(answer.cause)
      }
      if (Option.isNone(answer.value)) {
        // when this write fails the intent falls silent: the next call is refused too and marks the grant
        yield* Effect.ignore(io(
          "mark a grant for re-authorization",
          backend.update(key, { needsReauthorization: true, intent: Option.none() }, intent)
        ))
        return revoked(stored, true)
      }
      const response = answer.value.value
      const now = yield* Clock.currentTimeMillis
      const rotated: TokenStore.Grant = {
        ...fromResponse(response, now, grant),
        key,
        keyId: backend.currentKeyId,
        rotation: grant.rotation + 1,
        refreshedAt: Option.some(new Date(now))
      }
      // the whole pair in one write: both tokens change together or not at all
      const write: Effect.Effect<TokenStore.Grant, StoreError> = Effect.gen(function*() {
        const patch = yield* written(key, response)
        const stored = yield* io(
          "store a rotated pair",
          backend.update(key, { ...patch, rotation: rotated.rotation, refreshedAt: rotated.refreshedAt }, intent)
        )
        return stored ? rotated : yield* Effect.fail(new RefreshTakenOver({ grant: key }))
      })
      return yield* Effect.matchEffect(write, {
        onSuccess: (grant) => Effect.succeed({ _tag: "Rotated", grant } as const),
        onFailure: (error) => Effect.succeed({ _tag: "Unsaved", grant: rotated, error, save: write } as const)
      })
    })

  /** Whether a record is sealed under the newest key. */
  const isCurrent = (grant: TokenStore.GrantInfo) =>
    Option.getEquivalence(Equivalence.string)(grant.keyId, backend.currentKeyId)

  /** Re-encrypts one record under the newest key, under its lock; 1 when it was rewritten. */
  const reencryptOne = (key: string) =>
    backend.locked(
      key,
      Effect.gen(function*() {
        const stored = yield* backend.read(key)
        if (Option.isNone(stored) || isCurrent(stored.value)) return 0
        const grant = yield* open(stored.value)
        yield* backend.update(key, yield* seal(key, grant.accessToken, grant.refreshToken))
        return 1
      })
    )

  return {
    save,
    load,
    list: io("list grants", backend.list),
    delete: (key) => io("delete a grant", backend.delete(key)),
    touch: (key) =>
      io(
        "record a grant's use",
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => backend.update(key, { lastUsedAt: Option.some(new Date(now)) })
        )
      ).pipe(Effect.asVoid),
    rotate,
    reencrypt: io(
      "re-encrypt grants",
      Effect.gen(function*() {
        const stale = (yield* backend.list).filter((grant) => !isCurrent(grant))
        let rewritten = 0
        for (const { key } of stale) rewritten += yield* reencryptOne(key)
        return rewritten
      })
    )
  }
}
