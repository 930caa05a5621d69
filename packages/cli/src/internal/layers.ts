/**
 * A layer's error mapped (Effect 3's `Layer.mapError`; Effect 4 has none, so the Effect 4 edition has its own form of
 * this module).
 *
 * @since 0.1.0
 */
import * as Layer from "effect/Layer"

/** The layer, failing with `f` of its error. */
export const mapError = <E, E2>(f: (error: E) => E2) => <A, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E2, R> =>
  Layer.mapError(layer, f)
