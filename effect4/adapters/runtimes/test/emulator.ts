/**
 * The emulator the runtime tests run the program against: a fresh one for a scope.
 *
 * Effect 4's form of `runtimes/test/emulator.ts`: the emulator stays on Effect 3, so it is started through its
 * promise API (`Standalone.start()` of `@notion-effect/emulator`, over the default fixture, which
 * `Fixture.defaultFixture()` describes), imported when the first one starts and typed here by the part the tests use
 * (its own declarations would bring Effect 3's into this edition's type-check).
 *
 * @since 1.0.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

/**
 * The emulator could not be started, or did not answer a request of the test.
 *
 * @since 1.0.0
 */
export class EmulatorError extends Data.TaggedError("EmulatorError")<{ readonly cause: unknown }> {}

/**
 * The part of the emulator's fixture the runtime tests read (see `Fixture.Fixture` of `@notion-effect/emulator`).
 *
 * @since 1.0.0
 */
export interface Fixture {
  readonly users: ReadonlyArray<{ readonly id: string }>
  readonly pages: ReadonlyArray<{ readonly id: string; readonly title: string; readonly parentId?: string }>
  readonly integrations: ReadonlyArray<{ readonly type: string; readonly sharedPages: ReadonlyArray<string> }>
}

/**
 * A running emulator: its URL, the internal integration's token, its fixture and what it has served.
 *
 * @since 1.0.0
 */
export interface Emulator {
  readonly url: string
  readonly internalToken: Redacted.Redacted<string>
  readonly fixture: Fixture
  readonly stats: Effect.Effect<{ readonly requests: Readonly<Record<string, number>> }, EmulatorError>
}

interface Started {
  readonly url: string
  readonly internalToken: string
  readonly stats: () => Promise<{ readonly requests: Readonly<Record<string, number>> }>
  readonly close: () => Promise<void>
}

interface EmulatorModule {
  readonly Standalone: { readonly start: () => Promise<Started> }
  readonly Fixture: { readonly defaultFixture: () => Fixture }
}

// a specifier TypeScript does not resolve (see the module's comment)
const specifier: string = "@notion-effect/emulator"

const attempt = <A>(promise: () => Promise<A>) =>
  Effect.tryPromise({ try: promise, catch: (cause) => new EmulatorError({ cause }) })

/**
 * Starts an emulator for the scope.
 *
 * @since 1.0.0
 */
export const make = (): Effect.Effect<Emulator, EmulatorError, Scope.Scope> =>
  Effect.gen(function*() {
    const module = yield* attempt(() => import(specifier) as Promise<EmulatorModule>)
    const started = yield* Effect.acquireRelease(
      attempt(() => module.Standalone.start()),
      (running) => Effect.promise(() => running.close())
    )
    return {
      url: started.url,
      internalToken: Redacted.make(started.internalToken),
      fixture: module.Fixture.defaultFixture(),
      stats: attempt(() => started.stats())
    }
  })
