/**
 * The questions the SDK asks of a schema's AST, answered in one place: which object shapes it can take and which
 * literals a property allows. Effect 4's AST is shaped differently (`Objects` for `TypeLiteral`, checks on the node
 * instead of `Refinement`), so the Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/schemaAst.ts`); everything else reads ASTs through it.
 */
import type * as AST from "effect/SchemaAST"

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
