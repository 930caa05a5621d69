/**
 * The Notion API versions the SDK knows by name, and which one's rules a version string follows.
 *
 * `2025-09-03` (databases hold data sources), `2026-03-11` (`archived` → `in_trash`, `after` → `position`,
 * `transcription` → `meeting_notes`) and `2026-12-01` (title-only lists, markdown v2, status groups, nullable
 * person names). Any other string is still sent as given; the SDK then follows the rules of the latest known
 * version dated on or before it (the oldest for anything older) and logs a warning once per string.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"

/**
 * The versions the SDK knows, oldest first.
 *
 * @since 0.1.0
 * @category constants
 */
export const versions = ["2025-09-03", "2026-03-11", "2026-12-01"] as const

/**
 * A version the SDK knows.
 *
 * @since 0.1.0
 * @category models
 */
export type Known = typeof versions[number]

/**
 * A `Notion-Version` value: a known one, or any other string (sent as given).
 *
 * @since 0.1.0
 * @category models
 */
export type NotionVersion = Known | (string & {})

/**
 * The version sent when none is configured: the official SDK's default.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultVersion: Known = "2025-09-03"

/**
 * Whether a string is a version the SDK knows.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnown = (version: string): version is Known => (versions as ReadonlyArray<string>).includes(version)

/**
 * The known version whose rules a version string follows: itself, else the latest known version dated on or
 * before it (ISO dates compare as strings), else the oldest.
 *
 * @since 0.1.0
 * @category utils
 */
export const rulesOf = (version: string): Known => {
  if (isKnown(version)) return version
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i]! <= version) return versions[i]!
  return versions[0]
}

/**
 * Whether a version follows the rules of `known` or a later version.
 *
 * @since 0.1.0
 * @category utils
 */
export const atLeast = (version: string, known: Known): boolean => rulesOf(version) >= known

// once per process, whichever copy of this module (and of effect) warns
const store = globalThis as { [key: symbol]: Set<string> | undefined }
const warned = store[Symbol.for("@notion-effect/core/NotionVersion/warned")] ??= new Set<string>()

/**
 * Logs, once per process and string, that a version is not one the SDK knows (it is still sent).
 *
 * @since 0.1.0
 * @category utils
 */
export const warnIfUnknown = (version: string): Effect.Effect<void> =>
  isKnown(version) || warned.has(version)
    ? Effect.void
    : Effect.suspend(() => {
      if (warned.has(version)) return Effect.void
      warned.add(version)
      return Effect.logWarning(
        `Notion-Version "${version}" is not one notion-effect knows (${versions.join(", ")}): it is sent as given, ` +
          `and requests follow the rules of ${rulesOf(version)}.`
      )
    })
