/**
 * The emulator the runtime tests run the program against: a fresh one for a scope. Effect 4's edition of this module
 * (`effect4/adapters/runtimes/test/emulator.ts`) starts the same emulator, which stays on Effect 3, through its
 * promise API.
 *
 * @since 0.1.0
 */
import type * as HttpServerError from "@effect/platform/HttpServerError"
import { NotionEmulator } from "@notion-effect/emulator"
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

/**
 * A running emulator: the part of `NotionEmulator.Service` the runtime tests use.
 *
 * @since 0.1.0
 */
export type Emulator = Pick<NotionEmulator.Service, "url" | "internalToken" | "fixture" | "stats">

/**
 * Starts an emulator for the scope.
 *
 * @since 0.1.0
 */
export const make = (): Effect.Effect<Emulator, HttpServerError.ServeError, Scope.Scope> => NotionEmulator.make()
