/**
 * A compiled, allocation-free validator for schemas that do not transform (`Encoded` = `Type`): Notion's
 * response and parameter schemas. It walks the schema's AST once and returns a predicate that checks a JSON
 * value without building a new one, so a valid response is returned as parsed (unknown fields kept) and the
 * full `effect/Schema` decoder runs only to explain a failure.
 *
 * Unions of structs are dispatched on their literal tag field (`type`, `object`) before any member is tried.
 * A schema with a transformation or a declaration (`Schema.Redacted`, `Schema.Class`, defaults) does not
 * compile (`undefined`), and the caller decodes with `effect/Schema` instead.
 */
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"

/** A compiled check. */
export type Validator = (u: unknown) => boolean

const options: AST.ParseOptions = {}

class Unsupported {}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/** The literal values a property can take, when its type is a literal or a union of literals. */
const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag === "Union") {
    const values: Array<AST.LiteralValue> = []
    for (const member of ast.types) {
      const inner = literalsOf(member)
      if (inner === undefined) return undefined
      values.push(...inner)
    }
    return values
  }
  return undefined
}

/**
 * The union's tag field: the property declared as a required literal that tells most members apart (the most
 * distinct values; at least two members). Members without it (an open union's unknown member) are the fallback,
 * tried for any other value.
 */
const discriminator = (members: ReadonlyArray<AST.AST>): string | undefined => {
  const values = new Map<string, { members: number; distinct: Set<AST.LiteralValue> }>()
  for (const m of members) {
    if (m._tag !== "TypeLiteral") continue
    for (const ps of m.propertySignatures) {
      const literals = typeof ps.name !== "string" || ps.isOptional ? undefined : literalsOf(ps.type)
      if (literals === undefined) continue
      const entry = values.get(ps.name as string) ?? { members: 0, distinct: new Set() }
      entry.members++
      for (const l of literals) entry.distinct.add(l)
      values.set(ps.name as string, entry)
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

const tagLiterals = (member: AST.AST, tag: string): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (member._tag !== "TypeLiteral") return undefined
  const ps = member.propertySignatures.find((p) => p.name === tag)
  return ps === undefined || ps.isOptional ? undefined : literalsOf(ps.type)
}

const compileUnion = (ast: AST.Union, go: (ast: AST.AST) => Validator): Validator => {
  const members = ast.types.map(go)
  const tag = discriminator(ast.types)
  if (tag === undefined) {
    return (u) => {
      for (const member of members) if (member(u)) return true
      return false
    }
  }
  const byValue = new Map<unknown, Array<Validator>>()
  const fallback: Array<Validator> = []
  ast.types.forEach((member, i) => {
    const values = tagLiterals(member, tag)
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

const compileTypeLiteral = (ast: AST.TypeLiteral, go: (ast: AST.AST) => Validator): Validator => {
  const props = ast.propertySignatures.map((ps) => {
    if (typeof ps.name !== "string") throw new Unsupported()
    return { name: ps.name, optional: ps.isOptional, check: go(ps.type) }
  })
  const indexes = ast.indexSignatures.map((is) => {
    if (is.parameter._tag !== "StringKeyword") throw new Unsupported()
    return go(is.type)
  })
  const named = new Set(props.map((p) => p.name))
  // `Schema.Struct({})` is TypeScript's `{}`: any value but null and undefined
  if (props.length === 0 && indexes.length === 0) return (u) => u !== null && u !== undefined
  return (u) => {
    if (!isObject(u)) return false
    for (const p of props) {
      if (!Object.hasOwn(u, p.name)) {
        if (p.optional) continue
        return false
      }
      if (!p.check(u[p.name])) return false
    }
    if (indexes.length > 0) {
      for (const key of Object.keys(u)) {
        if (named.has(key)) continue
        for (const check of indexes) if (!check(u[key])) return false
      }
    }
    return true
  }
}

const compileTuple = (ast: AST.TupleType, go: (ast: AST.AST) => Validator): Validator => {
  const elements = ast.elements.map((e) => ({ optional: e.isOptional, check: go(e.type) }))
  const [restHead, ...restTail] = ast.rest.map((r) => go(r.type))
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

const always: Validator = () => true

const compileNode = (ast: AST.AST, go: (ast: AST.AST) => Validator): Validator => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UnknownKeyword":
    case "AnyKeyword":
      return always
    case "UndefinedKeyword":
    case "VoidKeyword":
      return (u) => u === undefined
    case "NeverKeyword":
      return () => false
    case "ObjectKeyword":
      return (u) => typeof u === "function" || isObject(u)
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Enums": {
      const values = new Set<unknown>(ast.enums.map(([, value]) => value))
      return (u) => values.has(u)
    }
    case "TemplateLiteral": {
      const regex = AST.getTemplateLiteralRegExp(ast)
      return (u) => typeof u === "string" && regex.test(u)
    }
    case "Refinement": {
      const from = go(ast.from)
      return (u) => from(u) && Option.isNone(ast.filter(u, options, ast))
    }
    case "Union":
      return compileUnion(ast, go)
    case "TypeLiteral":
      return compileTypeLiteral(ast, go)
    case "TupleType":
      return compileTuple(ast, go)
    case "Suspend": {
      let inner: Validator | undefined
      const f = ast.f
      return (u) => (inner ??= go(f()))(u)
    }
    default:
      // Transformation, Declaration, symbols, bigint: the value would change or cannot come from JSON
      throw new Unsupported()
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
    const compiled = compileNode(node, go)
    slot.compiled = compiled
    memo.set(node, compiled)
    return compiled
  }
  try {
    const validator = go(ast)
    // Suspend compiles lazily: force every reachable node now, so an unsupported one is found here
    forceSuspended(ast, new Set(), go)
    return validator
  } catch (e) {
    if (e instanceof Unsupported) return undefined
    throw e
  }
}

const forceSuspended = (ast: AST.AST, seen: Set<AST.AST>, go: (ast: AST.AST) => Validator): void => {
  if (seen.has(ast)) return
  seen.add(ast)
  switch (ast._tag) {
    case "Suspend": {
      const inner = ast.f()
      go(inner)
      return forceSuspended(inner, seen, go)
    }
    case "Refinement":
      return forceSuspended(ast.from, seen, go)
    case "Union":
      return ast.types.forEach((t) => forceSuspended(t, seen, go))
    case "TypeLiteral":
      ast.propertySignatures.forEach((ps) => forceSuspended(ps.type, seen, go))
      return ast.indexSignatures.forEach((is) => forceSuspended(is.type, seen, go))
    case "TupleType":
      ast.elements.forEach((e) => forceSuspended(e.type, seen, go))
      return ast.rest.forEach((r) => forceSuspended(r.type, seen, go))
  }
}
