/**
 * How the commands reach Notion: with an integration token from `NOTION_TOKEN`, or with an OAuth grant kept in the
 * token store of `@notion-effect/store` (`--grant <bot_id>`, else `NOTION_GRANT`).
 *
 * A grant is read from the store the OAuth server saved it in: SQLite by default (`NOTION_STORE_SQLITE_PATH`,
 * default `.notion-effect/grants.sqlite`), PostgreSQL when `NOTION_STORE_PG_URL` is set, with the store's keys in
 * `NOTION_STORE_KEYS`. Its access token is refreshed when Notion answers 401 (the OAuth client from
 * `NOTION_OAUTH_CLIENT_ID` / `NOTION_OAUTH_CLIENT_SECRET`), and the new pair is saved back, so the server and the
 * CLI keep sharing one grant. No token, key or secret is ever printed.
 *
 * @since 0.1.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NotionAuth from "@notion-effect/core/NotionAuth"
import * as NotionClient from "@notion-effect/core/NotionClient"
import * as NotionConfig from "@notion-effect/core/NotionConfig"
import * as NotionOAuth from "@notion-effect/oauth/NotionOAuth"
import * as OAuthCredentials from "@notion-effect/oauth/OAuthCredentials"
import type * as StoreError from "@notion-effect/store/StoreError"
import * as TokenManager from "@notion-effect/store/TokenManager"
import * as TokenStore from "@notion-effect/store/TokenStore"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { AuthenticationFailed, type CliError } from "./CliError.js"
import * as access from "./internal/access.js"
import * as ConfigErrors from "./internal/config.js"
import * as Layers from "./internal/layers.js"

/**
 * Where and as whom to call Notion: a base URL and a grant key (`undefined`: from configuration, else the defaults).
 *
 * @since 0.1.0
 * @category models
 */
export type Target = access.Target

/**
 * How the commands reach Notion: a client for a {@link Target}.
 *
 * @since 0.1.0
 * @category services
 */
export const NotionAccess = access.NotionAccess

/**
 * {@link NotionAccess} as a requirement (the type an effect that needs it names).
 *
 * @since 0.1.0
 * @category services
 */
export type NotionAccess = access.NotionAccess

const optional = (name: string) => Effect.orDie(Config.option(Config.string(name)))

const tokenClient = Effect.gen(function*() {
  const token = yield* Config.redacted("NOTION_TOKEN").pipe(
    Effect.mapError(() =>
      new AuthenticationFailed({
        message: "Set NOTION_TOKEN to an integration token (\"secret_…\" or \"ntn_…\"; the emulator prints one), " +
          "or pass --grant <bot_id> to use an OAuth grant from the token store"
      })
    )
  )
  return NotionAuth.layer(token)
})

/** A store that cannot be configured, opened or read, as the command's error: what to set, never a value. */
const storeFailed = (error: ConfigError.ConfigError | StoreError.InvalidKey | StoreError.StoreError) =>
  new AuthenticationFailed({
    message: ConfigErrors.isConfigError(error)
      ? `The token store is not configured (${ConfigErrors.settings(error).join(", ")} missing or invalid): set ` +
        "NOTION_STORE_KEYS to the store's keys, and NOTION_STORE_SQLITE_PATH (default .notion-effect/grants.sqlite) " +
        "or NOTION_STORE_PG_URL"
      : error._tag === "InvalidKey"
      ? `NOTION_STORE_KEYS holds an invalid key: ${error.message}`
      : `Cannot read the token store: ${error.message}`
  })

/** The configured store: PostgreSQL when `NOTION_STORE_PG_URL` is set, else the SQLite file. */
const storeLayer: Layer.Layer<TokenStore.TokenStore, CliError> = Layer.unwrapEffect(
  Effect.gen(function*() {
    const pg = yield* Effect.orDie(Config.option(Config.redacted("NOTION_STORE_PG_URL")))
    // loaded only for a grant: a run with NOTION_TOKEN never opens a database driver
    const store = yield* Effect.promise(() =>
      Option.isSome(pg)
        ? import("@notion-effect/store/PgTokenStore").then((module) => module.layerConfig())
        : import("@notion-effect/store/SqliteTokenStore").then((module) => module.layerConfig())
    )
    return store.pipe(Layers.mapError(storeFailed))
  })
)

/** The grant, checked before any request: stored, and not waiting for re-authorization. */
const checkGrant = (grant: string) =>
  Effect.gen(function*() {
    const store = yield* TokenStore.TokenStore
    const grants = yield* Effect.mapError(store.list, storeFailed)
    const found = grants.find((info) => info.key === grant)
    if (found === undefined) {
      const stored = grants.map((info) => `${info.key} (${info.workspaceName ?? info.workspaceId})`)
      return yield* new AuthenticationFailed({
        message: `No OAuth grant ${grant} in the token store; ` +
          (stored.length === 0 ? "the store holds none" : `it holds: ${stored.join(", ")}`)
      })
    }
    if (found.needsReauthorization) {
      return yield* new AuthenticationFailed({
        message: `The OAuth grant ${grant} was revoked or its refresh token expired: authorize the integration again`
      })
    }
  })

const grantAuth = (grant: string, config: Layer.Layer<NotionConfig.NotionConfig>) => {
  const oauth = NotionOAuth.layer().pipe(
    Layer.provide(OAuthCredentials.layerConfig()),
    Layers.mapError((error: ConfigError.ConfigError) =>
      new AuthenticationFailed({
        message: `The OAuth client is not configured (${ConfigErrors.settings(error).join(", ")} invalid)`
      })
    )
  )
  return TokenManager.authLayer(grant).pipe(
    Layer.provide(TokenManager.layerConfig().pipe(Layers.mapError(storeFailed))),
    Layer.provide(oauth),
    Layer.provide(Layer.effectDiscard(checkGrant(grant))),
    Layer.provide(storeLayer),
    Layer.provide(config)
  )
}

/**
 * The commands' access over the given `HttpClient`: the base URL from `--base-url`, else `NOTION_BASE_URL`, else
 * Notion's; a grant from `--grant`, else `NOTION_GRANT`, else the token from `NOTION_TOKEN` (`Config.redacted`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (http: Layer.Layer<HttpClient.HttpClient>): Layer.Layer<NotionAccess> =>
  Layer.succeed(NotionAccess, {
    client: (target) =>
      Layer.unwrapEffect(Effect.gen(function*() {
        const url = target.baseUrl ?? Option.getOrUndefined(yield* optional("NOTION_BASE_URL"))
        const grant = target.grant ?? Option.getOrUndefined(yield* optional("NOTION_GRANT"))
        const version = target.notionVersion ?? Option.getOrUndefined(yield* optional("NOTION_VERSION"))
        const config = NotionConfig.layer({
          ...(url === undefined ? {} : { baseUrl: url }),
          ...(version === undefined ? {} : { notionVersion: version })
        })
        const auth = grant === undefined ? Layer.unwrapEffect(tokenClient) : grantAuth(grant, config)
        return NotionClient.layer.pipe(Layer.provide([auth, config]), Layer.provide(http))
      }))
  })

/**
 * {@link layer} over Node's HTTP client.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerNode: Layer.Layer<NotionAccess> = layer(NodeHttpClient.layer)
