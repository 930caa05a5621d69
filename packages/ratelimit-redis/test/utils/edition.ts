// What the edition changes in the Redis tests' helpers: the key prefix of the suite (each edition its own, as both
// run against one Redis in CI) and how a log line's level reads. Effect 4's form:
// effect4/adapters/ratelimit-redis/test/utils/edition.ts.
import * as Logger from "effect/Logger"

/** The prefix of every key the Effect 3 suite writes (each test adds its own id). */
export const keyPrefix = "notion-effect:test:"

/** Collects every log line of the program as `LEVEL message` (`WARN …`, `INFO …`). */
export const capture = () => {
  const lines: Array<string> = []
  const logger = Logger.make(({ logLevel, message }) => {
    lines.push(`${logLevel.label} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
  })
  return { lines, layer: Logger.replace(Logger.defaultLogger, logger) }
}
