/**
 * Mutations of a signed webhook delivery, as a network, a buggy proxy or an attacker would make them — bit flips,
 * truncations, swapped, duplicated or missing headers, wrong signatures, deep nesting, huge bodies, handshake
 * look-alikes — and the oracle that tells whether a mutated delivery is, in fact, still a valid one (a header
 * order change, a re-cased name or hex digit leaves it valid; it should then reach the receiver's handler).
 */
import { createHmac } from "node:crypto"
import type { RawRequest } from "./rawHttp.js"

/** A valid delivery: an event's exact bytes and their `X-Notion-Signature`. */
export interface Signed {
  readonly body: Uint8Array
  readonly signature: string
}

/** What the mutations draw from: a seeded random source, the real token, and another valid delivery. */
export interface Context {
  readonly random: () => number
  readonly token: string
  readonly other: Signed
}

/** One way to mutate a delivery; `weight` is its share of the deliveries. */
export interface Mutation {
  readonly name: string
  readonly weight: number
  readonly apply: (delivery: Signed, context: Context) => RawRequest
}

/** The `sha256=<hex>` signature of `body` under `token` (node:crypto, independent of the code under test). */
export const signatureOf = (token: string, body: Uint8Array | string): string =>
  `sha256=${createHmac("sha256", token).update(body).digest("hex")}`

/** A seeded generator of numbers in [0, 1) (mulberry32), so a run can be repeated. */
export const seeded = (seed: number): () => number => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PATH = "/webhooks"
const SIGNATURE = "x-notion-signature"
const encoder = new TextEncoder()
const decoder = new TextDecoder("utf-8", { fatal: true })

const below = (random: () => number, n: number) => Math.floor(random() * n)

/** The header lines Notion sends with a delivery. */
export const headersOf = (signature: string | undefined): Array<[string, string]> => [
  ["content-type", "application/json"],
  ["user-agent", "notion-api"],
  ...(signature === undefined ? [] : [[SIGNATURE, signature] as [string, string]])
]

const request = (body: Uint8Array | string, signature: string | undefined, chunked = false): RawRequest => ({
  path: PATH,
  headers: headersOf(signature),
  body: typeof body === "string" ? encoder.encode(body) : body,
  chunked
})

const withHeaders = (delivery: Signed, headers: ReadonlyArray<readonly [string, string]>): RawRequest => ({
  path: PATH,
  headers,
  body: delivery.body
})

const flipBits = (bytes: Uint8Array, random: () => number, flips: number): Uint8Array => {
  const out = new Uint8Array(bytes)
  for (let i = 0; i < flips; i++) out[below(random, out.length)]! ^= 1 << below(random, 8)
  return out
}

/** Flips one bit of a header value, keeping it a value HTTP can carry (visible ASCII), so it reaches the server. */
const flipHeaderBit = (value: string, random: () => number): string => {
  for (;;) {
    const at = below(random, value.length)
    const code = value.charCodeAt(at) ^ (1 << below(random, 7))
    if (code > 0x20 && code < 0x7f) return value.slice(0, at) + String.fromCharCode(code) + value.slice(at + 1)
  }
}

const deepArrays = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

/** The event's JSON with `field` set to `value`, as bytes. */
const extended = (delivery: Signed, field: string, value: unknown): Uint8Array =>
  encoder.encode(JSON.stringify({ ...JSON.parse(decoder.decode(delivery.body)), [field]: value }))

/** A body over 1 MiB (the receiver's bound), 1 to 2 MiB. */
const huge = (delivery: Signed, random: () => number) =>
  extended(delivery, "pad", "x".repeat(1024 * 1024 + below(random, 1024 * 1024)))

const signedWith = (token: string, body: Uint8Array | string) => request(body, signatureOf(token, body))

/** Every mutation, with its weight (huge bodies are rare: each one is megabytes on the wire). */
export const mutations: ReadonlyArray<Mutation> = [
  {
    name: "bit flips in the body",
    weight: 12,
    apply: (d, { random }) => request(flipBits(d.body, random, 1 + below(random, 3)), d.signature)
  },
  {
    name: "a bit flip in the signature",
    weight: 8,
    apply: (d, { random }) => request(d.body, flipHeaderBit(d.signature, random))
  },
  {
    name: "truncated body",
    weight: 10,
    apply: (d, { random }) => request(d.body.subarray(0, below(random, d.body.length)), d.signature)
  },
  {
    name: "truncated signature",
    weight: 4,
    apply: (d, { random }) => request(d.body, d.signature.slice(0, below(random, d.signature.length)))
  },
  { name: "signature header missing", weight: 5, apply: (d) => request(d.body, undefined) },
  {
    name: "signature header duplicated",
    weight: 4,
    apply: (d) => withHeaders(d, [...headersOf(d.signature), [SIGNATURE, d.signature]])
  },
  {
    name: "signature header duplicated with another value",
    weight: 4,
    apply: (d, { other, random }) => {
      const lines = headersOf(d.signature)
      return withHeaders(
        d,
        random() < 0.5 ? [[SIGNATURE, other.signature], ...lines] : [...lines, [SIGNATURE, other.signature]]
      )
    }
  },
  {
    name: "header values swapped",
    weight: 4,
    apply: (d) =>
      withHeaders(d, [["content-type", d.signature], ["user-agent", "notion-api"], [SIGNATURE, "application/json"]])
  },
  {
    name: "headers re-ordered",
    weight: 4,
    apply: (d, { random }) => {
      const lines = headersOf(d.signature)
      for (let i = lines.length - 1; i > 0; i--) {
        const j = below(random, i + 1)
        ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
      }
      return withHeaders(d, lines)
    }
  },
  {
    name: "header names re-cased",
    weight: 3,
    apply: (d) => withHeaders(d, headersOf(d.signature).map(([name, value]) => [name.toUpperCase(), value]))
  },
  {
    name: "content-type duplicated",
    weight: 2,
    apply: (d) => withHeaders(d, [...headersOf(d.signature), ["content-type", "text/plain"]])
  },
  { name: "signed with another token", weight: 5, apply: (d, { token }) => signedWith(`${token}x`, d.body) },
  { name: "another delivery's signature", weight: 4, apply: (d, { other }) => request(d.body, other.signature) },
  { name: "not sha256", weight: 2, apply: (d) => request(d.body, d.signature.replace("sha256=", "sha1=")) },
  {
    name: "body re-serialised",
    weight: 3,
    apply: (d) => request(JSON.stringify(JSON.parse(decoder.decode(d.body)), null, 1), d.signature)
  },
  { name: "3,000-deep arrays, unsigned", weight: 4, apply: () => request(deepArrays(3_000), undefined) },
  {
    name: "3,000-deep arrays, validly signed",
    weight: 3,
    apply: (_, { token }) => signedWith(token, deepArrays(3_000))
  },
  {
    name: "a 3,000-deep value in a validly signed event",
    weight: 3,
    apply: (d, { token }) => signedWith(token, `{"extra":${deepArrays(3_000)},${decoder.decode(d.body).slice(1)}`)
  },
  {
    name: "3,000-deep objects under a forged signature",
    weight: 2,
    apply: (d) => request(`${"{\"a\":".repeat(3_000)}1${"}".repeat(3_000)}`, d.signature)
  },
  {
    name: "huge body, Content-Length",
    weight: 0.25,
    apply: (d, { random, token }) => signedWith(token, huge(d, random))
  },
  {
    name: "huge body, chunked",
    weight: 0.25,
    apply: (d, { random, token }) => {
      const body = huge(d, random)
      return request(body, signatureOf(token, body), true)
    }
  },
  {
    name: "handshake look-alike, unsigned",
    weight: 5,
    apply: (d, { random, token }) => {
      const lookAlikes: ReadonlyArray<unknown> = [
        { verification_token: token, extra: true },
        { verification_token: 42 },
        { verification_token: "" },
        [{ verification_token: token }],
        { ...JSON.parse(decoder.decode(d.body)), verification_token: token }
      ]
      return request(JSON.stringify(lookAlikes[below(random, lookAlikes.length)]), undefined)
    }
  },
  {
    name: "handshake under a wrong signature",
    weight: 3,
    apply: (d) => request(JSON.stringify({ verification_token: "secret_forged" }), d.signature)
  },
  {
    name: "handshake, validly signed (a signed body is an event)",
    weight: 2,
    apply: (_, { token }) => signedWith(token, JSON.stringify({ verification_token: token }))
  },
  {
    name: "not UTF-8, validly signed",
    weight: 2,
    apply: (d, { token }) => {
      const body = new Uint8Array(d.body)
      body[body.indexOf(0x3a) + 2] = 0xff // inside the first string value
      return signedWith(token, body)
    }
  },
  {
    name: "empty body",
    weight: 2,
    apply: (_, { random, token }) => request(new Uint8Array(0), random() < 0.5 ? undefined : signatureOf(token, ""))
  }
]

const isHandshake = (body: Uint8Array): boolean => {
  try {
    const json: unknown = JSON.parse(decoder.decode(body))
    return typeof json === "object" && json !== null && !Array.isArray(json) && Object.keys(json).length === 1 &&
      typeof (json as Record<string, unknown>).verification_token === "string" &&
      (json as Record<string, string>).verification_token !== ""
  } catch {
    return false
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i])

/**
 * Whether a sent request is still a valid delivery of `original` (so it should reach the handler): exactly one
 * signature header whose value is the HMAC of the unchanged body (the prefix and hex digits in any case), or no
 * signature and exactly the handshake's body. Header order, name case and other headers do not matter in HTTP.
 */
export const isStillValid = (sent: RawRequest, original: Signed, token: string): boolean => {
  const signatures = sent.headers.filter(([name]) => name.toLowerCase() === SIGNATURE)
  if (signatures.length === 0) return isHandshake(sent.body)
  if (signatures.length > 1 || !sameBytes(sent.body, original.body)) return false
  return signatures[0]![1].trim().toLowerCase() === signatureOf(token, sent.body)
}
