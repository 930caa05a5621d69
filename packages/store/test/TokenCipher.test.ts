// AES-256-GCM at rest: round trips, bindings, key rotation, and typed errors for every bad key or record.
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { StoreFailure } from "../src/StoreError.js"
import * as TokenCipher from "../src/TokenCipher.js"
import { keysEnv, makeKeys } from "./utils.js"

const token = Redacted.make("ntn_1234567890abcdef")
const binding = { grant: "bot-1", field: "access_token" }

describe("TokenCipher", () => {
  it.effect("seals with a fresh IV each time, opens what it sealed, never shows the plaintext", () =>
    Effect.gen(function*() {
      const cipher = yield* TokenCipher.make(yield* makeKeys("k1"))
      const a = yield* cipher.encrypt(token, binding)
      const b = yield* cipher.encrypt(token, binding)
      assert.notStrictEqual(a, b)
      assert.match(a, /^[A-Za-z0-9+/]+=*$/)
      assert.notInclude(Buffer.from(a, "base64").toString("latin1"), "ntn_")
      assert.strictEqual(Redacted.value(yield* cipher.decrypt(a, "k1", binding)), Redacted.value(token))
    }))

  it.effect("a sealed token only opens for its grant and field", () =>
    Effect.gen(function*() {
      const cipher = yield* TokenCipher.make(yield* makeKeys("k1"))
      const sealed = yield* cipher.encrypt(token, binding)
      for (const other of [{ ...binding, grant: "bot-2" }, { ...binding, field: "refresh_token" }]) {
        const error = yield* Effect.flip(cipher.decrypt(sealed, "k1", other))
        assert.strictEqual(error._tag, "DecryptionFailed")
      }
    }))

  it.effect("rotation: writes use the newest key, old keys still open; a missing or wrong key is a typed error", () =>
    Effect.gen(function*() {
      const [k1, k2] = yield* makeKeys("k1", "k2")
      const old = yield* TokenCipher.make([k1!])
      const both = yield* TokenCipher.make([k1!, k2!])
      assert.strictEqual(both.currentKeyId, "k2")
      assert.deepStrictEqual(both.keyIds, ["k1", "k2"])
      const underK1 = yield* old.encrypt(token, binding)
      assert.strictEqual(Redacted.value(yield* both.decrypt(underK1, "k1", binding)), Redacted.value(token))
      const underK2 = yield* both.encrypt(token, binding)
      const unknown = yield* Effect.flip(old.decrypt(underK2, "k2", binding))
      assert.deepStrictEqual([unknown._tag, unknown.keyId, unknown.grant], ["UnknownKeyId", "k2", "bot-1"])
      // the right id, the wrong key
      const impostor = yield* TokenCipher.make(yield* makeKeys("k2"))
      const wrong = yield* Effect.flip(impostor.decrypt(underK2, "k2", binding))
      assert.strictEqual(wrong._tag, "DecryptionFailed")
      assert.strictEqual(
        wrong.message,
        `The tokens of grant bot-1 do not decrypt with key "k2": a wrong key, or an altered record`
      )
    }))

  it.effect("unusable keys are refused with InvalidKey, and no message shows a secret", () =>
    Effect.gen(function*() {
      const secret = Buffer.alloc(16, 7).toString("base64")
      const good = (yield* makeKeys("k"))[0]!
      const cases: ReadonlyArray<readonly [string, ReadonlyArray<TokenCipher.Key>]> = [
        ["no key", []],
        ["16 bytes", [{ id: "k", secret: Redacted.make(secret) }]],
        ["not base64", [{ id: "k", secret: Redacted.make("!!not base64!!") }]],
        ["bad id", [{ id: "a:b", secret: good.secret }]],
        ["empty id", [{ id: "", secret: good.secret }]],
        ["twice", [good, good]]
      ]
      for (const [name, keys] of cases) {
        const error = yield* Effect.flip(TokenCipher.make(keys))
        assert.strictEqual(error._tag, "InvalidKey", name)
        assert.notInclude(error.message, secret, name)
        assert.notInclude(error.message, Redacted.value(good.secret), name)
      }
    }))

  it.effect("parses key lists: ids in order, one bare key as `default`, several bare keys refused", () =>
    Effect.gen(function*() {
      const keys = yield* makeKeys("2025-01", "2025-06")
      const parsed = Either.getOrThrow(TokenCipher.parseKeys(Redacted.make(` ${keysEnv(keys)} `)))
      assert.deepStrictEqual(parsed.map((key) => key.id), ["2025-01", "2025-06"])
      assert.strictEqual(Redacted.value(parsed[1]!.secret), Redacted.value(keys[1]!.secret))
      const bare = Either.getOrThrow(TokenCipher.parseKeys(keys[0]!.secret))
      assert.deepStrictEqual(bare.map((key) => key.id), ["default"])
      const several = TokenCipher.parseKeys(Redacted.make(`${Redacted.value(keys[0]!.secret)},x`))
      assert.isTrue(Either.isLeft(several))
    }))

  it.effect("layerConfig reads NOTION_STORE_KEYS; without it there is a ConfigError, never a plaintext mode", () =>
    Effect.gen(function*() {
      const keys = yield* makeKeys("a", "b")
      const cipher = yield* Effect.scoped(
        Effect.flatMap(
          Layer.build(TokenCipher.layerConfig()),
          (context) => Effect.provide(TokenCipher.TokenCipher, context)
        )
      ).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["NOTION_STORE_KEYS", keysEnv(keys)]]))))
      assert.strictEqual(cipher.currentKeyId, "b")
      const missing = yield* Effect.flip(
        Effect.scoped(Layer.build(TokenCipher.layerConfig())).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
        )
      )
      assert.include(String(missing), "NOTION_STORE_KEYS")
    }))

  it.effect("a store failure's message names the operation and the driver's reason", () =>
    Effect.sync(() => {
      const driver = new Error("SQLITE_BUSY: database is locked")
      const failure = new StoreFailure({ operation: "save a grant", cause: new Error("Failed", { cause: driver }) })
      assert.strictEqual(failure.message, "The token store failed to save a grant: SQLITE_BUSY: database is locked")
    }))
})
