/**
 * Client-side rate limiting: the hook every request goes through before it is sent. The default lets
 * everything through at once (only 429 answers slow you down, through the retry schedule).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as NotionError from "./NotionError.js"

/**
 * A limiter. Budgets are per token (Notion's are per connection): the token is passed `Redacted`, and an
 * implementation that stores state outside the process must key it by a hash, never the token itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Waits until the token may send one more request; fails with `RateLimited` (carrying the wait) instead of
   * waiting longer than the limiter's maximum. Runs before every attempt, retries included.
   */
  readonly acquire: (token: Redacted.Redacted<string>) => Effect.Effect<void, NotionError.RateLimited>
  /** Notion answered 429/529 with `Retry-After`: every request of this token waits until then (one shared back-off). */
  readonly backoff: (token: Redacted.Redacted<string>, retryAfter: Duration.Duration) => Effect.Effect<void>
  /** An attempt of this token finished (frees an in-flight slot). */
  readonly release: (token: Redacted.Redacted<string>) => Effect.Effect<void>
}

/**
 * No client-side limit (the default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const unlimited: Service = {
  acquire: () => Effect.void,
  backoff: () => Effect.void,
  release: () => Effect.void
}

/**
 * The limiter every `NotionClient` built in its scope uses; defaults to {@link unlimited}.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionRateLimiter extends Context.Reference<NotionRateLimiter>()(
  "@notion-effect/core/NotionRateLimiter",
  { defaultValue: (): Service => unlimited }
) {}
