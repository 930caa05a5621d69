/**
 * Notion users: people and bots. `User` is open on `type`: a kind Notion adds later (agents, …) decodes to an
 * unknown member that keeps the raw JSON.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as OpenUnion from "./OpenUnion.js"

/**
 * The fields every user has. `name` may be `null` or absent (from API version `2026-12-01` a person's name is
 * optional); `request_id` is on `users.retrieve` and `users.me` answers.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserCommon {
  readonly object: "user"
  readonly id: string
  readonly name?: string | null | undefined
  readonly avatar_url?: string | null | undefined
  readonly request_id?: string | undefined
}

const common = {
  object: Schema.Literal("user"),
  id: Schema.String,
  name: Schema.optional(Schema.NullOr(Schema.String)),
  avatar_url: Schema.optional(Schema.NullOr(Schema.String)),
  request_id: Schema.optional(Schema.String)
}

/**
 * A person in a workspace.
 *
 * @since 0.1.0
 * @category models
 */
export interface Person extends UserCommon {
  readonly type: "person"
  readonly person: { readonly email?: string | undefined; readonly email_verified?: boolean | undefined }
}

/**
 * A person in a workspace: `person.email` (with the user-information capability) and `email_verified`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Person: Schema.Schema<Person> = Schema.Struct({
  type: Schema.Literal("person"),
  ...common,
  person: Schema.Struct({ email: Schema.optional(Schema.String), email_verified: Schema.optional(Schema.Boolean) })
})

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
 * A bot owned by a user (a public integration installed by a person).
 *
 * @since 0.1.0
 * @category models
 */
export interface UserBotOwner {
  readonly type: "user"
  readonly user: Person | PartialUser
}

/**
 * A bot owned by the workspace (an internal integration).
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkspaceBotOwner {
  readonly type: "workspace"
  readonly workspace: boolean
}

/**
 * A bot owner of a kind we do not know: its `type` and every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownBotOwner {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * A bot owner of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type BotOwnerKnown = UserBotOwner | WorkspaceBotOwner

/**
 * Who owns a bot.
 *
 * @since 0.1.0
 * @category models
 */
export type BotOwner = BotOwnerKnown | UnknownBotOwner

const BotOwnerUnion = OpenUnion.make({
  tag: "type",
  identifier: "BotOwner",
  fields: {},
  members: [
    Schema.Struct({ type: Schema.Literal("user"), user: Schema.Union(Person, PartialUser) }),
    Schema.Struct({ type: Schema.Literal("workspace"), workspace: Schema.Boolean })
  ]
})

/**
 * Who owns a bot: `{ type: "user", user }` (a public integration installed by a person), `{ type: "workspace",
 * workspace: true }` (an internal integration), or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BotOwner: Schema.Schema<BotOwner> = BotOwnerUnion.schema

/**
 * Whether a bot owner is of a kind we know (then `switch (owner.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownBotOwner = (owner: BotOwner): owner is BotOwnerKnown => OpenUnion.isKnown(BotOwnerUnion, owner)

/**
 * The workspace's limits, as shown to its own bot.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkspaceLimits {
  readonly max_file_upload_size_in_bytes?: number | undefined
}

/**
 * The workspace's limits, as shown to its own bot: `max_file_upload_size_in_bytes` (5 GiB on paid plans).
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkspaceLimits: Schema.Schema<WorkspaceLimits> = Schema.Struct({
  max_file_upload_size_in_bytes: Schema.optional(Schema.Number)
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
    readonly owner?: BotOwner | undefined
    readonly workspace_id?: string | undefined
    readonly workspace_name?: string | null | undefined
    readonly workspace_limits?: WorkspaceLimits | undefined
  }
}

/**
 * A bot (an integration). `bot` is `{}` for other integrations' bots; the token's own bot (`users.me`) has its
 * `owner`, `workspace_id`, `workspace_name` and `workspace_limits`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Bot: Schema.Schema<Bot> = Schema.Struct({
  type: Schema.Literal("bot"),
  ...common,
  bot: Schema.Struct({
    owner: Schema.optional(BotOwner),
    workspace_id: Schema.optional(Schema.String),
    workspace_name: Schema.optional(Schema.NullOr(Schema.String)),
    workspace_limits: Schema.optional(WorkspaceLimits)
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
 * Whether a user reference is a full user (it has a `type`), as the official SDK's `isFullUser`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullUser = (user: User | PartialUser): user is User =>
  typeof (user as { readonly type?: unknown }).type === "string"
