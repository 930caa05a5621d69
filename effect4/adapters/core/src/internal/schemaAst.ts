/**
 * Effect 4's form of `packages/core/src/internal/schemaAst.ts`: object shapes are `Objects` nodes, refinements
 * are checks on the node itself (nothing to unwrap), a suspension's thunk is `thunk`, and a transformation is the
 * node's `encoding` (its encoded side is `toEncoded`); for the compiled validator ({@link shapeOf}), a node's checks
 * are run as Effect 4's parser runs them, and a struct takes no array.
 */
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Shape, Validator } from "./validator.js"

/** A property of an object shape: its name and the AST of its value. */
export interface Property {
  readonly name: PropertyKey
  readonly type: AST.AST
}

/**
 * The object shapes a schema can take: through unions and suspensions, and through transformations (their
 * encoded side) when `throughTransformations` is set.
 */
export const objectShapes = (
  ast: AST.AST,
  throughTransformations = false
): ReadonlyArray<ReadonlyArray<Property>> => {
  const out: Array<ReadonlyArray<Property>> = []
  const visit = (node: AST.AST): void => {
    switch (node._tag) {
      case "Objects":
        out.push(node.propertySignatures)
        return
      case "Union":
        return node.types.forEach(visit)
      case "Suspend":
        return visit(node.thunk())
    }
  }
  visit(throughTransformations ? AST.toEncoded(ast) : ast)
  return out
}

/** The literal values an AST allows when it is a literal or a union of literals (other members are skipped). */
export const literalValues = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> =>
  (ast._tag === "Union" ? ast.types : [ast]).flatMap((member) => member._tag === "Literal" ? [member.literal] : [])

const options: AST.ParseOptions = {}
const always: Validator = () => true
const unsupported: Shape = { _tag: "Unsupported" }
const test = (check: Validator): Shape => ({ _tag: "Test", test: check })
const isRecord = (u: unknown) => typeof u === "object" && u !== null && !Array.isArray(u)

/** Whether `value` passes every check (Effect 4's filters and filter groups, as its parser runs them). */
const passes = (checks: ReadonlyArray<AST.Check<unknown>>, value: unknown, ast: AST.AST): boolean => {
  for (const check of checks) {
    if (
      check._tag === "FilterGroup"
        ? !passes(check.checks, value, ast)
        : check.run(value, ast, options) !== undefined
    ) {
      return false
    }
  }
  return true
}

/** The node's own shape, its checks aside. */
const baseShapeOf = (ast: AST.AST): Shape => {
  switch (ast._tag) {
    case "String":
      return test((u) => typeof u === "string")
    case "Number":
      return test((u) => typeof u === "number")
    case "Boolean":
      return test((u) => typeof u === "boolean")
    case "Unknown":
    case "Any":
      return test(always)
    case "Undefined":
    case "Void":
      return test((u) => u === undefined)
    case "Never":
      return test(() => false)
    case "Null":
      return { _tag: "Literal", literal: null }
    case "Literal":
      return { _tag: "Literal", literal: ast.literal }
    case "ObjectKeyword":
    case "Enum":
    case "TemplateLiteral":
      // rare in Notion's schemas: Effect 4's own guard
      return test(Schema.is(Schema.make<Schema.Top>(ast)))
    case "Union":
      // "oneOf" (exactly one member) is not what the validator checks
      return ast.options?.mode === "oneOf" ? unsupported : { _tag: "Union", types: ast.types }
    case "Objects": {
      const named = ast.propertySignatures.every((ps) => typeof ps.name === "string")
      const stringKeyed = ast.indexSignatures.every((is) => is.parameter._tag === "String")
      if (!named || !stringKeyed) return unsupported
      return {
        _tag: "Object",
        accepts: isRecord,
        properties: ast.propertySignatures.map((ps) => ({
          name: ps.name as string,
          optional: AST.isOptional(ps.type),
          type: ps.type
        })),
        indexes: ast.indexSignatures.map((is) => is.type)
      }
    }
    case "Arrays":
      return {
        _tag: "Tuple",
        elements: ast.elements.map((e) => ({ optional: AST.isOptional(e), type: e })),
        rest: ast.rest
      }
    case "Suspend":
      return { _tag: "Suspend", thunk: ast.thunk }
    default:
      // Declaration, symbols, bigint: the value would change or cannot come from JSON
      return unsupported
  }
}

/** What the compiled validator (`validator.ts`) needs to know of one node. */
export const shapeOf = (ast: AST.AST): Shape => {
  // a transformation: the value would change
  if (ast.encoding !== undefined) return unsupported
  const base = baseShapeOf(ast)
  const checks = ast.checks
  if (checks === undefined || base._tag === "Unsupported") return base
  return { _tag: "Checked", base, test: (u) => passes(checks, u, ast) }
}
