// The emulator as the CLI's tests use it: started for the test's scope, its API as effects. The Effect 4 edition has
// its own form of this module (the emulator stays on Effect 3; Effect 4 tests start it with its promise API,
// `Standalone.start()`, and get the same shape).
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

/** A running emulator: what the CLI's tests read and do with it. */
export type Emulator = Pick<NotionEmulator.Service, "url" | "internalToken" | "oauthClient" | "consent" | "stats">

/** An emulator stopped with the scope. */
export const emulator: Effect.Effect<Emulator, never, Scope.Scope> = Effect.orDie(NotionEmulator.make())
