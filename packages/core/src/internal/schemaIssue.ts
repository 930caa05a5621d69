/**
 * Decoding with its issue tree, and a walk over the tree's leaves: Effect 3's `ParseResult` issues and Effect 4's
 * `SchemaIssue`s differ in shape. The Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/schemaIssue.ts`).
 */
import * as ParseResult from "effect/ParseResult"

/** A decoding failure's issue tree. */
export type Issue = ParseResult.ParseIssue

/** Decodes as an effect that fails with the issue. */
export const decodeUnknown = ParseResult.decodeUnknown

/** Decodes synchronously: the value, or the issue. */
export const decodeUnknownEither = ParseResult.decodeUnknownEither

/** The issue tree as one message. */
export const message = (issue: Issue): string => ParseResult.TreeFormatter.formatIssueSync(issue)

const expected = (ast: unknown) => {
  const text = String(ast)
  return `expected ${text.length <= 120 ? text : `${text.slice(0, 119)}…`}`
}

/** Calls `leaf` for every leaf of the tree: its path, what went wrong, and the value found there (if any). */
export const leaves = (
  issue: Issue,
  leaf: (path: ReadonlyArray<PropertyKey>, text: string, actual?: { readonly value: unknown }) => void
): void => {
  const walk = (issue: Issue, path: ReadonlyArray<PropertyKey>): void => {
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...(Array.isArray(issue.path) ? issue.path : [issue.path])])
      case "Composite":
        if (Array.isArray(issue.issues)) { for (const inner of issue.issues) walk(inner, path) }
        else walk(issue.issues as Issue, path)
        return
      case "Refinement":
        return issue.kind === "From"
          ? walk(issue.issue, path)
          : leaf(path, expected(issue.ast), { value: issue.actual })
      case "Transformation":
        return walk(issue.issue, path)
      case "Missing":
        return leaf(path, "is missing")
      case "Unexpected":
        return leaf(path, "is unexpected", { value: issue.actual })
      case "Type":
      case "Forbidden":
        return leaf(path, expected(issue.ast), { value: issue.actual })
    }
  }
  walk(issue, [])
}
