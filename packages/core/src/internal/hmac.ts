/**
 * HMAC-SHA256 with Web Crypto, hex, and the constant-time comparison: the crypto behind `Webhook`'s signatures.
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

const encoder = new TextEncoder()

/** HMAC-SHA256 of `body` keyed by the token, with Web Crypto (Node, Deno, Bun, edge runtimes). */
export const sha256 = (verificationToken: Redacted.Redacted<string>, body: Uint8Array | string) =>
  Effect.suspend(() => {
    const subtle = globalThis.crypto?.subtle
    if (subtle === undefined) return Effect.dieMessage("Webhook signatures need Web Crypto (globalThis.crypto.subtle)")
    const key = encoder.encode(Redacted.value(verificationToken))
    if (key.length === 0) return Effect.dieMessage("The webhook verification token is empty")
    // a fresh ArrayBuffer-backed copy: `subtle.sign` rejects views of a SharedArrayBuffer
    const data = typeof body === "string" ? encoder.encode(body) : new Uint8Array(body)
    return Effect.tryPromise({
      try: async () => {
        const cryptoKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
        return new Uint8Array(await subtle.sign("HMAC", cryptoKey, data))
      },
      // the underlying error says nothing useful and must not carry the key
      catch: () => new Error("HMAC-SHA256 with Web Crypto failed")
    }).pipe(Effect.orDie)
  })

/** Bytes as lowercase hex. */
export const toHex = (bytes: Uint8Array): string => {
  let hex = ""
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0")
  return hex
}

/** Hex (already checked to be hex of even length) as bytes. */
export const fromHex = (hex: string): Uint8Array => {
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** Equal bytes, compared in time that depends only on the longer length (see `Webhook.constantTimeEqual`). */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  const length = Math.max(a.length, b.length)
  let diff = a.length ^ b.length
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}
