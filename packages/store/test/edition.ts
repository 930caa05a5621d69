// What the store's tests do that differs between the editions (the Effect 4 edition has its own form of this
// module): counting the fibers asleep on the TestClock, and capturing log lines.
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as TestClock from "effect/TestClock"

/** The prefix of the PostgreSQL schemas the tests create (each edition its own, as both run against one server). */
export const schemaPrefix = "notion_store"

/**
 * A client layer whose connections are made on the live clock, whatever clock the test runs on (Effect 3's
 * PostgreSQL driver times its connections with its own timers: nothing to do).
 */
export const onLiveClock = <A, E, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E, R> => layer

/** How many fibers sleep on the TestClock (of a test run through {@link countingSleeps}). */
export const sleepers: Effect.Effect<number> = Effect.map(TestClock.sleeps(), (sleeps) => sleeps.length)

/** Runs a test's body so that {@link sleepers} counts its sleeps (Effect 3's TestClock counts them itself). */
export const countingSleeps = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => effect

/** Runs `effect` with every log line, at every level, appended to `lines` (logfmt). */
export const capturingLogs = (lines: Array<string>) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  effect.pipe(
    Effect.provide(
      Logger.replace(Logger.defaultLogger, Logger.make((o) => void lines.push(Logger.logfmtLogger.log(o))))
    ),
    Logger.withMinimumLogLevel(LogLevel.All)
  )
