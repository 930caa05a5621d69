/**
 * The OAuth client's credentials: client id, client secret (`Redacted`) and redirect URI.
 * Per-call `client_id` / `client_secret` parameters win over these.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"

/**
 * Configured credentials; each part may be absent and passed per call instead.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly clientId: Option.Option<string>
  readonly clientSecret: Option.Option<Redacted.Redacted<string>>
  readonly redirectUri: Option.Option<string>
}

/**
 * The credentials' tag: a requirement of `NotionOAuth` and `AuthorizationUrl` (use {@link none} to pass them per call).
 *
 * @since 0.1.0
 * @category tags
 */
export class OAuthCredentials
  extends Context.Tag("@notion-effect/oauth/OAuthCredentials")<OAuthCredentials, Service>()
{}

/**
 * No configured credentials: every call passes `client_id` and `client_secret` itself (the official SDK's style).
 *
 * @since 0.1.0
 * @category layers
 */
export const none: Layer.Layer<OAuthCredentials> = Layer.succeed(OAuthCredentials, {
  clientId: Option.none(),
  clientSecret: Option.none(),
  redirectUri: Option.none()
})

/**
 * Provides credentials given in code.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (credentials: {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
  readonly redirectUri?: string
}): Layer.Layer<OAuthCredentials> =>
  Layer.succeed(OAuthCredentials, {
    clientId: Option.some(credentials.clientId),
    clientSecret: Option.some(credentials.clientSecret),
    redirectUri: Option.fromNullable(credentials.redirectUri)
  })

/**
 * Reads `NOTION_OAUTH_CLIENT_ID`, `NOTION_OAUTH_CLIENT_SECRET` (redacted) and `NOTION_OAUTH_REDIRECT_URI`;
 * each may be absent.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (): Layer.Layer<OAuthCredentials, ConfigError.ConfigError> =>
  Layer.effect(
    OAuthCredentials,
    Effect.all({
      clientId: Config.option(Config.string("NOTION_OAUTH_CLIENT_ID")),
      clientSecret: Config.option(Config.redacted("NOTION_OAUTH_CLIENT_SECRET")),
      redirectUri: Config.option(Config.string("NOTION_OAUTH_REDIRECT_URI"))
    })
  )
