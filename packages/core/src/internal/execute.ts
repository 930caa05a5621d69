import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import type * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import * as NotionAuth from "../NotionAuth.js"
import type { BasicCredentials } from "../NotionAuth.js"
import type * as NotionConfig from "../NotionConfig.js"
import * as NotionError from "../NotionError.js"
import type * as NotionRetry from "../NotionRetry.js"
import type { Built } from "./request.js"
import { apiError, type Decoder, decodeSuccess, type RawResponse, scrub } from "./response.js"

/** What every call of one client shares. */
export interface Runtime {
  /** The provided `HttpClient`, composed once: base URL, the platform span disabled, the user's transform. */
  readonly http: HttpClient.HttpClient
  readonly config: NotionConfig.Service
  readonly auth: NotionAuth.Service
  /** The client's custom headers (`NotionConfig`'s `headers`). */
  readonly clientHeaders: Headers.Headers
  /** The SDK's own headers: `notion-version`, `user-agent`, `accept`. */
  readonly sdkHeaders: Headers.Headers
  /** The client's custom headers under the SDK's: what a call without custom headers sends. */
  readonly headers: Headers.Headers
}

/** Options every call accepts. */
export interface Call {
  readonly auth?: Redacted.Redacted<string> | BasicCredentials | undefined
  readonly retry?: NotionRetry.RetrySchedule | false | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** How to read and interpret the answer of one endpoint. */
export interface Interpret<A> {
  readonly decoder: Decoder<A>
  readonly sensitive: boolean
  /** Whether the OAuth-only error codes are this endpoint's (else they decode as `UnknownApiError`). */
  readonly oauth: boolean
}

const reasonOf = (cause: unknown, secrets: ReadonlyArray<string>): string => {
  const parts: Array<string> = []
  let current: unknown = cause
  for (let depth = 0; depth < 4 && Predicate.isObject(current); depth++) {
    const message = "message" in current && typeof current.message === "string" ? current.message : ""
    const code = "code" in current && typeof current.code === "string" ? current.code : ""
    const text = message.includes(code) ? message : [code, message].filter(Boolean).join(" ")
    if (text !== "" && !parts.includes(text)) parts.push(text)
    current = "cause" in current ? current.cause : undefined
  }
  return scrub(parts.join(": ").slice(0, 500), secrets) || "unknown transport failure"
}

const transportError = (built: Built, error: HttpClientError.HttpClientError) => {
  // keep the underlying error, never the platform error: it holds the request and its headers
  const cause = error.cause
  const reason = reasonOf(cause, built.secrets)
  return new NotionError.TransportError({
    method: built.method,
    path: built.path,
    reason: error._tag === "ResponseError"
      ? `the response could not be read: ${reason}`
      : error.reason === "Transport"
      ? reason
      : `${error.reason}: ${reason}`,
    ...(cause instanceof Error ? { cause } : {})
  })
}

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/** Reads the whole body, never past `limit` bytes: a larger body fails with `ResponseTooLarge`, unread. */
const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number,
  tooLarge: () => NotionError.ResponseTooLarge
): Effect.Effect<string, NotionError.ResponseTooLarge | HttpClientError.ResponseError> => {
  const declared = response.headers["content-length"]
  if (declared !== undefined && /^\d+$/.test(declared)) {
    // the runtime enforces the declared length, so reading it whole cannot go past the limit
    return Number(declared) <= limit
      ? response.text
      : Effect.zipRight(Stream.runDrain(Stream.take(response.stream, 0)), Effect.fail(tooLarge()))
  }
  return Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return Stream.runForEach(response.stream, (chunk) => {
      size += chunk.length
      if (size > limit) return Effect.fail(tooLarge())
      chunks.push(chunk)
      return Effect.void
    }).pipe(
      Effect.map(() => new TextDecoder().decode(concat(chunks, size))),
      // a response without a body (204, or an empty error) reads as ""
      Effect.catchIf((e) => e._tag === "ResponseError" && e.reason === "EmptyBody", () => Effect.succeed(""))
    )
  })
}

/** One attempt: send, read the body (bounded), interpret and decode — all within the timeout. */
const attempt = <A>(
  runtime: Runtime,
  built: Built,
  interpret: Interpret<A>
): Effect.Effect<A, NotionError.NotionError> => {
  const { config } = runtime
  const where = { method: built.method, path: built.path }
  return runtime.http.execute(built.request).pipe(
    Effect.flatMap((response) => {
      const ids = {
        ...(response.headers["x-notion-request-id"] ? { requestId: response.headers["x-notion-request-id"] } : {}),
        ...(response.headers["cf-ray"] ? { cfRay: response.headers["cf-ray"] } : {})
      }
      return Effect.map(
        readBody(
          response,
          config.maxResponseBytes,
          () =>
            new NotionError.ResponseTooLarge({
              ...where,
              status: response.status,
              limit: config.maxResponseBytes,
              ...ids
            })
        ),
        (body): RawResponse => ({
          ...where,
          status: response.status,
          headers: response.headers,
          body,
          secrets: built.secrets,
          sensitive: interpret.sensitive
        })
      )
    }),
    Effect.catchTags({
      RequestError: (error) => Effect.fail(transportError(built, error)),
      ResponseError: (error) => Effect.fail(transportError(built, error))
    }),
    Effect.tap((raw) =>
      Effect.zipRight(
        Effect.annotateCurrentSpan(
          raw.headers["x-notion-request-id"] === undefined
            ? { "http.response.status_code": raw.status }
            : { "http.response.status_code": raw.status, "notion.request_id": raw.headers["x-notion-request-id"] }
        ),
        Effect.logDebug(`notion ${raw.method} ${raw.path} answered ${raw.status}`)
      )
    ),
    Effect.flatMap((raw) =>
      raw.status >= 200 && raw.status < 300
        ? decodeSuccess(raw, interpret.decoder)
        : Effect.flip(apiError(raw, interpret.oauth))
    ),
    Effect.timeoutFail({
      duration: config.timeout,
      onTimeout: () => new NotionError.RequestTimeout({ ...where, timeout: config.timeout })
    })
  )
}

/** Retries only after a failure: the success path builds no schedule at all. */
const withRetry = <A>(
  once: Effect.Effect<A, NotionError.NotionError>,
  schedule: NotionRetry.RetrySchedule | undefined,
  method: string
): Effect.Effect<A, NotionError.NotionError> => {
  if (schedule === undefined) return once
  const policy = Schedule.mapInput(schedule, (error: NotionError.NotionError) => ({ error, method }))
  return Effect.catchAll(once, (first) => {
    let replayed = false
    // the first failure is fed to the schedule without sending the request again
    const next = Effect.suspend(() => replayed ? once : (replayed = true, Effect.fail(first)))
    return Effect.retry(next, policy)
  })
}

/** Adds the W3C trace context of the current span, when the user opted in. */
const propagate = (runtime: Runtime, built: Built): Effect.Effect<Built> =>
  runtime.config.tracerPropagation
    ? Effect.map(
      Effect.option(Effect.currentSpan),
      (span) =>
        Option.isNone(span)
          ? built
          : { ...built, request: HttpClientRequest.setHeaders(built.request, HttpTraceContext.toHeaders(span.value)) }
    )
    : Effect.succeed(built)

const withCustomHeaders = (runtime: Runtime, custom: Call["headers"]): Headers.Headers =>
  custom === undefined
    ? runtime.headers
    : Headers.merge(Headers.merge(runtime.clientHeaders, Headers.fromInput(custom)), runtime.sdkHeaders)

/**
 * Runs one call in a span named after the endpoint: resolves the credentials, builds the request, sends it
 * with retries, decodes the answer; a 401 to the AuthLayer's token refreshes it once when the layer can.
 */
export const run = <A>(
  runtime: Runtime,
  spanName: string,
  attributes: Record<string, unknown>,
  call: Call,
  security: "bearer" | "basic",
  build: (
    headers: Headers.Headers,
    authorization: Redacted.Redacted<string> | BasicCredentials | undefined
  ) => Either.Either<Built, NotionError.NotionError>,
  interpret: Interpret<A>
): Effect.Effect<A, NotionError.NotionError> => {
  const headers = withCustomHeaders(runtime, call.headers)
  const schedule = call.retry === false ? undefined : call.retry ?? runtime.config.retry
  const send = (authorization: Redacted.Redacted<string> | BasicCredentials | undefined) => {
    const built = build(headers, authorization)
    if (Either.isLeft(built)) return Effect.fail(built.left)
    return Effect.flatMap(
      propagate(runtime, built.right),
      (ready) => withRetry(attempt(runtime, ready, interpret), schedule, ready.method)
    )
  }
  const program: Effect.Effect<A, NotionError.NotionError> = security === "basic"
    ? send(call.auth)
    : Effect.flatMap(
      NotionAuth.resolve(runtime.auth, call.auth as Redacted.Redacted<string> | undefined),
      (resolved) => {
        const token = Option.getOrUndefined(resolved.token)
        const refresh = runtime.auth.refresh
        if (!resolved.fromSource || refresh === undefined || token === undefined) return send(token)
        // a 401 to the AuthLayer's token: refresh once, retry once; a second 401 is returned as is
        return Effect.catchTag(send(token), "Unauthorized", (error) =>
          Effect.flatMap(
            refresh(token),
            Option.match({ onNone: () => Effect.fail(error), onSome: (fresh) => send(fresh) })
          ))
      }
    )
  return Effect.withSpan(program, spanName, { kind: "client", captureStackTrace: false, attributes })
}
