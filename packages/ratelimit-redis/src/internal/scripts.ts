/**
 * The Lua scripts of the Redis limiter: every change to a token's state is one script, on Redis's clock.
 *
 * A token's keys: `inflight` (slots in flight, scored by the end of their lease), `released` (slots whose request
 * ended, scored by the end of their window) and `blocked` (the back-off deadline).
 */
import type { Redis } from "ioredis"

/** The scripts as ioredis commands. */
export interface Scripted {
  notionAcquire(
    inFlight: string,
    released: string,
    blocked: string,
    id: string,
    requests: number,
    windowMillis: number,
    leaseMillis: number,
    maxInFlight: number,
    beatMillis: number
  ): Promise<[number, number, number, number, number]>
  notionRelease(inFlight: string, released: string, id: string, windowMillis: number): Promise<number>
  notionBackoff(blocked: string, millis: number): Promise<number>
  notionRenew(inFlight: string, leaseMillis: number, windowMillis: number, ...ids: Array<string>): Promise<number>
  notionRestore(
    inFlight: string,
    released: string,
    blocked: string,
    leaseMillis: number,
    windowMillis: number,
    blockedMillis: number,
    inFlightCount: number,
    ...rest: Array<string | number>
  ): Promise<number>
  notionMember(members: string, id: string, leaseMillis: number): Promise<number>
}

const NOW = `local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

/** Keeps a key at least `ms` more (never shortens its life); a key without an expiry (just created) gets one. */
const KEEP = `local function keep(key, ms)
  local ttl = redis.call("PTTL", key)
  if ttl == -1 or (ttl >= 0 and ttl < ms) then redis.call("PEXPIRE", key, ms) end
end`

/**
 * Takes a slot if one is free. Answers `{ granted, wait, reason, exact, used }`: `reason` 1 back-off, 2 window,
 * 3 in-flight cap; `exact` 0 when the wait is only a lower bound (every slot is in flight); `used` the slots taken
 * now. A slot whose lease ran out (its process stopped renewing it every `beat`) counts as a request sent when its
 * lease was last set, give or take a beat: it frees `beat` + `window` after that.
 */
const acquire = `${NOW}
${KEEP}
local blocked = tonumber(redis.call("GET", KEYS[3]) or "0")
if blocked > now then return { 0, blocked - now, 1, 1 } end
local requests = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local maxInFlight = tonumber(ARGV[5])
local beat = tonumber(ARGV[6])
local dead = redis.call("ZRANGEBYSCORE", KEYS[1], "-inf", now, "WITHSCORES")
if #dead > 0 then
  for i = 1, #dead, 2 do
    local frees = tonumber(dead[i + 1]) - lease + beat + window
    if frees > now then redis.call("ZADD", KEYS[2], "GT", frees, dead[i]) end
  end
  redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
  keep(KEYS[2], window)
end
redis.call("ZREMRANGEBYSCORE", KEYS[2], "-inf", now)
local inflight = redis.call("ZCARD", KEYS[1])
local released = redis.call("ZCARD", KEYS[2])
local used = inflight + released
if maxInFlight > 0 and inflight >= maxInFlight then return { 0, 0, 3, 0, used } end
if used < requests then
  redis.call("ZADD", KEYS[1], now + lease, ARGV[1])
  redis.call("PEXPIRE", KEYS[1], lease + window)
  return { 1, 0, 0, 1, used + 1 }
end
local over = used - requests
if released > over then
  local slot = redis.call("ZRANGE", KEYS[2], over, over, "WITHSCORES")
  return { 0, tonumber(slot[2]) - now, 2, 1, used }
end
return { 0, window, 2, 0, used }`

/** Frees a slot (in flight or not: a request sent while Redis was away): it counts until `window` after now. */
const release = `${NOW}
local window = tonumber(ARGV[2])
redis.call("ZREM", KEYS[1], ARGV[1])
redis.call("ZADD", KEYS[2], "GT", now + window, ARGV[1])
redis.call("PEXPIRE", KEYS[2], window)
return 1`

/** Extends the back-off to now + millis (never shortens it); answers how long it lasts from now. */
const backoff = `${NOW}
local millis = tonumber(ARGV[1])
local current = tonumber(redis.call("GET", KEYS[1]) or "0")
if now + millis > current then
  redis.call("SET", KEYS[1], now + millis, "PX", millis)
  return millis
end
return current - now`

/** Renews the leases of a live process's slots in flight (adding those Redis lost). */
const renew = `${NOW}
local lease = tonumber(ARGV[1])
for i = 3, #ARGV do redis.call("ZADD", KEYS[1], now + lease, ARGV[i]) end
redis.call("PEXPIRE", KEYS[1], lease + tonumber(ARGV[2]))
return 1`

/**
 * What a process learnt while Redis was away, written back (never lowering what is there): the back-off
 * (`blockedMillis` from now), its slots in flight (the first `inFlightCount` ids after the fixed arguments), and
 * its slots released within the last window (id, millis until the slot frees).
 */
const restore = `${NOW}
${KEEP}
local lease = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local blockedFor = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
if blockedFor > 0 then
  local current = tonumber(redis.call("GET", KEYS[3]) or "0")
  if now + blockedFor > current then redis.call("SET", KEYS[3], now + blockedFor, "PX", blockedFor) end
end
for i = 5, 4 + count do redis.call("ZADD", KEYS[1], now + lease, ARGV[i]) end
if count > 0 then keep(KEYS[1], lease + window) end
for i = 5 + count, #ARGV, 2 do
  local ends = tonumber(ARGV[i + 1])
  redis.call("ZREM", KEYS[1], ARGV[i])
  redis.call("ZADD", KEYS[2], "GT", now + ends, ARGV[i])
  keep(KEYS[2], ends)
end
return 1`

/** A live process of the prefix: answers how many there are. */
const member = `${NOW}
local lease = tonumber(ARGV[2])
redis.call("ZADD", KEYS[1], now + lease, ARGV[1])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
redis.call("PEXPIRE", KEYS[1], lease)
return redis.call("ZCARD", KEYS[1])`

/** Defines the scripts on a connection. */
export const define = (redis: Redis): Redis & Scripted => {
  redis.defineCommand("notionAcquire", { numberOfKeys: 3, lua: acquire })
  redis.defineCommand("notionRelease", { numberOfKeys: 2, lua: release })
  redis.defineCommand("notionBackoff", { numberOfKeys: 1, lua: backoff })
  redis.defineCommand("notionRenew", { numberOfKeys: 1, lua: renew })
  redis.defineCommand("notionRestore", { numberOfKeys: 3, lua: restore })
  redis.defineCommand("notionMember", { numberOfKeys: 1, lua: member })
  return redis as Redis & Scripted
}
