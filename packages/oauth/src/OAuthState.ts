/**
 * The OAuth `state` parameter, the CSRF defence of the flow. Two forms:
 * - {@link generate} + {@link verify}: a random value (256 bits, base64url) you keep in the user's session
 *   and compare in constant time;
 * - {@link sign} + {@link verifySigned}: a stateless value that carries its own expiry, signed with
 *   HMAC-SHA256 under a configured key, so a server needs no session store;
 * - {@link signBound} + {@link verifyBound}: the same, also committed to a nonce kept in the browser's cookie
 *   (login CSRF: a state works only in the browser that started the flow) and carrying an id that
 *   `ConsumedStates` remembers, so each state works once.
 *
 * @since 0.1.0
 */
import { constantTimeEqual } from "@notion-effect/core/Webhook"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Redacted from "effect/Redacted"
import { StateExpired, StateForged, StateMismatch, StateMissing, StateNotBound } from "./OAuthError.js"

const randomBase64Url = (bytes: number) => Encoding.encodeBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))

/**
 * A fresh random state: 32 random bytes (256 bits), base64url.
 *
 * @since 0.1.0
 * @category constructors
 */
export const generate: Effect.Effect<string> = Effect.sync(() => randomBase64Url(32))

/** Two strings' UTF-8 bytes compared in constant time (core's comparison, the one webhook signatures use). */
const equalInConstantTime = (a: string, b: string): boolean =>
  constantTimeEqual(new TextEncoder().encode(a), new TextEncoder().encode(b))

/**
 * Checks the callback's state against the one issued, in constant time.
 *
 * @since 0.1.0
 * @category verification
 */
export const verify = (
  expected: string,
  actual: string | null | undefined
): Effect.Effect<void, StateMissing | StateMismatch> =>
  actual === null || actual === undefined || actual === ""
    ? Effect.fail(new StateMissing())
    : equalInConstantTime(expected, actual)
    ? Effect.void
    : Effect.fail(new StateMismatch())

const hmacKey = (key: Redacted.Redacted<string>) =>
  Effect.promise(() =>
    crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(Redacted.value(key)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      [
        "sign",
        "verify"
      ]
    )
  )

/**
 * A stateless state: `<payload>.<signature>`, the payload holding a random nonce and the expiry time.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sign = (
  key: Redacted.Redacted<string>,
  ttl: Duration.DurationInput = Duration.minutes(10)
): Effect.Effect<string> =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const payload = Encoding.encodeBase64Url(`${now + Duration.toMillis(ttl)}.${randomBase64Url(16)}`)
    const cryptoKey = yield* hmacKey(key)
    const signature = yield* Effect.promise(() =>
      crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(payload))
    )
    return `${payload}.${Encoding.encodeBase64Url(new Uint8Array(signature))}`
  })

/**
 * Checks a stateless state: present, signed with `key` (constant-time, by WebCrypto), not expired.
 *
 * @since 0.1.0
 * @category verification
 */
export const verifySigned = (
  key: Redacted.Redacted<string>,
  state: string | null | undefined
): Effect.Effect<void, StateMissing | StateForged | StateExpired> =>
  Effect.gen(function*() {
    if (state === null || state === undefined || state === "") return yield* new StateMissing()
    const [payload, signature, ...rest] = state.split(".")
    const signatureBytes = Encoding.decodeBase64Url(signature ?? "")
    if (payload === undefined || rest.length > 0 || Either.isLeft(signatureBytes)) return yield* new StateForged()
    const cryptoKey = yield* hmacKey(key)
    const valid = yield* Effect.promise(() =>
      crypto.subtle.verify("HMAC", cryptoKey, new Uint8Array(signatureBytes.right), new TextEncoder().encode(payload))
    )
    if (!valid) return yield* new StateForged()
    const expiresAt = Number(Either.getOrElse(Encoding.decodeBase64UrlString(payload), () => "").split(".")[0])
    if (!Number.isFinite(expiresAt)) return yield* new StateForged()
    if ((yield* Clock.currentTimeMillis) > expiresAt) return yield* new StateExpired({ expiredAt: expiresAt })
  })

/**
 * A fresh nonce for the browser's cookie: 32 random bytes, base64url.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nonce: Effect.Effect<Redacted.Redacted<string>> = Effect.sync(() => Redacted.make(randomBase64Url(32)))

const digest = (text: string) =>
  Effect.map(
    Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
    (hash) => Encoding.encodeBase64Url(new Uint8Array(hash))
  )

/**
 * A signed state bound to a browser: it commits to the SHA-256 of `nonce` (which the browser keeps in an HttpOnly
 * cookie) and carries a random id for single use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const signBound = (
  key: Redacted.Redacted<string>,
  browserNonce: Redacted.Redacted<string>,
  ttl: Duration.DurationInput = Duration.minutes(10)
): Effect.Effect<string> =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const bound = yield* digest(Redacted.value(browserNonce))
    const payload = Encoding.encodeBase64Url(`${now + Duration.toMillis(ttl)}.${randomBase64Url(16)}.${bound}`)
    const cryptoKey = yield* hmacKey(key)
    const signature = yield* Effect.promise(() =>
      crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(payload))
    )
    return `${payload}.${Encoding.encodeBase64Url(new Uint8Array(signature))}`
  })

/**
 * A verified bound state: its single-use id and when it expires.
 *
 * @since 0.1.0
 * @category models
 */
export interface Verified {
  readonly id: string
  readonly expiresAt: number
}

/**
 * Checks a bound state: signed with `key`, not expired, and committed to this browser's `nonce` (compared in
 * constant time); `StateNotBound` when the cookie is missing or holds another nonce.
 *
 * @since 0.1.0
 * @category verification
 */
export const verifyBound = (
  key: Redacted.Redacted<string>,
  state: string | null | undefined,
  browserNonce: Redacted.Redacted<string> | undefined
): Effect.Effect<Verified, StateMissing | StateForged | StateExpired | StateNotBound> =>
  Effect.gen(function*() {
    yield* verifySigned(key, state)
    const [expiresAt, id, bound] = Either.getOrElse(
      Encoding.decodeBase64UrlString(state!.split(".")[0]!),
      () => ""
    ).split(".")
    if (id === undefined || bound === undefined) return yield* new StateForged()
    if (browserNonce === undefined) return yield* new StateNotBound()
    if (!equalInConstantTime(bound, yield* digest(Redacted.value(browserNonce)))) return yield* new StateNotBound()
    return { id, expiresAt: Number(expiresAt) }
  })

/**
 * A code's single use, for `ConsumedStates`: its SHA-256 (never the code) and the 10 minutes a code lives, so a
 * server can refuse a code it already exchanged before Notion sees it again (and revokes its grant).
 *
 * @since 0.1.0
 * @category verification
 */
export const codeUse = (code: Redacted.Redacted<string>): Effect.Effect<Verified> =>
  Effect.zipWith(
    digest(`code:${Redacted.value(code)}`),
    Clock.currentTimeMillis,
    (id, now) => ({ id, expiresAt: now + Duration.toMillis(Duration.minutes(10)) })
  )
