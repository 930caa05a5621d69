/**
 * Open unions: Notion adds block, property, user and parent types without notice. An open union decodes
 * every member it knows by its tag (`type`), and any other tag value to an "unknown" member that keeps the raw
 * JSON, instead of failing the whole call.
 *
 * The unknown member's tag is a string refined to "none of the known values", so a known member with a
 * malformed payload still fails (it does not slip into the unknown member). Nothing transforms: the compiled
 * validator dispatches on the tag and falls back to the unknown member only for other values.
 *
 * TypeScript cannot narrow a union on `type` when one member's `type` is `string`, so each open union comes with
 * an `isKnown` guard: `if (OpenUnion.isKnown(Block.known, block)) switch (block.type) { … }`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as SchemaAst from "./internal/schemaAst.js"

/**
 * The tag values a set of members declares (`Schema.Literal` on `tag`).
 *
 * @since 0.1.0
 * @category utils
 */
export const tagValues = (
  tag: string,
  members: ReadonlyArray<Schema.Schema.Any>
): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const member of members) {
    for (const shape of SchemaAst.objectShapes(member.ast)) {
      const property = shape.find((p) => p.name === tag)
      if (property === undefined) continue
      for (const value of SchemaAst.literalValues(property.type)) if (typeof value === "string") out.push(value)
    }
  }
  return out
}

/**
 * A tag value none of `known` (the unknown member's tag).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OtherTag = (known: ReadonlyArray<string>, identifier: string) => {
  const set = new Set(known)
  return Schema.String.pipe(Schema.filter((s) => !set.has(s), {
    identifier,
    description: `a type other than ${known.join(", ")}`
  }))
}

/**
 * The unknown member of an open union: the given fields, the tag as {@link OtherTag}, and every other field kept
 * as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Unknown = <const Tag extends string, Fields extends Schema.Struct.Fields>(options: {
  readonly tag: Tag
  readonly known: ReadonlyArray<string>
  readonly identifier: string
  readonly fields: Fields
}) =>
  Schema.Struct(
    { ...options.fields, [options.tag]: OtherTag(options.known, `${options.identifier}Type`) } as
      & Fields
      & { readonly [K in Tag]: Schema.refine<string, typeof Schema.String> },
    Schema.Record({ key: Schema.String, value: Schema.Unknown })
  ).annotations({ identifier: options.identifier })

/**
 * An open union: `members` (each with a literal `tag`) plus an unknown member made from `fields`.
 * `known` lists the tag values; {@link isKnown} narrows a value to the known members.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Tag extends string,
  Members extends ReadonlyArray<Schema.Schema.Any>,
  Fields extends Schema.Struct.Fields
>(options: {
  readonly tag: Tag
  readonly members: Members
  readonly identifier: string
  /** The fields every member has (kept on the unknown member). */
  readonly fields: Fields
}) => {
  const known = tagValues(options.tag, options.members)
  const unknown = Unknown({
    tag: options.tag,
    known,
    identifier: `Unknown${options.identifier}`,
    fields: options.fields
  })
  const known_ = Schema.Union(...options.members)
  return {
    /** Known members and the unknown one. */
    schema: Schema.Union(...options.members, unknown).annotations({ identifier: options.identifier }),
    /** Known members only. */
    known: known_,
    /** The unknown member. */
    unknown,
    /** Tag values of the known members. */
    tags: new Set(known) as ReadonlySet<string>,
    tag: options.tag
  } as const
}

/**
 * Whether a value of an open union is one of its known members.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnown = <Known, A>(
  union: { readonly tags: ReadonlySet<string>; readonly tag: string; readonly known: Schema.Schema<Known, any, any> },
  value: A
): value is Extract<A, Known> => {
  const tag = (value as Record<string, unknown>)[union.tag]
  return typeof tag === "string" && union.tags.has(tag)
}
