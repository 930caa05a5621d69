/**
 * A token store on any `@effect/sql` client, tokens AES-256-GCM-encrypted at rest (`TokenCipher`). The layer creates
 * or migrates its table with `@effect/sql`'s migrator (the table name is configurable, and so is the PostgreSQL
 * schema, so several stores or test suites share a database without colliding).
 *
 * The refresh step ({@link TokenStore.Service.rotate}) is serialised per grant across processes:
 *
 * - PostgreSQL: a transaction that reads the row `FOR UPDATE`;
 * - SQLite: a transaction whose first statement writes the grant's row, so it holds the file's writer lock (one
 *   writer at a time) before it reads, on any driver (libSQL's write transactions also begin `IMMEDIATE`). A busy
 *   database is waited for with Effect sleeps (never SQLite's busy handler, which would block the event loop), up to
 *   `busyTimeout`: the store sets `PRAGMA busy_timeout = 0` on its connection (libSQL's default);
 * - other dialects: a plain transaction.
 *
 * Every write is one statement in a transaction: a process killed at any point leaves either the old record or
 * the new one, never half of each.
 *
 * @since 0.1.0
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import type { OAuthResponse } from "@notion-effect/oauth"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import { type DecryptionFailed, GrantNotFound, type StoreError, StoreFailure, type UnknownKeyId } from "./StoreError.js"
import { TokenCipher } from "./TokenCipher.js"
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

const isBusy = (error: unknown): boolean => {
  if (!(error instanceof SqlError)) return false
  const code = (error.cause as { readonly code?: unknown } | undefined)?.code
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
}

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

    const failure = (operation: string) => (cause: SqlError) => new StoreFailure({ operation, cause })
    const mapSql = <A, E, R>(operation: string, effect: Effect.Effect<A, E | SqlError, R>) =>
      Effect.catchIf(effect, (e): e is SqlError => e instanceof SqlError, (e) => Effect.fail(failure(operation)(e)))

    // SQLite answers SQLITE_BUSY at once (busy_timeout 0) and we wait here, without blocking the event loop
    const busySchedule = Schedule.exponential(Duration.millis(2), 1.5).pipe(
      Schedule.union(Schedule.spaced(Duration.millis(50))),
      Schedule.jittered,
      Schedule.upTo(busyTimeout)
    )
    const retryBusy = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      dialect === "sqlite" ? Effect.retry(effect, { schedule: busySchedule, while: isBusy }) : effect

    /**
     * A transaction holding the grant's lock until it ends (see the module's documentation). On SQLite its first
     * statement writes the grant's row (unchanged), so the transaction holds the database's writer lock before it
     * reads, whatever `BEGIN` the driver sends; a busy database is waited for only until that write succeeds, so
     * nothing after it (a refresh sent to Notion) is ever repeated.
     */
    const locked = <A, E, R>(key: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | SqlError, R> =>
      dialect !== "sqlite" ? sql.withTransaction(effect) : Effect.suspend(() => {
        let holding = false
        const writerLock = sql`UPDATE ${table} SET rotation = rotation WHERE bot_id = ${key}`.pipe(
          Effect.tap(() => {
            holding = true
          })
        )
        return Effect.retry(sql.withTransaction(Effect.zipRight(writerLock, effect)), {
          schedule: busySchedule,
          while: (error) => !holding && isBusy(error)
        })
      })
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
    const migrator = Migrator.make({})({
      loader: Migrator.fromRecord({ "1_create_grants": createTable }),
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

    // --- records

    const seal = (key: string, access: Redacted.Redacted<string>, refresh: Option.Option<Redacted.Redacted<string>>) =>
      Effect.all({
        key_id: Effect.succeed(cipher.currentKeyId),
        access_token: cipher.encrypt(access, { grant: key, field: "access_token" }),
        refresh_token: Option.match(refresh, {
          onNone: () => Effect.succeed(null),
          onSome: (token) => cipher.encrypt(token, { grant: key, field: "refresh_token" })
        })
      })

    const open = (row: Row): Effect.Effect<TokenStore.Grant, DecryptionFailed | UnknownKeyId> =>
      Effect.map(
        Effect.all({
          accessToken: cipher.decrypt(row.access_token, row.key_id, { grant: row.bot_id, field: "access_token" }),
          refreshToken: row.refresh_token === null
            ? Effect.succeed(Option.none())
            : Effect.asSome(
              cipher.decrypt(row.refresh_token, row.key_id, { grant: row.bot_id, field: "refresh_token" })
            )
        }),
        (tokens) => ({ ...rowInfo(row), ...tokens })
      )

    const select = (key: string) => sql<Row>`SELECT * FROM ${table} WHERE bot_id = ${key} ${forUpdate}`

    const loadRow = (key: string) =>
      Effect.flatMap(
        select(key),
        (rows) => rows.length === 0 ? Effect.fail(new GrantNotFound({ grant: key })) : Effect.succeed(rows[0]!)
      )

    const load = (key: string): Effect.Effect<TokenStore.Grant, StoreError> =>
      mapSql("load a grant", Effect.flatMap(retryBusy(loadRow(key)), open))

    const save = (response: OAuthResponse.TokenResponse): Effect.Effect<TokenStore.Grant, StoreError> =>
      Effect.gen(function*() {
        const key = response.bot_id
        const now = yield* Clock.currentTimeMillis
        const sealed = yield* seal(key, response.access_token, Option.fromNullable(response.refresh_token))
        yield* mapSql(
          "save a grant",
          retryBusy(sql`INSERT INTO ${table} ${
            sql.insert({
              bot_id: key,
              ...sealed,
              workspace_id: response.workspace_id,
              workspace_name: response.workspace_name,
              workspace_icon: response.workspace_icon,
              owner: JSON.stringify(response.owner),
              duplicated_template_id: response.duplicated_template_id,
              needs_reauthorization: 0,
              rotation: 0,
              created_at: now,
              refreshed_at: null,
              last_used_at: null
            })
          } ON CONFLICT (bot_id) DO UPDATE SET key_id = excluded.key_id, access_token = excluded.access_token,
  refresh_token = excluded.refresh_token, workspace_id = excluded.workspace_id,
  workspace_name = excluded.workspace_name, workspace_icon = excluded.workspace_icon, owner = excluded.owner,
  duplicated_template_id = excluded.duplicated_template_id, needs_reauthorization = 0`)
        )
        return yield* load(key)
      })

    const rotate = <E>(
      key: string,
      rejected: Redacted.Redacted<string>,
      refresh: TokenStore.Refresher<E>
    ): Effect.Effect<TokenStore.Rotation, E | StoreError> =>
      mapSql(
        "rotate a grant's tokens",
        locked(
          key,
          Effect.gen(function*() {
            const row = yield* loadRow(key)
            if (Number(row.needs_reauthorization) !== 0) {
              return { _tag: "Revoked", grant: rowInfo(row), refused: false } as const
            }
            const grant = yield* open(row)
            // another fiber or process rotated the pair while we waited for the lock: use it
            if (!TokenStore.sameToken(grant.accessToken, rejected)) return { _tag: "Current", grant } as const
            const revoke = (refused: boolean) =>
              Effect.as(
                sql`UPDATE ${table} SET needs_reauthorization = 1 WHERE bot_id = ${key}`,
                {
                  _tag: "Revoked",
                  grant: { ...rowInfo(row), needsReauthorization: true },
                  refused
                } as const
              )
            if (Option.isNone(grant.refreshToken)) return yield* revoke(false)
            const answer = yield* refresh(grant.refreshToken.value)
            if (Option.isNone(answer)) return yield* revoke(true)
            const response = answer.value
            const now = yield* Clock.currentTimeMillis
            const sealed = yield* seal(key, response.access_token, Option.fromNullable(response.refresh_token))
            // the whole pair in one statement of the locked transaction: both tokens change together or not at all
            yield* sql`UPDATE ${table} SET key_id = ${sealed.key_id}, access_token = ${sealed.access_token},
  refresh_token = ${sealed.refresh_token}, workspace_id = ${response.workspace_id},
  workspace_name = ${response.workspace_name}, workspace_icon = ${response.workspace_icon},
  owner = ${JSON.stringify(response.owner)}, duplicated_template_id = ${response.duplicated_template_id},
  needs_reauthorization = 0, rotation = rotation + 1, refreshed_at = ${now} WHERE bot_id = ${key}`
            const rotated: TokenStore.Grant = {
              ...TokenStore.fromResponse(response, now, grant),
              key,
              keyId: Option.some(sealed.key_id),
              rotation: grant.rotation + 1,
              refreshedAt: Option.some(new Date(now))
            }
            return { _tag: "Rotated", grant: rotated } as const
          })
        )
      )

    const reencryptOne = (key: string) =>
      locked(
        key,
        Effect.gen(function*() {
          const rows = yield* select(key)
          const row = rows[0]
          if (row === undefined || row.key_id === cipher.currentKeyId) return 0
          const grant = yield* open(row)
          const sealed = yield* seal(key, grant.accessToken, grant.refreshToken)
          yield* sql`UPDATE ${table} SET key_id = ${sealed.key_id}, access_token = ${sealed.access_token},
  refresh_token = ${sealed.refresh_token} WHERE bot_id = ${key}`
          return 1
        })
      )

    const service: TokenStore.Service = {
      save,
      load,
      list: mapSql(
        "list grants",
        retryBusy(sql<Row>`SELECT ${sql.literal(infoColumns)} FROM ${table} ORDER BY created_at, bot_id`)
      ).pipe(Effect.map((rows) => rows.map(rowInfo))),
      delete: (key) =>
        mapSql(
          "delete a grant",
          retryBusy(sql<{ bot_id: string }>`DELETE FROM ${table} WHERE bot_id = ${key} RETURNING bot_id`)
        ).pipe(Effect.map((rows) => rows.length > 0)),
      touch: (key) =>
        mapSql(
          "record a grant's use",
          Effect.flatMap(
            Clock.currentTimeMillis,
            (now) => retryBusy(sql`UPDATE ${table} SET last_used_at = ${now} WHERE bot_id = ${key}`)
          )
        ).pipe(Effect.asVoid),
      rotate,
      reencrypt: mapSql(
        "re-encrypt grants",
        Effect.gen(function*() {
          const stale = yield* retryBusy(
            sql<{ bot_id: string }>`SELECT bot_id FROM ${table} WHERE key_id <> ${cipher.currentKeyId}`
          )
          let rewritten = 0
          for (const { bot_id } of stale) rewritten += yield* reencryptOne(bot_id)
          return rewritten
        })
      )
    }
    return service
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
