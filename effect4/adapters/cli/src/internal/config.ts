/**
 * Effect 4's form of `packages/cli/src/internal/config.ts`: one `ConfigError` class, its cause a schema issue (or a
 * source's error); the settings are the paths of the issue's leaves.
 *
 * @since 1.0.0
 */
import * as Config from "effect/Config"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

/** Whether `u` is a configuration error. */
export const isConfigError = (u: unknown): u is Config.ConfigError => u instanceof Config.ConfigError

const format = SchemaIssue.makeFormatterStandardSchemaV1()

/** The settings a configuration error is about, as environment variable names (`NOTION_STORE_KEYS`). */
export const settings = (error: Config.ConfigError): Array<string> =>
  Schema.isSchemaError(error.cause)
    ? [
      ...new Set(
        format(error.cause.issue).issues.map((issue) =>
          (issue.path ?? []).map((segment) => String(typeof segment === "object" ? segment.key : segment)).join("_")
        )
      )
    ]
    : []
