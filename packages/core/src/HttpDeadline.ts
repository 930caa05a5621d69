/**
 * A capability an `HttpClient` can declare so the client's timeout costs no fiber.
 *
 * Who needs it: the author of a custom `HttpClient` who wants the Notion client's timeout to cost no fiber per
 * attempt. Nobody else does (`@notion-effect/undici`'s client is already marked), so it is not in the package's
 * index: import it as `@notion-effect/core/HttpDeadline`.
 *
 * The Notion client bounds every attempt (send and read the body) by `NotionConfig`'s timeout. For an arbitrary
 * `HttpClient` that needs a child fiber per attempt, interrupted when the timer fires: the only way to stop an
 * effect that might ignore every signal. A client marked with {@link mark} promises instead to abort an exchange
 * (the request and the reading of its body) when the signal {@link register}ed for its request fires (read it with
 * {@link signalOf}), and to record no span of its own; the Notion client then sends it requests with the base URL
 * applied, registers a signal fired by a plain timer, and forks nothing. This module is the protocol's one
 * declaration; its keys are `Symbol.for` names, so two installed copies of this package still agree.
 *
 * A marked client wrapped by `NotionConfig`'s `transformClient` is not used this way (the wrapper might swap the
 * request): the timeout forks as for any client.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"

/**
 * The marker's key.
 *
 * @since 0.1.0
 */
export const TypeId: unique symbol = Symbol.for("@notion-effect/core/HttpDeadline") as never

/**
 * The marker's key, as a type.
 *
 * @since 0.1.0
 */
export type TypeId = typeof TypeId

// one map per process, whichever copy of this module (and of effect) registers or reads it
const store = globalThis as { [key: symbol]: WeakMap<HttpClientRequest.HttpClientRequest, AbortSignal> | undefined }
const signals = store[Symbol.for("@notion-effect/core/HttpDeadline/signals")] ??= new WeakMap()

/**
 * Marks a client as aborting on its requests' registered signals.
 *
 * @since 0.1.0
 */
export const mark = <C extends HttpClient.HttpClient.With<any, any> | HttpClient.HttpClient>(client: C): C =>
  Object.assign(client, { [TypeId]: TypeId })

/**
 * Whether a client is marked (a client derived from a marked one by `mapRequest` and the like is not).
 *
 * @since 0.1.0
 */
export const isMarked = (client: HttpClient.HttpClient.With<any, any> | HttpClient.HttpClient): boolean =>
  Object.prototype.hasOwnProperty.call(client, TypeId)

/**
 * Registers the signal that ends this request's exchange.
 *
 * @since 0.1.0
 */
export const register = (request: HttpClientRequest.HttpClientRequest, signal: AbortSignal): void => {
  signals.set(request, signal)
}

/**
 * The signal registered for a request, if any: what a marked client listens to.
 *
 * @since 0.1.0
 */
export const signalOf = (request: HttpClientRequest.HttpClientRequest): AbortSignal | undefined => signals.get(request)
