/**
 * The questions the SDK asks of a schema's AST, answered in one place: which object shapes it can take and which
 * literals a property allows. Effect 4's AST is shaped differently (`Objects` for `TypeLiteral`, checks on the node
 * instead of `Refinement`), so the Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/schemaAst.ts`); everything else reads ASTs through it, the compiled
 * validator through {@link shapeOf}.
 */
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import type { Shape, Validator } from "./validator.js"

/** A property of an object shape: its name and the AST of its value. */
export interface Property {
  readonly name: PropertyKey
  readonly type: AST.AST
}

/**
 * The object shapes a schema can take: through unions, refinements and suspensions, and through transformations
 * (their encoded side) when `throughTransformations` is set.
 */
export const objectShapes = (
  ast: AST.AST,
  throughTransformations = false
): ReadonlyArray<ReadonlyArray<Property>> => {
  const out: Array<ReadonlyArray<Property>> = []
  const visit = (node: AST.AST): void => {
    switch (node._tag) {
      case "TypeLiteral":
        out.push(node.propertySignatures)
        return
      case "Union":
        return node.types.forEach(visit)
      case "Refinement":
        return visit(node.from)
      case "Suspend":
        return visit(node.f())
      case "Transformation":
        if (throughTransformations) visit(node.from)
    }
  }
  visit(ast)
  return out
}

/** The literal values an AST allows when it is a literal or a union of literals (other members are skipped). */
export const literalValues = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> =>
  (ast._tag === "Union" ? ast.types : [ast]).flatMap((member) => member._tag === "Literal" ? [member.literal] : [])

const options: AST.ParseOptions = {}
const always: Validator = () => true
const unsupported: Shape = { _tag: "Unsupported" }
const test = (check: Validator): Shape => ({ _tag: "Test", test: check })
const isRecordOrArray = (u: unknown) => typeof u === "object" && u !== null

/** What the compiled validator (`validator.ts`) needs to know of one node. */
export const shapeOf = (ast: AST.AST): Shape => {
  switch (ast._tag) {
    case "StringKeyword":
      return test((u) => typeof u === "string")
    case "NumberKeyword":
      return test((u) => typeof u === "number")
    case "BooleanKeyword":
      return test((u) => typeof u === "boolean")
    case "UnknownKeyword":
    case "AnyKeyword":
      return test(always)
    case "UndefinedKeyword":
    case "VoidKeyword":
      return test((u) => u === undefined)
    case "NeverKeyword":
      return test(() => false)
    case "ObjectKeyword":
      return test((u) => typeof u === "function" || isRecordOrArray(u))
    case "Literal":
      return { _tag: "Literal", literal: ast.literal }
    case "Enums": {
      const values = new Set<unknown>(ast.enums.map(([, value]) => value))
      return test((u) => values.has(u))
    }
    case "TemplateLiteral": {
      const regex = AST.getTemplateLiteralRegExp(ast)
      return test((u) => typeof u === "string" && regex.test(u))
    }
    case "Refinement":
      return { _tag: "Checked", base: shapeOf(ast.from), test: (u) => Option.isNone(ast.filter(u, options, ast)) }
    case "Union":
      return { _tag: "Union", types: ast.types }
    case "TypeLiteral": {
      const named = ast.propertySignatures.every((ps) => typeof ps.name === "string")
      const stringKeyed = ast.indexSignatures.every((is) => is.parameter._tag === "StringKeyword")
      if (!named || !stringKeyed) return unsupported
      return {
        _tag: "Object",
        // Effect 3's struct takes an array too
        accepts: isRecordOrArray,
        properties: ast.propertySignatures.map((ps) => ({
          name: ps.name as string,
          optional: ps.isOptional,
          type: ps.type
        })),
        indexes: ast.indexSignatures.map((is) => is.type)
      }
    }
    case "TupleType":
      return {
        _tag: "Tuple",
        elements: ast.elements.map((e) => ({ optional: e.isOptional, type: e.type })),
        rest: ast.rest.map((r) => r.type)
      }
    case "Suspend":
      return { _tag: "Suspend", thunk: ast.f }
    default:
      // Transformation, Declaration, symbols, bigint: the value would change or cannot come from JSON
      return unsupported
  }
}
