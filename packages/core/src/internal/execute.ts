/**
 * Runs one call: credentials, request, limiter, attempts with a timeout, retries, decoding, metrics, span.
 *
 * This is the hot path, so it is written to run few effects: the fixed token, metrics and debug logs are
 * read or updated synchronously, the span is only made when a real tracer is installed, and the timeout of
 * the live clock is a plain timer (other clocks, e.g. `TestClock`, get `Effect.timeoutFail`).
 */
import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as MetricLabel from "effect/MetricLabel"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import * as HttpDeadline from "../HttpDeadline.js"
import * as NotionAuth from "../NotionAuth.js"
import type { BasicCredentials } from "../NotionAuth.js"
import type * as NotionConfig from "../NotionConfig.js"
import * as NotionError from "../NotionError.js"
import * as NotionMetrics from "../NotionMetrics.js"
import * as NotionRateLimiter from "../NotionRateLimiter.js"
import type * as NotionRetry from "../NotionRetry.js"
import { concat } from "./bytes.js"
import type { Built } from "./request.js"
import { apiError, type Decoder, decodeSuccess, type RawResponse, scrub } from "./response.js"

/** What every call of one client shares. */
export interface Runtime {
  /** The provided `HttpClient`, composed once: base URL, the platform span disabled, the user's transform. */
  readonly http: HttpClient.HttpClient
  /**
   * The provided `HttpClient` itself when it is `HttpDeadline`-marked and no `transformClient` wraps it: attempts
   * on the live clock go to it directly (base URL applied) and are bounded by a registered signal, not a fiber.
   */
  readonly deadline: HttpClient.HttpClient | undefined
  readonly config: NotionConfig.Service
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

type Labels = ReadonlyArray<MetricLabel.MetricLabel>

/**
 * The metric labels of one endpoint, made once: a metric updated with the same labels array reuses its hook
 * (a fresh array, as `Metric.tagged` makes on every update, builds a new metric key each time).
 */
export interface Meters {
  readonly endpoint: string
  readonly labels: Labels
  readonly byStatus: Map<string, Labels>
}

/** The metric labels of an endpoint. */
export const meters = (endpoint: string): Meters => ({
  endpoint,
  labels: [MetricLabel.make("endpoint", endpoint)],
  byStatus: new Map()
})

const withStatus = (meter: Meters, status: string): Labels => {
  let labels = meter.byStatus.get(status)
  if (labels === undefined) {
    labels = [...meter.labels, MetricLabel.make("status", status)]
    meter.byStatus.set(status, labels)
  }
  return labels
}

const statusOf = (error: NotionError.NotionError): string => "status" in error ? String(error.status) : error._tag

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

/** Reads the whole body, never past `limit` bytes: a larger body fails with `ResponseTooLarge`, unread. */
const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  declared: string | undefined,
  limit: number,
  tooLarge: () => NotionError.ResponseTooLarge
): Effect.Effect<string, NotionError.ResponseTooLarge | HttpClientError.ResponseError> => {
  // the runtime enforces a declared length, so a body declared within the limit is read whole; any other is
  // streamed, counting bytes, and abandoned (the request aborted) as soon as it goes past the limit
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) <= limit) return response.text
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

const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)
const nativeTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** What a call learns of its fiber once: is anyone tracing, is the clock real, are debug logs on. */
interface Environment {
  readonly span: Tracer.Span | undefined
  readonly liveClock: boolean
  readonly debug: boolean
}

/** setTimeout's range: a longer (or infinite) timeout waits about 24.8 days. */
const timerMillis = (timeout: Duration.Duration) => Math.max(0, Math.min(2 ** 31 - 1, Duration.toMillis(timeout)))

/**
 * Bounds an exchange (send and read the body) by the timeout. On the live clock the exchange runs in a child
 * fiber raced against a plain timer; interrupting it makes the platform abort the request and close the
 * socket. Any other clock (`TestClock`) is honoured through `Effect.timeoutFail`.
 */
const bounded = <A, E>(
  exchange: Effect.Effect<A, E>,
  env: Environment,
  config: NotionConfig.Service,
  timeout: () => NotionError.RequestTimeout
): Effect.Effect<A, E | NotionError.RequestTimeout> => {
  if (!env.liveClock) return Effect.timeoutFail(exchange, { duration: config.timeout, onTimeout: timeout })
  const millis = timerMillis(config.timeout)
  return Effect.flatMap(
    Effect.forkDaemon(exchange),
    (child: Fiber.RuntimeFiber<A, E>) =>
      Effect.async<A, E | NotionError.RequestTimeout>((resume) => {
        let done = false
        const timer = setTimeout(() => {
          if (done) return
          done = true
          child.unsafeInterruptAsFork(FiberId.none)
          resume(Effect.fail(timeout()))
        }, millis)
        child.addObserver((exit) => {
          if (done) return
          done = true
          clearTimeout(timer)
          resume(exit)
        })
        return Effect.sync(() => {
          done = true
          clearTimeout(timer)
          child.unsafeInterruptAsFork(FiberId.none)
        })
      })
  )
}

/**
 * Bounds an exchange through an `HttpDeadline`-marked client: a plain timer fires the signal registered for the
 * request, the client aborts, and whatever the exchange fails with then is the timeout. No fiber is forked.
 */
const signalled = <A, E>(
  exchange: (request: HttpClientRequest.HttpClientRequest) => Effect.Effect<A, E>,
  request: HttpClientRequest.HttpClientRequest,
  config: NotionConfig.Service,
  timeout: () => NotionError.RequestTimeout
): Effect.Effect<A, E | NotionError.RequestTimeout> =>
  Effect.suspend(() => {
    const controller = new AbortController()
    const full = HttpClientRequest.prependUrl(request, config.baseUrl)
    HttpDeadline.register(full, controller.signal)
    const timer = setTimeout(() => controller.abort(), timerMillis(config.timeout))
    return exchange(full).pipe(
      Effect.catchAll((error) => Effect.fail(controller.signal.aborted ? timeout() : error)),
      Effect.ensuring(Effect.sync(() => clearTimeout(timer)))
    )
  })

/** One attempt: send and read the body (bounded by the timeout), then interpret and decode it. */
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
      Effect.catchTags({
        RequestError: (error) => Effect.fail(transportError(built, error)),
        ResponseError: (error) => Effect.fail(transportError(built, error))
      })
    )
  const timeout = () => new NotionError.RequestTimeout({ ...where, timeout: config.timeout })
  const { deadline } = runtime
  const sent = env.liveClock && deadline !== undefined
    ? signalled((request) => exchange(deadline, request), built.request, config, timeout)
    : bounded(exchange(runtime.http, built.request), env, config, timeout)
  return Effect.flatMap(sent, (raw) => {
    if (env.span !== undefined) {
      env.span.attribute("http.response.status_code", raw.status)
      const requestId = raw.headers["x-notion-request-id"]
      if (requestId !== undefined) env.span.attribute("notion.request_id", requestId)
    }
    const interpreted = raw.status >= 200 && raw.status < 300
      ? decodeSuccess(raw, interpret.decoder)
      : Effect.flip(apiError(raw, interpret.oauth))
    return env.debug
      ? Effect.zipRight(Effect.logDebug(`notion ${raw.method} ${raw.path} answered ${raw.status}`), interpreted)
      : interpreted
  })
}

/** Retries only after a failure: the success path builds no schedule at all. */
const withRetry = <A>(
  once: Effect.Effect<A, NotionError.NotionError>,
  schedule: NotionRetry.RetrySchedule | undefined,
  method: string,
  meter: Meters
): Effect.Effect<A, NotionError.NotionError> => {
  if (schedule === undefined) return once
  const policy = Schedule.mapInput(schedule, (error: NotionError.NotionError) => ({ error, method }))
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
          NotionMetrics.retryWait.unsafeUpdate((now - failedAt) / 1000, meter.labels)
          NotionMetrics.retries.unsafeUpdate(1, meter.labels)
          return Effect.tapError(once, () => Effect.map(Clock.currentTimeMillis, (at) => void (failedAt = at)))
        })
      })
      return Effect.retry(next, policy)
    }))
}

/** One attempt through the client-side limiter: acquire, send, release; a 429/529 backs the whole token off. */
const limited = <A>(
  runtime: Runtime,
  token: Redacted.Redacted<string> | undefined,
  meter: Meters,
  once: Effect.Effect<A, NotionError.NotionError>
): Effect.Effect<A, NotionError.NotionError> => {
  const counted = Effect.suspend(() => {
    NotionMetrics.attempts.unsafeUpdate(1, meter.labels)
    return Effect.tapError(once, (error) => {
      if (error._tag !== "RateLimited" && error._tag !== "ServiceOverload") return Effect.void
      NotionMetrics.rateLimited.unsafeUpdate(1, withStatus(meter, String(error.status)))
      return token === undefined || Option.isNone(error.retryAfter)
        ? Effect.void
        : runtime.limiter.backoff(token, error.retryAfter.value)
    })
  })
  if (token === undefined || runtime.limiter === NotionRateLimiter.unlimited) return counted
  const { limiter } = runtime
  return Effect.zipRight(limiter.acquire(token), Effect.ensuring(counted, limiter.release(token)))
}

const withCustomHeaders = (runtime: Runtime, call: Call): Headers.Headers => {
  const headers = call.headers === undefined
    ? runtime.headers
    : Headers.merge(Headers.merge(runtime.clientHeaders, Headers.fromInput(call.headers)), runtime.sdkHeaders)
  return call.notionVersion === undefined ? headers : Headers.set(headers, "notion-version", call.notionVersion)
}

type Authorization = Redacted.Redacted<string> | BasicCredentials | undefined

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
  meter: Meters,
  build: (headers: Headers.Headers, authorization: Authorization) => Either.Either<Built, NotionError.NotionError>,
  interpret: Interpret<A>
): Effect.Effect<A, NotionError.NotionError> =>
  Effect.withFiberRuntime((fiber) => {
    const services = fiber.getFiberRef(DefaultServices.currentServices)
    const tracer = Context.get(services, Tracer.Tracer)
    const traced = tracer !== nativeTracer && fiber.getFiberRef(FiberRef.currentTracerEnabled)
    const debug = LogLevel.lessThanEqual(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)
    const live = Context.get(services, Clock.Clock) === liveClock
    const headers = withCustomHeaders(runtime, call)
    const schedule = call.retry === false ? undefined : call.retry ?? runtime.config.retry

    const program = (span: Tracer.Span | undefined): Effect.Effect<A, NotionError.NotionError> => {
      const env: Environment = { span, liveClock: live, debug }
      const send = (authorization: Authorization) => {
        const built = build(headers, authorization)
        if (Either.isLeft(built)) return Effect.fail(built.left)
        let ready = built.right
        if (span !== undefined && runtime.config.tracerPropagation) {
          ready = { ...ready, request: HttpClientRequest.setHeaders(ready.request, HttpTraceContext.toHeaders(span)) }
        }
        const token = authorization !== undefined && Redacted.isRedacted(authorization) ? authorization : undefined
        return withRetry(
          limited(runtime, token, meter, attempt(runtime, env, ready, interpret)),
          schedule,
          ready.method,
          meter
        )
      }
      if (security === "basic") return send(call.auth)
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
      const resolved = NotionAuth.choose(
        runtime.auth,
        call.auth as Redacted.Redacted<string> | undefined,
        fiber.getFiberRef(NotionAuth.currentToken)
      )
      return Effect.isEffect(resolved) ? Effect.flatMap(resolved, withResolved) : withResolved(resolved)
    }

    const counted = (effect: Effect.Effect<A, NotionError.NotionError>) =>
      Effect.onExit(effect, (exit) => {
        NotionMetrics.requests.unsafeUpdate(
          1,
          withStatus(
            meter,
            Exit.isSuccess(exit) ? "2xx" : exit.cause._tag === "Fail" ? statusOf(exit.cause.error) : "interrupted"
          )
        )
        return Effect.void
      })

    if (!traced) return counted(program(undefined))
    if (!interpret.sensitive) {
      return Effect.useSpan(
        spanName,
        { kind: "client", captureStackTrace: false, attributes },
        (span) => Effect.withParentSpan(counted(program(span)), span)
      )
    }
    // an OAuth answer holds tokens (and keeps fields it does not name): its span ends without the value
    let value: A
    return Effect.useSpan(
      spanName,
      { kind: "client", captureStackTrace: false, attributes },
      (span) => Effect.withParentSpan(Effect.map(counted(program(span)), (a) => void (value = a)), span)
    ).pipe(Effect.map(() => value))
  })
