/**
 * Calls any endpoint declaration: what `NotionClient` is built on, without its tree of every endpoint. A program
 * that calls a few endpoints imports their declarations (`@notion-effect/core/api/users`…) and this module, and
 * carries only those endpoints' schemas after bundling:
 *
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import * as Users from "@notion-effect/core/api/users"
 * import * as NotionAuth from "@notion-effect/core/NotionAuth"
 * import * as NotionCaller from "@notion-effect/core/NotionCaller"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 *
 * const program = Effect.flatMap(NotionCaller.NotionCaller, (notion) => notion.call(Users.list, {}))
 * const main = program.pipe(
 *   Effect.provide(NotionCaller.layer.pipe(Layer.provide([NotionAuth.layerConfig(), FetchHttpClient.layer])))
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import type * as Endpoint from "./Endpoint.js"
import * as AttemptTimeout from "./internal/attemptTimeout.js"
import * as Execute from "./internal/execute.js"
import * as Request from "./internal/request.js"
import { compile } from "./internal/validator.js"
import { NotionAuth } from "./NotionAuth.js"
import type { BasicCredentials } from "./NotionAuth.js"
import { NotionConfig } from "./NotionConfig.js"
import type { NotionError } from "./NotionError.js"
import * as NotionRateLimiter from "./NotionRateLimiter.js"
import type { RetrySchedule } from "./NotionRetry.js"
import * as NotionVersion from "./NotionVersion.js"

/**
 * Options every method accepts, next to the endpoint's parameters.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions {
  /** A token for this request only; beats `NotionAuth.withToken` and the AuthLayer. */
  readonly auth?: Redacted.Redacted<string>
  /** A retry policy for this request only, or `false` for none. */
  readonly retry?: RetrySchedule | false
  /** Headers for this request only; the SDK's own headers win over them. */
  readonly headers?: Readonly<Record<string, string>>
  /**
   * The `Notion-Version` of this request only (default: `NotionConfig`'s): the request is shaped and checked for
   * it, so an app can move one call at a time.
   */
  readonly notionVersion?: NotionVersion.NotionVersion
}

/**
 * The method derived from an endpoint: its parameters (optional when none is required) and call options.
 *
 * @since 0.1.0
 * @category models
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no required parameter" is exactly `{}`
export type Method<E extends Endpoint.Any> = {} extends Endpoint.Params<E>
  ? (params?: Endpoint.Params<E> & Options<E>) => Effect.Effect<Endpoint.Success<E>, Endpoint.Error<E>>
  : (params: Endpoint.Params<E> & Options<E>) => Effect.Effect<Endpoint.Success<E>, Endpoint.Error<E>>

/**
 * The call options of an endpoint: a bearer token, or Basic client credentials for the OAuth endpoints.
 *
 * @since 0.1.0
 * @category models
 */
export type Options<E extends Endpoint.Any> = E["security"] extends "basic"
  ? Omit<CallOptions, "auth"> & { readonly auth: BasicCredentials }
  : CallOptions

/**
 * A raw request through the escape hatch.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions extends CallOptions {
  readonly method: Endpoint.Method
  /** Path under the base URL, e.g. `/v1/comments`. Paths containing `..` are rejected. */
  readonly path: string
  /** Query parameters: arrays become repeated keys, `null` and `undefined` are omitted. */
  readonly query?: Readonly<Record<string, unknown>>
  /** The JSON body (never sent with GET or DELETE). */
  readonly body?: unknown
  /** Names the request's span `notion.<endpoint>` (default `request`). */
  readonly endpoint?: string
}

/**
 * The caller's operations: any endpoint declaration, a raw request, the version requests send.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Calls any endpoint declaration (ours, yours, or another package's such as the OAuth endpoints). */
  readonly call: <E extends Endpoint.Any>(
    endpoint: E,
    params: Endpoint.Params<E> & Options<E>
  ) => Effect.Effect<Endpoint.Success<E>, Endpoint.Error<E>>
  /** Any endpoint, decoded with your schema (fields it does not name are kept). */
  readonly request: <A, I>(options: RequestOptions, schema: Schema.Schema<A, I>) => Effect.Effect<A, NotionError>
  /** The `Notion-Version` requests send unless a call gives its own (`NotionConfig`'s). */
  readonly notionVersion: NotionVersion.NotionVersion
}

/**
 * The caller's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionCaller extends Context.Tag("@notion-effect/core/NotionCaller")<NotionCaller, Service>() {}

const lowercase = (headers: Readonly<Record<string, string>>) => Headers.fromInput(headers)

const decoders = new WeakMap<object, Execute.Interpret<any>>()

/** The escape hatch's decoder, compiled once per schema. */
const interpretOf = <A, I>(schema: Schema.Schema<A, I>): Execute.Interpret<A> => {
  let interpret = decoders.get(schema)
  if (interpret === undefined) {
    interpret = { decoder: { validate: compile(schema.ast), schema }, sensitive: false, oauth: false }
    decoders.set(schema, interpret)
  }
  return interpret
}

/**
 * Builds the caller from an `HttpClient`, the AuthLayer and the (optional) `NotionConfig`. The `HttpClient` is
 * composed once (base URL, the platform's own span disabled so no request or header reaches a tracer,
 * `NotionConfig.transformClient`); each endpoint is compiled on its first call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, HttpClient.HttpClient | NotionAuth> = Effect.gen(function*() {
  const config = yield* NotionConfig
  const provided = yield* HttpClient.HttpClient
  const composed = provided.pipe(
    HttpClient.mapRequest(HttpClientRequest.prependUrl(config.baseUrl)),
    HttpClient.withTracerDisabledWhen(() => true)
  )
  const sdkHeaders = Headers.fromInput({
    "notion-version": config.notionVersion,
    "user-agent": config.userAgent,
    accept: "application/json"
  })
  const clientHeaders = lowercase(config.headers)
  const runtime: Execute.Runtime = {
    http: config.transformClient ? config.transformClient(composed) : composed,
    deadline: AttemptTimeout.deadlineOf(provided, config),
    config,
    auth: yield* NotionAuth,
    limiter: yield* NotionRateLimiter.NotionRateLimiter,
    clientHeaders,
    sdkHeaders,
    headers: Headers.merge(clientHeaders, sdkHeaders)
  }

  const plans = new Map<Endpoint.Any, Request.Plan & { readonly target: Execute.Target<unknown> }>()
  const requestMeters = Execute.meters("request")
  const call = (endpoint: Endpoint.Any, params: Record<string, unknown> & Execute.Call = {}) => {
    let plan = plans.get(endpoint)
    if (plan === undefined) {
      const compiled = Request.plan(endpoint)
      plan = {
        ...compiled,
        target: {
          span: {
            name: compiled.spanName,
            attributes: { "http.request.method": endpoint.method, "notion.endpoint": endpoint.name }
          },
          security: endpoint.security,
          meter: Execute.meters(endpoint.name),
          interpret: { decoder: compiled.decoder, sensitive: endpoint.sensitive, oauth: endpoint.security === "basic" }
        }
      }
      plans.set(endpoint, plan)
    }
    const p = plan
    const version = params.notionVersion ?? config.notionVersion
    const run = Execute.run(runtime, {
      target: p.target,
      call: params,
      build: (headers, authorization) => Request.build(p, params, headers, authorization, version)
    })
    return params.notionVersion === undefined ? run : Effect.zipRight(NotionVersion.warnIfUnknown(version), run)
  }

  yield* NotionVersion.warnIfUnknown(config.notionVersion)
  return {
    notionVersion: config.notionVersion,
    call: call as Service["call"],
    request: (options, schema) => {
      const path = Request.checkPath(options.path)
      const endpoint = options.endpoint ?? "request"
      return Execute.run(runtime, {
        target: {
          span: {
            name: `notion.${endpoint}`,
            attributes: { "http.request.method": options.method, "notion.endpoint": endpoint }
          },
          security: "bearer",
          meter: requestMeters,
          interpret: interpretOf(schema)
        },
        call: options,
        build: (headers, authorization) =>
          Either.map(path, (path) =>
            Request.assemble(
              options.method,
              path,
              Request.urlParamsOf(options.query ?? {}, Object.keys(options.query ?? {})),
              options.body,
              headers,
              authorization
            ))
      })
    }
  }
})

/**
 * Provides the caller; requires an `HttpClient` and the AuthLayer (`NotionConfig` is optional).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<NotionCaller, never, HttpClient.HttpClient | NotionAuth> = Layer.effect(
  NotionCaller,
  make
)
