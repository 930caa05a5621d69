/**
 * One rate-limit budget per token shared by every process through Redis: the same limiter as core's
 * `NotionRateLimiter.layer` (a window budget spendable at any pace, an optional in-flight cap, one shared
 * back-off on `Retry-After`, `maxWait`), with its state in Redis so N processes using one token stay within the
 * budget together.
 *
 * Each token's state is three keys under the prefix, named by the token's SHA-256 (never the token): a sorted
 * set of slots in flight (scored by a lease, so a crashed process's slots free themselves), a sorted set of
 * released slots (scored by the end of their window: a slot frees `window` after its request ended) and the
 * back-off deadline. Every change is one Lua script, on Redis's clock. When Redis cannot be reached (at start
 * or mid-run) requests go through an in-process limiter with the same settings instead, with a warning log,
 * and go back to Redis once it answers again: no request fails because of Redis.
 *
 * @since 0.1.0
 */
import { NotionRateLimiter } from "@notion-effect/core"
import type * as NotionError from "@notion-effect/core/NotionError"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"

/**
 * Settings: core's limiter options plus where Redis is.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends NotionRateLimiter.Options {
  /** The Redis URL (default `redis://127.0.0.1:6379`). */
  readonly url?: string | undefined
  /** ioredis options, over the URL's and this package's defaults (fail fast, reconnect in the background). */
  readonly redis?: RedisOptions | undefined
  /** Prefix of every key (default `notion-effect:ratelimit:`); processes sharing a budget must use the same. */
  readonly prefix?: string | undefined
  /**
   * How long a slot stays taken when its process never releases it (it crashed): default 2 minutes. Keep it
   * above the longest attempt (`NotionConfig`'s `timeout`, 60 s by default).
   */
  readonly lease?: Duration.DurationInput | undefined
  /** How often to ask again while every slot is in flight (default 25 ms). */
  readonly pollInterval?: Duration.DurationInput | undefined
  /** How long to wait for the first connection before starting on the in-process limiter (default 2 s). */
  readonly connectTimeout?: Duration.DurationInput | undefined
}

interface Scripted {
  notionAcquire(
    inFlight: string,
    released: string,
    blocked: string,
    id: string,
    requests: number,
    windowMillis: number,
    leaseMillis: number,
    maxInFlight: number
  ): Promise<[number, number, number, number]>
  notionRelease(inFlight: string, released: string, id: string, windowMillis: number): Promise<number>
  notionBackoff(blocked: string, millis: number): Promise<number>
}

const NOW = `local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

/**
 * Takes a slot if one is free. Answers `{ granted, wait, reason, exact }`: `reason` 1 back-off, 2 window,
 * 3 in-flight cap; `exact` 0 when the wait is only a lower bound (every slot is in flight).
 */
const acquireScript = `${NOW}
local blocked = tonumber(redis.call("GET", KEYS[3]) or "0")
if blocked > now then return { 0, blocked - now, 1, 1 } end
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
redis.call("ZREMRANGEBYSCORE", KEYS[2], "-inf", now)
local inflight = redis.call("ZCARD", KEYS[1])
local released = redis.call("ZCARD", KEYS[2])
local requests = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local maxInFlight = tonumber(ARGV[5])
if maxInFlight > 0 and inflight >= maxInFlight then return { 0, 0, 3, 0 } end
if inflight + released < requests then
  redis.call("ZADD", KEYS[1], now + lease, ARGV[1])
  redis.call("PEXPIRE", KEYS[1], lease + window)
  return { 1, 0, 0, 1 }
end
if released > 0 then
  local first = redis.call("ZRANGE", KEYS[2], 0, 0, "WITHSCORES")
  return { 0, tonumber(first[2]) - now, 2, 1 }
end
return { 0, window, 2, 0 }`

/** Frees a slot: it counts against the window until `window` after now. */
const releaseScript = `${NOW}
local window = tonumber(ARGV[2])
redis.call("ZREM", KEYS[1], ARGV[1])
redis.call("ZADD", KEYS[2], now + window, ARGV[1])
redis.call("PEXPIRE", KEYS[2], window)
return 1`

/** Extends the back-off to now + millis (never shortens it); answers how long it lasts from now. */
const backoffScript = `${NOW}
local millis = tonumber(ARGV[1])
local current = tonumber(redis.call("GET", KEYS[1]) or "0")
if now + millis > current then
  redis.call("SET", KEYS[1], now + millis, "PX", millis)
  return millis
end
return current - now`

class RedisFailure {
  constructor(readonly cause: unknown) {}
}

const summary = (cause: unknown): string =>
  cause instanceof Error ? cause.message.slice(0, 200) : String(cause).slice(0, 200)

/** `host:port` of a Redis URL: never its user name or password. */
const where = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || "6379"}`
  } catch {
    return "(an unparsable Redis URL)"
  }
}

const randomId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

const reasons = ["window", "backoff", "window", "in_flight"] as const

/**
 * A limiter whose budget lives in Redis; the connection closes with the scope. Never fails: an unreachable
 * Redis means the in-process limiter until it answers.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<NotionRateLimiter.Service, never, Scope.Scope> =>
  Effect.gen(function*() {
    if (options.enabled === false) return NotionRateLimiter.unlimited
    const s = NotionRateLimiter.settings(options)
    const fallback = NotionRateLimiter.unsafeMake(options)
    const url = options.url ?? "redis://127.0.0.1:6379"
    const prefix = options.prefix ?? "notion-effect:ratelimit:"
    const leaseMillis = Duration.toMillis(options.lease ?? Duration.minutes(2))
    const pollMillis = Duration.toMillis(options.pollInterval ?? Duration.millis(25))
    const connectMillis = Duration.toMillis(options.connectTimeout ?? Duration.seconds(2))
    const server = where(url)
    const processId = randomId()
    let counter = 0

    const redis = new Redis(url, {
      lazyConnect: true,
      // fail fast instead of queueing while disconnected: a request then goes through the fallback
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: connectMillis,
      commandTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 100, 1000),
      ...options.redis
    }) as Redis & Scripted
    let lastError = "unknown"
    redis.on("error", (error: unknown) => {
      lastError = summary(error)
    })
    redis.defineCommand("notionAcquire", { numberOfKeys: 3, lua: acquireScript })
    redis.defineCommand("notionRelease", { numberOfKeys: 2, lua: releaseScript })
    redis.defineCommand("notionBackoff", { numberOfKeys: 1, lua: backoffScript })
    yield* Effect.addFinalizer(() =>
      Effect.promise(() => redis.quit().catch(() => undefined)).pipe(
        Effect.timeoutTo({ duration: "1 second", onSuccess: () => undefined, onTimeout: () => redis.disconnect() })
      )
    )

    let healthy = true
    const down = (cause: unknown) => {
      if (!healthy) return Effect.void
      healthy = false
      return Effect.logWarning(
        `notion rate limiter: Redis at ${server} is unreachable (${
          cause === undefined ? lastError : summary(cause)
        }); requests go through the in-process limiter until it is back`
      )
    }
    const up = () => {
      if (healthy) return Effect.void
      healthy = true
      return Effect.logInfo(`notion rate limiter: Redis at ${server} is back; the shared budget is used again`)
    }

    const connected = yield* Effect.tryPromise(() => redis.connect()).pipe(
      Effect.timeout(Duration.millis(connectMillis + 500)),
      Effect.as(true),
      Effect.catchAll(() => Effect.succeed(false))
    )
    if (!connected) yield* down(undefined)

    const call = <A>(run: () => Promise<A>): Effect.Effect<A, RedisFailure> =>
      redis.status !== "ready"
        ? Effect.fail(new RedisFailure(undefined))
        : Effect.tryPromise({ try: run, catch: (cause) => new RedisFailure(cause) })

    const keys = (hash: string) => {
      const base = `${prefix}{${hash}}`
      return { inFlight: `${base}:inflight`, released: `${base}:released`, blocked: `${base}:blocked` }
    }

    /** What this process holds per token: Redis slot ids, and slots taken from the fallback. */
    const held = new Map<string, { readonly ids: Array<string>; local: number }>()
    const holding = (hash: string) => {
      let h = held.get(hash)
      if (h === undefined) {
        h = { ids: [], local: 0 }
        held.set(hash, h)
      }
      return h
    }

    const viaFallback = (token: Redacted.Redacted<string>, hash: string, cause: unknown) =>
      Effect.zipRight(
        down(cause),
        Effect.tap(fallback.acquire(token), () => Effect.sync(() => holding(hash).local++))
      )

    const acquireRedis = (
      token: Redacted.Redacted<string>,
      hash: string
    ): Effect.Effect<void, NotionError.RateLimited> => {
      const k = keys(hash)
      const id = `${processId}:${++counter}`
      let first = true
      let waitedSince = 0
      let reason: NotionRateLimiter.WaitReason = "window"
      const attempt: Effect.Effect<void, NotionError.RateLimited | RedisFailure> = Effect.suspend(() =>
        Effect.flatMap(
          // uninterruptible: a slot granted in Redis is always recorded, so it is always released
          Effect.uninterruptible(
            Effect.tap(
              call(() =>
                redis.notionAcquire(
                  k.inFlight,
                  k.released,
                  k.blocked,
                  id,
                  s.requests,
                  s.windowMillis,
                  leaseMillis,
                  s.maxInFlight === Infinity ? 0 : s.maxInFlight
                )
              ),
              ([granted]) => Effect.sync(() => void (granted === 1 && holding(hash).ids.push(id)))
            )
          ),
          ([granted, wait, code, exact]) =>
            Effect.zipRight(
              up(),
              Effect.clockWith((clock) => {
                const now = clock.unsafeCurrentTimeMillis()
                if (granted === 1) {
                  if (!first) NotionRateLimiter.recordWait(reason, now - waitedSince)
                  return Effect.void
                }
                const why = reasons[code] ?? "window"
                // a back-off is checked on every look, a window wait when the request arrives (as in process)
                if (wait > s.maxWaitMillis && (why === "backoff" || first)) {
                  return Effect.fail(
                    NotionRateLimiter.waitTooLong(wait, s.maxWaitMillis, why === "backoff" ? why : "window")
                  )
                }
                if (first) {
                  first = false
                  waitedSince = now
                  reason = why
                }
                const sleep = exact === 1 ? Math.max(1, wait) : pollMillis
                return Effect.zipRight(Effect.sleep(Duration.millis(sleep)), attempt)
              })
            )
        )
      )
      return Effect.catchAll(
        attempt,
        (error) => error instanceof RedisFailure ? viaFallback(token, hash, error.cause) : Effect.fail(error)
      )
    }

    return {
      acquire: (token) =>
        Effect.flatMap(
          NotionRateLimiter.tokenHash(token),
          (hash) => redis.status === "ready" ? acquireRedis(token, hash) : viaFallback(token, hash, undefined)
        ),
      release: (token) =>
        Effect.flatMap(NotionRateLimiter.tokenHash(token), (hash) => {
          const h = holding(hash)
          if (h.local > 0) {
            h.local--
            return fallback.release(token)
          }
          const id = h.ids.shift()
          if (id === undefined) return Effect.void
          const k = keys(hash)
          // a release Redis misses is not lost for long: the slot's lease ends it
          return call(() => redis.notionRelease(k.inFlight, k.released, id, s.windowMillis)).pipe(
            Effect.catchAll((error) => down(error.cause)),
            Effect.asVoid
          )
        }),
      backoff: (token, retryAfter) =>
        Effect.flatMap(NotionRateLimiter.tokenHash(token), (hash) => {
          const millis = Math.max(0, Math.ceil(Duration.toMillis(retryAfter)))
          // the fallback learns it too: it holds the token if Redis goes away during the back-off
          return Effect.zipRight(
            fallback.backoff(token, retryAfter),
            call(() => redis.notionBackoff(keys(hash).blocked, millis)).pipe(
              Effect.catchAll((error) => down(error.cause)),
              Effect.asVoid
            )
          )
        })
    } satisfies NotionRateLimiter.Service
  })

/**
 * Installs the Redis-backed limiter for every `NotionClient` built with this layer.
 *
 * @example
 * NotionClient.layer.pipe(Layer.provide([
 *   NotionAuth.layerConfig(),
 *   RedisRateLimiter.layer({ url: "redis://127.0.0.1:6379", requests: 180, window: "60 seconds" }),
 *   NodeHttpClient.layerUndici
 * ]))
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<NotionRateLimiter.NotionRateLimiter> =>
  Layer.scoped(NotionRateLimiter.NotionRateLimiter, make(options))

/**
 * {@link layer} with settings from the environment over `options`: core's `NOTION_RATE_LIMIT_*` variables,
 * plus `NOTION_RATE_LIMIT_REDIS_URL` and `NOTION_RATE_LIMIT_REDIS_PREFIX`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Options = {}
): Layer.Layer<NotionRateLimiter.NotionRateLimiter, ConfigError.ConfigError> =>
  Layer.scoped(
    NotionRateLimiter.NotionRateLimiter,
    Effect.gen(function*() {
      const limits = yield* NotionRateLimiter.config(options)
      const url = yield* Config.option(Config.string("NOTION_RATE_LIMIT_REDIS_URL"))
      const prefix = yield* Config.option(Config.string("NOTION_RATE_LIMIT_REDIS_PREFIX"))
      return yield* make({
        ...options,
        ...limits,
        ...(Option.isSome(url) ? { url: url.value } : {}),
        ...(Option.isSome(prefix) ? { prefix: prefix.value } : {})
      })
    })
  )
