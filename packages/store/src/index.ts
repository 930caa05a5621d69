/**
 * @notion-effect/store: Notion OAuth grants stored encrypted (in memory, SQLite by default, PostgreSQL through
 * `@notion-effect/store/PgTokenStore`) and refreshed once, transparently, when Notion says a token expired.
 *
 * @since 0.1.0
 */

/** The store: save, load, list, delete grants and the atomic refresh step; the in-memory store. @since 0.1.0 */
export * as TokenStore from "./TokenStore.js"

/** A valid access token per grant, refreshed single-flight, as core's AuthLayer. @since 0.1.0 */
export * as TokenManager from "./TokenManager.js"

/** AES-256-GCM encryption at rest with rotating keys (Web Crypto). @since 0.1.0 */
export * as TokenCipher from "./TokenCipher.js"

/** The store on any `@effect/sql` client, with its migrations and cross-process locks. @since 0.1.0 */
export * as SqlTokenStore from "./SqlTokenStore.js"

/** The default store: one embedded SQLite file. @since 0.1.0 */
export * as SqliteTokenStore from "./SqliteTokenStore.js"

/** Store failures: missing grant, undecryptable record, unknown or invalid key, database failure. @since 0.1.0 */
export * as StoreError from "./StoreError.js"
