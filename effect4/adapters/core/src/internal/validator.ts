/**
 * Effect 4's form of `packages/core/src/internal/validator.ts`. The Effect 3 edition compiles the schema's AST
 * into its own allocation-free predicate; on Effect 4 the schema's own type guard (`Schema.is`, compiled once per
 * schema by Effect 4's parser) plays that part. As there, a schema that transforms somewhere (a node with an
 * encoding, or a declaration such as `Schema.Uint8Array`) does not compile (`undefined`), and the caller decodes
 * with `effect/Schema` instead.
 */
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

/** A compiled check. */
export type Validator = (u: unknown) => boolean

const transforms = (ast: AST.AST, seen: Set<AST.AST>): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  if (ast.encoding !== undefined) return true
  switch (ast._tag) {
    case "Declaration":
      return true
    case "Objects":
      return ast.propertySignatures.some((p) => transforms(p.type, seen)) ||
        ast.indexSignatures.some((i) => transforms(i.parameter, seen) || transforms(i.type, seen))
    case "Arrays":
      return [...ast.elements, ...ast.rest].some((e) => transforms(e, seen))
    case "Union":
      return ast.types.some((t) => transforms(t, seen))
    case "Suspend":
      return transforms(ast.thunk(), seen)
    default:
      return false
  }
}

/** The schema's predicate, or `undefined` when it transforms. */
export const compile = (ast: AST.AST): Validator | undefined =>
  transforms(ast, new Set()) ? undefined : Schema.is(Schema.make<Schema.Top>(ast))
