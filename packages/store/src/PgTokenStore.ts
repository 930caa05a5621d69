/**
 * The token store on PostgreSQL (`@effect/sql-pg`, an optional peer dependency: install it to use this module), for
 * deployments with several processes: a refresh reads the grant's row `FOR UPDATE`, so exactly one process rotates
 * each pair and the others use what it wrote.
 *
 * @since 0.1.0
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as SqlTokenStore from "./SqlTokenStore.js"
import { type InvalidKey, StoreFailure } from "./StoreError.js"
import type * as TokenCipher from "./TokenCipher.js"
import type * as TokenStore from "./TokenStore.js"

/**
 * The connection and the table options of `SqlTokenStore` (`schema` is created when missing).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends SqlTokenStore.Options {
  /** The connection, e.g. `{ url: Redacted.make("postgres://…") }`. */
  readonly client: PgClient.PgClientConfig
}

/**
 * Connects to PostgreSQL; a connection failure is a `StoreFailure` (its message never shows the URL's password).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  config: PgClient.PgClientConfig
): Layer.Layer<PgClient.PgClient | SqlClient.SqlClient, StoreFailure> =>
  Layer.scopedContext(
    Effect.mapError(
      Layer.build(PgClient.layer({ applicationName: "@notion-effect/store", ...config })),
      (cause) => new StoreFailure({ operation: "connect to PostgreSQL", cause })
    )
  )

/**
 * The store on PostgreSQL; requires the `TokenCipher`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<TokenStore.TokenStore, StoreFailure, TokenCipher.TokenCipher> =>
  SqlTokenStore.layer(options).pipe(Layer.provide(layerClient(options.client)))

/**
 * Everything from configuration: `NOTION_STORE_PG_URL` (redacted, required), `NOTION_STORE_PG_SCHEMA` (optional),
 * `NOTION_STORE_TABLE` (default `notion_grants`), `NOTION_STORE_REFRESH_LEASE` (a duration, default 10 seconds: see
 * `SqlTokenStore`) and the keys, `NOTION_STORE_KEYS` (required, see
 * `TokenCipher.parseKeys`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (): Layer.Layer<
  TokenStore.TokenStore,
  ConfigError.ConfigError | InvalidKey | StoreFailure
> =>
  SqlTokenStore.layerFromConfig(
    Config.all({
      url: Config.redacted("NOTION_STORE_PG_URL"),
      schema: Config.option(Config.string("NOTION_STORE_PG_SCHEMA")),
      options: SqlTokenStore.optionsConfig
    }),
    ({ options, schema, url }) =>
      layer({
        client: { url: url as Redacted.Redacted },
        ...options,
        ...Option.match(schema, { onNone: () => ({}), onSome: (schema) => ({ schema }) })
      })
  )
