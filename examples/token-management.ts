/**
 * The authentication guide's "OAuth Token Management": introspect, refresh and revoke, each on its own. Credentials come
 * from `NOTION_OAUTH_CLIENT_ID` / `NOTION_OAUTH_CLIENT_SECRET` (or per call, as in the guide).
 *
 *   NOTION_OAUTH_ACCESS_TOKEN=… NOTION_OAUTH_REFRESH_TOKEN=… tsx examples/token-management.ts
 *
 * @since 0.1.0
 */
import { NotionConfig } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials } from "@notion-effect/oauth"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { runMainIfEntry } from "./runMain.js"

/**
 * Is the token valid, and for which workspace scope.
 *
 * @since 0.1.0
 */
export const inspect = (token: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const introspection = yield* (yield* NotionOAuth.NotionOAuth).introspect({ token })
    yield* Console.log(
      introspection.active ? `Token is valid (scope: ${introspection.scope ?? "?"})` : "Token is invalid or expired"
    )
    return introspection
  })

/**
 * Exchanges a refresh token for a new pair; the old refresh token is spent (Notion rotates it).
 *
 * @since 0.1.0
 */
export const refresh = (refreshToken: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const grant = yield* (yield* NotionOAuth.NotionOAuth).token({
      grant_type: "refresh_token",
      refresh_token: refreshToken
    })
    yield* Console.log(`Refreshed: new access token ${grant.access_token}, new refresh token ${grant.refresh_token}`)
    return grant
  })

/**
 * Revokes a token; afterwards it answers `Unauthorized`.
 *
 * @since 0.1.0
 */
export const revoke = (token: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    yield* (yield* NotionOAuth.NotionOAuth).revoke({ token })
    yield* Console.log("Token revoked successfully")
  })

/**
 * Inspects the access token, refreshes with the refresh token if one is set, then revokes the newest token.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const access = yield* Config.redacted("NOTION_OAUTH_ACCESS_TOKEN")
  const refreshToken = yield* Config.option(Config.redacted("NOTION_OAUTH_REFRESH_TOKEN"))
  yield* inspect(access)
  const newest = Option.isSome(refreshToken) ? (yield* refresh(refreshToken.value)).access_token : access
  yield* revoke(newest)
  return yield* inspect(newest)
})

/**
 * The OAuth programs with credentials and base URL from the environment.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionOAuth.layer().pipe(
  Layer.provide([UndiciHttpClient.layer, OAuthCredentials.layerConfig(), NotionConfig.layerConfig()])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
