/**
 * The stream operations whose Effect 3 and Effect 4 forms differ (Effect 3 groups elements in `Chunk`s, Effect 4 in
 * arrays),
 * in one place: the Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/streams.ts`).
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"

/** A stream of pages: `next` gives one page's items and the state of the next page, if there is one. */
export const paginate = <S, A, E, R>(
  initial: S,
  next: (state: S) => Effect.Effect<readonly [ReadonlyArray<A>, Option.Option<S>], E, R>
): Stream.Stream<A, E, R> =>
  Stream.paginateChunkEffect(
    initial,
    (state) =>
      Effect.map(next(state), ([items, following]) => [Chunk.unsafeFromArray(items as Array<A>), following] as const)
  )

/** Every element of a stream, in an array. */
export const collect = <A, E, R>(stream: Stream.Stream<A, E, R>): Effect.Effect<Array<A>, E, R> =>
  Effect.map(Stream.runCollect(stream), Chunk.toArray)

/** Maps each group of elements the stream emits at once, effectfully (a page of a paginated stream). */
export const mapGroupsEffect = <A, B, E, R, E2, R2>(
  stream: Stream.Stream<A, E, R>,
  f: (items: ReadonlyArray<A>) => Effect.Effect<ReadonlyArray<B>, E2, R2>
): Stream.Stream<B, E | E2, R | R2> =>
  Stream.mapChunksEffect(
    stream,
    (chunk) => Effect.map(f(Chunk.toReadonlyArray(chunk)), (out) => Chunk.unsafeFromArray(out as Array<B>))
  )

/** Each element mapped to any number of elements, in order. */
export const mapConcat = <A, B, E, R>(
  stream: Stream.Stream<A, E, R>,
  f: (a: A) => Iterable<B>
): Stream.Stream<B, E, R> => Stream.mapConcat(stream, f)
