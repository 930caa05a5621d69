/**
 * A Notion webhook endpoint as an `HttpApp`, for `@effect/platform` servers and routers.
 *
 * @example
 * ```ts
 * import * as HttpRouter from "@effect/platform/HttpRouter"
 * import { type Webhook, WebhookHttp } from "@notion-effect/core"
 * import * as Config from "effect/Config"
 * import * as Effect from "effect/Effect"
 * import * as Queue from "effect/Queue"
 *
 * const router = (events: Queue.Queue<Webhook.Event>) =>
 *   HttpRouter.empty.pipe(
 *     HttpRouter.post(
 *       "/notion/webhook",
 *       WebhookHttp.handler({
 *         verificationToken: Config.redacted("NOTION_WEBHOOK_TOKEN").pipe(Config.option),
 *         onVerification: (token) => Effect.log("Paste this token into Notion to verify the subscription", token),
 *         onEvent: (event) => Queue.offer(events, event)
 *       })
 *     )
 *   )
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { concat } from "./internal/bytes.js"
import * as Webhook from "./Webhook.js"

/**
 * Options of {@link handler}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<E, R, EV, RV, ET, RT> extends Webhook.Limits {
  /**
   * The subscription's verification token, or an effect reading it on each signed delivery (`None` before the
   * handshake: events are then answered 401).
   */
  readonly verificationToken:
    | Redacted.Redacted<string>
    | Effect.Effect<Option.Option<Redacted.Redacted<string>>, ET, RT>
  /**
   * Receives the handshake's token. The handshake is not signed, so anyone can send one: show the token to a
   * person who pastes it into Notion; do not start trusting it on its own.
   */
  readonly onVerification: (token: Redacted.Redacted<string>) => Effect.Effect<void, EV, RV>
  /** Receives each verified event, unknown types included; a failure answers 500 (Notion retries). */
  readonly onEvent: (event: Webhook.Event) => Effect.Effect<void, E, R>
  /** Answer 400 to events whose `timestamp` is older than this (see {@link Webhook.ParseOptions}). */
  readonly maxAge?: Duration.DurationInput | undefined
}

const reply = (status: number, error?: string): HttpServerResponse.HttpServerResponse =>
  error === undefined ? HttpServerResponse.empty({ status }) : HttpServerResponse.unsafeJson({ error }, { status })

/** What the sender is told: a payload error's own message names paths of the body, which only the log keeps. */
const answers: Record<Webhook.WebhookPayloadError["reason"], string> = {
  json: "The body is not JSON",
  shape: "The body is not a Notion webhook event",
  stale: "The event is older than the accepted age"
}

/** A refused delivery: one warning line (no cause, no stack) and the answer; never the user's callbacks. */
const refuse = (status: 400 | 401, error: Webhook.WebhookError | string) => {
  const logged = typeof error === "string" ? error : error.message
  const answered = typeof error === "string" || error._tag !== "WebhookPayloadError" ? logged : answers[error.reason]
  return Effect.as(Effect.logWarning(`Notion webhook delivery refused (${status}): ${logged}`), reply(status, answered))
}

/**
 * Reads the body, refusing it (`size`) once it passes `maxBytes`: at once when its Content-Length says so, else
 * as it streams in. The rest of a refused stream is read and dropped, so the answer reaches the sender.
 */
const readBody = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<Uint8Array, Webhook.WebhookLimitError | "unreadable">> =>
  Effect.suspend(() => {
    const tooLarge = () => Either.left(new Webhook.WebhookLimitError({ reason: "size", limit: maxBytes }))
    if (Number(request.headers["content-length"]) > maxBytes) return Effect.succeed(tooLarge())
    const chunks: Array<Uint8Array> = []
    let size = 0
    return request.stream.pipe(
      Stream.runForEach((chunk) =>
        Effect.sync(() => {
          size += chunk.length
          if (size <= maxBytes) chunks.push(chunk)
        })
      ),
      Effect.match({
        onFailure: () => Either.left("unreadable" as const),
        onSuccess: () => size > maxBytes ? tooLarge() : Either.right(concat(chunks, size))
      })
    )
  })

/**
 * The webhook endpoint. It reads the body within `maxBytes`; with an `X-Notion-Signature` header it checks the
 * signature on the raw bytes (401) before parsing them as an event (400 when too deep, malformed or stale) for
 * `onEvent`; without one, only a body of exactly the handshake's shape goes to `onVerification`, anything else
 * is 401 (or 400 past the limits). Every refusal is one warning log line and never reaches the callbacks; a
 * failing callback or token lookup answers 500, logged. No answer or log carries the token.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handler = <E = never, R = never, EV = never, RV = never, ET = never, RT = never>(
  options: Options<E, R, EV, RV, ET, RT>
): HttpApp.Default<never, R | RV | RT> => {
  const token: Effect.Effect<Option.Option<Redacted.Redacted<string>>, ET, RT> =
    Redacted.isRedacted(options.verificationToken)
      ? Effect.succeed(Option.some(options.verificationToken))
      : options.verificationToken
  const limits = { maxBytes: options.maxBytes ?? Webhook.defaultMaxBytes, maxDepth: options.maxDepth }
  const parseOptions = { ...limits, maxAge: options.maxAge }
  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    if (request.method !== "POST") return reply(405, "Only POST is accepted")
    const read = yield* readBody(request, limits.maxBytes)
    if (Either.isLeft(read)) {
      return yield* refuse(400, read.left === "unreadable" ? "The body could not be read" : read.left)
    }
    const body = read.right
    const signature = request.headers["x-notion-signature"]

    if (signature === undefined) {
      const handshake = yield* Effect.either(Webhook.parseVerification(body, limits))
      if (Either.isRight(handshake)) {
        yield* options.onVerification(handshake.right)
        return reply(200)
      }
      // not the handshake: an event without its signature
      return yield* handshake.left._tag === "WebhookLimitError"
        ? refuse(400, handshake.left)
        : refuse(401, new Webhook.WebhookSignatureError({ reason: "missing" }))
    }

    const verificationToken = yield* token
    if (Option.isNone(verificationToken)) return yield* refuse(401, "No verification token is configured yet")
    const verified = yield* Effect.either(
      Webhook.verifySignature({ body, signature, verificationToken: verificationToken.value })
    )
    if (Either.isLeft(verified)) return yield* refuse(401, verified.left)
    const event = yield* Effect.either(Webhook.parseEvent(body, parseOptions))
    if (Either.isLeft(event)) return yield* refuse(400, event.left)
    yield* options.onEvent(event.right)
    return reply(200)
  }).pipe(
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.interrupt
        : Effect.as(Effect.logError("Notion webhook handler failed", cause), reply(500, "Internal error"))
    )
  )
}
