/**
 * The default token store: one embedded SQLite file, tokens encrypted at rest. The driver needs no compiler and no
 * download beyond the npm registry: on Effect 3 it is libSQL (`@effect/sql-libsql` over `@libsql/client`, whose
 * native library ships prebuilt inside npm packages, one per platform); on Effect 4 it is Node's built-in
 * `node:sqlite` (Node 22.13 or later), loaded when the layer is built. Several processes may share the file (WAL
 * mode): a write transaction (`BEGIN IMMEDIATE`) serialises their refreshes (see `SqlTokenStore`). For many
 * processes on several machines use `PgTokenStore`.
 *
 * @since 0.1.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Fs from "node:fs"
import * as Path from "node:path"
import * as Url from "node:url"
import * as Sqlite from "./internal/sqlite.js"
import * as SqlTokenStore from "./SqlTokenStore.js"
import { type InvalidKey, StoreFailure } from "./StoreError.js"
import type * as TokenCipher from "./TokenCipher.js"
import type * as TokenStore from "./TokenStore.js"

/**
 * The database file when none is configured: `.notion-effect/grants.sqlite` under the working directory.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultFilename: string = Path.join(".notion-effect", "grants.sqlite")

/**
 * Where the file is, and the table options of `SqlTokenStore`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends SqlTokenStore.Options {
  /** The database file (default {@link defaultFilename}); its directory is created when missing. */
  readonly filename?: string
}

/**
 * The services {@link layerClient} provides: the driver's client, as `SqlClient` too.
 *
 * @since 0.1.0
 * @category models
 */
export type Client = Sqlite.Client

/**
 * Opens (or creates, readable by its owner only) the SQLite file, in WAL mode; a file that cannot be opened is a
 * `StoreFailure`. `":memory:"` is one in-memory database shared by the whole process (SQLite's shared cache), gone
 * when the process ends.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  filename: string = defaultFilename
): Layer.Layer<Client, StoreFailure> =>
  Layer.scopedContext(
    Effect.gen(function*() {
      const inMemory = filename === ":memory:"
      yield* Effect.try({
        try: () => {
          if (inMemory) return
          Fs.mkdirSync(Path.dirname(Path.resolve(filename)), { recursive: true, mode: 0o700 })
          Fs.closeSync(Fs.openSync(filename, "a", 0o600))
        },
        catch: (cause) => new StoreFailure({ operation: `create ${filename}`, cause })
      })
      // one in-memory database for the whole process, whichever connection opens it (libSQL opens one per
      // transaction: a plain ":memory:" would be a new, empty database each time)
      const url = inMemory ? "file::memory:?cache=shared" : Url.pathToFileURL(Path.resolve(filename)).href
      return yield* Sqlite.connect(url).pipe(
        Effect.tap((context) =>
          inMemory ? Effect.void : Context.get(context, SqlClient.SqlClient)`PRAGMA journal_mode = WAL`
        ),
        Effect.catchAllCause((cause) =>
          Effect.fail(new StoreFailure({ operation: `open ${filename}`, cause: Cause.squash(cause) }))
        )
      )
    })
  )

/**
 * The store on a SQLite file; requires the `TokenCipher`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<TokenStore.TokenStore, StoreFailure, TokenCipher.TokenCipher> =>
  SqlTokenStore.layer(options).pipe(Layer.provide(layerClient(options.filename)))

/**
 * Everything from configuration: `NOTION_STORE_SQLITE_PATH` (default {@link defaultFilename}),
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
      filename: Config.string("NOTION_STORE_SQLITE_PATH").pipe(Config.withDefault(defaultFilename)),
      options: SqlTokenStore.optionsConfig
    }),
    ({ filename, options }) => layer({ filename, ...options })
  )
