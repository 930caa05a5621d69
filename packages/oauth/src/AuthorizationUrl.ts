/**
 * The URL that sends a user to Notion's consent page.
 *
 * @since 0.1.0
 */
import { NotionConfig } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { clientId, resolve } from "./internal/credentials.js"
import { OAuthCredentials } from "./OAuthCredentials.js"
import type { MissingCredentials } from "./OAuthError.js"

/**
 * Parameters of {@link make}; `client_id` and `redirect_uri` default to the configured credentials.
 *
 * @since 0.1.0
 * @category models
 */
export interface Params {
  /** The CSRF defence: see `OAuthState`. */
  readonly state: string
  readonly client_id?: string
  readonly redirect_uri?: string
}

/**
 * `<base URL>/v1/oauth/authorize?client_id=…&response_type=code&owner=user&redirect_uri=…&state=…`; the
 * base URL follows `NotionConfig` (so it points at the emulator in tests).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (params: Params): Effect.Effect<string, MissingCredentials, OAuthCredentials> =>
  Effect.gen(function*() {
    const config = yield* NotionConfig.NotionConfig
    const credentials = yield* OAuthCredentials
    const url = new URL(`${config.baseUrl}/v1/oauth/authorize`)
    url.searchParams.set("client_id", yield* clientId(params))
    url.searchParams.set("response_type", "code")
    url.searchParams.set("owner", "user")
    const { redirectUri } = resolve(params, credentials)
    if (Option.isSome(redirectUri)) url.searchParams.set("redirect_uri", redirectUri.value)
    url.searchParams.set("state", params.state)
    return url.toString()
  })
