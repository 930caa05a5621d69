/**
 * Decoding that keeps what a schema does not declare, and how a failure reads: both differ between the editions
 * (Effect 3's `ParseResult` has `onExcessProperty: "preserve"` and its own formatters; Effect 4 has neither), so
 * the Effect 4 edition has its own version of this module (`effect4/adapters/core/src/internal/decoding.ts`).
 */
import type * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** Why a value did not decode. */
export type DecodeError = ParseResult.ParseError

/** A decoder that keeps the fields the schema does not declare (Notion adds fields over time). */
export const decodeKeepingUnknown = <A, I>(
  schema: Schema.Schema<A, I>
): (u: unknown) => Either.Either<A, DecodeError> => Schema.decodeUnknownEither(schema, { onExcessProperty: "preserve" })

/** A decoder that stops at the first problem. */
export const decodeFirst = <A, I>(schema: Schema.Schema<A, I>): (u: unknown) => Either.Either<A, DecodeError> =>
  Schema.decodeUnknownEither(schema, { errors: "first" })

/** The failure as one message. */
export const message = (error: DecodeError): string => ParseResult.TreeFormatter.formatErrorSync(error)

/** Where the failure is: the path of each problem. */
export const paths = (error: DecodeError): ReadonlyArray<ReadonlyArray<PropertyKey>> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => issue.path)
