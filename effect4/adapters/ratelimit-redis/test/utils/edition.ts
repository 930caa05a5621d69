// Effect 4's form of packages/ratelimit-redis/test/utils/edition.ts: a key prefix of its own (the Effect 3 suite
// runs against the same Redis in CI), and a log level is a string ("Warn") where Effect 3 has a label ("WARN").
import * as Logger from "effect/Logger"

/** The prefix of every key the Effect 4 suite writes (each test adds its own id). */
export const keyPrefix = "notion-effect:test-effect4:"

/** Collects every log line of the program as `LEVEL message` (`WARN …`, `INFO …`). */
export const capture = () => {
  const lines: Array<string> = []
  const logger = Logger.make(({ logLevel, message }) => {
    lines.push(`${logLevel.toUpperCase()} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
  })
  return { lines, layer: Logger.layer([logger]) }
}
