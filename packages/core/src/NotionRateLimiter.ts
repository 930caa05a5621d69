/**
 * Client-side rate limiting: the hook every request goes through before it is sent, and an in-process limiter
 * for it. The default ({@link unlimited}) lets everything through at once (only 429 answers slow you down,
 * through the retry schedule); {@link layer} installs a limiter with one budget per token.
 *
 * The in-process limiter keeps, per token, Notion's budget of `requests` per `window` (default 180 per 60 s),
 * spendable at any pace: a request takes one of `requests` slots, and the slot is free again `window` after the
 * request ends. A server counting in fixed or sliding windows of that length therefore never sees more than
 * `requests` in one, whatever the latency. Optionally `maxInFlight` caps the requests of a token in flight.
 * When Notion still answers 429 (or 529) with `Retry-After`, every request of that token waits until then: one
 * shared back-off. A wait longer than `maxWait` (default 60 s) is not waited: the request fails at once with
 * `RateLimited` carrying the time to retry after, and the token stays held until then. Waiters are served in
 * arrival order.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as MetricLabels from "./internal/metricLabels.js"
import * as NotionError from "./NotionError.js"
import * as NotionMetrics from "./NotionMetrics.js"

/**
 * A limiter. Budgets are per token (Notion's are per connection): the token is passed `Redacted`, and an
 * implementation that stores state outside the process must key it by a hash, never the token itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Waits until the token may send one more request; fails with `RateLimited` (carrying the wait) instead of
   * waiting longer than the limiter's maximum. Runs before every attempt, retries included.
   */
  readonly acquire: (token: Redacted.Redacted<string>) => Effect.Effect<void, NotionError.RateLimited>
  /** Notion answered 429/529 with `Retry-After`: every request of this token waits until then (one shared back-off). */
  readonly backoff: (token: Redacted.Redacted<string>, retryAfter: Duration.Duration) => Effect.Effect<void>
  /** An attempt of this token finished (frees an in-flight slot). */
  readonly release: (token: Redacted.Redacted<string>) => Effect.Effect<void>
}

/**
 * No client-side limit (the default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const unlimited: Service = {
  acquire: () => Effect.void,
  backoff: () => Effect.void,
  release: () => Effect.void
}

/**
 * The limiter every `NotionClient` built in its scope uses; defaults to {@link unlimited}.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionRateLimiter extends Context.Reference<NotionRateLimiter>()(
  "@notion-effect/core/NotionRateLimiter",
  { defaultValue: (): Service => unlimited }
) {}

/**
 * Settings of the limiter; every one has a default.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `false` turns the limiter off ({@link unlimited}); default `true`. */
  readonly enabled?: boolean | undefined
  /** Requests per window and token (default 180, Notion's per-connection budget). */
  readonly requests?: number | undefined
  /** The window (default 60 seconds). */
  readonly window?: Duration.DurationInput | undefined
  /** At most this many requests of one token in flight at once (default: no cap). */
  readonly maxInFlight?: number | undefined
  /**
   * The longest wait (window or back-off) before a request fails at once with `RateLimited` instead (default
   * 60 seconds). Checked when a request arrives, against the earliest time a slot frees, and whenever a
   * back-off is set; `Duration.infinity` always waits.
   */
  readonly maxWait?: Duration.DurationInput | undefined
}

/**
 * {@link Options} with every default filled in, times in milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  readonly requests: number
  readonly windowMillis: number
  readonly maxInFlight: number
  readonly maxWaitMillis: number
}

/**
 * Fills in the defaults of {@link Options}: 180 requests per 60 s, no in-flight cap, 60 s maximum wait.
 *
 * @since 0.1.0
 * @category constructors
 */
export const settings = (options: Options = {}): Settings => {
  const requests = options.requests ?? 180
  const maxInFlight = options.maxInFlight ?? Infinity
  if (!(Number.isInteger(requests) && requests > 0)) {
    throw new RangeError(`NotionRateLimiter: requests must be a positive integer, got ${requests}`)
  }
  if (!(maxInFlight === Infinity || (Number.isInteger(maxInFlight) && maxInFlight > 0))) {
    throw new RangeError(`NotionRateLimiter: maxInFlight must be a positive integer, got ${maxInFlight}`)
  }
  return {
    requests,
    windowMillis: Duration.toMillis(options.window ?? Duration.seconds(60)),
    maxInFlight,
    maxWaitMillis: Duration.toMillis(options.maxWait ?? Duration.seconds(60))
  }
}

/**
 * The error of a wait longer than `maxWait`: a `RateLimited` (status 429, `rate_limit_reason`
 * `client_rate_limit`, never retried by the default retry policy) carrying the time to retry after.
 *
 * @since 0.1.0
 * @category errors
 */
export const waitTooLong = (
  waitMillis: number,
  maxWaitMillis: number,
  reason: "window" | "backoff"
): NotionError.RateLimited => {
  const wait = Duration.millis(Math.max(0, Math.ceil(waitMillis)))
  return new NotionError.RateLimited({
    status: 429,
    message: `Client-side rate limit: this token may send again in ${Duration.format(wait)} (${
      reason === "backoff" ? "Notion's Retry-After" : "its window budget is spent"
    }), longer than the limiter's maxWait of ${Duration.format(Duration.millis(maxWaitMillis))}`,
    additionalData: { rate_limit_reason: "client_rate_limit" },
    retryAfter: Option.some(wait)
  })
}

/**
 * Why a request waited in a limiter: the label `reason` of `notion_rate_limiter_wait_seconds`.
 *
 * @since 0.1.0
 * @category models
 */
export type WaitReason = "window" | "backoff" | "in_flight"

const waitLabels: Record<WaitReason, MetricLabels.Labels> = {
  window: MetricLabels.make({ reason: "window" }),
  backoff: MetricLabels.make({ reason: "backoff" }),
  in_flight: MetricLabels.make({ reason: "in_flight" })
}

/**
 * Records a wait in `notion_rate_limiter_wait_seconds{reason}`.
 *
 * @since 0.1.0
 * @category metrics
 */
export const recordWait = (reason: WaitReason, millis: number): void =>
  MetricLabels.update(NotionMetrics.limiterWait, Math.max(0, millis) / 1000, waitLabels[reason])

const hashes = new WeakMap<Redacted.Redacted<string>, string>()
const encoder = new TextEncoder()

/**
 * The hex SHA-256 of a token (Web Crypto), cached per `Redacted` value: what limiters key their state by, so a
 * token is never a key, in memory or in a store.
 *
 * @since 0.1.0
 * @category utils
 */
export const tokenHash = (token: Redacted.Redacted<string>): Effect.Effect<string> => {
  const known = hashes.get(token)
  if (known !== undefined) return Effect.succeed(known)
  return Effect.promise(async () => {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(Redacted.value(token))))
    let hex = ""
    for (const byte of digest) hex += byte.toString(16).padStart(2, "0")
    hashes.set(token, hex)
    return hex
  })
}

interface Waiter {
  readonly since: number
  readonly reason: WaitReason
  /** Set once: granted (`Effect.void`) or failed; read by the fiber when it suspends after the fact. */
  result: Effect.Effect<void, NotionError.RateLimited> | undefined
  resume: ((result: Effect.Effect<void, NotionError.RateLimited>) => void) | undefined
}

interface Timer {
  fiber: Fiber.RuntimeFiber<void> | undefined
}

/** One token's state. */
interface Bucket {
  /** Slots taken by requests not yet released (in flight). */
  inUse: number
  /** When released slots free again (release + window), ascending. */
  readonly expiries: Array<number>
  /** The shared back-off: no request before this time. */
  blockedUntil: number
  /** Waiters, in arrival order. */
  readonly queue: Array<Waiter>
  /** The fiber that wakes the queue at the next time-based change, while there are waiters. */
  timer: Timer | undefined
}

const settle = (waiter: Waiter, result: Effect.Effect<void, NotionError.RateLimited>) => {
  waiter.result = result
  waiter.resume?.(result)
}

/**
 * An in-process limiter a limiter keeping its budget elsewhere falls back to (as `@notion-effect/ratelimit-redis`
 * does while Redis is away): it also counts the requests sent through the other limiter, and can be narrowed to
 * a share of the budget.
 *
 * @since 0.1.0
 * @category models
 */
export interface Local extends Service {
  /** Counts a request sent through another limiter: takes a slot at once, whatever the budget or the queue. */
  readonly take: (token: Redacted.Redacted<string>) => Effect.Effect<void>
  /**
   * Counts `slots` requests of other processes, unknown to this one except for their number, whose windows end at
   * `until` (clock milliseconds).
   */
  readonly reserve: (token: Redacted.Redacted<string>, slots: number, until: number) => Effect.Effect<void>
  /**
   * From now on each token may use only this fraction (0 < fraction ≤ 1) of `requests` and of `maxInFlight` (at
   * least one of each); slots already taken count against it. `1` gives the whole budget back.
   */
  readonly share: (fraction: number) => Effect.Effect<void>
}

/**
 * An in-process limiter, synchronously (its state lives in the returned service). Prefer {@link make} or
 * {@link layer}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMake = (options: Options = {}): Service =>
  options.enabled === false ? unlimited : unsafeMakeLocal(options)

/**
 * {@link unsafeMake} as a {@link Local} limiter (`enabled: false` gives one that never waits).
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMakeLocal = (options: Options = {}): Local => {
  if (options.enabled === false) {
    return { ...unlimited, take: () => Effect.void, reserve: () => Effect.void, share: () => Effect.void }
  }
  const s = settings(options)
  const buckets = new Map<string, Bucket>()
  let created = 0
  /** The budget and in-flight cap of each token now: the whole ones unless narrowed by `share`. */
  let capacity = s.requests
  let inFlightCap = s.maxInFlight

  const sweep = (now: number) => {
    for (const [key, b] of buckets) {
      if (b.inUse === 0 && b.queue.length === 0 && b.timer === undefined && b.blockedUntil <= now) {
        prune(b, now)
        if (b.expiries.length === 0) buckets.delete(key)
      }
    }
  }

  const bucket = (key: string, now: number): Bucket => {
    let b = buckets.get(key)
    if (b === undefined) {
      if (++created % 1024 === 0) sweep(now)
      b = { inUse: 0, expiries: [], blockedUntil: 0, queue: [], timer: undefined }
      buckets.set(key, b)
    }
    return b
  }

  const prune = (b: Bucket, now: number) => {
    let n = 0
    while (n < b.expiries.length && b.expiries[n]! <= now) n++
    if (n > 0) b.expiries.splice(0, n)
  }

  const free = (b: Bucket, now: number) =>
    now >= b.blockedUntil && b.inUse < inFlightCap && b.inUse + b.expiries.length < capacity

  /** Adds `count` slots whose windows end at `end`, in order. */
  const insert = (b: Bucket, end: number, count: number) => {
    let at = b.expiries.length
    while (at > 0 && b.expiries[at - 1]! > end) at--
    b.expiries.splice(at, 0, ...Array.from({ length: count }, () => end))
  }

  /** Grants slots to the waiters at the head of the queue while there are free ones. */
  const pump = (b: Bucket, now: number) => {
    prune(b, now)
    while (b.queue.length > 0 && free(b, now)) {
      const waiter = b.queue.shift()!
      b.inUse++
      recordWait(waiter.reason, now - waiter.since)
      settle(waiter, Effect.void)
    }
  }

  /** When the queue may move without an event (a release): a slot's window ends, or the back-off does. */
  const nextWakeup = (b: Bucket, now: number): number | undefined => {
    if (b.queue.length === 0) return undefined
    if (now < b.blockedUntil) return b.blockedUntil
    if (b.inUse >= inFlightCap) return undefined
    if (b.inUse + b.expiries.length >= capacity) return b.expiries[Math.max(0, b.inUse + b.expiries.length - capacity)]
    return now
  }

  const stopTimer = (b: Bucket) => {
    if (b.queue.length > 0 || b.timer === undefined) return
    b.timer.fiber?.unsafeInterruptAsFork(FiberId.none)
    b.timer = undefined
  }

  const ensureTimer = (b: Bucket, now: number): Effect.Effect<void> => {
    if (b.timer !== undefined || nextWakeup(b, now) === undefined) return Effect.void
    const timer: Timer = { fiber: undefined }
    b.timer = timer
    const loop: Effect.Effect<void> = Effect.clockWith((clock) => {
      if (b.timer !== timer) return Effect.void
      const at = clock.unsafeCurrentTimeMillis()
      pump(b, at)
      const next = nextWakeup(b, at)
      if (next === undefined) {
        b.timer = undefined
        return Effect.void
      }
      return Effect.zipRight(Effect.sleep(Duration.millis(Math.max(0, next - at))), loop)
    })
    return Effect.map(Effect.forkDaemon(loop), (fiber) => {
      timer.fiber = fiber
    })
  }

  /**
   * A lower bound of how long the waiter at queue position `position` waits for a window slot: the next free
   * time of every slot (now, a released slot's end of window, an in-flight slot's at least a window away),
   * one more window per time round the slots.
   */
  const windowWait = (b: Bucket, now: number, position: number): number => {
    const idle = capacity - b.inUse - b.expiries.length
    const round = Math.floor(position / capacity)
    const i = position % capacity
    const base = i < idle ? now : i < idle + b.expiries.length ? b.expiries[i - idle]! : now + s.windowMillis
    return base + round * s.windowMillis - now
  }

  const failAll = (b: Bucket, error: NotionError.RateLimited) => {
    const failed = b.queue.splice(0)
    const result = Effect.fail(error)
    for (const waiter of failed) settle(waiter, result)
    stopTimer(b)
  }

  const cancel = (b: Bucket, waiter: Waiter, now: number) => {
    if (waiter.result === undefined) {
      const index = b.queue.indexOf(waiter)
      if (index >= 0) b.queue.splice(index, 1)
      waiter.result = Effect.void
    } else if (waiter.result === Effect.void) {
      // granted while being interrupted: the slot was never used, give it back
      b.inUse = Math.max(0, b.inUse - 1)
      pump(b, now)
    }
    stopTimer(b)
  }

  const acquireKey = (key: string): Effect.Effect<void, NotionError.RateLimited> =>
    Effect.clockWith((clock) => {
      const now = clock.unsafeCurrentTimeMillis()
      const b = bucket(key, now)
      prune(b, now)
      if (b.queue.length === 0 && free(b, now)) {
        b.inUse++
        return Effect.void
      }
      const blocked = b.blockedUntil - now
      const window = windowWait(b, now, b.queue.length)
      if (blocked > s.maxWaitMillis || window > s.maxWaitMillis) {
        return Effect.fail(
          waitTooLong(Math.max(blocked, window), s.maxWaitMillis, blocked >= window ? "backoff" : "window")
        )
      }
      const waiter: Waiter = {
        since: now,
        reason: blocked > 0 ? "backoff" : window <= 0 && b.inUse >= inFlightCap ? "in_flight" : "window",
        result: undefined,
        resume: undefined
      }
      b.queue.push(waiter)
      const wait = Effect.async<void, NotionError.RateLimited>((resume) => {
        if (waiter.result !== undefined) return resume(waiter.result)
        waiter.resume = resume
      })
      return Effect.uninterruptibleMask((restore) =>
        Effect.zipRight(
          ensureTimer(b, now),
          Effect.onInterrupt(restore(wait), () => Effect.sync(() => cancel(b, waiter, clock.unsafeCurrentTimeMillis())))
        )
      )
    })

  return {
    acquire: (token) => {
      const key = hashes.get(token)
      return key === undefined ? Effect.flatMap(tokenHash(token), acquireKey) : acquireKey(key)
    },
    release: (token) =>
      Effect.clockWith((clock) => {
        const key = hashes.get(token)
        const b = key === undefined ? undefined : buckets.get(key)
        if (b === undefined) return Effect.void
        const now = clock.unsafeCurrentTimeMillis()
        b.inUse = Math.max(0, b.inUse - 1)
        insert(b, now + s.windowMillis, 1)
        pump(b, now)
        return ensureTimer(b, now)
      }),
    backoff: (token, retryAfter) =>
      Effect.flatMap(tokenHash(token), (key) =>
        Effect.clockWith((clock) => {
          const now = clock.unsafeCurrentTimeMillis()
          const b = bucket(key, now)
          const until = now + Duration.toMillis(retryAfter)
          if (until > b.blockedUntil) b.blockedUntil = until
          if (b.blockedUntil - now > s.maxWaitMillis) {
            failAll(b, waitTooLong(b.blockedUntil - now, s.maxWaitMillis, "backoff"))
            return Effect.void
          }
          return ensureTimer(b, now)
        })),
    take: (token) =>
      Effect.flatMap(tokenHash(token), (key) =>
        Effect.clockWith((clock) =>
          Effect.sync(() => {
            bucket(key, clock.unsafeCurrentTimeMillis()).inUse++
          })
        )),
    reserve: (token, slots, until) =>
      Effect.flatMap(tokenHash(token), (key) =>
        Effect.clockWith((clock) =>
          Effect.sync(() => {
            const now = clock.unsafeCurrentTimeMillis()
            if (slots > 0 && until > now) insert(bucket(key, now), until, slots)
          })
        )),
    share: (fraction) =>
      Effect.clockWith((clock) => {
        if (!(fraction > 0 && fraction <= 1)) return Effect.dieMessage(`share must be in (0, 1], got ${fraction}`)
        capacity = Math.max(1, Math.floor(s.requests * fraction))
        inFlightCap = s.maxInFlight === Infinity ? Infinity : Math.max(1, Math.floor(s.maxInFlight * fraction))
        const now = clock.unsafeCurrentTimeMillis()
        return Effect.forEach(buckets.values(), (b) => {
          pump(b, now)
          return ensureTimer(b, now)
        }, { discard: true })
      })
  }
}

/**
 * An in-process limiter: per token, `requests` per `window` (default 180 per 60 s) spendable at any pace, an
 * optional in-flight cap, one shared back-off on `Retry-After`, and `maxWait`. `enabled: false` gives
 * {@link unlimited}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service> => Effect.sync(() => unsafeMake(options))

/**
 * Installs an in-process limiter for every `NotionClient` built with this layer.
 *
 * @example
 * ```ts
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { NotionAuth, NotionClient, NotionRateLimiter } from "@notion-effect/core"
 * import * as Layer from "effect/Layer"
 *
 * const NotionLive = NotionClient.layer.pipe(
 *   Layer.provide([NotionAuth.layerConfig(), NotionRateLimiter.layer({ requests: 180 }), NodeHttpClient.layerUndici])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<NotionRateLimiter> =>
  Layer.effect(NotionRateLimiter, make(options))

/**
 * Turns client-side limiting off (the default; use it to override an outer limiter layer).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerUnlimited: Layer.Layer<NotionRateLimiter> = Layer.succeed(NotionRateLimiter, unlimited)

const positive = (name: string) =>
  Config.validate(Config.integer(name), { message: "must be a positive integer", validation: (n) => n > 0 })

/**
 * The limiter's settings from the environment, over `options`: `NOTION_RATE_LIMIT_ENABLED` (boolean),
 * `NOTION_RATE_LIMIT_REQUESTS`, `NOTION_RATE_LIMIT_WINDOW` (a duration, e.g. `60 seconds`),
 * `NOTION_RATE_LIMIT_MAX_IN_FLIGHT`, `NOTION_RATE_LIMIT_MAX_WAIT`; each optional.
 *
 * @since 0.1.0
 * @category config
 */
export const config = (options: Options = {}): Config.Config<Options> =>
  Config.map(
    Config.all({
      enabled: Config.option(Config.boolean("NOTION_RATE_LIMIT_ENABLED")),
      requests: Config.option(positive("NOTION_RATE_LIMIT_REQUESTS")),
      window: Config.option(Config.duration("NOTION_RATE_LIMIT_WINDOW")),
      maxInFlight: Config.option(positive("NOTION_RATE_LIMIT_MAX_IN_FLIGHT")),
      maxWait: Config.option(Config.duration("NOTION_RATE_LIMIT_MAX_WAIT"))
    }),
    (env): Options => {
      const set: Record<string, unknown> = { ...options }
      for (const [name, value] of Object.entries(env)) {
        if (Option.isSome<unknown>(value)) set[name] = value.value
      }
      return set as Options
    }
  )

/**
 * {@link layer} with settings from the environment (see {@link config}), over `options`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (options: Options = {}): Layer.Layer<NotionRateLimiter, ConfigError.ConfigError> =>
  Layer.effect(NotionRateLimiter, Effect.flatMap(config(options), make))
