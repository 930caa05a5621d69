/**
 * Notion's OAuth endpoints as data (core's `Endpoint`): HTTP Basic auth, JSON bodies, answers never kept on
 * errors (they hold tokens). `NotionOAuth` calls them; `client.call(OAuthApi.token, …)` works too.
 *
 * @since 0.1.0
 */
import { Endpoint } from "@notion-effect/core"
import * as Schema from "effect/Schema"
import { IntrospectResponse, RevokeResponse, TokenResponse } from "./OAuthResponse.js"

const Secret = Schema.RedactedFromSelf(Schema.String)

/**
 * `token` parameters: the authorization-code grant or the refresh-token grant (secrets as `Redacted`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokenParams = Schema.Union(
  Schema.Struct({
    grant_type: Schema.Literal("authorization_code"),
    code: Secret,
    redirect_uri: Schema.optional(Schema.String),
    external_account: Schema.optional(Schema.Struct({ key: Schema.String, name: Schema.String }))
  }),
  Schema.Struct({ grant_type: Schema.Literal("refresh_token"), refresh_token: Secret })
)

const oauth = { method: "POST", body: "rest", security: "basic", sensitive: true } as const

/** `POST /v1/oauth/token`: exchange a code, or refresh (Notion rotates the refresh token). @since 0.1.0 @category endpoints */
export const token = Endpoint.make({
  ...oauth,
  name: "oauth.token",
  path: "/v1/oauth/token",
  params: TokenParams,
  success: TokenResponse
})

/** `POST /v1/oauth/introspect`: is the token active, and since when. @since 0.1.0 @category endpoints */
export const introspect = Endpoint.make({
  ...oauth,
  name: "oauth.introspect",
  path: "/v1/oauth/introspect",
  params: Schema.Struct({ token: Secret }),
  success: IntrospectResponse
})

/** `POST /v1/oauth/revoke`: afterwards the token answers `Unauthorized`. @since 0.1.0 @category endpoints */
export const revoke = Endpoint.make({
  ...oauth,
  name: "oauth.revoke",
  path: "/v1/oauth/revoke",
  params: Schema.Struct({ token: Secret }),
  success: RevokeResponse
})
