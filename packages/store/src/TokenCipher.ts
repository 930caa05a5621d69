/**
 * Encryption at rest of the tokens a store keeps: AES-256-GCM with Web Crypto (`globalThis.crypto.subtle`, so it
 * runs wherever Web Crypto does), a fresh 96-bit IV per token, and the grant and field bound as associated data (a
 * token copied into another record or column does not decrypt).
 *
 * Keys rotate: several keys can be configured, each with an id; records name the id they were written under, old
 * keys still decrypt and writes use the newest (the last). A wrong or missing key is a typed error
 * (`DecryptionFailed`, `UnknownKeyId`), never garbage and never a plaintext fallback.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DecryptionFailed, InvalidKey, StoreFailure, UnknownKeyId } from "./StoreError.js"

/**
 * One encryption key: an id (stored with every record written under it) and 32 random bytes, base64-encoded.
 *
 * @since 0.1.0
 * @category models
 */
export interface Key {
  readonly id: string
  readonly secret: Redacted.Redacted<string>
}

/**
 * What a sealed token is bound to: its grant and its field (`access_token`, `refresh_token`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Binding {
  readonly grant: string
  readonly field: string
}

/**
 * The cipher: encrypts under the newest key, decrypts under the key a record names.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The configured key ids, oldest first. */
  readonly keyIds: ReadonlyArray<string>
  /** The id of the key every write uses (the newest). */
  readonly currentKeyId: string
  /** Seals a token under {@link currentKeyId}: base64 of IV and ciphertext (with its tag). */
  readonly encrypt: (plaintext: Redacted.Redacted<string>, binding: Binding) => Effect.Effect<string, StoreFailure>
  /** Opens a sealed token written under `keyId`. */
  readonly decrypt: (
    sealed: string,
    keyId: string,
    binding: Binding
  ) => Effect.Effect<Redacted.Redacted<string>, DecryptionFailed | UnknownKeyId>
}

/**
 * The cipher's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class TokenCipher extends Context.Tag("@notion-effect/store/TokenCipher")<TokenCipher, Service>() {}

const IV_BYTES = 12
const TAG_BYTES = 16
const encoder = new TextEncoder()

const aad = (binding: Binding) => encoder.encode(`notion-effect/store:v1\u0000${binding.grant}\u0000${binding.field}`)

/** The bytes of a base64 (or base64url) secret, in a buffer of their own (zeroed by the caller after use). */
const decodeSecret = (secret: string): Uint8Array<ArrayBuffer> | undefined => {
  const trimmed = secret.trim()
  const decoded = Either.orElse(Encoding.decodeBase64(trimmed), () => Encoding.decodeBase64Url(trimmed))
  if (Either.isLeft(decoded)) return undefined
  const bytes = new Uint8Array(decoded.right)
  decoded.right.fill(0)
  return bytes
}

const validId = /^[A-Za-z0-9._-]{1,64}$/

/**
 * Imports the keys (non-extractable `CryptoKey`s; the raw bytes are zeroed afterwards). Fails with `InvalidKey`
 * when there is no key, an id is empty, repeated or has characters other than letters, digits, `.`, `_` and `-`,
 * or a secret is not 32 bytes of base64.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (keys: ReadonlyArray<Key>): Effect.Effect<Service, InvalidKey> =>
  Effect.gen(function*() {
    if (keys.length === 0) return yield* new InvalidKey({ keyId: "", reason: "no encryption key is configured" })
    const imported = new Map<string, CryptoKey>()
    for (const key of keys) {
      if (!validId.test(key.id)) {
        return yield* new InvalidKey({ keyId: key.id, reason: "ids are 1 to 64 letters, digits, '.', '_' or '-'" })
      }
      if (imported.has(key.id)) return yield* new InvalidKey({ keyId: key.id, reason: "the id is used twice" })
      const bytes = decodeSecret(Redacted.value(key.secret))
      if (bytes === undefined || bytes.length !== 32) {
        bytes?.fill(0)
        return yield* new InvalidKey({ keyId: key.id, reason: "a key is 32 random bytes, base64-encoded" })
      }
      const cryptoKey = yield* Effect.tryPromise({
        try: () => globalThis.crypto.subtle.importKey("raw", bytes, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]),
        catch: () => new InvalidKey({ keyId: key.id, reason: "Web Crypto refused it" })
      }).pipe(Effect.ensuring(Effect.sync(() => bytes.fill(0))))
      imported.set(key.id, cryptoKey)
    }
    const currentKeyId = keys[keys.length - 1]!.id
    const current = imported.get(currentKeyId)!

    const encrypt = (plaintext: Redacted.Redacted<string>, binding: Binding) =>
      Effect.tryPromise({
        try: async () => {
          const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
          const sealed = new Uint8Array(
            await globalThis.crypto.subtle.encrypt(
              { name: "AES-GCM", iv, additionalData: aad(binding), tagLength: TAG_BYTES * 8 },
              current,
              encoder.encode(Redacted.value(plaintext))
            )
          )
          const out = new Uint8Array(IV_BYTES + sealed.length)
          out.set(iv)
          out.set(sealed, IV_BYTES)
          return Encoding.encodeBase64(out)
        },
        catch: (cause) => new StoreFailure({ operation: "encrypt a token", cause })
      })

    const decrypt = (sealed: string, keyId: string, binding: Binding) =>
      Effect.suspend((): Effect.Effect<Redacted.Redacted<string>, DecryptionFailed | UnknownKeyId> => {
        const key = imported.get(keyId)
        if (key === undefined) return Effect.fail(new UnknownKeyId({ grant: binding.grant, keyId }))
        const failed = new DecryptionFailed({ grant: binding.grant, keyId })
        const bytes = Encoding.decodeBase64(sealed)
        if (Either.isLeft(bytes) || bytes.right.length < IV_BYTES + TAG_BYTES) return Effect.fail(failed)
        const data = new Uint8Array(bytes.right)
        return Effect.tryPromise({
          try: async () => {
            const plain = await globalThis.crypto.subtle.decrypt(
              {
                name: "AES-GCM",
                iv: data.subarray(0, IV_BYTES),
                additionalData: aad(binding),
                tagLength: TAG_BYTES * 8
              },
              key,
              data.subarray(IV_BYTES)
            )
            return Redacted.make(new TextDecoder("utf-8", { fatal: true }).decode(plain))
          },
          catch: () => failed
        })
      })

    return { keyIds: keys.map((key) => key.id), currentKeyId, encrypt, decrypt }
  })

/**
 * Provides the cipher with keys given in code (oldest first; writes use the last).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (keys: ReadonlyArray<Key>): Layer.Layer<TokenCipher, InvalidKey> =>
  Layer.effect(TokenCipher, make(keys))

/**
 * Parses a key list: `id:base64,id:base64` (oldest first; writes use the last). A single entry without an id gets
 * the id `default`. Fails with `InvalidKey` naming the entry, never showing a secret.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseKeys = (value: Redacted.Redacted<string>): Either.Either<ReadonlyArray<Key>, InvalidKey> => {
  const entries = Redacted.value(value).split(",").map((entry) => entry.trim()).filter((entry) => entry !== "")
  const keys: Array<Key> = []
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":")
    if (colon === -1) {
      if (entries.length > 1) {
        return Either.left(new InvalidKey({ keyId: `#${index + 1}`, reason: "several keys each need an id (id:key)" }))
      }
      keys.push({ id: "default", secret: Redacted.make(entry) })
    } else {
      keys.push({ id: entry.slice(0, colon).trim(), secret: Redacted.make(entry.slice(colon + 1)) })
    }
  }
  return Either.right(keys)
}

/**
 * Reads the keys from configuration, by default `NOTION_STORE_KEYS` (see {@link parseKeys}). A missing variable is
 * a `ConfigError` naming it: there is no unencrypted mode.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config<Redacted.Redacted<string>> = Config.redacted("NOTION_STORE_KEYS")
): Layer.Layer<TokenCipher, ConfigError.ConfigError | InvalidKey> =>
  Layer.effect(
    TokenCipher,
    Effect.flatMap(config, (value) => {
      const keys = parseKeys(value)
      return Either.isLeft(keys) ? Effect.fail(keys.left) : make(keys.right)
    })
  )

/**
 * A fresh random key (32 bytes from `crypto.getRandomValues`, base64), e.g. to print once and put in config.
 *
 * @since 0.1.0
 * @category constructors
 */
export const generateKey: Effect.Effect<Redacted.Redacted<string>> = Effect.sync(() =>
  Redacted.make(Encoding.encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32))))
)
