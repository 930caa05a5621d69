/**
 * What can go wrong when storing grants: a grant that is not there, a record that does not decrypt, a key that
 * is not configured, a database that fails. Messages name the grant (its `bot_id`) and the key id, never a token
 * or key material.
 *
 * @since 0.1.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * The brand every error of this package carries.
 *
 * @since 0.1.0
 * @category symbols
 */
export const TypeId: unique symbol = Symbol.for("@notion-effect/store/StoreError")

/**
 * The brand's type.
 *
 * @since 0.1.0
 * @category symbols
 */
export type TypeId = typeof TypeId

/**
 * No grant is stored under this key (its `bot_id`).
 *
 * @since 0.1.0
 * @category errors
 */
export class GrantNotFound extends Schema.TaggedError<GrantNotFound>()("GrantNotFound", {
  grant: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `No Notion grant is stored under ${this.grant}`
  }
}

/**
 * The record's tokens do not decrypt under the key it names: the key is wrong, or the record was altered (AES-GCM
 * authenticates every byte, and binds each token to its grant and field). Nothing is returned, never garbage.
 *
 * @since 0.1.0
 * @category errors
 */
export class DecryptionFailed extends Schema.TaggedError<DecryptionFailed>()("DecryptionFailed", {
  grant: Schema.String,
  keyId: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `The tokens of grant ${this.grant} do not decrypt with key "${this.keyId}": a wrong key, or an altered record`
  }
}

/**
 * The record was encrypted under a key id that is not configured (a key was removed before `reencrypt` ran).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownKeyId extends Schema.TaggedError<UnknownKeyId>()("UnknownKeyId", {
  grant: Schema.String,
  keyId: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `Grant ${this.grant} is encrypted with key "${this.keyId}", which is not configured`
  }
}

/**
 * A configured encryption key is unusable: not 32 bytes of base64, an empty or duplicate id, no key at all.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidKey extends Schema.TaggedError<InvalidKey>()("InvalidKey", {
  keyId: Schema.String,
  reason: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `Encryption key "${this.keyId}" is invalid: ${this.reason}`
  }
}

/** The innermost error message of a cause chain (a driver's error under `SqlError`), two levels deep at most. */
const describe = (cause: unknown): string => {
  let current = cause
  for (let depth = 0; depth < 2 && current instanceof Error && current.cause instanceof Error; depth++) {
    current = current.cause
  }
  return current instanceof Error && current.message !== "" ? `: ${current.message}` : ""
}

/**
 * The database (or Web Crypto) failed: `operation` names what was being done; `cause` is the driver's error
 * (it never holds a plaintext token: tokens are encrypted before they reach the driver).
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreFailure extends Schema.TaggedError<StoreFailure>()("StoreFailure", {
  operation: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `The token store failed to ${this.operation}${describe(this.cause)}`
  }
}

/**
 * The rotated pair this process holds could not be written: the refresh intent it committed before calling Notion
 * was taken over by another process (this one could not reach the store for longer than the lease), or the grant
 * was deleted meanwhile. The pair is dropped; the store's record decides from now on.
 *
 * @since 0.1.0
 * @category errors
 */
export class RefreshTakenOver extends Schema.TaggedError<RefreshTakenOver>()("RefreshTakenOver", {
  grant: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `The refresh of grant ${this.grant} was taken over by another process before its rotated pair was stored`
  }
}

/**
 * Any failure of a token store.
 *
 * @since 0.1.0
 * @category unions
 */
export type StoreError = GrantNotFound | DecryptionFailed | UnknownKeyId | StoreFailure | RefreshTakenOver

/**
 * Whether a value is one of this package's errors.
 *
 * @since 0.1.0
 * @category guards
 */
export const isStoreError = (u: unknown): u is StoreError | InvalidKey => Predicate.hasProperty(u, TypeId)
