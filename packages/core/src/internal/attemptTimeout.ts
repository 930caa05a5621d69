/**
 * Attempt timeouts: how one attempt (send the request, read the whole body) is bounded by `NotionConfig`'s timeout.
 * Every way of timing out, and the choice between them, lives here:
 *
 * - the live clock and an `HttpDeadline`-marked client ({@link deadlineOf}): a plain timer fires the signal
 *   registered for the request and the client aborts; no fiber is forked ({@link signalled});
 * - the live clock and any other client: the exchange runs in a child fiber raced against a plain timer;
 *   interrupting it makes the platform abort the request and close the socket ({@link raced});
 * - any other clock (`TestClock`): `Effect.timeoutFail`, which follows that clock.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as HttpDeadline from "../HttpDeadline.js"
import type * as NotionConfig from "../NotionConfig.js"
import type * as NotionError from "../NotionError.js"
import { interruptNow } from "./fiberRuntime.js"

/** The clients an attempt can go through, and the timeout that bounds it. */
export interface Clients {
  /** The provided `HttpClient`, composed once: base URL, the platform span disabled, the user's transform. */
  readonly http: HttpClient.HttpClient
  /**
   * The provided `HttpClient` itself when it is `HttpDeadline`-marked and no `transformClient` wraps it
   * ({@link deadlineOf}): attempts on the live clock go to it directly (base URL applied), bounded by a signal.
   */
  readonly deadline: HttpClient.HttpClient | undefined
  readonly config: NotionConfig.Service
}

/**
 * The provided client when attempts may be bounded by a registered signal: it is `HttpDeadline`-marked and no
 * `transformClient` wraps it (the wrapper might swap the request).
 */
export const deadlineOf = (
  provided: HttpClient.HttpClient,
  config: NotionConfig.Service
): HttpClient.HttpClient | undefined =>
  HttpDeadline.isMarked(provided) && !config.transformClient ? provided : undefined

/**
 * One attempt, bounded by the timeout: `exchange` sends `request` through the client this clock and client allow,
 * and fails with `timeout()` when the timeout passes first.
 */
export const bounded = <A, E>(
  clients: Clients,
  live: boolean,
  request: HttpClientRequest.HttpClientRequest,
  exchange: (http: HttpClient.HttpClient, request: HttpClientRequest.HttpClientRequest) => Effect.Effect<A, E>,
  timeout: () => NotionError.RequestTimeout
): Effect.Effect<A, E | NotionError.RequestTimeout> => {
  const { config, deadline } = clients
  if (!live) {
    return Effect.timeoutFail(exchange(clients.http, request), { duration: config.timeout, onTimeout: timeout })
  }
  return deadline === undefined
    ? raced(exchange(clients.http, request), timerMillis(config.timeout), timeout)
    : signalled(deadline, request, exchange, config, timeout)
}

/** setTimeout's range: a longer (or infinite) timeout waits about 24.8 days. */
const timerMillis = (timeout: Duration.Duration) => Math.max(0, Math.min(2 ** 31 - 1, Duration.toMillis(timeout)))

/**
 * The exchange in a child fiber raced against a plain timer; interrupting the child makes the platform abort the
 * request and close the socket.
 */
const raced = <A, E>(
  exchange: Effect.Effect<A, E>,
  millis: number,
  timeout: () => NotionError.RequestTimeout
): Effect.Effect<A, E | NotionError.RequestTimeout> =>
  Effect.flatMap(
    Effect.forkDaemon(exchange),
    (child: Fiber.RuntimeFiber<A, E>) =>
      Effect.async<A, E | NotionError.RequestTimeout>((resume) => {
        let done = false
        const timer = setTimeout(() => {
          if (done) return
          done = true
          interruptNow(child)
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
          interruptNow(child)
        })
      })
  )

/**
 * The exchange through an `HttpDeadline`-marked client: a plain timer fires the signal registered for the request,
 * the client aborts, and whatever the exchange fails with then is the timeout. No fiber is forked.
 */
const signalled = <A, E>(
  deadline: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  exchange: (http: HttpClient.HttpClient, request: HttpClientRequest.HttpClientRequest) => Effect.Effect<A, E>,
  config: NotionConfig.Service,
  timeout: () => NotionError.RequestTimeout
): Effect.Effect<A, E | NotionError.RequestTimeout> =>
  Effect.suspend(() => {
    const controller = new AbortController()
    const full = HttpClientRequest.prependUrl(request, config.baseUrl)
    HttpDeadline.register(full, controller.signal)
    const timer = setTimeout(() => controller.abort(), timerMillis(config.timeout))
    return exchange(deadline, full).pipe(
      Effect.catchAll((error) => Effect.fail(controller.signal.aborted ? timeout() : error)),
      Effect.ensuring(Effect.sync(() => clearTimeout(timer)))
    )
  })
