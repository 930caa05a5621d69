/**
 * Rich text: the styled runs Notion uses for titles, text properties, block content and comments. Items are an
 * open union on `type` (`text`, `mention`, `equation`); mentions are one too.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Color, CustomEmojiReference, DateValue, UserValue } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"

/**
 * How a run is styled.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Annotations = Schema.Struct({
  bold: Schema.Boolean,
  italic: Schema.Boolean,
  strikethrough: Schema.Boolean,
  underline: Schema.Boolean,
  code: Schema.Boolean,
  color: Color
})

/**
 * How a run is styled.
 *
 * @since 0.1.0
 * @category models
 */
export type Annotations = typeof Annotations.Type

// ---------------------------------------------------------------------------------------------------------------
// template mentions
// ---------------------------------------------------------------------------------------------------------------

const TemplateMentionUnion = OpenUnion.make({
  tag: "type",
  identifier: "TemplateMention",
  fields: {},
  members: [
    // today | now
    Schema.Struct({ type: Schema.Literal("template_mention_date"), template_mention_date: Schema.String }),
    // me
    Schema.Struct({ type: Schema.Literal("template_mention_user"), template_mention_user: Schema.String })
  ]
})

/**
 * A template variable in a template page: `template_mention_date` (`today` | `now`), `template_mention_user`
 * (`me`), or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TemplateMention: Schema.Schema<TemplateMention> = TemplateMentionUnion.schema

/**
 * A template variable.
 *
 * @since 0.1.0
 * @category models
 */
export type TemplateMention = typeof TemplateMentionUnion.known.Type | typeof TemplateMentionUnion.unknown.Type

// ---------------------------------------------------------------------------------------------------------------
// mentions
// ---------------------------------------------------------------------------------------------------------------

/**
 * A link mention's unfurled metadata.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LinkMention = Schema.Struct({
  href: Schema.String,
  title: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  link_author: Schema.optional(Schema.String),
  link_provider: Schema.optional(Schema.String),
  thumbnail_url: Schema.optional(Schema.String),
  icon_url: Schema.optional(Schema.String),
  iframe_url: Schema.optional(Schema.String),
  height: Schema.optional(Schema.Number),
  padding: Schema.optional(Schema.Number),
  padding_top: Schema.optional(Schema.Number)
})

const MentionUnion = OpenUnion.make({
  tag: "type",
  identifier: "Mention",
  fields: {},
  members: [
    Schema.Struct({ type: Schema.Literal("user"), user: UserValue }),
    Schema.Struct({ type: Schema.Literal("date"), date: DateValue }),
    Schema.Struct({ type: Schema.Literal("page"), page: Schema.Struct({ id: Schema.String }) }),
    Schema.Struct({ type: Schema.Literal("database"), database: Schema.Struct({ id: Schema.String }) }),
    Schema.Struct({ type: Schema.Literal("link_preview"), link_preview: Schema.Struct({ url: Schema.String }) }),
    Schema.Struct({ type: Schema.Literal("link_mention"), link_mention: LinkMention }),
    Schema.Struct({ type: Schema.Literal("template_mention"), template_mention: TemplateMention }),
    Schema.Struct({ type: Schema.Literal("custom_emoji"), custom_emoji: CustomEmojiReference })
  ]
})

/**
 * What a mention points at: `user`, `date`, `page`, `database`, `link_preview`, `link_mention`,
 * `template_mention`, `custom_emoji`, or any other `type` (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Mention: Schema.Schema<Mention> = MentionUnion.schema

/**
 * What a mention points at.
 *
 * @since 0.1.0
 * @category models
 */
export type Mention = typeof MentionUnion.known.Type | typeof MentionUnion.unknown.Type

/**
 * The mention kinds we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MentionKnown: Schema.Schema<MentionKnown> = MentionUnion.known

/**
 * A mention kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type MentionKnown = typeof MentionUnion.known.Type

/**
 * Whether a mention is of a kind we know (then `switch (mention.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownMention = (mention: Mention): mention is MentionKnown => OpenUnion.isKnown(MentionUnion, mention)

// ---------------------------------------------------------------------------------------------------------------
// items
// ---------------------------------------------------------------------------------------------------------------

const common = {
  annotations: Annotations,
  plain_text: Schema.String,
  href: Schema.NullOr(Schema.String)
}

/**
 * A run of text: `content` and an optional link.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TextItem = Schema.Struct({
  ...common,
  type: Schema.Literal("text"),
  text: Schema.Struct({
    content: Schema.String,
    link: Schema.NullOr(Schema.Struct({ url: Schema.String }))
  })
})

/**
 * A mention of a user, date, page, database, link, template variable or custom emoji.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MentionItem = Schema.Struct({ ...common, type: Schema.Literal("mention"), mention: Mention })

/**
 * An inline KaTeX equation.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EquationItem = Schema.Struct({
  ...common,
  type: Schema.Literal("equation"),
  equation: Schema.Struct({ expression: Schema.String })
})

const RichTextItemUnion = OpenUnion.make({
  tag: "type",
  identifier: "RichTextItem",
  fields: common,
  members: [TextItem, MentionItem, EquationItem]
})

/**
 * One rich text run: `text`, `mention`, `equation`, or any other `type` (kept as sent, with `plain_text`). Each has
 * `annotations`, `plain_text` and `href`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichTextItem: Schema.Schema<RichTextItem> = RichTextItemUnion.schema

/**
 * One rich text run.
 *
 * @since 0.1.0
 * @category models
 */
export type RichTextItem = typeof RichTextItemUnion.known.Type | typeof RichTextItemUnion.unknown.Type

/**
 * The run kinds we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichTextItemKnown: Schema.Schema<RichTextItemKnown> = RichTextItemUnion.known

/**
 * A run kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type RichTextItemKnown = typeof RichTextItemUnion.known.Type

/**
 * Whether a run is of a kind we know (then `switch (item.type)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownRichTextItem = (item: RichTextItem): item is RichTextItemKnown =>
  OpenUnion.isKnown(RichTextItemUnion, item)

/**
 * Rich text: a list of runs.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RichText = Schema.Array(RichTextItem)

/**
 * Rich text: a list of runs.
 *
 * @since 0.1.0
 * @category models
 */
export type RichText = typeof RichText.Type

/**
 * The text of a list of runs, without styling (their `plain_text`, joined).
 *
 * @since 0.1.0
 * @category utils
 */
export const plainText = (items: ReadonlyArray<{ readonly plain_text: string }>): string => {
  let out = ""
  for (const item of items) out += item.plain_text
  return out
}
