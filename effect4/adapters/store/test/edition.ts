// What the store's tests do that differs between the editions (Effect 4 form): Effect 4's TestClock does not say
// how many fibers sleep on it, so a test run through `countingSleeps` sees a clock that counts them (the same
// TestClock, its `sleep` counted); log lines are captured by a logger layer.
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as References from "effect/References"
import type * as TestClock from "effect/testing/TestClock"

/** The prefix of the PostgreSQL schemas the tests create (each edition its own, as both run against one server). */
export const schemaPrefix = "notion_store_e4"

/**
 * A client layer whose connections are made on the live clock, whatever clock the test runs on: Effect 4's
 * PostgreSQL driver times a connection's setup with the clock its pool was built under, and a test moving the
 * TestClock on would time real connections out.
 */
export const onLiveClock = <A, E, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E, R> =>
  Layer.effectContext(
    Effect.clockWith((clock) =>
      "withLive" in clock ? (clock as TestClock.TestClock).withLive(Layer.build(layer)) : Layer.build(layer)
    )
  )

const Sleeping = Context.Reference<{ active: number }>("@notion-effect/store/test/Sleeping", {
  defaultValue: () => ({ active: 0 })
})

/** How many fibers sleep on the TestClock (of a test run through {@link countingSleeps}). */
export const sleepers: Effect.Effect<number> = Effect.gen(function*() {
  return (yield* Sleeping).active
})

/** Runs a test's body so that {@link sleepers} counts its sleeps: the test's clock, its sleeps counted. */
export const countingSleeps = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.clockWith((clock) => {
    const sleeping = { active: 0 }
    const counted: Clock.Clock = {
      ...clock,
      sleep: (duration) =>
        Effect.suspend(() => {
          sleeping.active++
          return Effect.ensuring(clock.sleep(duration), Effect.sync(() => void sleeping.active--))
        })
    }
    return effect.pipe(Effect.provideService(Clock.Clock, counted), Effect.provideService(Sleeping, sleeping))
  })

/** Runs `effect` with every log line, at every level, appended to `lines` (logfmt). */
export const capturingLogs = (lines: Array<string>) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  effect.pipe(
    Effect.provide(Logger.layer([Logger.map(Logger.formatLogFmt, (line) => void lines.push(line))])),
    Effect.provideService(References.MinimumLogLevel, "All")
  )
