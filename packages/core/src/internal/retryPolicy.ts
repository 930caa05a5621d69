/**
 * The shape of a retry policy (a back-off with jitter, a count, a predicate on the input and a delay read from
 * it) in Effect 3's `Schedule` API. Effect 4's differs (its steps see the input; it has no `intersect`,
 * `whileInput` nor `jitteredWith`): the Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/retryPolicy.ts`).
 */
import type * as Duration from "effect/Duration"
import * as Schedule from "effect/Schedule"

/** What a retry policy is made of. */
export interface Options<I> {
  /** The back-off delays (the schedule's output is not used). */
  readonly delays: Schedule.Schedule<unknown>
  /** Every back-off delay is multiplied by a random factor between `min` and `max`. */
  readonly jitter: { readonly min: number; readonly max: number }
  /** At most this many recurrences. */
  readonly times: number
  /** Recurs only while this holds for the input. */
  readonly while: (input: I) => boolean
  /** The delay waited, from the input and the jittered back-off delay. */
  readonly delay: (input: I, delay: Duration.Duration) => Duration.Duration
}

/** A schedule over inputs `I`: the jittered `delays`, at most `times` times, while `while`, waiting `delay`. */
export const make = <I>(options: Options<I>): Schedule.Schedule<unknown, I> =>
  Schedule.identity<I>().pipe(
    Schedule.intersect(Schedule.jitteredWith(options.delays, options.jitter)),
    Schedule.intersect(Schedule.recurs(options.times)),
    Schedule.whileInput(options.while),
    Schedule.modifyDelay(([[input]], delay) => options.delay(input, delay))
  )

/** The schedule, stopped as soon as `predicate` fails for an input. */
export const restrict = <I>(
  schedule: Schedule.Schedule<unknown, I>,
  predicate: (input: I) => boolean
): Schedule.Schedule<unknown, I> => Schedule.whileInput(schedule, predicate)
