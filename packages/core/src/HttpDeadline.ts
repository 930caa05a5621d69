/**
 * A capability an `HttpClient` can declare so the client's timeout costs no fiber.
 *
 * The Notion client bounds every attempt (send and read the body) by `NotionConfig`'s timeout. For an arbitrary
 * `HttpClient` that needs a child fiber per attempt, interrupted when the timer fires: the only way to stop an
 * effect that might ignore every signal. A client marked with {@link mark} promises instead to abort an exchange
 * (the request and the reading of its body) when the signal {@link register}ed for its request fires, and to record
 * no span of its own; the Notion client then sends it requests with the base URL applied, registers a signal fired
 * by a plain timer, and forks nothing. `@notion-effect/undici`'s client is marked. The keys are `Symbol.for`
 * names, so a client can take part without importing this package.
 *
 * A marked client wrapped by `NotionConfig`'s `transformClient` is not used this way (the wrapper might swap the
 * request): the timeout forks as for any client.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { globalValue } from "effect/GlobalValue"

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

const signals = globalValue(
  Symbol.for("@notion-effect/core/HttpDeadline/signals"),
  () => new WeakMap<HttpClientRequest.HttpClientRequest, AbortSignal>()
)

/**
 * Marks a client as aborting on its requests' registered signals.
 *
 * @since 0.1.0
 */
export const mark = <C extends HttpClient.HttpClient.With<any, any>>(client: C): C =>
  Object.assign(client, { [TypeId]: TypeId })

/**
 * Whether a client is marked (a client derived from a marked one by `mapRequest` and the like is not).
 *
 * @since 0.1.0
 */
export const isMarked = (client: HttpClient.HttpClient.With<any, any>): boolean =>
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
