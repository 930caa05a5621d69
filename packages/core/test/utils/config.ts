// What a missing configuration value fails with. Effect 3 has a ConfigError union (`MissingData`); Effect 4 one
// ConfigError class wrapping the schema's issue: effect4/adapters/core/test/utils/config.ts is its Effect 4 form.
import * as ConfigError from "effect/ConfigError"

/** Whether `u` is the ConfigError of a missing value, and nothing else. */
export const isMissingConfig = (u: unknown): boolean => ConfigError.isConfigError(u) && ConfigError.isMissingDataOnly(u)
