/**
 * Reading a module back: the definitions it holds as data (`export const X = TypedDataSource.define({ … })`, as
 * `Render` writes them or by hand in the same plain-data style). The TypeScript parser finds them, their literals
 * become values, and core's `TypedDataSource.DefinitionData` schema checks them; nothing in the module runs.
 *
 * @since 0.1.0
 */
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import ts from "typescript"
import { ModuleParseError } from "./CliError.js"
import * as Issues from "./internal/issues.js"

/**
 * A definition read from a module.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParsedDefinition {
  readonly exportName: string
  readonly dataSourceId: string
  readonly title: string
  readonly fields: Readonly<Record<string, TypedDataSource.FieldSpec>>
}

/** Why a node is not plain data, and where. */
interface NotData {
  readonly node: ts.Node
  readonly message: string
}

const notData = (node: ts.Node, message: string): Either.Either<never, NotData> => Either.left({ node, message })

/** A property name as written: an identifier, a string or a number. */
const keyOf = (name: ts.PropertyName): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined

/** The value of a literal expression (objects, arrays, strings, numbers, booleans, null), or why it is none. */
const valueOf = (node: ts.Expression): Either.Either<unknown, NotData> => {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return valueOf(node.expression)
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return Either.right(node.text)
  if (ts.isNumericLiteral(node)) return Either.right(Number(node.text))
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return Either.map(valueOf(node.operand), (n) => -(n as number))
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return Either.right(true)
  if (node.kind === ts.SyntaxKind.FalseKeyword) return Either.right(false)
  if (node.kind === ts.SyntaxKind.NullKeyword) return Either.right(null)
  if (ts.isArrayLiteralExpression(node)) return Either.all(node.elements.map(valueOf))
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {}
    for (const property of node.properties) {
      const key = ts.isPropertyAssignment(property) ? keyOf(property.name) : undefined
      if (!ts.isPropertyAssignment(property) || key === undefined) {
        return notData(property, "expected `key: value` (the definition must be plain data)")
      }
      const value = valueOf(property.initializer)
      if (Either.isLeft(value)) return value
      // a key named like an inherited member (`__proto__`) stays a key
      Object.defineProperty(out, key, { value: value.right, enumerable: true, writable: true, configurable: true })
    }
    return Either.right(out)
  }
  return notData(node, "expected a literal (the definition must be plain data)")
}

/** `define(…)` or `<namespace>.define(…)`. */
const isDefineCall = (node: ts.Expression | undefined): node is ts.CallExpression =>
  node !== undefined && ts.isCallExpression(node) && (
    (ts.isIdentifier(node.expression) && node.expression.text === "define") ||
    (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "define")
  )

const isExported = (statement: ts.Statement) =>
  (ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [])
    .some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** The first problem of an invalid definition, in a line: an unknown kind by name, else where and what. */
const problemOf = (value: unknown, error: Issues.DecodeError): string => {
  const fields = (value as { fields?: unknown }).fields
  if (typeof fields === "object" && fields !== null) {
    for (const [key, spec] of Object.entries(fields)) {
      const kind = (spec as { kind?: unknown } | null)?.kind
      if (typeof kind === "string" && !TypedDataSource.isKind(kind)) return `field ${key}: unknown kind "${kind}"`
    }
  }
  const issues = Issues.issues(error)
  // in a field spec (a union on `kind`), the member of the field's own kind says what is wrong
  const first = issues.find((issue) => issue.path.at(-1) !== "kind") ?? issues[0]
  return first === undefined ? "not a definition" : `${first.path.join(".") || "the definition"}: ${first.message}`
}

const decodeDefinition = Schema.decodeUnknownEither(TypedDataSource.DefinitionData, Issues.parseOptions)

/**
 * The definitions of a module. Fails with `ModuleParseError` naming the line when a definition is not plain data
 * or not a valid definition, or when there is none.
 *
 * @since 0.1.0
 * @category reading
 */
export const parse = (text: string, path: string): Either.Either<Array<ParsedDefinition>, ModuleParseError> => {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const fail = (message: string) =>
    Either.left(new ModuleParseError({ path, message: `Cannot read the definitions in ${path}: ${message}` }))
  const out: Array<ParsedDefinition> = []
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !isExported(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      const call = declaration.initializer
      if (!isDefineCall(call) || !ts.isIdentifier(declaration.name)) continue
      const exportName = declaration.name.text
      const argument = call.arguments[0]
      if (argument === undefined) return fail(`line ${lineOf(call)}: ${exportName}: define takes a definition`)
      const value = valueOf(argument)
      if (Either.isLeft(value)) return fail(`line ${lineOf(value.left.node)}: ${value.left.message}`)
      const decoded = decodeDefinition(value.right)
      if (Either.isLeft(decoded)) {
        return fail(`line ${lineOf(argument)}: ${exportName}: ${problemOf(value.right, decoded.left)}`)
      }
      const { dataSourceId, fields, title } = decoded.right
      out.push({ exportName, dataSourceId, title: title ?? "", fields })
    }
  }
  return out.length === 0
    ? Either.left(
      new ModuleParseError({
        path,
        message: `${path} has no definition (export const X = TypedDataSource.define({ … })): was it generated?`
      })
    )
    : Either.right(out)
}

/**
 * The field names a definition gives its properties (property id → field name): what `modelOf`'s `previous`
 * takes to keep them when the module is regenerated.
 *
 * @since 0.1.0
 * @category reading
 */
export const fieldNames = (definition: ParsedDefinition): ReadonlyMap<string, string> =>
  new Map(Object.entries(definition.fields).map(([key, spec]) => [spec.id, key]))
