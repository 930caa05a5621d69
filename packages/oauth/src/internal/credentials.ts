import type { NotionAuth } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as OAuthCredentials from "../OAuthCredentials.js"
import { MissingCredentials } from "../OAuthError.js"

/** Per-call credentials, as the official SDK takes them. */
export interface ClientParams {
  readonly client_id?: string
  readonly client_secret?: Redacted.Redacted<string>
}

/** The credentials of a call: each per-call value, else the configured one. */
export const resolve = (
  params: ClientParams & { readonly redirect_uri?: string },
  configured: OAuthCredentials.Service
): OAuthCredentials.Service => ({
  clientId: Option.orElse(Option.fromNullable(params.client_id), () => configured.clientId),
  clientSecret: Option.orElse(Option.fromNullable(params.client_secret), () => configured.clientSecret),
  redirectUri: Option.orElse(Option.fromNullable(params.redirect_uri), () => configured.redirectUri)
})

/** The client id of a call: its parameter, else the configured one. */
export const clientId = (
  params: ClientParams
): Effect.Effect<string, MissingCredentials, OAuthCredentials.OAuthCredentials> =>
  Effect.flatMap(OAuthCredentials.OAuthCredentials, (configured) =>
    Option.match(resolve(params, configured).clientId, {
      onNone: () => Effect.fail(new MissingCredentials({ missing: ["client_id"] })),
      onSome: Effect.succeed
    }))

/**
 * The Basic client credentials of a call (core encodes them as UTF-8 base64), or `MissingCredentials`.
 */
export const basicCredentials = (
  params: ClientParams
): Effect.Effect<NotionAuth.BasicCredentials, MissingCredentials, OAuthCredentials.OAuthCredentials> =>
  Effect.gen(function*() {
    const { clientId: id, clientSecret: secret } = resolve(params, yield* OAuthCredentials.OAuthCredentials)
    if (Option.isNone(id) || Option.isNone(secret)) {
      return yield* new MissingCredentials({
        missing: [...(Option.isNone(id) ? ["client_id"] : []), ...(Option.isNone(secret) ? ["client_secret"] : [])]
      })
    }
    return { clientId: id.value, clientSecret: secret.value }
  })
