// The emulator of the ratelimit-redis tests: a fresh one for the test's scope, with the token and the counters they
// read. The emulator stays on Effect 3: here it runs in process (NotionEmulator.make); the Effect 4 edition's form,
// effect4/adapters/ratelimit-redis/test/utils/emulator.ts, starts the same server through its promise API,
// Standalone.start().
import { NotionEmulator } from "@notion-effect/emulator"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

/** The emulator's settings these tests use: its own rate limit (a budget per window). */
export interface Options {
  readonly rateLimit: { readonly requests: number; readonly window: Duration.DurationInput }
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

/** Starts an emulator on a free port of 127.0.0.1, stopped with the scope. */
export const start = (options: Options): Effect.Effect<TestEmulator, Error, Scope.Scope> => NotionEmulator.make(options)
