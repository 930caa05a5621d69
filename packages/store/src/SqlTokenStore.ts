/**
 * A token store on any `@effect/sql` client, tokens AES-256-GCM-encrypted at rest (`TokenCipher`). The layer creates
 * or migrates its table with `@effect/sql`'s migrator (the table name is configurable, and so is the PostgreSQL
 * schema, so several stores or test suites share a database without colliding).
 *
 * The refresh step ({@link TokenStore.Service.rotate}) is the one every store runs (the in-memory one included):
 * this module gives it its SQL primitives. It never holds a transaction open while Notion is called. It is three
 * steps, so that an answer Notion already rotated for is never lost to a store that fails:
 *
 * 1. **Intent.** Under the grant's lock (PostgreSQL: a transaction reading the row `FOR UPDATE`; SQLite: a
 *    transaction whose first statement writes the row, so it holds the file's writer lock before it reads, on any
 *    driver; other dialects: a plain transaction), re-read the grant. Another process's pair, a mark or no
 *    refresh token ends the step. Otherwise, when no other call's intent is pending, commit this call's refresh
 *    intent (a random id and a heartbeat) in the row. When one is pending, wait (polling) until the pair it
 *    brings is written, the intent is released, or it has shown no heartbeat for `refreshLease` as seen by this
 *    call (its holder is gone: take it over).
 * 2. **Notion.** Send the refresh token; the intent's heartbeat is renewed every third of the lease meanwhile.
 * 3. **Pair.** Write the new pair and clear the intent in one statement, only if the intent is still this call's.
 *    Notion refusing marks the grant; Notion failing releases the intent. A write that fails returns the pair as
 *    `Unsaved` with the effect that writes it (the `TokenManager` uses the pair and retries that effect): the
 *    intent stays committed meanwhile, so no other process sends the superseded refresh token.
 *
 * What each failure leaves:
 *
 * - the store fails at any step (connection lost, COMMIT or ROLLBACK refused): a typed `StoreFailure`, never a
 *   defect; after step 2 the pair is kept (`Unsaved`) and written when the store answers again;
 * - a process killed after step 1, before Notion answered: its intent falls silent, another process takes it over
 *   after the lease and refreshes with the same, still valid, refresh token;
 * - a process killed after Notion answered, before step 3: the pair is lost with it; after the lease another
 *   process sends the spent refresh token, Notion refuses it (and revokes the grant), the grant is marked;
 * - a process holding an `Unsaved` pair while the store is down for everyone: nobody can take its intent over
 *   (taking over needs a lease of heartbeat-free observations, made after the store answers again), and it
 *   writes the pair within seconds of the store's return;
 * - a process holding an `Unsaved` pair that cannot reach the store for longer than the lease while others can:
 *   its intent is taken over, the superseded refresh token is sent and Notion revokes the grant; its late write
 *   fails with `RefreshTakenOver`. Choose the lease longer than such partitions last.
 *
 * SQLite's busy database is waited for with Effect sleeps (never SQLite's busy handler, which would block the
 * event loop), up to `busyTimeout`: the store sets `PRAGMA busy_timeout = 0` on its connection (libSQL's default;
 * `SqliteTokenStore` opens one of its own).
 *
 * Every write is one statement: a process killed at any point leaves either the old record or the new one, never
 * half of each.
 *
 * @since 0.1.0
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { type Backend, BackendFailure, type Patch, type Stored } from "./internal/backend.js"
import * as Protocol from "./internal/protocol.js"
import { isBusy, isSqlError, withConnection } from "./internal/sql.js"
import { type InvalidKey, StoreFailure } from "./StoreError.js"
import { layerConfig as cipherConfig, TokenCipher } from "./TokenCipher.js"
import * as TokenStore from "./TokenStore.js"

/**
 * Where the store keeps its table, and how long SQLite waits for another writer.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The table (default `notion_grants`); the migrator's own table is `<table>_migrations`. */
  readonly table?: string
  /** PostgreSQL only: the schema of both tables, created when missing (default: the connection's search path). */
  readonly schema?: string
  /** SQLite only: how long to wait for another process's write lock (default 30 seconds). */
  readonly busyTimeout?: Duration.DurationInput
  /**
   * How long a refresh intent whose holder shows no heartbeat blocks other processes before they take it over
   * (default 10 seconds; see the module's documentation).
   */
  readonly refreshLease?: Duration.DurationInput
}

/**
 * The table's columns. Tokens are base64 AES-GCM blobs; times are milliseconds since the epoch.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly bot_id: string
  readonly key_id: string
  readonly access_token: string
  readonly refresh_token: string | null
  readonly workspace_id: string
  readonly workspace_name: string | null
  readonly workspace_icon: string | null
  readonly owner: string
  readonly duplicated_template_id: string | null
  readonly needs_reauthorization: number
  readonly rotation: number
  readonly created_at: number | string
  readonly refreshed_at: number | string | null
  readonly last_used_at: number | string | null
  /** The pending refresh's id, committed before Notion is called; `null` when none is pending. */
  readonly refresh_intent: string | null
  /** How many heartbeats the pending refresh's holder sent (a change is a sign of life, whatever the clocks say). */
  readonly refresh_beat: number | string | null
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

const checkName = (kind: string, name: string) =>
  identifier.test(name)
    ? Effect.void
    : Effect.fail(
      new StoreFailure({
        operation: `use ${kind} ${JSON.stringify(name)}`,
        cause: new Error(`a ${kind} name is a letter or "_" then up to 62 letters, digits or "_"`)
      })
    )

/**
 * The store (its identity) whose grant lock this fiber holds, if any: a statement of that store inside its
 * transaction is never repeated. Another store's statements, even inside that lock, are not affected.
 */
class HoldingLock extends Context.Reference<HoldingLock>()("@notion-effect/store/SqlTokenStore/HoldingLock", {
  defaultValue: (): object | undefined => undefined
}) {}

const toMillis = (value: number | string | null): Option.Option<Date> =>
  value === null ? Option.none() : Option.some(new Date(Number(value)))

const parseOwner = (text: string): TokenStore.Owner => {
  try {
    const owner = JSON.parse(text)
    return typeof owner === "object" && owner !== null && typeof owner.type === "string"
      ? owner
      : { type: "unknown", raw: owner }
  } catch {
    return { type: "unknown", raw: text }
  }
}

const rowInfo = (row: Row): TokenStore.GrantInfo => ({
  key: row.bot_id,
  workspaceId: row.workspace_id,
  workspaceName: row.workspace_name,
  workspaceIcon: row.workspace_icon,
  owner: parseOwner(row.owner),
  duplicatedTemplateId: row.duplicated_template_id,
  needsReauthorization: Number(row.needs_reauthorization) !== 0,
  keyId: Option.some(row.key_id),
  rotation: Number(row.rotation),
  createdAt: new Date(Number(row.created_at)),
  refreshedAt: toMillis(row.refreshed_at),
  lastUsedAt: toMillis(row.last_used_at)
})

const infoColumns = "bot_id, key_id, workspace_id, workspace_name, workspace_icon, owner, duplicated_template_id, " +
  "needs_reauthorization, rotation, created_at, refreshed_at, last_used_at"

const fromRow = (row: Row): Stored<string> => ({
  ...rowInfo(row),
  accessToken: row.access_token,
  refreshToken: Option.fromNullable(row.refresh_token),
  intent: row.refresh_intent === null
    ? Option.none()
    : Option.some({ id: row.refresh_intent, beat: Number(row.refresh_beat ?? 0) })
})

const orNull = <A, B>(option: Option.Option<A>, f: (a: A) => B): B | null => Option.getOrNull(Option.map(option, f))
const millis = (date: Option.Option<Date>) => orNull(date, (d) => d.getTime())

/** Each field of a record as the columns it is written to. */
const columnsOf: {
  readonly [K in keyof Stored<string>]: (value: Stored<string>[K]) => Partial<Record<keyof Row, unknown>>
} = {
  key: (key) => ({ bot_id: key }),
  keyId: (keyId) => ({ key_id: Option.getOrElse(keyId, () => "") }),
  accessToken: (token) => ({ access_token: token }),
  refreshToken: (token) => ({ refresh_token: Option.getOrNull(token) }),
  workspaceId: (id) => ({ workspace_id: id }),
  workspaceName: (name) => ({ workspace_name: name }),
  workspaceIcon: (icon) => ({ workspace_icon: icon }),
  owner: (owner) => ({ owner: JSON.stringify(owner) }),
  duplicatedTemplateId: (id) => ({ duplicated_template_id: id }),
  needsReauthorization: (marked) => ({ needs_reauthorization: marked ? 1 : 0 }),
  rotation: (rotation) => ({ rotation }),
  createdAt: (date) => ({ created_at: date.getTime() }),
  refreshedAt: (date) => ({ refreshed_at: millis(date) }),
  lastUsedAt: (date) => ({ last_used_at: millis(date) }),
  intent: (intent) => ({ refresh_intent: orNull(intent, (i) => i.id), refresh_beat: orNull(intent, (i) => i.beat) })
}

/** A record, or some of its fields, as columns. */
const columns = (fields: Patch<string> | Stored<string>): Record<string, unknown> =>
  Object.assign(
    {},
    ...Object.entries(fields).map(([field, value]) =>
      (columnsOf[field as keyof Stored<string>] as (value: unknown) => object)(value)
    )
  )

/**
 * Builds the store on the `SqlClient` in context, after creating or migrating its table.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<TokenStore.Service, StoreFailure, SqlClient.SqlClient | TokenCipher> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const cipher = yield* TokenCipher
    const tableName = options.table ?? "notion_grants"
    yield* checkName("table", tableName)
    if (options.schema !== undefined) yield* checkName("schema", options.schema)
    const dialect = sql.onDialectOrElse({
      pg: () => "pg" as const,
      sqlite: () => "sqlite" as const,
      orElse: () => "other" as const
    })
    const qualified = (name: string) =>
      dialect === "pg" && options.schema !== undefined ? `${options.schema}.${name}` : name
    const table = sql(qualified(tableName))
    const migrationsTable = qualified(`${tableName}_migrations`)
    const busyTimeout = Duration.decode(options.busyTimeout ?? Duration.seconds(30))

    /** SQL errors and defects (a driver's throw, a connection lost mid-statement) as a `BackendFailure`. */
    const mapSql = <A, E, R>(
      effect: Effect.Effect<A, E | SqlError, R>
    ): Effect.Effect<A, Exclude<E, SqlError> | BackendFailure, R> =>
      effect.pipe(
        Effect.catchAllDefect((cause) => Effect.fail(new BackendFailure({ cause }))),
        Effect.catchIf(
          isSqlError,
          (cause) => Effect.fail(new BackendFailure({ cause }))
        )
      ) as Effect.Effect<A, Exclude<E, SqlError> | BackendFailure, R>

    /** This store's identity, for {@link HoldingLock}. */
    const self = {}
    // SQLite answers SQLITE_BUSY at once (busy_timeout 0) and we wait here, without blocking the event loop
    const busySchedule = Schedule.exponential(Duration.millis(2), 1.5).pipe(
      Schedule.union(Schedule.spaced(Duration.millis(50))),
      Schedule.jittered,
      Schedule.upTo(busyTimeout)
    )
    const retryBusy = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      dialect !== "sqlite" ? effect : Effect.flatMap(
        HoldingLock,
        (holder) => holder === self ? effect : Effect.retry(effect, { schedule: busySchedule, while: isBusy })
      )
    /**
     * One statement of a primitive: a busy database waited for (outside a lock), its failure a `BackendFailure`. On
     * SQLite a statement outside a lock runs in a transaction of its own, on a connection of its own: a statement
     * libSQL saw fail (busy) is not reset, and the connection it ran on stays inside that statement's transaction —
     * a stale snapshot for every later read, every later write never committed. Such a connection is dropped with
     * its transaction.
     */
    const statement = <A, R>(effect: Effect.Effect<A, SqlError, R>) =>
      mapSql(
        dialect !== "sqlite" ? effect : Effect.flatMap(
          HoldingLock,
          (holder) =>
            holder === self
              ? effect
              : Effect.retry(sql.withTransaction(effect), { schedule: busySchedule, while: isBusy })
        )
      )

    /**
     * A transaction whose failed COMMIT or ROLLBACK is a `SqlError` (`withTransaction` of `@effect/sql` makes both
     * defects); when COMMIT fails, the transaction's own failure, if any, is kept.
     */
    const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | SqlError, R> =>
      Effect.uninterruptibleMask((restore) =>
        Effect.scoped(Effect.gen(function*() {
          const connection = yield* restore(sql.reserve)
          yield* restore(connection.executeUnprepared("BEGIN", [], undefined))
          const exit = yield* Effect.exit(
            restore(withConnection(sql, connection, effect))
          )
          const rollback = Effect.ignore(mapSql(connection.executeUnprepared("ROLLBACK", [], undefined)))
          if (Exit.isSuccess(exit)) {
            const committed = yield* Effect.exit(connection.executeUnprepared("COMMIT", [], undefined))
            if (Exit.isSuccess(committed)) return exit.value
            yield* rollback
            return yield* Effect.failCause(committed.cause)
          }
          yield* rollback
          return yield* exit
        }))
      )

    /**
     * A transaction holding the grant's lock until it ends (see the module's documentation). On SQLite its first
     * statement writes the grant's row (unchanged), so the transaction holds the database's writer lock before it
     * reads, whatever `BEGIN` the driver sends; a busy database is waited for only until that write succeeds, so
     * nothing after it is ever repeated. (SQLite uses the driver's `withTransaction`: libSQL's connections are not
     * reserved, so the transaction must be the driver's own; its failed COMMIT is a defect, which `mapSql` types.)
     */
    const locked = <A, E, R>(key: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | BackendFailure, R> =>
      mapSql(Effect.provideService(
        dialect !== "sqlite" ? transaction(effect) : Effect.suspend(() => {
          let holding = false
          const writerLock = sql`UPDATE ${table} SET rotation = rotation WHERE bot_id = ${key}`.pipe(
            Effect.tap(() =>
              Effect.sync(() => {
                holding = true
              })
            )
          )
          return Effect.retry(sql.withTransaction(Effect.zipRight(writerLock, effect)), {
            schedule: busySchedule,
            while: (error) => !holding && isBusy(error)
          })
        }),
        HoldingLock,
        self
      ))
    const forUpdate = sql.literal(dialect === "pg" ? "FOR UPDATE" : "")

    // --- migrations

    const createTable = sql`CREATE TABLE ${table} (
  bot_id TEXT PRIMARY KEY NOT NULL,
  key_id TEXT NOT NULL,
  access_token TEXT NOT NULL,
  refresh_token TEXT,
  workspace_id TEXT NOT NULL,
  workspace_name TEXT,
  workspace_icon TEXT,
  owner TEXT NOT NULL,
  duplicated_template_id TEXT,
  needs_reauthorization INTEGER NOT NULL DEFAULT 0,
  rotation INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  refreshed_at BIGINT,
  last_used_at BIGINT
)`
    const addIntent = Effect.zipRight(
      sql`ALTER TABLE ${table} ADD COLUMN refresh_intent TEXT`,
      sql`ALTER TABLE ${table} ADD COLUMN refresh_beat BIGINT`
    )
    const migrator = Migrator.make({})({
      loader: Migrator.fromRecord({ "1_create_grants": createTable, "2_refresh_intent": addIntent }),
      table: migrationsTable
    })
    const migrate = dialect === "pg"
      ? sql.withTransaction(Effect.gen(function*() {
        // one migrating process at a time; the schema and the migrator's table exist before it looks for them
        yield* sql`SELECT pg_advisory_xact_lock(hashtext(${`notion-effect/store:${migrationsTable}`}))`
        if (options.schema !== undefined) yield* sql`CREATE SCHEMA IF NOT EXISTS ${sql(options.schema)}`
        yield* sql`CREATE TABLE IF NOT EXISTS ${sql(migrationsTable)} (
  migration_id integer primary key,
  created_at timestamp with time zone not null default now(),
  name text not null
)`
        return yield* migrator
      }))
      : dialect === "sqlite"
      // a migration that found the database busy rolled back whole: it is repeated from the start
      ? Effect.zipRight(sql`PRAGMA busy_timeout = 0`, retryBusy(sql.withTransaction(migrator)))
      : migrator
    yield* migrate.pipe(
      Effect.catchAllDefect((cause) => Effect.fail(new StoreFailure({ operation: "migrate its table", cause }))),
      Effect.catchAll((cause) =>
        Effect.fail(cause instanceof StoreFailure ? cause : new StoreFailure({ operation: "migrate its table", cause }))
      )
    )

    // --- the primitives

    const backend: Backend<string> = {
      currentKeyId: Option.some(cipher.currentKeyId),
      seal: cipher.encrypt,
      open: (sealed, keyId, binding) => cipher.decrypt(sealed, Option.getOrElse(keyId, () => ""), binding),
      read: (key) =>
        statement(sql<Row>`SELECT * FROM ${table} WHERE bot_id = ${key} ${forUpdate}`).pipe(
          Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow))
        ),
      list: statement(sql<Row>`SELECT ${sql.literal(infoColumns)} FROM ${table} ORDER BY created_at, bot_id`).pipe(
        Effect.map((rows) => rows.map(rowInfo))
      ),
      upsert: (record, patch) =>
        statement(
          sql`INSERT INTO ${table} ${sql.insert(columns(record))} ON CONFLICT (bot_id) DO UPDATE SET ${
            sql.update(columns(patch))
          }`
        ).pipe(Effect.asVoid),
      update: (key, patch, intent) =>
        statement(
          sql<{ bot_id: string }>`UPDATE ${table} SET ${sql.update(columns(patch))} WHERE bot_id = ${key}${
            intent === undefined ? sql.literal("") : sql` AND refresh_intent = ${intent}`
          } RETURNING bot_id`
        ).pipe(Effect.map((rows) => rows.length > 0)),
      delete: (key) =>
        statement(sql<{ bot_id: string }>`DELETE FROM ${table} WHERE bot_id = ${key} RETURNING bot_id`).pipe(
          Effect.map((rows) => rows.length > 0)
        ),
      locked
    }
    return Protocol.make(backend, options)
  })

/**
 * Provides the store on the `SqlClient` (and `TokenCipher`) in context: any `@effect/sql` client you already have.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<TokenStore.TokenStore, StoreFailure, SqlClient.SqlClient | TokenCipher> =>
  Layer.effect(TokenStore.TokenStore, make(options))

/**
 * The settings every SQL store reads from configuration: `NOTION_STORE_TABLE` (default `notion_grants`) and
 * `NOTION_STORE_REFRESH_LEASE` (a duration, default 10 seconds), as {@link Options}.
 *
 * @since 0.1.0
 * @category configuration
 */
export const optionsConfig: Config.Config<Pick<Options, "table" | "refreshLease">> = Config.map(
  Config.all({
    table: Config.string("NOTION_STORE_TABLE").pipe(Config.withDefault("notion_grants")),
    refreshLease: Config.option(Config.duration("NOTION_STORE_REFRESH_LEASE"))
  }),
  ({ refreshLease, table }) => ({
    table,
    ...Option.match(refreshLease, { onNone: () => ({}), onSome: (refreshLease) => ({ refreshLease }) })
  })
)

/**
 * A store layer built from configuration: `config` read, `make` called with it, the `TokenCipher` from
 * `NOTION_STORE_KEYS`.
 *
 * @since 0.1.0
 * @category configuration
 */
export const layerFromConfig = <A, E>(
  config: Config.Config<A>,
  make: (options: A) => Layer.Layer<TokenStore.TokenStore, E, TokenCipher>
): Layer.Layer<TokenStore.TokenStore, E | ConfigError.ConfigError | InvalidKey> =>
  Layer.unwrapEffect(Effect.map(config, make)).pipe(Layer.provide(cipherConfig()))
