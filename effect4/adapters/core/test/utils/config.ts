// Effect 4's form of packages/core/test/utils/config.ts: one ConfigError class, its cause the schema's issue; a
// missing value is an issue on nothing (a missing key, or no input where a value was expected).
import * as Config from "effect/Config"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

const leaf = (issue: SchemaIssue.Issue): SchemaIssue.Issue =>
  "issue" in issue && SchemaIssue.isIssue(issue.issue)
    ? leaf(issue.issue)
    : "issues" in issue && Array.isArray(issue.issues) && issue.issues.length > 0
    ? leaf(issue.issues[0])
    : issue

/** Whether `u` is the ConfigError of a missing value, and nothing else. */
export const isMissingConfig = (u: unknown): boolean => {
  if (!(u instanceof Config.ConfigError) || !Schema.isSchemaError(u.cause)) return false
  const found = leaf(u.cause.issue)
  return found._tag === "MissingKey" || !SchemaIssue.hasInput(found) || found.input === undefined
}
