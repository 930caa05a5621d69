/**
 * What a storage backend offers the token store: records read and written one statement at a time, a
 * compare-and-set on the refresh intent, and a lock per grant. The refresh, lock and revoke protocol is written once
 * over these primitives (`./protocol.ts`); a backend is its primitives (memory in `TokenStore`, SQL in
 * `SqlTokenStore`).
 *
 * Every primitive is atomic on its own: a process killed at any point leaves a record either as it was or as the
 * primitive left it. A primitive that fails fails with {@link BackendFailure}; the protocol names the operation.
 */
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type { DecryptionFailed, StoreFailure, UnknownKeyId } from "../StoreError.js"
import type { Binding } from "../TokenCipher.js"
import type { GrantInfo } from "../TokenStore.js"

/** The storage failed (a driver's error, a connection lost): the protocol turns it into a named `StoreFailure`. */
export class BackendFailure extends Data.TaggedError("BackendFailure")<{ readonly cause: unknown }> {}

/** A pending refresh: its id, committed before Notion is called, and how many heartbeats its holder sent. */
export interface Intent {
  readonly id: string
  readonly beat: number
}

/** A grant as a backend keeps it: its fields, its tokens sealed (`T`: what the backend stores), its intent. */
export interface Stored<T> extends GrantInfo {
  readonly accessToken: T
  readonly refreshToken: Option.Option<T>
  readonly intent: Option.Option<Intent>
}

/** Some of a record's fields, written together. */
export type Patch<T> = Partial<Omit<Stored<T>, "key">>

/** How a backend keeps tokens at rest (`TokenCipher` for SQL; as they are in memory). */
export interface Sealer<T> {
  /** The key new records are sealed under (`None`: not encrypted). */
  readonly currentKeyId: Option.Option<string>
  readonly seal: (token: Redacted.Redacted<string>, binding: Binding) => Effect.Effect<T, StoreFailure>
  readonly open: (
    sealed: T,
    keyId: Option.Option<string>,
    binding: Binding
  ) => Effect.Effect<Redacted.Redacted<string>, DecryptionFailed | UnknownKeyId>
}

/** The primitives of a storage backend. */
export interface Backend<T> extends Sealer<T> {
  /** The record stored under `key`. */
  readonly read: (key: string) => Effect.Effect<Option.Option<Stored<T>>, BackendFailure>
  /** Every record without its tokens, oldest first. */
  readonly list: Effect.Effect<ReadonlyArray<GrantInfo>, BackendFailure>
  /** Inserts `record`, or applies `patch` to the record already stored under its key. */
  readonly upsert: (record: Stored<T>, patch: Patch<T>) => Effect.Effect<void, BackendFailure>
  /**
   * Applies `patch` to the record under `key` if there is one (and, given `intent`, only if its pending intent is
   * that one): the compare-and-set of the protocol. Whether a record was written.
   */
  readonly update: (key: string, patch: Patch<T>, intent?: string) => Effect.Effect<boolean, BackendFailure>
  /** Removes the record under `key`; whether there was one. */
  readonly delete: (key: string) => Effect.Effect<boolean, BackendFailure>
  /**
   * Runs `effect` holding the lock on `key` (one holder at a time across every process sharing the storage); the
   * reads and writes it makes are one transaction where the storage has them. Taking the lock may fail.
   */
  readonly locked: <A, E, R>(key: string, effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | BackendFailure, R>
}
