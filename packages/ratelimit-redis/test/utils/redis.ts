// Helpers of the Redis tests: the Redis they use (NOTION_EFFECT_REDIS_URL, default redis://127.0.0.1:6379) and
// whether it answers, a key prefix per test (under the edition's own, ./edition.ts), log capture, and a TCP proxy in
// front of Redis that can be cut, frozen and reopened to play an outage.
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { Redis } from "ioredis"
import { randomUUID } from "node:crypto"
import * as Net from "node:net"
import { keyPrefix } from "./edition.js"

export { capture } from "./edition.js"

export const redisUrl = process.env.NOTION_EFFECT_REDIS_URL ?? "redis://127.0.0.1:6379"
export const required = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"

/** Whether anything answers a PING at the URL's host and port within a second. */
export const probe = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url)
    const socket = Net.connect({ host: hostname, port: Number(port || 6379) })
    const done = (ok: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(ok)
    }
    const timer = setTimeout(() => done(false), 1000)
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", () => done(true))
    socket.on("error", () => done(false))
  })

/** Probes the test Redis once and prints one line when its tests are skipped. */
export const redisReachable = async (): Promise<boolean> => {
  const reachable = await probe(redisUrl)
  if (!reachable && !required) {
    console.log(
      `ratelimit-redis: no Redis at ${redisUrl}, its tests are skipped (start redis-server, or set NOTION_EFFECT_REDIS_URL)`
    )
  }
  return reachable
}

/** Runs `use` on a fresh connection to the test Redis. */
export const withRedis = async <A>(use: (redis: Redis) => Promise<A>): Promise<A> => {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    return await use(redis)
  } finally {
    redis.disconnect()
  }
}

/** Deletes every key under the prefix. */
export const clear = (prefix: string) =>
  withRedis(async (redis) => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
  })

/** A key prefix of its own for each test, deleted afterwards. */
export const withPrefix = <A, E, R>(use: (prefix: string) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => `${keyPrefix}${randomUUID()}:`),
    use,
    (prefix) => Effect.promise(() => clear(prefix).catch(() => undefined))
  )

export const keysOf = (prefix: string) => withRedis((redis) => redis.keys(`${prefix}*`))

/** A TCP proxy in front of the test Redis, closed with the scope. */
export interface Proxy {
  readonly url: string
  /** Stops accepting and cuts every connection (Redis is unreachable). */
  readonly cut: Effect.Effect<void>
  /** Accepts connections again on the same port. */
  readonly reopen: Effect.Effect<void>
  /** Keeps connections open but forwards nothing more (Redis hangs). */
  readonly freeze: Effect.Effect<void>
}

export const proxy: Effect.Effect<Proxy, never, Scope.Scope> = Effect.gen(function*() {
  const { hostname, port } = new URL(redisUrl)
  const sockets = new Set<Net.Socket>()
  let frozen = false
  const server = Net.createServer((client) => {
    const upstream = Net.connect({ host: hostname, port: Number(port || 6379) })
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from)
      from.on("error", () => from.destroy())
      from.on("close", () => {
        sockets.delete(from)
        to.destroy()
      })
      from.on("data", (chunk) => {
        if (!frozen) to.write(chunk)
      })
    }
  })
  const listen = (at: number) => new Promise<void>((resolve) => server.listen(at, "127.0.0.1", () => resolve()))
  yield* Effect.promise(() => listen(0))
  const at = (server.address() as Net.AddressInfo).port
  const cut = Effect.promise(() => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const s of sockets) s.destroy()
    return closed
  })
  yield* Effect.addFinalizer(() => Effect.zipRight(cut, Effect.sync(() => void (frozen = false))))
  return {
    url: `redis://127.0.0.1:${at}`,
    cut,
    reopen: Effect.promise(() => {
      frozen = false
      return listen(at)
    }),
    freeze: Effect.sync(() => void (frozen = true))
  }
})
