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
export const KnownOwner = Schema.Union(
  Schema.Struct({
    type: Schema.Literal("user"),
    user: Schema.Struct({ object: Schema.Literal("user"), id: Schema.String })
  }),
  Schema.Struct({ type: Schema.Literal("workspace"), workspace: Schema.Literal(true) })
)

/**
 * An owner of a shape this SDK does not know yet, kept as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnknownOwner = Schema.Struct({ type: Schema.Literal("unknown"), raw: Schema.Unknown })

const isKnownOwner = Schema.is(KnownOwner)

/**
 * The grant's owner; a shape we don't know decodes as `{ type: "unknown", raw }` instead of failing the exchange.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Owner = Schema.transform(
  Schema.Unknown,
  Schema.typeSchema(Schema.Union(KnownOwner, UnknownOwner)),
  {
    strict: true,
    decode: (u) => isKnownOwner(u) ? u : { type: "unknown" as const, raw: u },
    encode: (owner) => owner.type === "unknown" ? owner.raw : owner
  }
)

/**
 * A nullable string that never fails a token exchange: a value of another type reads as `null`.
 */
const lenientString = Schema.optionalWith(
  Schema.transform(Schema.Unknown, Schema.NullOr(Schema.String), {
    strict: true,
    decode: (u) => typeof u === "string" ? u : null,
    encode: (s) => s
  }),
  { default: () => null }
)

/**
 * `POST /v1/oauth/token`: the access token (and a rotating refresh token) with the workspace it opens.
 * Notion sends no `expires_in`: expiry is discovered by a 401.
 *
 * Only what the SDK needs can fail the decoding — the tokens and the ids — because by then the single-use code
 * is spent: `token_type` is any string (RFC 6749 makes it case-insensitive), an unknown `owner` is kept raw, and
 * the other fields read as `null` when they have an unexpected type. Fields not named here are kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokenResponse = Schema.Struct({
  access_token: Schema.Redacted(Schema.String),
  token_type: Schema.optionalWith(Schema.String, { default: () => "bearer" }),
  refresh_token: Schema.optionalWith(Schema.NullOr(Schema.Redacted(Schema.String)), { default: () => null }),
  bot_id: Schema.String,
  workspace_id: Schema.String,
  workspace_name: lenientString,
  workspace_icon: lenientString,
  owner: Schema.optionalWith(Owner, { default: () => ({ type: "unknown" as const, raw: undefined }) }),
  duplicated_template_id: lenientString,
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
