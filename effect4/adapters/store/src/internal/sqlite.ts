/**
 * The SQLite driver of `SqliteTokenStore` (Effect 4 form): Node's built-in `node:sqlite` (Node 22.13 or later:
 * nothing to install, nothing to compile) under an `effect/sql` client of one connection per database, shared by
 * the process's fibers through a semaphore (`SqlClient.makeSqliteAcquirers`).
 *
 * Why not `@effect/sql-libsql`, the Effect 3 edition's driver: its Effect 4 releases are 4.0.0 betas that import
 * `effect/unstable/sql/*`, paths `effect` 4.1 no longer has. `@effect/sql-sqlite-node` needs a native build.
 *
 * - `node:sqlite` is loaded when a database is opened, not when this module is: importing the store works on any
 *   Node, and only opening a SQLite file needs Node 22.13 (an older one fails to open it, with a `StoreFailure`).
 * - Transactions begin with `BEGIN IMMEDIATE` (the writer lock first, as the Effect 3 driver does).
 * - `busy_timeout` is 0: SQLite's own wait would block the event loop; a busy database is a `LockTimeoutError`
 *   at once and the store waits with Effect sleeps. Statements are synchronous calls (short: one row or a few).
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as SqlClient from "effect/sql/SqlClient"
import type * as SqlConnection from "effect/sql/SqlConnection"
import { classifySqliteError, SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import * as Stream from "effect/Stream"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

/** The part of `node:sqlite` this driver uses (declared here: the edition's `@types/node` predates it). */
interface NodeSqlite {
  readonly DatabaseSync: new(path: string) => {
    /** Node 22.16 and later. */
    readonly isTransaction?: boolean
    exec(sql: string): void
    prepare(sql: string): { all(...params: ReadonlyArray<unknown>): Array<Record<string, unknown>> }
    close(): void
  }
}

/** The services a SQLite client is provided as. */
export type Client = SqlClient.SqlClient

/** `node:sqlite`'s error (`errcode` is SQLite's result code) as a `SqlError` with its classified reason. */
const sqlError = (cause: unknown, operation: string): SqlError => {
  const errcode = (cause as { readonly errcode?: unknown } | null)?.errcode
  const classified = typeof errcode === "number" && cause !== null && typeof cause === "object"
    ? Object.assign(cause, { errno: errcode })
    : cause
  return new SqlError({
    reason: classifySqliteError(classified, {
      message: cause instanceof Error ? cause.message : "SQLite failed",
      operation
    })
  })
}

/** Parameters as `node:sqlite` binds them (it takes no booleans and no `undefined`). */
const bind = (params: ReadonlyArray<unknown>): ReadonlyArray<unknown> =>
  params.map((param) => param === undefined ? null : typeof param === "boolean" ? (param ? 1 : 0) : param)

/**
 * Opens the database at `url` (a `file:` URL), its connection with `busy_timeout` 0; closed with the scope. A
 * failure is the driver's.
 */
export const connect = (url: string): Effect.Effect<Context.Context<Client>, unknown, Scope.Scope> =>
  Effect.gen(function*() {
    const sqlite = yield* Effect.try({
      try: () => createRequire(import.meta.url)("node:sqlite") as NodeSqlite,
      catch: (cause) => new Error("SQLite needs Node 22.13 or later (node:sqlite)", { cause })
    })
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => {
          // a file as its path; the shared in-memory database as its URI
          const db = new sqlite.DatabaseSync(url.startsWith("file:///") ? fileURLToPath(url) : url)
          db.exec("PRAGMA busy_timeout = 0")
          return db
        },
        catch: (cause) => sqlError(cause, "open")
      }),
      (db) => Effect.sync(() => db.close())
    )
    const run = (sql: string, params: ReadonlyArray<unknown>) =>
      Effect.try({
        try: (): ReadonlyArray<Record<string, unknown>> => db.prepare(sql).all(...bind(params)),
        catch: (cause) => sqlError(cause, "execute")
      })
    const rows = (
      sql: string,
      params: ReadonlyArray<unknown>,
      transformRows: (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined
    ) => Effect.map(run(sql, params), (rows) => transformRows === undefined ? rows : transformRows(rows))
    const values = (sql: string, params: ReadonlyArray<unknown>) =>
      Effect.map(run(sql, params), (rows) => rows.map((row) => Object.values(row)))
    const connection: SqlConnection.Connection = {
      execute: rows,
      executeUnprepared: rows,
      executeRaw: run,
      executeValues: values,
      executeValuesUnprepared: values,
      executeStream: (sql, params, transformRows) => Stream.fromIterableEffect(rows(sql, params, transformRows))
    }
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore: yield* Semaphore.make(1),
      // without it (before Node 22.16) a failed COMMIT is followed by a ROLLBACK that may find no transaction
      isTransaction: typeof db.isTransaction === "boolean" ? () => db.isTransaction === true : undefined
    })
    const client = yield* SqlClient.make({
      ...acquirers,
      compiler: Statement.makeCompilerSqlite(),
      driver: "sqlite-node-builtin",
      spanAttributes: [["db.system.name", "sqlite"]],
      beginTransaction: "BEGIN IMMEDIATE"
    }).pipe(Effect.provide(Reactivity.layer))
    return Context.make(SqlClient.SqlClient, client)
  })
