/**
 * A decoding failure as a list of issues (where, and what is wrong): Effect 3's `ParseError` through
 * `ArrayFormatter`. The Effect 4 edition has its own form of this module (a `SchemaError`'s issue through the
 * Standard Schema formatter).
 *
 * @since 0.1.0
 */
import * as ParseResult from "effect/ParseResult"

/** The options decoding takes: excess properties are errors. */
export const parseOptions = { onExcessProperty: "error" } as const

/** What a `Schema.decodeUnknownEither` fails with. */
export type DecodeError = ParseResult.ParseError

/** One problem of a decoding failure: the path to the value, and the message. */
export interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** The problems of a decoding failure, in order. */
export const issues = (error: DecodeError): ReadonlyArray<Issue> => ParseResult.ArrayFormatter.formatErrorSync(error)
