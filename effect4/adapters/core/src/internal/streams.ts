/**
 * Effect 4's form of `packages/core/src/internal/streams.ts`: pages and collections are arrays.
 */
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"

/** A stream of pages: `next` gives one page's items and the state of the next page, if there is one. */
export const paginate = <S, A, E, R>(
  initial: S,
  next: (state: S) => Effect.Effect<readonly [ReadonlyArray<A>, Option.Option<S>], E, R>
): Stream.Stream<A, E, R> => Stream.paginate(initial, next)

/** Every element of a stream, in an array. */
export const collect = <A, E, R>(stream: Stream.Stream<A, E, R>): Effect.Effect<Array<A>, E, R> =>
  Stream.runCollect(stream)
