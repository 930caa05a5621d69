/**
 * The OAuth endpoints' answers. Tokens decode straight into `Redacted`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Who owns the grant: the user who installed it, or the workspace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Owner = Schema.Union(
  Schema.Struct({
    type: Schema.Literal("user"),
    user: Schema.Struct({ object: Schema.Literal("user"), id: Schema.String })
  }),
  Schema.Struct({ type: Schema.Literal("workspace"), workspace: Schema.Literal(true) })
)

/**
 * `POST /v1/oauth/token`: the access token (and a rotating refresh token) with the workspace it opens.
 * Notion sends no `expires_in`: expiry is discovered by a 401.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokenResponse = Schema.Struct({
  access_token: Schema.Redacted(Schema.String),
  token_type: Schema.Literal("bearer"),
  refresh_token: Schema.optionalWith(Schema.NullOr(Schema.Redacted(Schema.String)), { default: () => null }),
  bot_id: Schema.String,
  workspace_id: Schema.String,
  workspace_name: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  workspace_icon: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  owner: Owner,
  duplicated_template_id: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  request_id: Schema.optional(Schema.String)
})

/**
 * A token exchange's answer.
 *
 * @since 0.1.0
 * @category models
 */
export type TokenResponse = typeof TokenResponse.Type

/**
 * `POST /v1/oauth/introspect`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntrospectResponse = Schema.Struct({
  active: Schema.Boolean,
  scope: Schema.optional(Schema.String),
  iat: Schema.optional(Schema.Number),
  request_id: Schema.optional(Schema.String)
})

/**
 * An introspection's answer.
 *
 * @since 0.1.0
 * @category models
 */
export type IntrospectResponse = typeof IntrospectResponse.Type

/**
 * `POST /v1/oauth/revoke`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RevokeResponse = Schema.Struct({ request_id: Schema.optional(Schema.String) })

/**
 * A revocation's answer.
 *
 * @since 0.1.0
 * @category models
 */
export type RevokeResponse = typeof RevokeResponse.Type
