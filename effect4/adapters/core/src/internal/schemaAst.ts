/**
 * Effect 4's form of `packages/core/src/internal/schemaAst.ts`: object shapes are `Objects` nodes, refinements
 * are checks on the node itself (nothing to unwrap), a suspension's thunk is `thunk`, and a transformation is the
 * node's `encoding` (its encoded side is `toEncoded`).
 */
import * as AST from "effect/SchemaAST"

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
