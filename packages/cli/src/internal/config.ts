/**
 * Configuration errors as the commands report them: which settings they are about (by name: a redacted setting's
 * message says only "<redacted>"). Effect 3's `ConfigError` is a tree of `And`/`Or` nodes over paths; Effect 4's
 * one class wrapping a schema issue, so the Effect 4 edition has its own form of this module.
 *
 * @since 0.1.0
 */
import * as ConfigError from "effect/ConfigError"

/** Whether `u` is a configuration error. */
export const isConfigError = (u: unknown): u is ConfigError.ConfigError => ConfigError.isConfigError(u)

/** The settings a configuration error is about, as environment variable names (`NOTION_STORE_KEYS`). */
export const settings = (error: ConfigError.ConfigError): Array<string> =>
  error._op === "And" || error._op === "Or"
    ? [...settings(error.left), ...settings(error.right)]
    : [error.path.join("_")]
