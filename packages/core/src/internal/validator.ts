/**
 * A compiled, allocation-free validator for schemas that do not transform (`Encoded` = `Type`): Notion's
 * response and parameter schemas. It walks the schema's AST once and returns a predicate that checks a JSON
 * value without building a new one, so a valid response is returned as parsed (unknown fields kept) and the
 * full `effect/Schema` decoder runs only to explain a failure.
 *
 * Unions of structs are dispatched on their literal tag field (`type`, `object`) before any member is tried.
 * A schema with a transformation or a declaration (`Schema.Redacted`, `Schema.Class`, defaults) does not
 * compile (`undefined`), and the caller decodes with `effect/Schema` instead.
 *
 * The walk reads each node through `schemaAst.shapeOf` (a {@link Shape}), the one place that knows how an
 * edition's AST is built: this module is the same on Effect 3 and Effect 4.
 */
import type * as AST from "effect/SchemaAST"
import { shapeOf } from "./schemaAst.js"

/** A compiled check. */
export type Validator = (u: unknown) => boolean

/** A property of an object {@link Shape}. */
export interface ShapeProperty {
  readonly name: string
  readonly optional: boolean
  readonly type: AST.AST
}

/** What the validator needs to know of one AST node (see `schemaAst.shapeOf`). */
export type Shape =
  /** A value the node checks by itself (a keyword, an enum, a template literal). */
  | { readonly _tag: "Test"; readonly test: Validator }
  | { readonly _tag: "Literal"; readonly literal: unknown }
  /** A node whose value must pass `base`, then `test` (a refinement, or checks on the node). */
  | { readonly _tag: "Checked"; readonly base: Shape; readonly test: Validator }
  | { readonly _tag: "Union"; readonly types: ReadonlyArray<AST.AST> }
  /** A struct: `accepts` tells an object value (the editions differ on arrays); `indexes`: string-keyed records. */
  | {
    readonly _tag: "Object"
    readonly accepts: Validator
    readonly properties: ReadonlyArray<ShapeProperty>
    readonly indexes: ReadonlyArray<AST.AST>
  }
  | {
    readonly _tag: "Tuple"
    readonly elements: ReadonlyArray<{ readonly optional: boolean; readonly type: AST.AST }>
    /** The rest element, then the elements after it. */
    readonly rest: ReadonlyArray<AST.AST>
  }
  | { readonly _tag: "Suspend"; readonly thunk: () => AST.AST }
  /** A transformation, a declaration, a symbol-keyed property: the value would change, or cannot come from JSON. */
  | { readonly _tag: "Unsupported" }

class Unsupported {}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/** The literal values a property can take, when its type is a literal or a union of literals. */
const literalsOf = (ast: AST.AST): ReadonlyArray<unknown> | undefined => {
  const shape = shapeOf(ast)
  if (shape._tag === "Literal") return [shape.literal]
  if (shape._tag === "Union") {
    const values: Array<unknown> = []
    for (const member of shape.types) {
      const inner = literalsOf(member)
      if (inner === undefined) return undefined
      values.push(...inner)
    }
    return values
  }
  return undefined
}

/** A union member's required literal properties (name → its values). */
const tagsOf = (member: AST.AST): ReadonlyMap<string, ReadonlyArray<unknown>> => {
  const shape = shapeOf(member)
  const tags = new Map<string, ReadonlyArray<unknown>>()
  if (shape._tag !== "Object") return tags
  for (const p of shape.properties) {
    const literals = p.optional ? undefined : literalsOf(p.type)
    if (literals !== undefined) tags.set(p.name, literals)
  }
  return tags
}

/**
 * The union's tag field: the property declared as a required literal that tells most members apart (the most
 * distinct values; at least two members). Members without it (an open union's unknown member) are the fallback,
 * tried for any other value.
 */
const discriminator = (members: ReadonlyArray<ReadonlyMap<string, ReadonlyArray<unknown>>>): string | undefined => {
  const values = new Map<string, { members: number; distinct: Set<unknown> }>()
  for (const tags of members) {
    for (const [name, literals] of tags) {
      const entry = values.get(name) ?? { members: 0, distinct: new Set() }
      entry.members++
      for (const l of literals) entry.distinct.add(l)
      values.set(name, entry)
    }
  }
  let best: string | undefined
  let score = [1, 0]
  for (const [name, { distinct, members }] of values) {
    if (members < 2) continue
    if (distinct.size > score[0]! || (distinct.size === score[0] && members > score[1]!)) {
      best = name
      score = [distinct.size, members]
    }
  }
  return best
}

const compileUnion = (types: ReadonlyArray<AST.AST>, go: (ast: AST.AST) => Validator): Validator => {
  const members = types.map(go)
  const tags = types.map(tagsOf)
  const tag = discriminator(tags)
  if (tag === undefined) {
    return (u) => {
      for (const member of members) if (member(u)) return true
      return false
    }
  }
  const byValue = new Map<unknown, Array<Validator>>()
  const fallback: Array<Validator> = []
  tags.forEach((memberTags, i) => {
    const values = memberTags.get(tag)
    if (values === undefined) return fallback.push(members[i]!)
    for (const value of values) {
      const list = byValue.get(value) ?? []
      list.push(members[i]!)
      byValue.set(value, list)
    }
  })
  return (u) => {
    if (!isObject(u)) return false
    const candidates = byValue.get(u[tag])
    if (candidates !== undefined) { for (const member of candidates) if (member(u)) return true }
    for (const member of fallback) if (member(u)) return true
    return false
  }
}

const compileObject = (
  shape: Extract<Shape, { readonly _tag: "Object" }>,
  go: (ast: AST.AST) => Validator
): Validator => {
  const accepts = shape.accepts
  const props = shape.properties.map((p) => ({ name: p.name, optional: p.optional, check: go(p.type) }))
  const indexes = shape.indexes.map(go)
  const named = new Set(props.map((p) => p.name))
  // `Schema.Struct({})` is TypeScript's `{}`: any value but null and undefined
  if (props.length === 0 && indexes.length === 0) return (u) => u !== null && u !== undefined
  return (u) => {
    if (!accepts(u)) return false
    const record = u as Record<string, unknown>
    for (const p of props) {
      if (!Object.hasOwn(record, p.name)) {
        if (p.optional) continue
        return false
      }
      if (!p.check(record[p.name])) return false
    }
    if (indexes.length > 0) {
      for (const key of Object.keys(record)) {
        if (named.has(key)) continue
        for (const check of indexes) if (!check(record[key])) return false
      }
    }
    return true
  }
}

const compileTuple = (
  shape: Extract<Shape, { readonly _tag: "Tuple" }>,
  go: (ast: AST.AST) => Validator
): Validator => {
  const elements = shape.elements.map((e) => ({ optional: e.optional, check: go(e.type) }))
  const [restHead, ...restTail] = shape.rest.map(go)
  const required = elements.filter((e) => !e.optional).length
  return (u) => {
    if (!Array.isArray(u)) return false
    if (u.length < required + restTail.length) return false
    if (restHead === undefined && u.length > elements.length) return false
    let i = 0
    for (; i < elements.length && i < u.length; i++) if (!elements[i]!.check(u[i])) return false
    const tailStart = u.length - restTail.length
    if (restHead !== undefined) { for (; i < tailStart; i++) if (!restHead(u[i])) return false }
    for (let j = 0; j < restTail.length; j++) if (!restTail[j]!(u[tailStart + j])) return false
    return true
  }
}

const compileShape = (shape: Shape, go: (ast: AST.AST) => Validator): Validator => {
  switch (shape._tag) {
    case "Test":
      return shape.test
    case "Literal": {
      const literal = shape.literal
      return (u) => u === literal
    }
    case "Checked": {
      const base = compileShape(shape.base, go)
      const test = shape.test
      return (u) => base(u) && test(u)
    }
    case "Union":
      return compileUnion(shape.types, go)
    case "Object":
      return compileObject(shape, go)
    case "Tuple":
      return compileTuple(shape, go)
    case "Suspend": {
      let inner: Validator | undefined
      const thunk = shape.thunk
      return (u) => (inner ??= go(thunk()))(u)
    }
    case "Unsupported":
      throw new Unsupported()
  }
}

/** The ASTs a shape leads to (Suspend's included, forced), to find an unsupported node at compile time. */
const children = (shape: Shape): ReadonlyArray<AST.AST> => {
  switch (shape._tag) {
    case "Checked":
      return children(shape.base)
    case "Union":
      return shape.types
    case "Object":
      return [...shape.properties.map((p) => p.type), ...shape.indexes]
    case "Tuple":
      return [...shape.elements.map((e) => e.type), ...shape.rest]
    case "Suspend":
      return [shape.thunk()]
    default:
      return []
  }
}

/**
 * Compiles a validator for `ast`, or `undefined` when the schema transforms its input (then decode it).
 */
export const compile = (ast: AST.AST): Validator | undefined => {
  const memo = new Map<AST.AST, Validator>()
  const go = (node: AST.AST): Validator => {
    const cached = memo.get(node)
    if (cached !== undefined) return cached
    // a placeholder breaks cycles through Suspend
    const slot: { compiled?: Validator } = {}
    memo.set(node, (u) => slot.compiled!(u))
    const compiled = compileShape(shapeOf(node), go)
    slot.compiled = compiled
    memo.set(node, compiled)
    return compiled
  }
  try {
    const validator = go(ast)
    // Suspend compiles lazily: reach every node now, so an unsupported one is found here
    const seen = new Set<AST.AST>()
    const visit = (node: AST.AST): void => {
      if (seen.has(node)) return
      seen.add(node)
      go(node)
      children(shapeOf(node)).forEach(visit)
    }
    visit(ast)
    return validator
  } catch (e) {
    if (e instanceof Unsupported) return undefined
    throw e
  }
}
