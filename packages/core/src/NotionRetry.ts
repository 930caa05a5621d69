/**
 * The retry policy of Notion calls, as a plain `Schedule` you can keep, tune, replace or turn off.
 *
 * Default ({@link defaultSchedule}): 2 retries; 429 `rate_limited` and 529 `service_overload` are
 * retried for every method (Notion did not process the request), waiting `Retry-After` when the
 * server gave it, else exponential back-off from 1 s with ±50 % jitter, every wait capped at 60 s; a
 * `Retry-After` longer than that cap is not retried at all (the call fails at once with the error, which
 * carries the retry time); 500/502/503/504, transport errors and timeouts only for GET and DELETE (a write
 * may have been committed); never `public_api_request_blocked`, the client-side limiter's own
 * `RateLimited` (`client_rate_limit`: its wait was already longer than allowed) nor any other 4xx.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schedule from "effect/Schedule"
import * as RetryPolicy from "./internal/retryPolicy.js"
import type { NotionError } from "./NotionError.js"

/**
 * What a retry schedule sees for each failed attempt: the error and the request's method.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryInput {
  readonly error: NotionError
  readonly method: string
}

/**
 * A retry policy: any `Schedule` that reads {@link RetryInput}.
 *
 * @since 0.1.0
 * @category models
 */
export type RetrySchedule = Schedule.Schedule<unknown, RetryInput>

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Retries after the first attempt (default 2, like the official SDK). */
  readonly retries?: number
  /** First back-off delay (default 1 second), doubled at each retry. */
  readonly initialDelay?: Duration.DurationInput
  /**
   * Cap of every wait (default 60 seconds). A `Retry-After` longer than it stops the retries: the call fails at
   * once with the error (its `retryAfter` says when to come back) instead of retrying too early.
   */
  readonly maxDelay?: Duration.DurationInput
  /** Which failures to retry (default {@link isRetryable}). */
  readonly retryable?: (input: RetryInput) => boolean
}

const idempotent = (method: string) => method === "GET" || method === "DELETE" || method === "HEAD"

/**
 * The `rate_limit_reason` Notion attached to an error, if any.
 *
 * @since 0.1.0
 * @category accessors
 */
export const rateLimitReason = (error: NotionError): string | undefined => {
  if (!("additionalData" in error)) return undefined
  const data = error.additionalData
  return Predicate.hasProperty(data, "rate_limit_reason") && typeof data.rate_limit_reason === "string"
    ? data.rate_limit_reason
    : undefined
}

/**
 * The default retry rule: 429/529 for every method, 500/502/503/504, transport errors and timeouts
 * for idempotent methods, never `public_api_request_blocked` nor a `RateLimited` of the client-side limiter
 * (`client_rate_limit`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = ({ error, method }: RetryInput): boolean => {
  const reason = rateLimitReason(error)
  if (reason === "public_api_request_blocked" || reason === "client_rate_limit") return false
  if (error._tag === "TransportError" || error._tag === "RequestTimeout") return idempotent(method)
  if (!("status" in error) || error._tag === "ResponseDecodeError") return false
  if (error.status === 429 || error.status === 529) return true
  return [500, 502, 503, 504].includes(error.status) && idempotent(method)
}

/**
 * How long the server asked to wait before retrying, when it said so.
 *
 * @since 0.1.0
 * @category accessors
 */
export const retryAfter = (error: NotionError): Option.Option<Duration.Duration> =>
  "retryAfter" in error ? error.retryAfter : Option.none()

/**
 * Builds a retry schedule: back-off with jitter, `Retry-After` honoured, every wait capped; a `Retry-After`
 * past the cap ends the retries.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): RetrySchedule => {
  const cap = Duration.decode(options.maxDelay ?? Duration.seconds(60))
  const retryable = options.retryable ?? isRetryable
  return RetryPolicy.make<RetryInput>({
    delays: Schedule.exponential(options.initialDelay ?? Duration.seconds(1)),
    jitter: { min: 0.5, max: 1.5 },
    times: options.retries ?? 2,
    while: (input) =>
      retryable(input) &&
      Option.match(retryAfter(input.error), {
        onNone: () => true,
        onSome: (wait) => Duration.lessThanOrEqualTo(wait, cap)
      }),
    delay: (input, delay) => Duration.min(Option.getOrElse(retryAfter(input.error), () => delay), cap)
  })
}

/**
 * The default policy: `make()`.
 *
 * @since 0.1.0
 * @category schedules
 */
export const defaultSchedule: RetrySchedule = make()

/**
 * No retries at all.
 *
 * @since 0.1.0
 * @category schedules
 */
export const disabled: RetrySchedule = Schedule.stop

/**
 * A policy that also stops at the first failure `predicate` rejects (written once for both Effect editions, whose
 * `Schedule` APIs differ).
 *
 * @example
 * ```ts
 * import { NotionRetry } from "@notion-effect/core"
 *
 * // the default policy, but never for a 429 the rate limiter sent
 * export const policy = NotionRetry.restrict(
 *   NotionRetry.defaultSchedule,
 *   ({ error }) => NotionRetry.rateLimitReason(error) !== "client_rate_limit"
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const restrict = (schedule: RetrySchedule, predicate: (input: RetryInput) => boolean): RetrySchedule =>
  RetryPolicy.restrict(schedule, predicate)
