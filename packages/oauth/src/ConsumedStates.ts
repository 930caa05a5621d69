/**
 * Single use of OAuth states: the ids of states already used, remembered until they expire, so a replayed or
 * double-submitted callback is refused before its code is exchanged. The in-memory store serves one process; a
 * deployment with several implements {@link Service} on its database.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { StateReplayed } from "./OAuthError.js"
import type { Verified } from "./OAuthState.js"

/**
 * Marks a state as used; fails with `StateReplayed` if it already was.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly consume: (state: Verified) => Effect.Effect<void, StateReplayed>
}

/**
 * The consumed-states store.
 *
 * @since 0.1.0
 * @category tags
 */
export class ConsumedStates extends Context.Tag("@notion-effect/oauth/ConsumedStates")<ConsumedStates, Service>() {}

/**
 * An in-memory store: ids are forgotten once their state has expired (a later use fails as expired anyway).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory: Effect.Effect<Service> = Effect.sync(() => {
  const used = new Map<string, number>()
  return {
    consume: (state) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        for (const [id, expiresAt] of used) if (expiresAt < now) used.delete(id)
        if (used.has(state.id)) return Effect.fail(new StateReplayed())
        used.set(state.id, state.expiresAt)
        return Effect.void
      })
  }
})

/**
 * Provides the in-memory store.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<ConsumedStates> = Layer.effect(ConsumedStates, makeMemory)
