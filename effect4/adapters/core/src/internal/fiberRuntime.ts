/**
 * Effect 4's form of `packages/core/src/internal/fiberRuntime.ts`: a fiber's services are its `context`, the tracer
 * and the clock are `References` (their defaults are the native tracer and the live clock), tracing and the minimum
 * log level are `References` too, and a fiber is interrupted with `interruptUnsafe`.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import type * as Fiber from "effect/Fiber"
import * as LogLevel from "effect/LogLevel"
import * as References from "effect/References"
import * as Tracer from "effect/Tracer"

/** A fiber's services (its clock and tracer): read once per call with {@link servicesOf}. */
export type Services = Context.Context<never>

/** The running fiber's services. */
export const servicesOf = <A, E>(fiber: Fiber.Fiber<A, E>): Services => fiber.context

const liveClock = Context.get(Context.empty(), Clock.Clock)

/** Whether a tracer other than Effect's native one is installed, and tracing is on. */
export const isTraced = <A, E>(fiber: Fiber.Fiber<A, E>, services: Services): boolean =>
  Context.get(services, Tracer.Tracer) !== Tracer.nativeTracer && fiber.getRef(References.TracerEnabled)

/** Whether debug logs would be written. */
export const isDebug = <A, E>(fiber: Fiber.Fiber<A, E>): boolean =>
  LogLevel.isLessThanOrEqualTo(fiber.getRef(References.MinimumLogLevel), "Debug")

/** Whether the services hold the live clock (not `TestClock` or another). */
export const isLive = (services: Services): boolean => Context.get(services, Clock.Clock) === liveClock

/** Interrupts a fiber without waiting for it to end. */
export const interruptNow = <A, E>(fiber: Fiber.Fiber<A, E>): void => fiber.interruptUnsafe()
