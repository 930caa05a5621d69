/**
 * The SQLite driver of `SqliteTokenStore` (the Effect 4 edition has its own form of this module): libSQL
 * (`@effect/sql-libsql` over `@libsql/client`), with each transaction on a connection of its own: opened at the
 * transaction's first statement, closed when it ends, whatever happened in it.
 *
 * Faults this works around, all hit when another process holds the file's writer lock (`SQLITE_BUSY`):
 *
 * - `@effect/sql-libsql` (0.42) begins a transaction while it holds its connection permit and does not give the
 *   permit back when `BEGIN` fails: every later statement of the process would wait forever. Begun lazily, a busy
 *   `BEGIN` is the failure of the transaction's first statement, which rolls the transaction back and releases the
 *   permit like any other failure; the store then waits (with Effect sleeps) and tries again.
 * - libSQL does not reset a statement that failed, so the connection it ran on stays inside that statement's
 *   transaction: a `BEGIN` that failed is left "in progress" (a later `COMMIT` fails with "SQL statements in
 *   progress"), a read keeps its stale snapshot, a write is never committed. A connection is therefore never used
 *   for a second transaction: it is closed when its transaction ends.
 * - libSQL's own transactions never close their connection. Ours run `BEGIN`, `COMMIT` and `ROLLBACK` as statements
 *   on a client they close.
 *
 * Every connection answers `SQLITE_BUSY` at once (`busy_timeout` 0): SQLite's own wait would block the event loop,
 * so the store waits with Effect sleeps instead.
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as LibsqlClient from "@effect/sql-libsql/LibsqlClient"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Libsql from "@libsql/client"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

const beginOf = (mode: Libsql.TransactionMode) => mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"

const lazyTransaction = (open: () => Libsql.Client, mode: Libsql.TransactionMode): Libsql.Transaction => {
  let connection: Libsql.Client | undefined
  let begun: Promise<Libsql.Client> | undefined
  const started = () =>
    begun ??= (async () => {
      const opened = open()
      connection = opened
      await opened.execute("PRAGMA busy_timeout = 0")
      await opened.execute(beginOf(mode))
      return opened
    })()
  const close = () => {
    connection?.close()
    connection = undefined
  }
  return {
    execute: (statement: Libsql.InStatement) => started().then((db) => db.execute(statement)),
    batch: async (statements: Array<Libsql.InStatement>) => {
      const db = await started()
      const results: Array<Libsql.ResultSet> = []
      for (const statement of statements) results.push(await db.execute(statement))
      return results
    },
    executeMultiple: (sql: string) => started().then((db) => db.executeMultiple(sql)),
    // nothing begun, nothing to commit; a BEGIN that failed fails the commit too
    commit: () =>
      begun === undefined ?
        Promise.resolve() :
        begun.then((db) => db.execute("COMMIT")).then(() => close(), (error) => {
          close()
          throw error
        }),
    // closing the connection ends whatever transaction it is still in
    rollback: () =>
      begun === undefined
        ? Promise.resolve()
        : begun.then((db) => db.execute("ROLLBACK")).then(close, close),
    close,
    // not read by `@effect/sql-libsql`
    get closed() {
      return connection === undefined
    }
  } as Libsql.Transaction
}

/**
 * Makes `client.transaction` lazy, on a connection `open` makes for it and closes after it (see the module's
 * documentation); returns the same client.
 */
const lazyBegin = (client: Libsql.Client, open: () => Libsql.Client): Libsql.Client => {
  client.transaction = (mode: Libsql.TransactionMode = "write") => Promise.resolve(lazyTransaction(open, mode))
  return client
}

/** The services a SQLite client is provided as. */
export type Client = LibsqlClient.LibsqlClient | SqlClient.SqlClient

/**
 * Opens the database at `url` (a `file:` URL), every connection with `busy_timeout` 0; closed with the scope. A
 * failure is the driver's.
 */
export const connect = (url: string): Effect.Effect<Context.Context<Client>, unknown, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => lazyBegin(Libsql.createClient({ url }), () => Libsql.createClient({ url }))),
    (sdk) => Effect.sync(() => sdk.close())
  ).pipe(
    Effect.flatMap((liveClient) => LibsqlClient.make({ liveClient })),
    Effect.map((client) =>
      Context.make(LibsqlClient.LibsqlClient, client).pipe(Context.add(SqlClient.SqlClient, client))
    ),
    Effect.provide(Reactivity.layer)
  )
