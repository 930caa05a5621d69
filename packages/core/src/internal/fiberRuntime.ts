/**
 * What the request pipeline reads off the running fiber, and how it stops a child fiber: the parts of Effect's
 * runtime whose Effect 3 and Effect 4 forms differ (Effect 3's default services and `FiberRef`s are Effect 4's
 * `References`), in one place. The Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/fiberRuntime.ts`).
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"

/** A fiber's services (its clock and tracer): read once per call with {@link servicesOf}. */
export type Services = Context.Context<DefaultServices.DefaultServices>

/** The running fiber's services. */
export const servicesOf = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): Services =>
  fiber.getFiberRef(DefaultServices.currentServices)

const nativeTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)
const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/** Whether a tracer other than Effect's native one is installed, and tracing is on. */
export const isTraced = <A, E>(fiber: Fiber.RuntimeFiber<A, E>, services: Services): boolean =>
  Context.get(services, Tracer.Tracer) !== nativeTracer && fiber.getFiberRef(FiberRef.currentTracerEnabled)

/** Whether debug logs would be written. */
export const isDebug = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): boolean =>
  LogLevel.lessThanEqual(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)

/** Whether the services hold the live clock (not `TestClock` or another). */
export const isLive = (services: Services): boolean => Context.get(services, Clock.Clock) === liveClock

/** Interrupts a fiber without waiting for it to end. */
export const interruptNow = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): void => fiber.unsafeInterruptAsFork(FiberId.none)
