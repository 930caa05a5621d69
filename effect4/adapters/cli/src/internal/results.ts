/**
 * Effect 4's form of `packages/cli/src/internal/results.ts`: a `Result` is not an effect, `Effect.fromResult`
 * makes one.
 *
 * @since 1.0.0
 */
import * as Effect from "effect/Effect"
import type * as Result from "effect/Result"

/** The `Result` as an effect that succeeds or fails with it. */
export const toEffect = <A, E>(result: Result.Result<A, E>): Effect.Effect<A, E> => Effect.fromResult(result)
