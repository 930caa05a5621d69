/**
 * What the token store needs from `@effect/sql` that differs between its editions (the Effect 4 edition has its own
 * form of this module): recognising its errors, SQLite's busy database among them, and running statements on a
 * reserved connection as the client's transaction.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type * as SqlConnection from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"

/** Whether a value is an `@effect/sql` error. */
export const isSqlError = (error: unknown): error is SqlError => error instanceof SqlError

/** Whether a SQL error says that another connection holds SQLite's lock (`SQLITE_BUSY`, `SQLITE_LOCKED`). */
export const isBusy = (error: unknown): boolean => {
  if (!isSqlError(error)) return false
  const code = (error.cause as { readonly code?: unknown } | undefined)?.code
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
}

/** Runs `effect`'s statements of `sql` on `connection`, as inside a transaction begun on it. */
export const withConnection = <A, E, R>(
  _sql: SqlClient.SqlClient,
  connection: SqlConnection.Connection,
  effect: Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> => Effect.provideService(effect, SqlClient.TransactionConnection, [connection, 0] as const)
