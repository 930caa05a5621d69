/**
 * Effect 4's form of `packages/core/src/internal/decoding.ts`. Effect 4 drops undeclared keys when it decodes, so
 * a value is checked with the schema's type guard and kept as it is when it passes (the schemas used here do not
 * transform); only a failing value is decoded, for its issue. Messages come from Effect 4's formatters.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

/** Why a value did not decode. */
export type DecodeError = Schema.SchemaError

/** A decoder that keeps the fields the schema does not declare (Notion adds fields over time). */
export const decodeKeepingUnknown = <A, I>(
  schema: Schema.Codec<A, I>
): (u: unknown) => Result.Result<A, DecodeError> => {
  const is = Schema.is(schema)
  const decode = Schema.decodeUnknownResult(schema)
  return (u) => is(u) ? Result.succeed(u as A) : decode(u)
}

/** A decoder that stops at the first problem. */
export const decodeFirst = <A, I>(schema: Schema.Codec<A, I>): (u: unknown) => Result.Result<A, DecodeError> =>
  Schema.decodeUnknownResult(schema, { errors: "first" })

const formatDefault = SchemaIssue.makeFormatterDefault()
const formatStandard = SchemaIssue.makeFormatterStandardSchemaV1()

/** The failure as one message. */
export const message = (error: DecodeError): string => formatDefault(error.issue)

/** Where the failure is: the path of each problem. */
export const paths = (error: DecodeError): ReadonlyArray<ReadonlyArray<PropertyKey>> =>
  formatStandard(error.issue).issues.map((issue) =>
    (issue.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment)
  )
