/**
 * @notion-effect/oauth: Notion OAuth the Effect way.
 *
 * @since 0.1.0
 */

/** token (both grants), introspect and revoke, with Basic auth and retry schedules. @since 0.1.0 */
export * as NotionOAuth from "./NotionOAuth.js"

/** Client id, secret and redirect URI from config or code. @since 0.1.0 */
export * as OAuthCredentials from "./OAuthCredentials.js"

/** The consent-page URL. @since 0.1.0 */
export * as AuthorizationUrl from "./AuthorizationUrl.js"

/** CSRF state: random or signed-and-expiring. @since 0.1.0 */
export * as OAuthState from "./OAuthState.js"

/** The redirect back: from query to verified code, or a typed error. @since 0.1.0 */
export * as Callback from "./Callback.js"

/** Token, introspection and revocation answers. @since 0.1.0 */
export * as OAuthResponse from "./OAuthResponse.js"

/** OAuth failures: state, callback, credentials, and core's OAuth API errors. @since 0.1.0 */
export * as OAuthError from "./OAuthError.js"

/** The OAuth endpoints as data. @since 0.1.0 */
export * as OAuthApi from "./OAuthApi.js"

/** Single use of states: consumed ids remembered until they expire. @since 0.1.0 */
export * as ConsumedStates from "./ConsumedStates.js"

/** Callback-server helpers: the state cookie, a redacting tracer, HTML escaping. @since 0.1.0 */
export * as OAuthHttp from "./OAuthHttp.js"
