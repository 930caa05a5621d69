// Effect 4's form of packages/ratelimit-redis/test/utils/emulator.ts. The emulator stays on Effect 3, so an Effect 4
// test starts it through its promise API, `Standalone.start()` (the same server, on the live clock), and stops it
// with the scope. Its module is loaded by a specifier TypeScript does not follow: its declarations are Effect 3's,
// and the edition's type-check must read nothing from outside effect4/ (`scripts/effect4/test.mjs` checks it); the
// `Standalone` interface below is the part of its API these tests use.
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

/** The emulator's settings these tests use: its own rate limit (a budget per window). */
export interface Options {
  readonly rateLimit: { readonly requests: number; readonly window: string }
}

/** What the emulator served so far: requests per route (`GET /v1/users/me`) and the 429s it answered. */
export interface Stats {
  readonly requests: Readonly<Record<string, number>>
  readonly rateLimited: number
}

/** A running emulator: its base URL, a valid internal token, its counters. */
export interface TestEmulator {
  readonly url: string
  readonly internalToken: Redacted.Redacted<string>
  readonly stats: Effect.Effect<Stats>
}

/** `@notion-effect/emulator`'s `Standalone` module, as far as these tests use it. */
interface Standalone {
  readonly start: (options: Options) => Promise<{
    readonly url: string
    readonly internalToken: string
    readonly stats: () => Promise<Stats>
    readonly close: () => Promise<void>
  }>
}

const emulatorModule: string = "@notion-effect/emulator"

/** Starts an emulator on a free port of 127.0.0.1, stopped with the scope. */
export const start = (options: Options): Effect.Effect<TestEmulator, Error, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise(async () => {
      const { Standalone } = (await import(emulatorModule)) as { readonly Standalone: Standalone }
      return Standalone.start(options)
    }),
    (running) => Effect.promise(() => running.close())
  ).pipe(
    Effect.map((running) => ({
      url: running.url,
      internalToken: Redacted.make(running.internalToken),
      stats: Effect.promise(() => running.stats())
    }))
  )
