/**
 * Notion users: people and bots.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

const common = {
  object: Schema.Literal("user"),
  id: Schema.String,
  name: Schema.optional(Schema.NullOr(Schema.String)),
  avatar_url: Schema.optional(Schema.NullOr(Schema.String))
}

/**
 * A person in a workspace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Person = Schema.Struct({
  ...common,
  type: Schema.Literal("person"),
  person: Schema.Struct({ email: Schema.optional(Schema.String) })
})

/**
 * A bot (an integration). `bot` is `{}` for other integrations' bots.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Bot = Schema.Struct({
  ...common,
  type: Schema.Literal("bot"),
  bot: Schema.Struct({
    owner: Schema.optional(Schema.Unknown),
    workspace_id: Schema.optional(Schema.String),
    workspace_name: Schema.optional(Schema.NullOr(Schema.String)),
    workspace_limits: Schema.optional(Schema.Unknown)
  })
})

/**
 * A full user object.
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = Schema.Union(Person, Bot)

/**
 * A full user object.
 *
 * @since 0.1.0
 * @category models
 */
export type User = typeof User.Type

/**
 * A user reference as found in `created_by`: only `object` and `id` are guaranteed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialUser = Schema.Struct({ object: Schema.Literal("user"), id: Schema.String })
