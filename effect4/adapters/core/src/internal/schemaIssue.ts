/**
 * Effect 4's form of `packages/core/src/internal/schemaIssue.ts`: `SchemaParser` decodes with a `SchemaIssue`
 * tree (`Pointer`, `Composite`, `AnyOf`, `Filter`, `Encoding` and leaves); a leaf's text is Effect's own default
 * message for it (`Expected string`), written in lower case.
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaParser from "effect/SchemaParser"

/** A decoding failure's issue tree. */
export type Issue = SchemaIssue.Issue

/**
 * Decoding options as the sources give them: Effect 4 has no `onExcessProperty: "preserve"` (a decoded value keeps
 * only the fields its schema names), so a value is first checked with the schema's type guard and kept as it is
 * when it passes, else decoded and given its undeclared fields back (see `preserving`). Issues always keep the
 * values they rejected (`reportInput`).
 */
export interface Options {
  readonly errors?: "first" | "all" | undefined
  readonly onExcessProperty?: "ignore" | "error" | "preserve" | undefined
}

// issues keep the values they rejected (`reportInput`): a message shows them for non-sensitive endpoints
const parseOptions = (options: Options | undefined): SchemaAST.ParseOptions => ({
  ...(options?.errors === undefined ? {} : { errors: options.errors }),
  ...(options?.onExcessProperty === undefined || options.onExcessProperty === "preserve"
    ? {}
    : { onExcessProperty: options.onExcessProperty }),
  reportInput: true
})

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && Object.getPrototypeOf(u) === Object.prototype

/**
 * The decoded value with the input's undeclared fields put back (what Effect 3's "preserve" does): wherever the
 * schema is a struct that does not transform, at every level the schema's own structs reach.
 */
const keepUnknown = (ast: SchemaAST.AST, input: unknown, output: unknown): unknown => {
  if (input === output || ast.encoding !== undefined) return output
  switch (ast._tag) {
    case "Suspend":
      return keepUnknown(ast.thunk(), input, output)
    case "Arrays":
      return Array.isArray(input) && Array.isArray(output) && input.length === output.length &&
          ast.elements.length === 0 && ast.rest.length === 1
        ? output.map((item, i) => keepUnknown(ast.rest[0]!, input[i], item))
        : output
    case "Objects": {
      if (!isPlainObject(input) || !isPlainObject(output)) return output
      const merged: Record<string, unknown> = {}
      for (const key of Object.keys(input)) if (!(key in output)) merged[key] = input[key]
      for (const key of Object.keys(output)) {
        const property = ast.propertySignatures.find((p) => p.name === key)
        merged[key] = property === undefined ? output[key] : keepUnknown(property.type, input[key], output[key])
      }
      return merged
    }
    default:
      return output
  }
}

/**
 * With `onExcessProperty: "preserve"`, a value its schema's type guard accepts is kept as it is (the schema does not
 * transform it); any other is decoded and gets the fields its schema does not declare back from the input.
 */
const preserving = <A, R>(
  schema: Schema.Codec<A, any>,
  options: Options | undefined,
  succeed: (a: A) => R,
  decode: (input: unknown) => R,
  map: (r: R, f: (a: A) => A) => R
): (input: unknown) => R => {
  if (options?.onExcessProperty !== "preserve") return decode
  const is = SchemaParser.is(schema)
  return (input) => is(input) ? succeed(input as A) : map(decode(input), (a) => keepUnknown(schema.ast, input, a) as A)
}

/** Decodes as an effect that fails with the issue. */
export const decodeUnknown = <A>(
  schema: Schema.Codec<A, any>,
  options?: Options
): (input: unknown) => Effect.Effect<A, Issue> =>
  preserving(
    schema,
    options,
    Effect.succeed,
    SchemaParser.decodeUnknownEffect(schema as Schema.Codec<A, unknown>, parseOptions(options)),
    (effect, f) => Effect.map(effect, f)
  )

/** Decodes synchronously: the value, or the issue. */
export const decodeUnknownEither = <A>(
  schema: Schema.Codec<A, any>,
  options?: Options
): (input: unknown) => Result.Result<A, Issue> =>
  preserving(
    schema,
    options,
    Result.succeed,
    SchemaParser.decodeUnknownResult(schema as Schema.Codec<A, unknown>, parseOptions(options)),
    (result, f) => Result.map(result, f)
  )

const formatter = SchemaIssue.makeFormatterDefault()

/** The issue tree as one message. */
export const message = (issue: Issue): string => formatter(issue)

// the issue without the value it rejected: the formatter would add its own ", got …"
const withoutInput = (issue: Issue): Issue => {
  if (!SchemaIssue.hasInput(issue)) return issue
  const { input: _, ...rest } = issue
  return Object.assign(Object.create(Object.getPrototypeOf(issue)), rest)
}

const expected = (issue: Issue) => {
  const text = String(formatter(withoutInput(issue))).split("\n")[0]!
  const lower = text.charAt(0).toLowerCase() + text.slice(1)
  return lower.length <= 129 ? lower : `${lower.slice(0, 128)}…`
}

const actualOf = (issue: Issue) => SchemaIssue.hasInput(issue) ? { value: issue.input } : undefined

/** Calls `leaf` for every leaf of the tree: its path, what went wrong, and the value found there (if any). */
export const leaves = (
  issue: Issue,
  leaf: (path: ReadonlyArray<PropertyKey>, text: string, actual?: { readonly value: unknown }) => void
): void => {
  const walk = (issue: Issue, path: ReadonlyArray<PropertyKey>): void => {
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...issue.path])
      case "Composite":
        for (const inner of issue.issues) walk(inner, path)
        return
      case "AnyOf":
        if (issue.issues.length === 0) return leaf(path, expected(issue), actualOf(issue))
        for (const inner of issue.issues) walk(inner, path)
        return
      case "Encoding":
        return walk(issue.issue, path)
      case "MissingKey":
        return leaf(path, "is missing")
      case "UnexpectedKey":
        return leaf(path, "is unexpected", actualOf(issue))
      case "Filter":
      case "InvalidType":
      case "InvalidValue":
      case "Forbidden":
      case "OneOf":
        return leaf(path, expected(issue), actualOf(issue))
    }
  }
  walk(issue, [])
}
