/**
 * The shape of a retry policy (a back-off with jitter, a count, a predicate on the input and a delay read from
 * it) in Effect 4's `Schedule` API: every step sees its input in its metadata, so no schedule carries it along.
 * The Effect 3 form is `packages/core/src/internal/retryPolicy.ts`.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
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
export const make = <I>(options: Options<I>): Schedule.Schedule<unknown, I> => {
  const { max, min } = options.jitter
  return options.delays.pipe(
    // Effect 3's jitteredWith: d·min·(1 − r) + d·max·r
    Schedule.modifyDelay(({ duration }) =>
      Effect.map(Random.next, (random) => {
        const millis = Duration.toMillis(duration)
        return Duration.millis(millis * min * (1 - random) + millis * max * random)
      })
    ),
    Schedule.upTo({ times: options.times }),
    Schedule.setInputType<I>(),
    Schedule.while(({ input }) => options.while(input)),
    Schedule.modifyDelay(({ duration, input }) => Effect.succeed(options.delay(input, duration)))
  )
}

/** The schedule, stopped as soon as `predicate` fails for an input. */
export const restrict = <I>(
  schedule: Schedule.Schedule<unknown, I>,
  predicate: (input: I) => boolean
): Schedule.Schedule<unknown, I> => schedule.pipe(Schedule.while(({ input }) => predicate(input)))
