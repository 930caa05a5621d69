/**
 * A lean `HttpClient` over undici's connection pools.
 *
 * `@effect/platform-node`'s undici layer wraps every exchange in machinery a client that reads its bodies does
 * not need: a `FinalizationRegistry` entry and a wrapper per response (to abort bodies nobody reads), a fiber
 * run per `text` (it is cached), headers rebuilt on every access. This one sends the request straight to the
 * dispatcher from `Effect.async` and reads the body the same way; interrupting either aborts the request and
 * closes its socket. What it leaves out: the platform's own HTTP client span (wrap the client or trace the
 * caller), and aborting a body that is never read — read, stream or discard every response (the Notion client
 * always does), or its connection stays busy.
 *
 * @since 0.1.0
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as HttpDeadline from "@notion-effect/core/HttpDeadline"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { pipeArguments } from "effect/Pipeable"
import * as Stream from "effect/Stream"
import { Readable } from "node:stream"
import type { ReadableStream as WebReadableStream } from "node:stream/web"
import * as Undici from "undici"
import { urlOf } from "./internal/url.js"

type Body = Exclude<Undici.Dispatcher.DispatchOptions["body"], undefined>

/** A body undici sends as it is: everything but a stream. */
const plainBody = (body: Exclude<HttpBody.HttpBody, HttpBody.Stream>): Body =>
  body._tag === "Empty"
    ? null
    : body._tag === "FormData"
    ? body.formData as unknown as Undici.FormData
    : body.body as Body

const noop = () => {}

class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: typeof HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: typeof HttpClientResponse.TypeId = HttpClientResponse.TypeId

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    readonly source: Undici.Dispatcher.ResponseData,
    private readonly controller: AbortController
  ) {
    super()
    // an error on an abandoned body must not reach the process as an unhandled 'error' event
    source.body.on("error", noop)
  }

  get status(): number {
    return this.source.statusCode
  }

  private cachedHeaders: Headers.Headers | undefined
  get headers(): Headers.Headers {
    return this.cachedHeaders ??= Headers.fromInput(this.source.headers as Record<string, string | Array<string>>)
  }

  private cachedCookies: Cookies.Cookies | undefined
  get cookies(): Cookies.Cookies {
    if (this.cachedCookies !== undefined) return this.cachedCookies
    const header = this.source.headers["set-cookie"]
    return this.cachedCookies = header === undefined
      ? Cookies.empty
      : Cookies.fromSetCookie(Array.isArray(header) ? header : [header])
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  private decodeError(cause: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  private readonly reads: Partial<Record<"text" | "arrayBuffer" | "formData", Promise<unknown>>> = {}

  /** Reads the body once (later reads share the first); interruption aborts the request. */
  private read<A>(
    key: "text" | "arrayBuffer" | "formData",
    read: () => Promise<A>
  ): Effect.Effect<A, HttpClientError.ResponseError> {
    return Effect.async<A, HttpClientError.ResponseError>((resume) => {
      const promise = (this.reads[key] ??= read()) as Promise<A>
      promise.then(
        (value) => resume(Effect.succeed(value)),
        (cause) => resume(Effect.fail(this.decodeError(cause)))
      )
      return Effect.sync(() => this.controller.abort())
    })
  }

  get text(): HttpClientResponse.HttpClientResponse["text"] {
    return this.read("text", () => this.source.body.text())
  }

  get json(): HttpClientResponse.HttpClientResponse["json"] {
    return Effect.flatMap(
      this.text,
      (text) =>
        Effect.try({
          try: () => text === "" ? null : JSON.parse(text),
          catch: (cause) => this.decodeError(cause)
        })
    )
  }

  get arrayBuffer(): HttpClientResponse.HttpClientResponse["arrayBuffer"] {
    return this.read("arrayBuffer", () => this.source.body.arrayBuffer())
  }

  get formData(): HttpClientResponse.HttpClientResponse["formData"] {
    return this.read("formData", () => this.source.body.formData() as Promise<FormData>)
  }

  get urlParamsBody(): HttpClientResponse.HttpClientResponse["urlParamsBody"] {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) => this.decodeError(cause)
      }))
  }

  /** The body as it arrives; the request is aborted when the stream ends early (an error, an interruption). */
  get stream(): HttpClientResponse.HttpClientResponse["stream"] {
    return Stream.fromAsyncIterable(this.source.body, (cause) => this.decodeError(cause)).pipe(
      Stream.ensuring(Effect.sync(() => {
        if (!this.source.body.readableEnded) this.controller.abort()
      }))
    )
  }

  /** The request's URL (as Effect 4's responses give it). */
  get url(): string {
    return this.request.url
  }

  /** Not supported: an upgrade fails (Effect 4's responses have it). */
  get upgrade(): Effect.Effect<never, HttpClientError.ResponseError> {
    return Effect.fail(this.decodeError(new Error("upgrade is not supported")))
  }

  /** Effect 4's responses are pipeable. */
  pipe(...args: Array<any>): any {
    return pipeArguments(this, args as unknown as IArguments)
  }

  toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
  }
}

/** Sends one request through the dispatcher; interruption aborts it. */
const send = (
  dispatcher: Undici.Dispatcher,
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> => {
  const url = urlOf(request)
  if (Either.isLeft(url)) {
    return Effect.fail(new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: url.left }))
  }
  const { origin, pathname, search, hash } = url.right
  const dispatch = (body: Body) =>
    Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((resume) => {
      const controller = new AbortController()
      const deadline = HttpDeadline.signalOf(request)
      if (deadline !== undefined) {
        if (deadline.aborted) controller.abort()
        else deadline.addEventListener("abort", () => controller.abort(), { once: true })
      }
      dispatcher.request({
        method: request.method,
        origin,
        path: pathname + search + hash,
        headers: request.headers,
        body,
        signal: controller.signal,
        // timeouts are the caller's (Effect.timeout and the like)
        headersTimeout: 0,
        bodyTimeout: 0
      }).then(
        (source) => resume(Effect.succeed(new UndiciResponse(request, source, controller))),
        (cause) => resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
      )
      return Effect.sync(() => controller.abort())
    })
  // only a stream body needs an effect (undici reads it as it sends); any other goes as it is
  return request.body._tag === "Stream"
    ? Effect.flatMap(
      Stream.toReadableStreamEffect(request.body.stream),
      (stream) => dispatch(Readable.fromWeb(stream as WebReadableStream<Uint8Array>))
    )
    : dispatch(plainBody(request.body))
}

/**
 * An `HttpClient` over the given undici dispatcher (an `Agent`, a `Pool`, a `MockAgent`…). It aborts an exchange
 * when the signal `@notion-effect/core`'s `HttpDeadline` registered for its request fires, so the Notion client's
 * timeout needs no fiber with it.
 *
 * @since 0.1.0
 */
export const make = (dispatcher: Undici.Dispatcher): HttpClient.HttpClient =>
  HttpDeadline.mark(
    HttpClient.makeWith(
      (request) => Effect.flatMap(request, (request) => send(dispatcher, request)),
      Effect.succeed as HttpClient.HttpClient.Preprocess<never, never>
    )
  )

/**
 * The `HttpClient` over an undici `Agent` of its own (keep-alive pools per origin), closed with the layer.
 *
 * @since 0.1.0
 */
export const layerWith = (options?: Undici.Agent.Options): Layer.Layer<HttpClient.HttpClient> =>
  Layer.scoped(
    HttpClient.HttpClient,
    Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => new Undici.Agent(options)),
        (agent) => Effect.promise(() => agent.destroy())
      ),
      make
    )
  )

/**
 * The `HttpClient` over an undici `Agent` of its own with undici's defaults.
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = layerWith()
