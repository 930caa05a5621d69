/**
 * The client's Effect `Metric`s, picked up by any metrics exporter (e.g. `@effect/opentelemetry`). Labels
 * never hold a token, an id or anything else that identifies a user: only the endpoint name, the HTTP status
 * (or the error tag of a client-side failure) and fixed values.
 *
 * @since 0.1.0
 */
import * as Metric from "effect/Metric"
import * as MetricBoundaries from "effect/MetricBoundaries"

/**
 * `notion_requests_total{endpoint, status}`: calls by endpoint and outcome (`200`, `404`, `RequestTimeout`…).
 *
 * @since 0.1.0
 * @category metrics
 */
export const requests = Metric.counter("notion_requests_total", {
  description: "Notion API calls by endpoint and final status",
  incremental: true
})

/**
 * `notion_attempts_total{endpoint}`: HTTP attempts sent (a call with two retries counts three).
 *
 * @since 0.1.0
 * @category metrics
 */
export const attempts = Metric.counter("notion_attempts_total", {
  description: "HTTP attempts sent to Notion",
  incremental: true
})

/**
 * `notion_retries_total{endpoint}`: attempts that were retries.
 *
 * @since 0.1.0
 * @category metrics
 */
export const retries = Metric.counter("notion_retries_total", {
  description: "Retried attempts",
  incremental: true
})

/**
 * `notion_rate_limited_total{endpoint, status}`: 429 `rate_limited` and 529 `service_overload` answers received.
 *
 * @since 0.1.0
 * @category metrics
 */
export const rateLimited = Metric.counter("notion_rate_limited_total", {
  description: "429 and 529 answers received",
  incremental: true
})

const seconds = MetricBoundaries.exponential({ start: 0.001, factor: 4, count: 10 })

/**
 * `notion_rate_limiter_wait_seconds{reason}`: time requests spent waiting in the client-side limiter, one
 * observation per wait, by what they waited for: `window` (the budget was spent), `backoff` (the token's shared
 * back-off after a 429/529 `Retry-After`) or `in_flight` (the `maxInFlight` cap). Requests that did not wait
 * are not observed.
 *
 * @since 0.1.0
 * @category metrics
 */
export const limiterWait = Metric.histogram("notion_rate_limiter_wait_seconds", seconds, "Time waiting in the limiter")

/**
 * `notion_retry_wait_seconds{endpoint}`: time spent waiting between attempts (back-off and `Retry-After`).
 *
 * @since 0.1.0
 * @category metrics
 */
export const retryWait = Metric.histogram("notion_retry_wait_seconds", seconds, "Time waiting between attempts")

/**
 * `notion_token_refreshes_total{result}`: OAuth token refreshes by the token manager (`ok`, `reauthorize`, `error`).
 *
 * @since 0.1.0
 * @category metrics
 */
export const refreshes = Metric.counter("notion_token_refreshes_total", {
  description: "OAuth token refreshes",
  incremental: true
})
