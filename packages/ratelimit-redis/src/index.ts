/**
 * @notion-effect/ratelimit-redis: one Notion rate-limit budget per token, shared by every process through Redis.
 *
 * @since 0.1.0
 */

/** The Redis-backed `NotionRateLimiter`, falling back to the in-process one while Redis is away. @since 0.1.0 */
export * as RedisRateLimiter from "./RedisRateLimiter.js"
