/**
 * The Notion client: one typed method per endpoint of {@link NotionApi}, derived from its declaration, an
 * escape hatch for the rest, and pagination as a `Stream`. Built on `@effect/platform`'s `HttpClient`, which
 * stays a requirement so you choose Fetch, Node or undici.
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
import * as Endpoint from "./Endpoint.js"
import * as AttemptTimeout from "./internal/attemptTimeout.js"
import * as Execute from "./internal/execute.js"
import * as Request from "./internal/request.js"
import { compile } from "./internal/validator.js"
import * as NotionApi from "./NotionApi.js"
import { NotionAuth } from "./NotionAuth.js"
import type { BasicCredentials } from "./NotionAuth.js"
import { NotionConfig } from "./NotionConfig.js"
import type { NotionError } from "./NotionError.js"
import * as NotionRateLimiter from "./NotionRateLimiter.js"
import type { RetrySchedule } from "./NotionRetry.js"
import * as NotionVersion from "./NotionVersion.js"
import * as Pagination from "./Pagination.js"

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
 * The methods derived from a tree of endpoints.
 *
 * @since 0.1.0
 * @category models
 */
export type Methods<T> = {
  readonly [K in keyof T]: T[K] extends Endpoint.Any ? Method<T[K]> : Methods<T[K]>
}

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
 * The client's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods<NotionApi.Endpoints> {
  /** Any endpoint, decoded with your schema (fields it does not name are kept). */
  readonly request: <A, I>(options: RequestOptions, schema: Schema.Schema<A, I>) => Effect.Effect<A, NotionError>
  /** The `Notion-Version` requests send unless a call gives its own (`NotionConfig`'s). */
  readonly notionVersion: NotionVersion.NotionVersion
  /** Calls any endpoint declaration (yours, or another package's such as the OAuth endpoints). */
  readonly call: <E extends Endpoint.Any>(
    endpoint: E,
    params: Endpoint.Params<E> & Options<E>
  ) => Effect.Effect<Endpoint.Success<E>, Endpoint.Error<E>>
}

/**
 * The client's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionClient extends Context.Tag("@notion-effect/core/NotionClient")<NotionClient, Service>() {}

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
 * Builds the client from an `HttpClient`, the AuthLayer and the (optional) `NotionConfig`. The `HttpClient` is
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

  const derive = (tree: object): any =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => [
        key,
        Endpoint.isEndpoint(value) ? (params?: any) => call(value, params) : derive(value)
      ])
    )

  yield* NotionVersion.warnIfUnknown(config.notionVersion)
  return {
    ...derive(NotionApi.endpoints),
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
 * Provides the client; requires an `HttpClient` and the AuthLayer (`NotionConfig` is optional).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<NotionClient, never, HttpClient.HttpClient | NotionAuth> = Layer.effect(
  NotionClient,
  make
)

/**
 * Every result of a paginated endpoint, across pages, as a `Stream` (pages are fetched on demand); the
 * official SDK's `iteratePaginatedAPI`.
 *
 * @example
 * ```ts
 * import { NotionClient } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const everyone = Effect.flatMap(
 *   NotionClient.NotionClient,
 *   (client) => Stream.runCollect(NotionClient.paginate(client.users.list, {}))
 * )
 * ```
 *
 * @since 0.1.0
 * @category pagination
 */
export const paginate = Pagination.stream

/**
 * Every result of a paginated endpoint in one array; the official SDK's `collectPaginatedAPI`.
 *
 * @since 0.1.0
 * @category pagination
 */
export const collect = Pagination.collect
