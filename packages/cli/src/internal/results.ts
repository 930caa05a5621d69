/**
 * An `Either` used as an effect. Effect 3's `Either` is an effect already (this is the identity); Effect 4's
 * `Result` is not, so the Effect 4 edition has its own form of this module (`Effect.fromResult`), as core's.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Either from "effect/Either"

/** The `Either` as an effect that succeeds or fails with it. */
export const toEffect = <A, E>(either: Either.Either<A, E>): Effect.Effect<A, E> => either
