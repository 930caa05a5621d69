import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as OAuthCredentials from "../OAuthCredentials.js"
import { MissingCredentials } from "../OAuthError.js"

/** Per-call credentials, as the brief passes them. */
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
export const clientId = (params: ClientParams): Effect.Effect<string, MissingCredentials> =>
  Effect.flatMap(OAuthCredentials.OAuthCredentials, (configured) =>
    Option.match(resolve(params, configured).clientId, {
      onNone: () => Effect.fail(new MissingCredentials({ missing: ["client_id"] })),
      onSome: Effect.succeed
    }))

/**
 * The `Authorization: Basic base64(client_id:client_secret)` value, redacted. Encoded from UTF-8 with
 * web APIs only (no `Buffer`), so it runs on any runtime.
 */
export const basicAuthorization = (
  params: ClientParams
): Effect.Effect<Redacted.Redacted<string>, MissingCredentials> =>
  Effect.gen(function*() {
    const { clientId: id, clientSecret: secret } = resolve(params, yield* OAuthCredentials.OAuthCredentials)
    if (Option.isNone(id) || Option.isNone(secret)) {
      return yield* new MissingCredentials({
        missing: [...(Option.isNone(id) ? ["client_id"] : []), ...(Option.isNone(secret) ? ["client_secret"] : [])]
      })
    }
    const pair = new TextEncoder().encode(`${id.value}:${Redacted.value(secret.value)}`)
    return Redacted.make(`Basic ${Encoding.encodeBase64(pair)}`)
  })
