/**
 * The OAuth callback: from the redirect's query to a verified authorization code, or a typed error.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { AccessDenied, AuthorizationFailed, MissingCode } from "./OAuthError.js"

/**
 * A verified callback: the code (redacted: it is a credential until exchanged) and the state.
 *
 * @since 0.1.0
 * @category models
 */
export interface Callback {
  readonly code: Redacted.Redacted<string>
  readonly state: string | undefined
}

const queryOf = (input: string | URL | URLSearchParams): URLSearchParams =>
  input instanceof URLSearchParams
    ? input
    : input instanceof URL
    ? input.searchParams
    : new URL(input, "http://callback.invalid").searchParams

/**
 * Parses a callback URL (or its query). The state is checked first with `verifyState` — so a forged
 * `error=access_denied` is a state error — then `error` becomes `AccessDenied` or `AuthorizationFailed`,
 * and a missing code `MissingCode`.
 *
 * @example
 * ```ts
 * import { Callback, OAuthState } from "@notion-effect/oauth"
 * import * as Config from "effect/Config"
 * import * as Effect from "effect/Effect"
 *
 * const codeOf = (url: string) =>
 *   Effect.gen(function*() {
 *     const key = yield* Config.redacted("OAUTH_STATE_KEY")
 *     const { code } = yield* Callback.parse(url, (state) => OAuthState.verifySigned(key, state))
 *     return code
 *   })
 * ```
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = <E, R>(
  input: string | URL | URLSearchParams,
  verifyState: (state: string | undefined) => Effect.Effect<void, E, R>
): Effect.Effect<Callback, AccessDenied | AuthorizationFailed | MissingCode | E, R> =>
  Effect.gen(function*() {
    const query = queryOf(input)
    const state = query.get("state") ?? undefined
    yield* verifyState(state)
    const error = query.get("error")
    const description = query.get("error_description") ?? undefined
    const described = description === undefined ? {} : { description }
    if (error === "access_denied") return yield* new AccessDenied(described)
    if (error !== null) return yield* new AuthorizationFailed({ error, ...described })
    const code = query.get("code")
    if (code === null || code === "") return yield* new MissingCode()
    return { code: Redacted.make(code), state }
  })
