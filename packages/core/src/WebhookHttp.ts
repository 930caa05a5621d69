/**
 * A Notion webhook endpoint as an `HttpApp`, for `@effect/platform` servers and routers.
 *
 * @example
 * HttpRouter.empty.pipe(
 *   HttpRouter.post("/notion/webhook", WebhookHttp.handler({
 *     verificationToken: Config.redacted("NOTION_WEBHOOK_TOKEN").pipe(Config.option),
 *     onVerification: (token) => Effect.log("Paste this token into Notion to verify the subscription", token),
 *     onEvent: (event) => Queue.offer(events, event)
 *   }))
 * )
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
import * as Webhook from "./Webhook.js"

/**
 * Options of {@link handler}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<E, R, EV, RV, ET, RT> {
  /**
   * The subscription's verification token, or an effect reading it on each delivery (`None` before the handshake:
   * events are then answered 401).
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

const payloadErrors: Record<Webhook.WebhookPayloadError["reason"], string> = {
  json: "The body is not JSON",
  shape: "The body is not a Notion webhook event",
  stale: "The event is older than the accepted age"
}

/**
 * The webhook endpoint: reads the body once, answers the handshake (200, `onVerification`), checks
 * `X-Notion-Signature` (401), decodes the event (400 when malformed or stale), runs `onEvent` and answers 200.
 * A failing callback or token lookup answers 500, logged; no answer or log carries the token.
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
  const parseOptions = { maxAge: options.maxAge }
  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    if (request.method !== "POST") return reply(405, "Only POST is accepted")
    const read = yield* Effect.either(request.arrayBuffer)
    if (Either.isLeft(read)) return reply(400, "The body could not be read")
    const body = new Uint8Array(read.right)

    // parsed before the signature is checked (the handshake is unsigned), but trusted only after
    const payload = yield* Effect.either(Webhook.parse(body, parseOptions))
    if (Either.isRight(payload) && payload.right._tag === "Verification") {
      yield* options.onVerification(payload.right.token)
      return reply(200)
    }

    const verificationToken = yield* token
    if (Option.isNone(verificationToken)) return reply(401, "No verification token is configured yet")
    const signature = yield* Effect.either(Webhook.verifySignature({
      body,
      signature: request.headers["x-notion-signature"],
      verificationToken: verificationToken.value
    }))
    if (Either.isLeft(signature)) return reply(401, signature.left.message)

    if (Either.isLeft(payload)) return reply(400, payloadErrors[payload.left.reason])
    if (payload.right._tag !== "Event") return reply(400, payloadErrors.shape)
    yield* options.onEvent(payload.right.event)
    return reply(200)
  }).pipe(
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.interrupt
        : Effect.as(Effect.logError("Notion webhook handler failed", cause), reply(500, "Internal error"))
    )
  )
}
