/**
 * Notion users: people and bots. `User` is open on `type`: a kind Notion adds later (agents, …) decodes to an
 * unknown member that keeps the raw JSON.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as OpenUnion from "./OpenUnion.js"

/**
 * The fields every user has.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserCommon {
  readonly object: "user"
  readonly id: string
  readonly name?: string | null | undefined
  readonly avatar_url?: string | null | undefined
}

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
 * @category models
 */
export interface Person extends UserCommon {
  readonly type: "person"
  readonly person: { readonly email?: string | undefined }
}

/**
 * A person in a workspace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Person: Schema.Schema<Person> = Schema.Struct({
  type: Schema.Literal("person"),
  ...common,
  person: Schema.Struct({ email: Schema.optional(Schema.String) })
})

/**
 * A bot (an integration).
 *
 * @since 0.1.0
 * @category models
 */
export interface Bot extends UserCommon {
  readonly type: "bot"
  readonly bot: {
    readonly owner?: unknown
    readonly workspace_id?: string | undefined
    readonly workspace_name?: string | null | undefined
    readonly workspace_limits?: unknown
  }
}

/**
 * A bot (an integration). `bot` is `{}` for other integrations' bots.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Bot: Schema.Schema<Bot> = Schema.Struct({
  type: Schema.Literal("bot"),
  ...common,
  bot: Schema.Struct({
    owner: Schema.optional(Schema.Unknown),
    workspace_id: Schema.optional(Schema.String),
    workspace_name: Schema.optional(Schema.NullOr(Schema.String)),
    workspace_limits: Schema.optional(Schema.Unknown)
  })
})

/**
 * A user of a kind we do not know: its `type` and every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownUser extends UserCommon {
  readonly type: string
  readonly [key: string]: unknown
}

const UserUnion = OpenUnion.make({ tag: "type", identifier: "User", fields: common, members: [Person, Bot] })

/**
 * A user of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type UserKnown = Person | Bot

/**
 * The user kinds we know (no unknown member).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserKnown: Schema.Schema<UserKnown> = UserUnion.known

/**
 * A full user object.
 *
 * @since 0.1.0
 * @category models
 */
export type User = UserKnown | UnknownUser

/**
 * A full user object: a `person`, a `bot`, or any other `type` (kept as sent, with `object`, `id`, `name` and
 * `avatar_url`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const User: Schema.Schema<User> = UserUnion.schema

/**
 * Whether a user is of a kind we know (then `switch (user.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownUser = (user: User): user is UserKnown => OpenUnion.isKnown(UserUnion, user)

/**
 * A user reference.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialUser {
  readonly object: "user"
  readonly id: string
}

/**
 * A user reference as found in `created_by`: only `object` and `id` are guaranteed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialUser: Schema.Schema<PartialUser> = Schema.Struct({
  object: Schema.Literal("user"),
  id: Schema.String
})

/**
 * Whether a user reference is a full user (it has a `type`), as the official SDK's `isFullUser`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullUser = (user: User | PartialUser): user is User =>
  typeof (user as { readonly type?: unknown }).type === "string"
