/**
 * Effect 4's form of `packages/core/src/internal/streams.ts`: streams emit arrays, and collect into arrays.
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

/** Maps each group of elements the stream emits at once, effectfully (a page of a paginated stream). */
export const mapGroupsEffect = <A, B, E, R, E2, R2>(
  stream: Stream.Stream<A, E, R>,
  f: (items: ReadonlyArray<A>) => Effect.Effect<ReadonlyArray<B>, E2, R2>
): Stream.Stream<B, E | E2, R | R2> => Stream.flattenIterable(Stream.mapEffect(Stream.chunks(stream), f))

/** Each element mapped to any number of elements, in order. */
export const mapConcat = <A, B, E, R>(
  stream: Stream.Stream<A, E, R>,
  f: (a: A) => Iterable<B>
): Stream.Stream<B, E, R> => Stream.flattenIterable(Stream.map(stream, f))
