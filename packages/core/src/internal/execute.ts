/**
 * Runs one call. {@link run} reads top to bottom, one section per step below it:
 *
 * 1. credentials: the call's token, `NotionAuth.withToken`'s or the AuthLayer's (a 401 to the last refreshes once);
 * 2. build: the request, with the call's headers and the trace context;
 * 3. limit: the client-side rate limiter around each attempt;
 * 4. attempt: send and read the body, bounded by the timeout (`attemptTimeout.ts` owns how);
 * 5. interpret: decode a success, or the API error;
 * 6. retry: by the call's schedule, only after a failure;
 * 7. metrics and span: counted per endpoint and status, in a span only when a real tracer is installed.
 *
 * This is the hot path, so it is written to run few effects: the fixed token, metrics and debug logs are
 * read or updated synchronously, what an endpoint's calls share ({@link Target}) is made once per endpoint, and the
 * span is only made when a real tracer is installed.
 */
import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Tracer from "effect/Tracer"
import * as NotionAuth from "../NotionAuth.js"
import type { BasicCredentials } from "../NotionAuth.js"
import * as NotionError from "../NotionError.js"
import * as NotionMetrics from "../NotionMetrics.js"
import * as NotionRateLimiter from "../NotionRateLimiter.js"
import type * as NotionRetry from "../NotionRetry.js"
import * as AttemptTimeout from "./attemptTimeout.js"
import * as FiberRuntime from "./fiberRuntime.js"
import * as MetricLabels from "./metricLabels.js"
import type { Built } from "./request.js"
import { apiError, type Decoder, decodeSuccess, type RawResponse, readBody, transportError } from "./response.js"

/** What every call of one client shares: its clients and timeout (see `attemptTimeout.ts`), auth, limiter, headers. */
export interface Runtime extends AttemptTimeout.Clients {
  readonly auth: NotionAuth.Service
  readonly limiter: NotionRateLimiter.Service
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
  /** The `Notion-Version` of this request only. */
  readonly notionVersion?: string | undefined
}

/** How to read and interpret the answer of one endpoint. */
export interface Interpret<A> {
  readonly decoder: Decoder<A>
  readonly sensitive: boolean
  /** Whether the OAuth-only error codes are this endpoint's (else they decode as `UnknownApiError`). */
  readonly oauth: boolean
}

/**
 * The metric labels of one endpoint, made once: a metric updated with the same labels array reuses its hook
 * (a fresh array, as `Metric.tagged` makes on every update, builds a new metric key each time).
 */
export interface Meters {
  readonly endpoint: string
  readonly labels: MetricLabels.Labels
  readonly byStatus: Map<string, MetricLabels.Labels>
}

/** The metric labels of an endpoint. */
export const meters = (endpoint: string): Meters => ({
  endpoint,
  labels: MetricLabels.make({ endpoint }),
  byStatus: new Map()
})

/** What every call of one endpoint shares, made once per endpoint (the escape hatch makes one per call). */
export interface Target<A> {
  /** The span of each call (only made when a real tracer is installed); its attributes are never mutated. */
  readonly span: { readonly name: string; readonly attributes: Record<string, unknown> }
  /** How the endpoint authenticates: a bearer token, or the OAuth client's Basic credentials (`Call.auth`). */
  readonly security: "bearer" | "basic"
  readonly meter: Meters
  readonly interpret: Interpret<A>
}

type Authorization = Redacted.Redacted<string> | BasicCredentials | undefined

/** One call of {@link run}. */
export interface Run<A> {
  readonly target: Target<A>
  readonly call: Call
  /** Builds the request from the headers to send and the resolved credentials. */
  readonly build: (
    headers: Headers.Headers,
    authorization: Authorization
  ) => Either.Either<Built, NotionError.NotionError>
}

/** What a call learns once: is anyone tracing, is the clock real, are debug logs on; its headers and schedule. */
interface Environment {
  readonly span: Tracer.Span | undefined
  readonly liveClock: boolean
  readonly debug: boolean
  readonly headers: Headers.Headers
  readonly schedule: NotionRetry.RetrySchedule | undefined
}

/**
 * Runs one call in a span named after the endpoint: resolves the credentials, builds the request, sends it
 * with retries, decodes the answer; a 401 to the AuthLayer's token refreshes it once when the layer can.
 */
export const run = <A>(runtime: Runtime, options: Run<A>): Effect.Effect<A, NotionError.NotionError> =>
  Effect.withFiberRuntime((fiber) => {
    const services = FiberRuntime.servicesOf(fiber)
    const traced = FiberRuntime.isTraced(fiber, services)
    const debug = FiberRuntime.isDebug(fiber)
    const liveClock = FiberRuntime.isLive(services)
    const { call } = options
    const headers = withCustomHeaders(runtime, call)
    const schedule = call.retry === false ? undefined : call.retry ?? runtime.config.retry
    const program = (span: Tracer.Span | undefined) =>
      authorized(
        runtime,
        options,
        { span, liveClock, debug, headers, schedule },
        fiber.getFiberRef(NotionAuth.currentToken)
      )
    return traced ? spanned(options.target, program) : counted(options.target.meter, program(undefined))
  })

// ---------------------------------------------------------------------------------------------------------------
// 1. credentials
// ---------------------------------------------------------------------------------------------------------------

/** Resolves the credentials and sends with them; a 401 to the AuthLayer's token refreshes it once when it can. */
const authorized = <A>(
  runtime: Runtime,
  options: Run<A>,
  env: Environment,
  current: Option.Option<Redacted.Redacted<string>>
): Effect.Effect<A, NotionError.NotionError> => {
  const send = (authorization: Authorization) => sent(runtime, options, env, authorization)
  if (options.target.security === "basic") return send(options.call.auth)
  const withResolved = (resolved: NotionAuth.Resolved) => {
    const token = Option.getOrUndefined(resolved.token)
    if (token !== undefined && Redacted.value(token) === "") return Effect.fail(new NotionError.InvalidToken())
    const refresh = runtime.auth.refresh
    if (!resolved.fromSource || refresh === undefined || token === undefined) return send(token)
    // a 401 to the AuthLayer's token: refresh once, retry once; a second 401 is returned as is
    return Effect.catchTag(send(token), "Unauthorized", (error) =>
      Effect.flatMap(
        refresh(token),
        Option.match({ onNone: () => Effect.fail(error), onSome: (fresh) => send(fresh) })
      ))
  }
  const resolved = NotionAuth.choose(runtime.auth, options.call.auth as Redacted.Redacted<string> | undefined, current)
  return Effect.isEffect(resolved) ? Effect.flatMap(resolved, withResolved) : withResolved(resolved)
}

// ---------------------------------------------------------------------------------------------------------------
// 2. build, then 3-6 around each attempt
// ---------------------------------------------------------------------------------------------------------------

/** Builds the request with these credentials and sends it: attempts through the limiter, retried by the schedule. */
const sent = <A>(
  runtime: Runtime,
  options: Run<A>,
  env: Environment,
  authorization: Authorization
): Effect.Effect<A, NotionError.NotionError> => {
  const built = options.build(env.headers, authorization)
  if (Either.isLeft(built)) return Effect.fail(built.left)
  let ready = built.right
  if (env.span !== undefined && runtime.config.tracerPropagation) {
    ready = { ...ready, request: HttpClientRequest.setHeaders(ready.request, HttpTraceContext.toHeaders(env.span)) }
  }
  const token = authorization !== undefined && Redacted.isRedacted(authorization) ? authorization : undefined
  const { interpret, meter } = options.target
  return withRetry(
    limited(runtime, token, meter, attempt(runtime, env, ready, interpret)),
    env.schedule,
    ready.method,
    meter
  )
}

const withCustomHeaders = (runtime: Runtime, call: Call): Headers.Headers => {
  const headers = call.headers === undefined
    ? runtime.headers
    : Headers.merge(Headers.merge(runtime.clientHeaders, Headers.fromInput(call.headers)), runtime.sdkHeaders)
  return call.notionVersion === undefined ? headers : Headers.set(headers, "notion-version", call.notionVersion)
}

// ---------------------------------------------------------------------------------------------------------------
// 3. limit
// ---------------------------------------------------------------------------------------------------------------

/** One attempt through the client-side limiter: acquire, send, release; a 429/529 backs the whole token off. */
const limited = <A>(
  runtime: Runtime,
  token: Redacted.Redacted<string> | undefined,
  meter: Meters,
  once: Effect.Effect<A, NotionError.NotionError>
): Effect.Effect<A, NotionError.NotionError> => {
  const counted = Effect.suspend(() => {
    MetricLabels.update(NotionMetrics.attempts, 1, meter.labels)
    return Effect.tapError(once, (error) => {
      if (error._tag !== "RateLimited" && error._tag !== "ServiceOverload") return Effect.void
      MetricLabels.update(NotionMetrics.rateLimited, 1, withStatus(meter, String(error.status)))
      return token === undefined || Option.isNone(error.retryAfter)
        ? Effect.void
        : runtime.limiter.backoff(token, error.retryAfter.value)
    })
  })
  if (token === undefined || runtime.limiter === NotionRateLimiter.unlimited) return counted
  const { limiter } = runtime
  return Effect.zipRight(limiter.acquire(token), Effect.ensuring(counted, limiter.release(token)))
}

// ---------------------------------------------------------------------------------------------------------------
// 4. attempt
// ---------------------------------------------------------------------------------------------------------------

/** One attempt: send and read the body (bounded by the timeout), then interpret the answer. */
const attempt = <A>(
  runtime: Runtime,
  env: Environment,
  built: Built,
  interpret: Interpret<A>
): Effect.Effect<A, NotionError.NotionError> => {
  const { config } = runtime
  const where = { method: built.method, path: built.path }
  const exchange = (http: HttpClient.HttpClient, request: HttpClientRequest.HttpClientRequest) =>
    http.execute(request).pipe(
      Effect.flatMap((response) => {
        // read once: some layers rebuild the headers on every access
        const headers = response.headers
        return Effect.map(
          readBody(
            response,
            headers["content-length"],
            config.maxResponseBytes,
            () =>
              new NotionError.ResponseTooLarge({
                ...where,
                status: response.status,
                limit: config.maxResponseBytes,
                ...(headers["x-notion-request-id"] ? { requestId: headers["x-notion-request-id"] } : {}),
                ...(headers["cf-ray"] ? { cfRay: headers["cf-ray"] } : {})
              })
          ),
          (body): RawResponse => ({
            ...where,
            status: response.status,
            headers,
            body,
            secrets: built.secrets,
            sensitive: interpret.sensitive
          })
        )
      }),
      Effect.catchIf(HttpClientError.isHttpClientError, (error) => Effect.fail(transportError(built, error)))
    )
  const timeout = () => new NotionError.RequestTimeout({ ...where, timeout: config.timeout })
  return Effect.flatMap(
    AttemptTimeout.bounded(runtime, env.liveClock, built.request, exchange, timeout),
    (raw) => interpreted(raw, env, interpret)
  )
}

// ---------------------------------------------------------------------------------------------------------------
// 5. interpret
// ---------------------------------------------------------------------------------------------------------------

/** Records the status on the span, then decodes a success or the API error. */
const interpreted = <A>(
  raw: RawResponse,
  env: Environment,
  interpret: Interpret<A>
): Effect.Effect<A, NotionError.NotionError> => {
  if (env.span !== undefined) {
    env.span.attribute("http.response.status_code", raw.status)
    const requestId = raw.headers["x-notion-request-id"]
    if (requestId !== undefined) env.span.attribute("notion.request_id", requestId)
  }
  const decoded = raw.status >= 200 && raw.status < 300
    ? decodeSuccess(raw, interpret.decoder)
    : Effect.flip(apiError(raw, interpret.oauth))
  return env.debug
    ? Effect.zipRight(Effect.logDebug(`notion ${raw.method} ${raw.path} answered ${raw.status}`), decoded)
    : decoded
}

// ---------------------------------------------------------------------------------------------------------------
// 6. retry
// ---------------------------------------------------------------------------------------------------------------

/** Retries only after a failure: the success path builds no schedule at all. */
const withRetry = <A>(
  once: Effect.Effect<A, NotionError.NotionError>,
  schedule: NotionRetry.RetrySchedule | undefined,
  method: string,
  meter: Meters
): Effect.Effect<A, NotionError.NotionError> => {
  if (schedule === undefined) return once
  return Effect.catchAll(once, (first) =>
    Effect.flatMap(Clock.currentTimeMillis, (firstFailedAt) => {
      let replayed = false
      let failedAt = firstFailedAt
      // the first failure is fed to the schedule without sending the request again
      const next = Effect.suspend(() => {
        if (!replayed) {
          replayed = true
          return Effect.fail(first)
        }
        return Effect.flatMap(Clock.currentTimeMillis, (now) => {
          MetricLabels.update(NotionMetrics.retryWait, (now - failedAt) / 1000, meter.labels)
          MetricLabels.update(NotionMetrics.retries, 1, meter.labels)
          return Effect.tapError(once, () => Effect.map(Clock.currentTimeMillis, (at) => void (failedAt = at)))
        })
      })
      // the schedule reads the error with the method (`NotionRetry.RetryInput`); the caller gets the error back
      const input = Effect.mapError(next, (error): NotionRetry.RetryInput => ({ error, method }))
      return Effect.mapError(Effect.retry(input, schedule), (last) => last.error)
    }))
}

// ---------------------------------------------------------------------------------------------------------------
// 7. metrics and span
// ---------------------------------------------------------------------------------------------------------------

/** Counts the call by endpoint and outcome (`2xx`, the error's status or tag, `interrupted`). */
const counted = <A>(
  meter: Meters,
  effect: Effect.Effect<A, NotionError.NotionError>
): Effect.Effect<A, NotionError.NotionError> =>
  Effect.onExit(effect, (exit) => {
    const status = Exit.isSuccess(exit)
      ? "2xx"
      : Option.match(Cause.failureOption(exit.cause), { onNone: () => "interrupted", onSome: statusOf })
    MetricLabels.update(NotionMetrics.requests, 1, withStatus(meter, status))
    return Effect.void
  })

/** The counted call in a client span named after the endpoint, its parent for anything it logs or traces. */
const spanned = <A>(
  target: Target<A>,
  program: (span: Tracer.Span) => Effect.Effect<A, NotionError.NotionError>
): Effect.Effect<A, NotionError.NotionError> => {
  const { attributes, name } = target.span
  if (!target.interpret.sensitive) {
    return Effect.useSpan(
      name,
      { kind: "client", captureStackTrace: false, attributes },
      (span) => Effect.withParentSpan(counted(target.meter, program(span)), span)
    )
  }
  // an OAuth answer holds tokens (and keeps fields it does not name): its span ends without the value
  let value: A
  return Effect.useSpan(
    name,
    { kind: "client", captureStackTrace: false, attributes },
    (span) => Effect.withParentSpan(Effect.map(counted(target.meter, program(span)), (a) => void (value = a)), span)
  ).pipe(Effect.map(() => value))
}

const withStatus = (meter: Meters, status: string): MetricLabels.Labels => {
  let labels = meter.byStatus.get(status)
  if (labels === undefined) {
    labels = MetricLabels.add(meter.labels, "status", status)
    meter.byStatus.set(status, labels)
  }
  return labels
}

const statusOf = (error: NotionError.NotionError): string => "status" in error ? String(error.status) : error._tag
