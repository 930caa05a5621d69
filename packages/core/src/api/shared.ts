/**
 * Request-side building blocks shared by the endpoint declarations.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as Block from "../Block.js"
import * as Common from "../Common.js"

/**
 * A Notion id (a UUID, with or without dashes) in a path or body.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Id = Schema.String.pipe(Schema.minLength(1))

/**
 * A JSON object whose members Notion checks (block payloads, property values, view configurations).
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonObject = Common.JsonObject

/**
 * Rich text in a request (at most 100 items; `Block`'s).
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichTextRequest = Block.RichTextRequest

/**
 * An icon in a request, or `null` to remove it (`Block.IconRequest`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IconOrNull = Schema.NullOr(Block.IconRequest)

/**
 * A cover in a request (an external file or a file upload), or `null` to remove it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CoverOrNull = IconOrNull

/**
 * The `2026-03-11` block position: at the start, the end, or after a block.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Position = Schema.Union(
  Schema.Struct({ type: Schema.Literal("start") }),
  Schema.Struct({ type: Schema.Literal("end") }),
  Schema.Struct({ type: Schema.Literal("after_block"), after_block: Schema.Struct({ id: Id }) })
)

/**
 * `fields` added to each struct of a union: what `Schema.extend(Schema.Struct(fields), Schema.Union(...members))`
 * builds, written without `Schema.extend` (Effect 4 has none), so both editions declare it the same way.
 *
 * @since 0.1.0
 * @category schemas
 */
export const extendEach = <
  const Fields extends Schema.Struct.Fields,
  const Members extends ReadonlyArray<{ readonly fields: Schema.Struct.Fields }>
>(
  fields: Fields,
  members: Members
): Schema.Union<{ readonly [K in keyof Members]: Schema.Struct<Fields & Members[K]["fields"]> }> =>
  Schema.Union(...members.map((member) => Schema.Struct({ ...fields, ...member.fields }))) as never
