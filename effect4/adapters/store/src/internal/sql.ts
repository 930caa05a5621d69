/**
 * What the token store needs from `effect/sql` that differs between its editions (Effect 4 form): recognising its
 * errors, SQLite's busy database among them (a `LockTimeoutError` reason), and running statements on a reserved
 * connection as the client's transaction (each client has its own transaction service).
 */
import * as Effect from "effect/Effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type * as SqlConnection from "effect/sql/SqlConnection"
import { isSqlError as isEffectSqlError, type SqlError } from "effect/sql/SqlError"

/** Whether a value is an `effect/sql` error. */
export const isSqlError = (error: unknown): error is SqlError => isEffectSqlError(error)

/** Whether a SQL error says that another connection holds SQLite's lock (`SQLITE_BUSY`, `SQLITE_LOCKED`). */
export const isBusy = (error: unknown): boolean => isSqlError(error) && error.reason._tag === "LockTimeoutError"

/** Runs `effect`'s statements of `sql` on `connection`, as inside a transaction begun on it. */
export const withConnection = <A, E, R>(
  sql: SqlClient.SqlClient,
  connection: SqlConnection.Connection,
  effect: Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> => Effect.provideService(effect, sql.transactionService, [connection, 0] as const)
