/**
 * A workspace's custom emojis (`customEmojis.list`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A custom emoji.
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomEmoji {
  readonly id: string
  readonly name: string
  readonly url: string
}

/**
 * A custom emoji: `id`, `name` (what `:name:` types) and the image `url`. It has no `object` field.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomEmoji: Schema.Schema<CustomEmoji> = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  url: Schema.String
}).annotations({ identifier: "CustomEmoji" })
