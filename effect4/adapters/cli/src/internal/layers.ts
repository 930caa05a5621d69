/**
 * Effect 4's form of `packages/cli/src/internal/layers.ts`: Effect 4 has no `Layer.mapError`; the failure's cause is
 * mapped and failed again.
 *
 * @since 1.0.0
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** The layer, failing with `f` of its error. */
export const mapError = <E, E2>(f: (error: E) => E2) => <A, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E2, R> =>
  Layer.catchCause(layer, (cause) => Layer.unwrap(Effect.failCause(Cause.map(cause, f)))) as Layer.Layer<A, E2, R>
