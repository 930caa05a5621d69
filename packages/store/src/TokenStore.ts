/**
 * Where OAuth grants live: save, load, list and delete a grant keyed by the token response's `bot_id`, and the
 * one atomic step a refresh needs ({@link Service.rotate}): under a lock on the grant, re-read it and either use a
 * pair someone else already rotated, or refresh and persist the new pair before the lock is released.
 *
 * Implementations: {@link layerMemory} here; SQL (SQLite by default, PostgreSQL) in `SqlTokenStore`,
 * `SqliteTokenStore` and `PgTokenStore`, with tokens encrypted at rest (`TokenCipher`).
 *
 * @since 0.1.0
 */
import type { OAuthResponse } from "@notion-effect/oauth"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type { Backend, Stored } from "./internal/backend.js"
import * as Grants from "./internal/grant.js"
import * as Protocol from "./internal/protocol.js"
import type { StoreError, StoreFailure } from "./StoreError.js"

/**
 * Who owns a grant, as the token response said (a user, the workspace, or a shape kept raw).
 *
 * @since 0.1.0
 * @category models
 */
export type Owner = OAuthResponse.TokenResponse["owner"]

/**
 * A stored grant without its tokens: what {@link Service.list} returns.
 *
 * @since 0.1.0
 * @category models
 */
export interface GrantInfo {
  /** The grant's key: the token response's `bot_id`. */
  readonly key: string
  readonly workspaceId: string
  readonly workspaceName: string | null
  readonly workspaceIcon: string | null
  readonly owner: Owner
  readonly duplicatedTemplateId: string | null
  /** Notion refused the refresh token (`invalid_grant`): the user must authorize again. */
  readonly needsReauthorization: boolean
  /** The id of the key the record's tokens are encrypted with (`None` in memory). */
  readonly keyId: Option.Option<string>
  /** How many times the pair was rotated since the grant was saved. */
  readonly rotation: number
  readonly createdAt: Date
  readonly refreshedAt: Option.Option<Date>
  readonly lastUsedAt: Option.Option<Date>
}

/**
 * A stored grant with its tokens (`Redacted`: they never show in logs or `JSON.stringify`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Grant extends GrantInfo {
  readonly accessToken: Redacted.Redacted<string>
  readonly refreshToken: Option.Option<Redacted.Redacted<string>>
}

/**
 * Exchanges a refresh token for a new pair: `Some` with Notion's answer, `None` when Notion refused the refresh
 * token (`invalid_grant`). Any failure leaves the stored grant as it was.
 *
 * @since 0.1.0
 * @category models
 */
export type Refresher<E> = (
  refreshToken: Redacted.Redacted<string>
) => Effect.Effect<Option.Option<OAuthResponse.TokenResponse>, E>

/**
 * The outcome of {@link Service.rotate}.
 *
 * - `Rotated`: this call refreshed and persisted the new pair;
 * - `Current`: the stored access token is no longer the rejected one (another fiber or process rotated it): use it;
 * - `Revoked`: the grant needs re-authorization (`refused`: Notion refused this call's refresh token; otherwise it
 *   was already marked, or it has no refresh token);
 * - `Unsaved`: Notion answered with a new pair but the store failed to write it (`error`). The pair is valid and
 *   the only copy: use it, and run `save` until it succeeds (it fails with `RefreshTakenOver` when that can no
 *   longer happen). Until then the store holds this call's refresh intent, so no other process sends the
 *   superseded refresh token.
 *
 * @since 0.1.0
 * @category models
 */
export type Rotation =
  | { readonly _tag: "Rotated"; readonly grant: Grant }
  | { readonly _tag: "Current"; readonly grant: Grant }
  | { readonly _tag: "Revoked"; readonly grant: GrantInfo; readonly refused: boolean }
  | {
    readonly _tag: "Unsaved"
    readonly grant: Grant
    readonly error: StoreError
    readonly save: Effect.Effect<Grant, StoreError>
  }

/**
 * A token store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Stores a token response (a new grant, or a re-authorized one: its mark is cleared). */
  readonly save: (response: OAuthResponse.TokenResponse) => Effect.Effect<Grant, StoreError>
  /** The grant stored under `key` (its `bot_id`), tokens decrypted. */
  readonly load: (key: string) => Effect.Effect<Grant, StoreError>
  /** Every stored grant, without tokens (nothing is decrypted). */
  readonly list: Effect.Effect<ReadonlyArray<GrantInfo>, StoreFailure>
  /** Removes a grant; `false` when there was none. */
  readonly delete: (key: string) => Effect.Effect<boolean, StoreFailure>
  /** Records a use of the grant now (`lastUsedAt`). */
  readonly touch: (key: string) => Effect.Effect<void, StoreFailure>
  /**
   * The refresh step, one at a time per grant across every fiber and process sharing the store: re-read the grant;
   * if its access token is still `rejected`, call `refresh` with its refresh token and persist the new pair (or the
   * re-authorization mark). A pair that arrived but could not be written is returned as `Unsaved`, never dropped.
   * Run it uninterruptibly: Notion rotates the pair before it answers, and an answer that is lost is a lost grant.
   */
  readonly rotate: <E>(
    key: string,
    rejected: Redacted.Redacted<string>,
    refresh: Refresher<E>
  ) => Effect.Effect<Rotation, E | StoreError>
  /** Re-encrypts every record not under the newest key; returns how many were rewritten (0 in memory). */
  readonly reencrypt: Effect.Effect<number, StoreError>
}

/**
 * The store's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class TokenStore extends Context.Tag("@notion-effect/store/TokenStore")<TokenStore, Service>() {}

/**
 * Whether two tokens are the same.
 *
 * @since 0.1.0
 * @category utils
 */
export const sameToken: (a: Redacted.Redacted<string>, b: Redacted.Redacted<string>) => boolean = Grants.sameToken

/**
 * A grant's fields from a token response, at `now`; `previous` keeps the creation time and rotation count.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromResponse: (
  response: OAuthResponse.TokenResponse,
  now: number,
  previous?: GrantInfo
) => Grant = Grants.fromResponse

/**
 * A grant without its tokens.
 *
 * @since 0.1.0
 * @category constructors
 */
export const info: (grant: Grant) => GrantInfo = Grants.info

/**
 * An in-memory store (one process; gone on exit): tokens stay `Redacted` values, nothing is encrypted. Its refresh
 * step is the SQL stores' (a refresh intent with a 10-second lease: see `SqlTokenStore`), on a lock per grant.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory: Effect.Effect<Service> = Effect.sync(() => {
  const records = new Map<string, Stored<Redacted.Redacted<string>>>()
  const locks = new Map<string, Effect.Semaphore>()
  const backend: Backend<Redacted.Redacted<string>> = {
    currentKeyId: Option.none(),
    seal: (token) => Effect.succeed(token),
    open: (sealed) => Effect.succeed(sealed),
    read: (key) => Effect.sync(() => Option.fromNullable(records.get(key))),
    list: Effect.sync(() => Array.from(records.values(), Grants.info)),
    upsert: (record, patch) =>
      Effect.sync(() => {
        const stored = records.get(record.key)
        records.set(record.key, stored === undefined ? record : { ...stored, ...patch })
      }),
    update: (key, patch, intent) =>
      Effect.sync(() => {
        const stored = records.get(key)
        if (stored === undefined) return false
        if (intent !== undefined && Option.getOrUndefined(stored.intent)?.id !== intent) return false
        records.set(key, { ...stored, ...patch })
        return true
      }),
    delete: (key) => Effect.sync(() => records.delete(key)),
    locked: (key, effect) => {
      let semaphore = locks.get(key)
      if (semaphore === undefined) locks.set(key, semaphore = Effect.unsafeMakeSemaphore(1))
      return semaphore.withPermits(1)(effect)
    }
  }
  return Protocol.make(backend)
})

/**
 * Provides the in-memory store.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<TokenStore> = Layer.effect(TokenStore, makeMemory)

/**
 * Re-encrypts every record under the newest key (run it after adding a key, before removing an old one); returns
 * how many records were rewritten.
 *
 * @since 0.1.0
 * @category programs
 */
export const reencrypt: Effect.Effect<number, StoreError, TokenStore> = Effect.flatMap(
  TokenStore,
  (store) => store.reencrypt
)
