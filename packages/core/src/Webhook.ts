/**
 * Notion webhooks: signature checks, the handshake and event schemas.
 *
 * Notion signs each delivery with HMAC-SHA256 over the raw body, keyed by the subscription's verification token,
 * and sends `X-Notion-Signature: sha256=<hex>`. With that header, {@link verifySignature} checks the exact bytes
 * received (re-serialised JSON fails) before anything is parsed, then {@link parseEvent} decodes them. The one
 * unsigned body is the handshake, exactly `{"verification_token": "secret_…"}`: {@link parseVerification}. Both
 * bound the body's size and nesting depth before parsing it ({@link Limits}), so no body can exhaust memory or
 * overflow the stack.
 *
 * Events form an open union on `type`: an event type this SDK does not know yet decodes to {@link UnknownEvent}
 * (every field kept) instead of failing; {@link isKnownEvent} narrows to the known ones. Unknown fields of known
 * events are kept too.
 *
 * @example
 * ```ts
 * import { Webhook } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 * import type * as Redacted from "effect/Redacted"
 *
 * const receive = (body: Uint8Array, signature: string | null, verificationToken: Redacted.Redacted<string>) =>
 *   Effect.gen(function*() {
 *     yield* Webhook.verifySignature({ body, signature, verificationToken })
 *     const event = yield* Webhook.parseEvent(body, { maxAge: "25 hours" })
 *     if (Webhook.isKnownEvent(event)) yield* Effect.log(`${event.type} on ${event.entity.id}`)
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Hmac from "./internal/hmac.js"
import { nestsDeeperThan } from "./internal/jsonDepth.js"
import { lazy } from "./internal/lazy.js"
import * as SchemaIssue from "./internal/schemaIssue.js"
import { Event, VerificationRequest } from "./internal/webhookEvents.js"

// ---------------------------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * A delivery whose `X-Notion-Signature` is `missing`, `malformed` (not `sha256=` and 64 hex digits) or a
 * `mismatch` (not the HMAC of this body under this token). Neither the token nor the header is kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookSignatureError extends Schema.TaggedError<WebhookSignatureError>()("WebhookSignatureError", {
  reason: Schema.Literal("missing", "malformed", "mismatch")
}) {
  /** @since 0.1.0 */
  override get message(): string {
    switch (this.reason) {
      case "missing":
        return "The X-Notion-Signature header is missing"
      case "malformed":
        return "The X-Notion-Signature header is not of the form sha256=<64 hex digits>"
      case "mismatch":
        return "The X-Notion-Signature header does not match the body"
    }
  }
}

/**
 * A body that is not `json`, not of a webhook's `shape` (the message names the failing paths, never values), or
 * `stale` (its `timestamp` is older than the `maxAge` asked for).
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookPayloadError extends Schema.TaggedError<WebhookPayloadError>()("WebhookPayloadError", {
  reason: Schema.Literal("json", "shape", "stale"),
  message: Schema.String
}) {}

/**
 * A body refused before it is parsed: larger than `limit` bytes (`size`), or with arrays and objects nested deeper
 * than `limit` levels (`depth`). See {@link Limits}.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookLimitError extends Schema.TaggedError<WebhookLimitError>()("WebhookLimitError", {
  reason: Schema.Literal("size", "depth"),
  limit: Schema.Number
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return this.reason === "size"
      ? `The webhook body is larger than ${this.limit} bytes`
      : `The webhook body nests arrays and objects deeper than ${this.limit} levels`
  }
}

/**
 * Every failure of this module.
 *
 * @since 0.1.0
 * @category errors
 */
export type WebhookError = WebhookSignatureError | WebhookPayloadError | WebhookLimitError

// ---------------------------------------------------------------------------------------------------------------
// signatures
// ---------------------------------------------------------------------------------------------------------------

const PREFIX = "sha256="
const HEX_DIGEST = /^[0-9a-f]{64}$/i

/**
 * Compares two byte strings in time that depends only on the longer length, never on where they differ. Different
 * lengths are unequal. The SDK's one constant-time comparison: webhook signatures here, OAuth states in
 * `@notion-effect/oauth`.
 *
 * @since 0.1.0
 * @category utils
 */
export const constantTimeEqual: (a: Uint8Array, b: Uint8Array) => boolean = Hmac.constantTimeEqual

/**
 * The `X-Notion-Signature` value Notion would send for `body` (`sha256=<hex>`): for tests and emulators.
 *
 * @since 0.1.0
 * @category signatures
 */
export const sign = (options: {
  readonly body: Uint8Array | string
  readonly verificationToken: Redacted.Redacted<string>
}): Effect.Effect<string> =>
  Effect.map(Hmac.sha256(options.verificationToken, options.body), (mac) => PREFIX + Hmac.toHex(mac))

/**
 * Succeeds when `signature` (the `X-Notion-Signature` header) is the HMAC-SHA256 of the exact `body` bytes keyed by
 * `verificationToken`, compared in constant time. Runs wherever Web Crypto does (Node, Deno, Bun, edge runtimes).
 *
 * @since 0.1.0
 * @category signatures
 */
export const verifySignature = (options: {
  readonly body: Uint8Array | string
  readonly signature: string | null | undefined
  readonly verificationToken: Redacted.Redacted<string>
}): Effect.Effect<void, WebhookSignatureError> =>
  Effect.suspend(() => {
    const signature = options.signature?.trim()
    if (signature === undefined || signature === "") return new WebhookSignatureError({ reason: "missing" })
    const hex = signature.slice(PREFIX.length)
    if (signature.slice(0, PREFIX.length).toLowerCase() !== PREFIX || !HEX_DIGEST.test(hex)) {
      return new WebhookSignatureError({ reason: "malformed" })
    }
    return Effect.flatMap(
      Hmac.sha256(options.verificationToken, options.body),
      (mac) =>
        Hmac.constantTimeEqual(mac, Hmac.fromHex(hex)) ? Effect.void : new WebhookSignatureError({ reason: "mismatch" })
    )
  })

// ---------------------------------------------------------------------------------------------------------------
// schemas (the event schemas live in their own file)
// ---------------------------------------------------------------------------------------------------------------

export * from "./internal/webhookEvents.js"

// ---------------------------------------------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a webhook body is: the handshake (its token, redacted) or an event.
 *
 * @since 0.1.0
 * @category models
 */
export type Payload =
  | { readonly _tag: "Verification"; readonly token: Redacted.Redacted<string> }
  | { readonly _tag: "Event"; readonly event: Event }

/**
 * The bounds a body must keep before it is parsed ({@link WebhookLimitError} otherwise).
 *
 * @since 0.1.0
 * @category models
 */
export interface Limits {
  /** The largest body accepted, in bytes: {@link defaultMaxBytes} when absent. */
  readonly maxBytes?: number | undefined
  /** The deepest nesting of arrays and objects accepted: {@link defaultMaxDepth} when absent. */
  readonly maxDepth?: number | undefined
}

/**
 * The default `maxBytes`: 1 MiB. Notion's events are signals of a few hundred bytes (ids, not content), so this
 * leaves a wide margin.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxBytes = 1024 * 1024

/**
 * The default `maxDepth`: 64. Notion's events nest 5 levels at most.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxDepth = 64

/**
 * Options of the parsers and of {@link decodeEvent} (which ignores the {@link Limits}: its input is parsed already).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions extends Limits {
  /**
   * Reject events whose `timestamp` is older than this (by `Clock`) as `stale`. Notion retries a delivery up to 8
   * times, the last about 24 hours after the event, so a smaller value drops late retries.
   */
  readonly maxAge?: Duration.DurationInput | undefined
}

const encoder = new TextEncoder()
const decoder = new TextDecoder("utf-8", { fatal: true })

/** Checks the limits on the bytes (a counter, no recursion), then parses them as JSON. */
const parseJson = (
  body: Uint8Array | string,
  limits: Limits
): Either.Either<unknown, WebhookPayloadError | WebhookLimitError> => {
  const bytes = typeof body === "string" ? encoder.encode(body) : body
  const maxBytes = limits.maxBytes ?? defaultMaxBytes
  if (bytes.length > maxBytes) return Either.left(new WebhookLimitError({ reason: "size", limit: maxBytes }))
  const maxDepth = limits.maxDepth ?? defaultMaxDepth
  if (nestsDeeperThan(bytes, maxDepth)) return Either.left(new WebhookLimitError({ reason: "depth", limit: maxDepth }))
  try {
    return Either.right(JSON.parse(typeof body === "string" ? body : decoder.decode(body)))
  } catch {
    // the SyntaxError quotes the body, which may be a handshake holding the token: never keep it
    return Either.left(new WebhookPayloadError({ reason: "json", message: "The webhook body is not JSON (UTF-8)" }))
  }
}

// compiled on first use, not at import
const isVerificationShape = lazy(() => Schema.is(VerificationRequest))

/** Exactly the handshake: its one field, a non-empty string, and nothing more. */
const isVerificationRequest = (json: unknown): json is typeof VerificationRequest.Type =>
  isVerificationShape()(json) && Object.keys(json).length === 1

const decodeUnknownEvent = lazy(() => SchemaIssue.decodeUnknownEither(Event, { onExcessProperty: "preserve" }))
const MAX_PATHS = 5

const shapeError = (issue: SchemaIssue.Issue): WebhookPayloadError => {
  // paths only: a value could be anything the sender put in the body
  const found = new Set<string>()
  SchemaIssue.leaves(issue, (path) => found.add(path.length === 0 ? "(root)" : path.join(".")))
  const paths = [...found]
  const listed = paths.slice(0, MAX_PATHS).join(", ") + (paths.length > MAX_PATHS ? ", …" : "")
  return new WebhookPayloadError({ reason: "shape", message: `The webhook body is not a Notion event at ${listed}` })
}

/**
 * Decodes a parsed JSON value as an {@link Event} (unknown types kept), checking its age when `maxAge` is set.
 *
 * @since 0.1.0
 * @category parsing
 */
export const decodeEvent = (json: unknown, options: ParseOptions = {}): Effect.Effect<Event, WebhookPayloadError> =>
  Effect.suspend(() => {
    const decoded = decodeUnknownEvent()(json)
    if (Either.isLeft(decoded)) return Effect.fail(shapeError(decoded.left))
    const event = decoded.right
    if (options.maxAge === undefined) return Effect.succeed(event)
    const maxAge = Duration.decode(options.maxAge)
    const at = Date.parse(event.timestamp)
    if (Number.isNaN(at)) {
      return new WebhookPayloadError({ reason: "shape", message: "The webhook event's timestamp is not a date" })
    }
    return Effect.flatMap(Clock.currentTimeMillis, (now) =>
      now - at > Duration.toMillis(maxAge)
        ? new WebhookPayloadError({
          reason: "stale",
          message: `The webhook event of ${event.timestamp} is older than ${Duration.format(maxAge)}`
        })
        : Effect.succeed(event))
  })

/**
 * Parses a signed body as an {@link Event}, within the {@link Limits}: never the handshake, even when it carries a
 * `verification_token` field. Call {@link verifySignature} on the same bytes first.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseEvent = (
  body: Uint8Array | string,
  options: ParseOptions = {}
): Effect.Effect<Event, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    return Either.isLeft(json) ? Effect.fail(json.left) : decodeEvent(json.right, options)
  })

/**
 * Parses an unsigned body as the handshake, within the {@link Limits}: its token, redacted, when the body is
 * exactly `{"verification_token": "<non-empty string>"}`; any other body fails (`json` or `shape`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVerification = (
  body: Uint8Array | string,
  options: Limits = {}
): Effect.Effect<Redacted.Redacted<string>, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    if (Either.isLeft(json)) return Effect.fail(json.left)
    return isVerificationRequest(json.right)
      ? Effect.succeed(Redacted.make(json.right.verification_token))
      : new WebhookPayloadError({ reason: "shape", message: "The webhook body is not the verification request" })
  })

/**
 * Parses a body, within the {@link Limits}, as the handshake (exactly `{verification_token}`) or an {@link Event}.
 * It does not check the signature and cannot tell which one the sender meant: a receiver that knows whether a
 * signature came with the body calls {@link parseVerification} or, after {@link verifySignature}, {@link parseEvent}.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  body: Uint8Array | string,
  options: ParseOptions = {}
): Effect.Effect<Payload, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    if (Either.isLeft(json)) return Effect.fail(json.left)
    if (isVerificationRequest(json.right)) {
      return Effect.succeed<Payload>({ _tag: "Verification", token: Redacted.make(json.right.verification_token) })
    }
    return Effect.map(decodeEvent(json.right, options), (event): Payload => ({ _tag: "Event", event }))
  })
