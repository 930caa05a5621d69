/**
 * Effect 4's form of `packages/cli/src/internal/issues.ts`: a `SchemaError`'s issue through the Standard Schema
 * formatter (Effect 4 has no `ArrayFormatter`), its path segments as keys, and the leaves worded as Effect 3's
 * `ArrayFormatter` words them (`is missing`, `is unexpected, expected: "a" | "b"`, `Expected string, actual 1`), so
 * `schema diff` says the same on both editions.
 *
 * @since 1.0.0
 */
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"

/** The options decoding takes: excess properties are errors; rejected inputs are reported (in the messages). */
export const parseOptions = { onExcessProperty: "error", reportInput: true } as const

/** What a `Schema.decodeUnknownResult` fails with. */
export type DecodeError = Schema.SchemaError

/** One problem of a decoding failure: the path to the value, and the message. */
export interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

const leafHook: SchemaIssue.LeafHook = (issue) => {
  switch (issue._tag) {
    case "MissingKey":
      return "is missing"
    case "UnexpectedKey": {
      const keys = SchemaAST.isObjects(issue.ast)
        ? issue.ast.propertySignatures.map((property) => show(String(property.name)))
        : []
      return keys.length === 0 ? "is unexpected" : `is unexpected, expected: ${keys.join(" | ")}`
    }
    case "InvalidType":
      return SchemaIssue.defaultLeafHook(issue).replace(/, got /, ", actual ")
    default:
      return SchemaIssue.defaultLeafHook(issue)
  }
}

const format = SchemaIssue.makeFormatterStandardSchemaV1({ leafHook })

/** The problems of a decoding failure, in order. */
export const issues = (error: DecodeError): ReadonlyArray<Issue> =>
  format(error.issue).issues.map((issue) => ({
    path: (issue.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment),
    message: issue.message
  }))
