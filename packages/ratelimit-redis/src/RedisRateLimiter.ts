/**
 * One rate-limit budget per token shared by every process through Redis: the same limiter as core's
 * `NotionRateLimiter.layer` (a window budget spendable at any pace, an optional in-flight cap, one shared
 * back-off on `Retry-After`, `maxWait`), with its state in Redis so N processes using one token stay within the
 * budget together.
 *
 * Each token's state is three keys under the prefix, named by the token's SHA-256 (never the token): a sorted
 * set of slots in flight (scored by a short lease that the process renews while it lives, so a dead process's
 * slots come back within seconds), a sorted set of released slots (scored by the end of their window: a slot
 * frees `window` after its request ended) and the back-off deadline. Every change is one Lua script, on Redis's
 * clock.
 *
 * When Redis cannot be reached (at start or mid-run, a timeout, a script error) requests go through an
 * in-process limiter instead, with a warning log: it knows this process's own slots of the last window and the
 * back-offs it saw, and lets the process use only its share of the budget (`fallbackShare`), so the processes
 * together stay within it. When Redis answers again, the process first writes back what it learnt (its slots in
 * flight, its slots of the last window, the back-off: never lowering what Redis holds), then for one window takes
 * a slot only when both its share and Redis allow it, then uses Redis alone. No request fails because of Redis.
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
import { define } from "./internal/scripts.js"

/**
 * Settings: core's limiter options plus where Redis is and how to live without it.
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
   * How long the slots in flight of a process that stopped renewing them (it died, or hangs) stay taken: default
   * 5 seconds. A live process renews its slots every third of it (for at most 5 minutes per slot). A slot whose
   * lease ran out counts as a request sent when its lease was last set: it frees a third of the lease plus one
   * `window` after that.
   */
  readonly lease?: Duration.DurationInput | undefined
  /**
   * The fraction (0 < share ≤ 1) of `requests` and `maxInFlight` this process uses while Redis is unreachable.
   * Default: 1 / the number of live processes of the prefix this one last saw in Redis, at most 1/2 (a process
   * that never reached Redis, or saw itself alone, takes half). Set it to 1 / the number of processes sharing the
   * token when that is known, or 1 to let a process that is alone use the whole budget.
   */
  readonly fallbackShare?: number | undefined
  /** How often to ask again while every slot is in flight (default 25 ms). */
  readonly pollInterval?: Duration.DurationInput | undefined
  /** How long to wait for the first connection before starting on the in-process limiter (default 2 s). */
  readonly connectTimeout?: Duration.DurationInput | undefined
}

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

/** A slot this process holds: its id in Redis and when it was taken. */
interface Slot {
  readonly id: string
  readonly since: number
}

/**
 * What this process knows of one token: its slots in flight, its slots of the last window, its back-off, and
 * how many slots every process together had taken at Redis's last answer.
 */
interface Ledger {
  readonly token: Redacted.Redacted<string>
  readonly held: Array<Slot>
  released: Array<{ readonly id: string; readonly end: number }>
  blockedUntil: number
  used: number
  usedAt: number
}

/** A slot is renewed for at most this long: an attempt is bounded by its timeout, a leaked slot is not. */
const maxHoldMillis = 5 * 60_000

/**
 * A limiter whose budget lives in Redis; the connection closes with the scope. Never fails because of Redis: an
 * unreachable or failing Redis means the in-process limiter, at this process's share, until it answers.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<NotionRateLimiter.Service, never, Scope.Scope> =>
  Effect.gen(function*() {
    if (options.enabled === false) return NotionRateLimiter.unlimited
    const s = NotionRateLimiter.settings(options)
    const share = options.fallbackShare
    if (share !== undefined && !(share > 0 && share <= 1)) {
      throw new RangeError(`RedisRateLimiter: fallbackShare must be in (0, 1], got ${share}`)
    }
    const fallback = NotionRateLimiter.unsafeMakeLocal(options)
    const url = options.url ?? "redis://127.0.0.1:6379"
    const prefix = options.prefix ?? "notion-effect:ratelimit:"
    const leaseMillis = Math.max(3, Duration.toMillis(options.lease ?? Duration.seconds(5)))
    const beatMillis = Math.floor(leaseMillis / 3)
    const pollMillis = Duration.toMillis(options.pollInterval ?? Duration.millis(25))
    const connectMillis = Duration.toMillis(options.connectTimeout ?? Duration.seconds(2))
    const server = where(url)
    const processId = randomId()
    const scope = yield* Effect.scope
    let counter = 0

    const redis = define(
      new Redis(url, {
        lazyConnect: true,
        // fail fast instead of queueing while disconnected: a request then goes through the fallback
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: connectMillis,
        commandTimeout: 1000,
        retryStrategy: (times) => Math.min(times * 100, 1000),
        ...options.redis
      })
    )
    let lastError = "unknown"
    redis.on("error", (error: unknown) => {
      lastError = summary(error)
    })
    yield* Effect.addFinalizer(() =>
      Effect.promise(() => redis.quit().catch(() => undefined)).pipe(
        Effect.timeoutOption("1 second"),
        // then dropped whatever QUIT did: to a Redis that hangs, or that never answered (its QUIT fails at once,
        // with nothing to write to, and the client would go on reconnecting and keep the process alive)
        Effect.map(() => redis.disconnect())
      )
    )

    const call = <A>(run: () => Promise<A>): Effect.Effect<A, RedisFailure> =>
      redis.status !== "ready"
        ? Effect.fail(new RedisFailure(undefined))
        : Effect.tryPromise({ try: run, catch: (cause) => new RedisFailure(cause) })

    const keys = (hash: string) => {
      const base = `${prefix}{${hash}}`
      return { inFlight: `${base}:inflight`, released: `${base}:released`, blocked: `${base}:blocked` }
    }

    const ledgers = new Map<string, Ledger>()
    const ledger = (token: Redacted.Redacted<string>, hash: string) => {
      let l = ledgers.get(hash)
      if (l === undefined) {
        l = { token, held: [], released: [], blockedUntil: 0, used: 0, usedAt: 0 }
        ledgers.set(hash, l)
      }
      return l
    }
    const prune = (l: Ledger, now: number) => {
      if (l.released.length > 0 && l.released[0]!.end <= now) l.released = l.released.filter((r) => r.end > now)
    }

    /** Live processes of the prefix at the last heartbeat (0 before the first). */
    let seen = 0
    const outageShare = () => share ?? 1 / Math.max(2, seen)

    // healthy: requests use Redis; otherwise the fallback at this process's share. `sharing` while the share
    // applies (an outage, then one window after it ends); `fencedUntil`: the end of that window.
    let healthy = true
    let sharing = false
    let fencedUntil = 0
    /**
     * The fallback takes this process's share. Of what Redis last said was taken in this window, it counts the
     * same share as its own (at least): together the processes then add at most what was left.
     */
    const narrow = (fraction: number) =>
      Effect.zipRight(
        fallback.share(fraction),
        Effect.clockWith((clock) => {
          const now = clock.unsafeCurrentTimeMillis()
          return Effect.forEach(ledgers.values(), (l) => {
            prune(l, now)
            const own = l.held.length + l.released.length
            const others = Math.ceil(l.used * fraction) - own
            return l.usedAt + s.windowMillis > now && others > 0
              ? fallback.reserve(l.token, others, l.usedAt + s.windowMillis)
              : Effect.void
          }, { discard: true })
        })
      )

    const down = (cause: unknown) =>
      Effect.suspend(() => {
        if (!healthy) return Effect.void
        healthy = false
        sharing = true
        const fraction = outageShare()
        return Effect.zipRight(
          narrow(fraction),
          Effect.logWarning(
            `notion rate limiter: Redis at ${server} is unreachable (${
              cause === undefined ? lastError : summary(cause)
            }); requests go through the in-process limiter at ${
              Math.round(fraction * 1000) / 10
            } % of the budget until it is back`
          )
        )
      })

    const unfence = Effect.clockWith((clock) => {
      if (!healthy || !sharing || clock.unsafeCurrentTimeMillis() < fencedUntil) return Effect.void
      sharing = false
      return fallback.share(1)
    })

    /** Writes back what this process learnt while Redis was away, then uses Redis again (after one window). */
    const recovery = Effect.clockWith((clock) => {
      if (healthy || redis.status !== "ready") return Effect.void
      const now = clock.unsafeCurrentTimeMillis()
      return Effect.forEach(ledgers, ([hash, l]) => {
        prune(l, now)
        const k = keys(hash)
        const held = l.held.map((slot) => slot.id)
        const released = l.released.flatMap((r) => [r.id, r.end - now])
        return call(() =>
          redis.notionRestore(
            k.inFlight,
            k.released,
            k.blocked,
            leaseMillis,
            s.windowMillis,
            Math.max(0, l.blockedUntil - now),
            held.length,
            ...held,
            ...released
          )
        )
      }, { discard: true }).pipe(
        Effect.zipRight(Effect.suspend(() => {
          healthy = true
          fencedUntil = now + s.windowMillis
          return Effect.zipRight(
            Effect.forkIn(Effect.zipRight(Effect.sleep(Duration.millis(s.windowMillis)), unfence), scope),
            Effect.logInfo(
              `notion rate limiter: Redis at ${server} is back; what this process learnt meanwhile is written back, ` +
                `the shared budget is used again`
            )
          )
        })),
        Effect.catchAll(() => Effect.void)
      )
    })

    const connected = yield* Effect.tryPromise(() => redis.connect()).pipe(
      Effect.timeout(Duration.millis(connectMillis + 500)),
      Effect.as(true),
      Effect.catchAll(() => Effect.succeed(false))
    )
    if (!connected) yield* down(undefined)

    /** Renews this process's slots in flight and its membership; brings Redis back after an outage. */
    const heartbeat = Effect.suspend(() => {
      if (redis.status !== "ready") return Effect.void
      if (!healthy) return recovery
      return Effect.clockWith((clock) => {
        const now = clock.unsafeCurrentTimeMillis()
        return Effect.zipRight(
          Effect.forEach(ledgers, ([hash, l]) => {
            prune(l, now)
            const ids = l.held.filter((slot) => now - slot.since < maxHoldMillis).map((slot) => slot.id)
            if (ids.length > 0) {
              return call(() => redis.notionRenew(keys(hash).inFlight, leaseMillis, s.windowMillis, ...ids))
            }
            if (l.released.length === 0 && l.blockedUntil <= now && l.usedAt + s.windowMillis <= now) {
              ledgers.delete(hash)
            }
            return Effect.void
          }, { discard: true }),
          Effect.map(
            call(() => redis.notionMember(`${prefix}processes`, processId, leaseMillis)),
            (n) => void (seen = n)
          )
        )
      }).pipe(Effect.catchAll((error) => down(error.cause)), Effect.zipRight(unfence))
    })
    // every beat; every 100 ms while the connection is down, to come back as soon as Redis answers (a Redis that
    // answers with errors is tried again every beat)
    const pause = Effect.suspend(() =>
      Effect.sleep(Duration.millis(healthy || redis.status === "ready" ? beatMillis : 100))
    )
    yield* Effect.forkIn(Effect.forever(Effect.zipRight(heartbeat, pause)), scope)

    const hold = (token: Redacted.Redacted<string>, hash: string, id: string, now: number) =>
      ledger(token, hash).held.push({ id, since: now })

    /**
     * Takes a slot in Redis. `local`: the process already holds a slot of the fallback (one window after an
     * outage); else a slot granted in Redis is counted in the fallback too, so it knows this process's usage.
     */
    const acquireRedis = (
      token: Redacted.Redacted<string>,
      hash: string,
      local: boolean
    ): Effect.Effect<void, NotionError.RateLimited | RedisFailure> => {
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
                  s.maxInFlight === Infinity ? 0 : s.maxInFlight,
                  beatMillis
                )
              ),
              ([granted, , , , used]) =>
                Effect.clockWith((clock) => {
                  const now = clock.unsafeCurrentTimeMillis()
                  const l = ledger(token, hash)
                  l.used = used
                  l.usedAt = now
                  if (granted !== 1) return Effect.void
                  hold(token, hash, id, now)
                  return local ? Effect.void : fallback.take(token)
                })
            )
          ),
          ([granted, wait, code, exact]) =>
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
      return attempt
    }

    /**
     * A slot of the fallback (at this process's share while Redis is away or just back), then, if Redis is there
     * by the time it is granted, a slot in Redis too: a request that waited out the outage in the fallback's
     * queue does not skip Redis once it is back.
     */
    const viaFallback = (
      token: Redacted.Redacted<string>,
      hash: string
    ): Effect.Effect<void, NotionError.RateLimited> => {
      const holdLocal = Effect.clockWith((clock) =>
        Effect.sync(() => hold(token, hash, `${processId}:${++counter}`, clock.unsafeCurrentTimeMillis()))
      )
      return Effect.flatMap(
        fallback.acquire(token),
        () =>
          Effect.suspend(() =>
            !healthy ? holdLocal : acquireRedis(token, hash, true).pipe(
              Effect.catchAll((error) =>
                error instanceof RedisFailure
                  ? Effect.zipRight(down(error.cause), holdLocal)
                  : Effect.zipRight(fallback.release(token), Effect.fail(error))
              ),
              Effect.onInterrupt(() => fallback.release(token))
            )
          )
      )
    }

    const acquire = (token: Redacted.Redacted<string>, hash: string): Effect.Effect<void, NotionError.RateLimited> =>
      Effect.clockWith((clock) => {
        if (!healthy) return viaFallback(token, hash)
        // one window after an outage: this process's share, and Redis
        if (clock.unsafeCurrentTimeMillis() < fencedUntil) return viaFallback(token, hash)
        return Effect.catchAll(
          acquireRedis(token, hash, false),
          (error) =>
            error instanceof RedisFailure
              ? Effect.zipRight(down(error.cause), viaFallback(token, hash))
              : Effect.fail(error)
        )
      })

    return {
      // after an outage the heartbeat brings Redis back (at most every lease / 3), never a request
      acquire: (token) =>
        Effect.flatMap(
          NotionRateLimiter.tokenHash(token),
          (hash) =>
            redis.status !== "ready" ? Effect.zipRight(down(undefined), viaFallback(token, hash)) : acquire(token, hash)
        ),
      release: (token) =>
        Effect.flatMap(NotionRateLimiter.tokenHash(token), (hash) =>
          Effect.clockWith((clock) => {
            const l = ledger(token, hash)
            const slot = l.held.shift()
            if (slot === undefined) return Effect.void
            const now = clock.unsafeCurrentTimeMillis()
            prune(l, now)
            l.released.push({ id: slot.id, end: now + s.windowMillis })
            const k = keys(hash)
            // while Redis is away the ledger keeps it, written back on recovery; a release Redis misses is not
            // lost for long either: the slot's lease ends it
            return Effect.zipRight(
              fallback.release(token),
              healthy
                ? call(() => redis.notionRelease(k.inFlight, k.released, slot.id, s.windowMillis)).pipe(
                  Effect.catchAll((error) => down(error.cause)),
                  Effect.asVoid
                )
                : Effect.void
            )
          })),
      backoff: (token, retryAfter) =>
        Effect.flatMap(NotionRateLimiter.tokenHash(token), (hash) =>
          Effect.clockWith((clock) => {
            const millis = Math.max(0, Math.ceil(Duration.toMillis(retryAfter)))
            const l = ledger(token, hash)
            l.blockedUntil = Math.max(l.blockedUntil, clock.unsafeCurrentTimeMillis() + millis)
            // the fallback learns it too: it holds the token if Redis goes away during the back-off
            return Effect.zipRight(
              fallback.backoff(token, retryAfter),
              healthy
                ? call(() => redis.notionBackoff(keys(hash).blocked, millis)).pipe(
                  Effect.catchAll((error) => down(error.cause)),
                  Effect.asVoid
                )
                : Effect.void
            )
          }))
    } satisfies NotionRateLimiter.Service
  })

/**
 * Installs the Redis-backed limiter for every `NotionClient` built with this layer.
 *
 * @example
 * ```ts
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { NotionAuth, NotionClient } from "@notion-effect/core"
 * import { RedisRateLimiter } from "@notion-effect/ratelimit-redis"
 * import * as Layer from "effect/Layer"
 *
 * const NotionLive = NotionClient.layer.pipe(
 *   Layer.provide([
 *     NotionAuth.layerConfig(),
 *     RedisRateLimiter.layer({ url: "redis://127.0.0.1:6379", requests: 180, window: "60 seconds" }),
 *     NodeHttpClient.layerUndici
 *   ])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<NotionRateLimiter.NotionRateLimiter> =>
  Layer.scoped(NotionRateLimiter.NotionRateLimiter, make(options))

/**
 * {@link layer} with settings from the environment over `options`: core's `NOTION_RATE_LIMIT_*` variables,
 * plus `NOTION_RATE_LIMIT_REDIS_URL`, `NOTION_RATE_LIMIT_REDIS_PREFIX` and `NOTION_RATE_LIMIT_REDIS_FALLBACK_SHARE`
 * (a number in (0, 1], e.g. `0.25`).
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
      const share = yield* Config.option(
        Config.validate(Config.number("NOTION_RATE_LIMIT_REDIS_FALLBACK_SHARE"), {
          message: "must be a number in (0, 1]",
          validation: (n) => n > 0 && n <= 1
        })
      )
      return yield* make({
        ...options,
        ...limits,
        ...(Option.isSome(url) ? { url: url.value } : {}),
        ...(Option.isSome(prefix) ? { prefix: prefix.value } : {}),
        ...(Option.isSome(share) ? { fallbackShare: share.value } : {})
      })
    })
  )
