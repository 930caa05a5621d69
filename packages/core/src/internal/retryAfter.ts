import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

/**
 * Parses a `Retry-After` header: whole seconds, or an HTTP-date relative to `now` (epoch millis).
 * Negative, past or unreadable values give none.
 */
export const parseRetryAfter = (value: string | undefined, now: number): Option.Option<Duration.Duration> => {
  const trimmed = value?.trim() ?? ""
  if (/^\d+$/.test(trimmed)) return Option.some(Duration.seconds(Number(trimmed)))
  if (!/[a-z]/i.test(trimmed)) return Option.none()
  const at = Date.parse(trimmed)
  return Number.isNaN(at) || at < now ? Option.none() : Option.some(Duration.millis(at - now))
}
