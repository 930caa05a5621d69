/**
 * `@libsql/client` with each transaction begun on a connection of its own, at its first statement.
 *
 * Two faults this works around, both hit when another process holds the file's writer lock (`SQLITE_BUSY`):
 *
 * - `@effect/sql-libsql` (0.42) begins a transaction while it holds its connection permit and does not give the
 *   permit back when `BEGIN` fails: every later statement of the process would wait forever. Begun lazily, a busy
 *   `BEGIN` is the failure of the transaction's first statement, which rolls the transaction back and releases the
 *   permit like any other failure; the store then waits (with Effect sleeps) and tries again.
 * - libSQL leaves a `BEGIN` that failed "in progress" on its connection, so a later `COMMIT` there fails with
 *   "SQL statements in progress". Each transaction therefore opens its own connection (as `@libsql/client` does after
 *   every transaction anyway) and a connection whose `BEGIN` failed is closed.
 */
import type * as Libsql from "@libsql/client"

const lazyTransaction = (begin: () => Promise<Libsql.Transaction>): Libsql.Transaction => {
  let begun: Promise<Libsql.Transaction> | undefined
  const started = () => (begun ??= begin())
  return {
    execute: (statement: Libsql.InStatement) => started().then((tx) => tx.execute(statement)),
    batch: (statements: Array<Libsql.InStatement>) => started().then((tx) => tx.batch(statements)),
    executeMultiple: (sql: string) => started().then((tx) => tx.executeMultiple(sql)),
    // nothing begun, nothing to commit; a BEGIN that failed fails the commit too
    commit: () => begun === undefined ? Promise.resolve() : begun.then((tx) => tx.commit()),
    rollback: () => begun === undefined ? Promise.resolve() : begun.then((tx) => tx.rollback(), () => undefined),
    close: () => void begun?.then((tx) => tx.close(), () => undefined),
    // not read by `@effect/sql-libsql`
    get closed() {
      return false
    }
  } as Libsql.Transaction
}

/**
 * Makes `client.transaction` lazy, on a connection `open` makes for it (see the module's documentation); returns the
 * same client.
 */
export const lazyBegin = (client: Libsql.Client, open: () => Libsql.Client): Libsql.Client => {
  client.transaction = (mode: Libsql.TransactionMode = "write") =>
    Promise.resolve(lazyTransaction(async () => {
      const connection = open()
      try {
        return await connection.transaction(mode)
      } catch (error) {
        connection.close()
        throw error
      }
    }))
  return client
}
