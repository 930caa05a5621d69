import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type * as Schema from "effect/Schema"
import * as NotionAuth from "../NotionAuth.js"
import type * as NotionConfig from "../NotionConfig.js"
import * as NotionError from "../NotionError.js"
import type * as NotionRetry from "../NotionRetry.js"
import { apiError, decodeSuccess, type RawResponse } from "./response.js"

/** One Notion call, before auth and retries are applied. */
export interface Spec {
  /** Span name suffix: `users.list` gives the span `notion.users.list`. */
  readonly endpoint: string
  readonly method: "GET" | "POST" | "PATCH" | "DELETE"
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined
  readonly body?: unknown
  readonly auth?: Redacted.Redacted<string> | undefined
  readonly retry?: NotionRetry.RetrySchedule | false | undefined
  /** A whole `Authorization` header value that replaces Bearer auth (the OAuth endpoints send Basic auth). */
  readonly authorization?: Redacted.Redacted<string> | undefined
}

const traversal = /(?:\.|%2e){2}/i

/** Fails with `InvalidPathParameter` when a path parameter could escape its route; else encodes it. */
export const pathParam = (name: string, value: string): Effect.Effect<string, NotionError.InvalidPathParameter> =>
  traversal.test(value) || value === ""
    ? Effect.fail(new NotionError.InvalidPathParameter({ name, value }))
    : Effect.succeed(encodeURIComponent(value))

/** Checks a whole path given to the escape hatch. */
export const checkPath = (path: string): Effect.Effect<string, NotionError.InvalidPathParameter> =>
  traversal.test(path)
    ? Effect.fail(new NotionError.InvalidPathParameter({ name: "path", value: path }))
    : Effect.succeed(path.startsWith("/") ? path : `/${path}`)

const transportError = (spec: Spec, error: HttpClientError.HttpClientError) =>
  new NotionError.TransportError({
    method: spec.method,
    path: spec.path,
    message: error._tag === "RequestError"
      ? `${spec.method} ${spec.path} failed: ${error.description ?? error.reason}`
      : `${spec.method} ${spec.path}: the response could not be read: ${error.description ?? error.reason}`
  })

const buildRequest = (
  config: NotionConfig.Service,
  spec: Spec,
  token: Option.Option<Redacted.Redacted<string>>
): HttpClientRequest.HttpClientRequest => {
  let request = HttpClientRequest.make(spec.method)(`${config.baseUrl}${spec.path}`).pipe(
    HttpClientRequest.setHeaders({
      "notion-version": config.notionVersion,
      "user-agent": config.userAgent,
      accept: "application/json"
    })
  )
  if (spec.query) {
    const query = Object.entries(spec.query).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, String(value)] as const]
    )
    request = HttpClientRequest.setUrlParams(request, query)
  }
  if (spec.authorization !== undefined) {
    request = HttpClientRequest.setHeader(request, "authorization", Redacted.value(spec.authorization))
  } else if (Option.isSome(token)) {
    request = HttpClientRequest.bearerToken(request, token.value)
  }
  return spec.body === undefined ? request : HttpClientRequest.bodyUnsafeJson(request, spec.body)
}

/** One attempt: send, read the whole body within the timeout, interpret. */
const attempt = <A, I, R>(
  client: HttpClient.HttpClient,
  config: NotionConfig.Service,
  spec: Spec,
  request: HttpClientRequest.HttpClientRequest,
  schema: Schema.Schema<A, I, R>
): Effect.Effect<A, NotionError.NotionError, R> =>
  client.execute(request).pipe(
    Effect.flatMap((response) =>
      Effect.map(response.text, (body): RawResponse => ({
        method: spec.method,
        path: spec.path,
        status: response.status,
        headers: response.headers,
        body
      }))
    ),
    Effect.scoped,
    Effect.mapError((error) => transportError(spec, error)),
    Effect.timeoutFail({
      duration: config.timeout,
      onTimeout: () => new NotionError.RequestTimeout({ method: spec.method, path: spec.path, timeout: config.timeout })
    }),
    Effect.tap((raw) =>
      Effect.all([
        Effect.annotateCurrentSpan("http.response.status_code", raw.status),
        raw.headers["x-notion-request-id"] === undefined
          ? Effect.void
          : Effect.annotateCurrentSpan("notion.request_id", raw.headers["x-notion-request-id"]),
        Effect.logDebug(`notion ${spec.method} ${spec.path} answered ${raw.status}`)
      ], { discard: true })
    ),
    Effect.flatMap((raw) =>
      raw.status >= 200 && raw.status < 300 ? decodeSuccess(raw, schema) : Effect.flip(apiError(raw))
    )
  )

/**
 * Runs a Notion call: resolves the token, sends it with retries, decodes the answer, in a span named
 * after the endpoint.
 */
export const execute = <A, I, R>(
  client: HttpClient.HttpClient,
  config: NotionConfig.Service,
  auth: NotionAuth.Service,
  spec: Spec,
  schema: Schema.Schema<A, I, R>
): Effect.Effect<A, NotionError.NotionError, R> =>
  Effect.gen(function*() {
    const resolved: NotionAuth.Resolved = spec.authorization === undefined
      ? yield* NotionAuth.resolve(auth, spec.auth)
      : { token: Option.none(), fromSource: false }
    const schedule = spec.retry === false ? undefined : spec.retry ?? config.retry
    const send = (token: Option.Option<Redacted.Redacted<string>>) => {
      const once = attempt(client, config, spec, buildRequest(config, spec, token), schema)
      return schedule === undefined ? once : Effect.retry(
        once,
        Schedule.mapInput(schedule, (error: NotionError.NotionError) => ({ error, method: spec.method }))
      )
    }
    const refresh = auth.refresh
    if (!resolved.fromSource || refresh === undefined || Option.isNone(resolved.token)) {
      return yield* send(resolved.token)
    }
    const rejected = resolved.token.value
    // a 401 to the AuthLayer's token: refresh once, retry once; a second 401 is returned as is
    return yield* Effect.catchTag(send(resolved.token), "Unauthorized", (error) =>
      Effect.flatMap(
        refresh(rejected),
        Option.match({ onNone: () => Effect.fail(error), onSome: (fresh) => send(Option.some(fresh)) })
      ))
  }).pipe(
    Effect.withSpan(`notion.${spec.endpoint}`, {
      kind: "client",
      attributes: { "http.request.method": spec.method, "notion.path": spec.path }
    })
  )
