/**
 * `customEmojis.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { CustomEmoji } from "../CustomEmoji.js"
import { endpoint } from "../internal/lazy.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"

/** `GET /v1/custom_emojis`: one page of the workspace's custom emojis, optionally by exact `name`. @since 0.1.0 @category endpoints */
export const list = endpoint({
  name: "customEmojis.list",
  method: "GET",
  path: "/v1/custom_emojis",
  query: ["start_cursor", "page_size", "name"],
  params: () => Schema.Struct({ name: Schema.optional(Schema.String), ...PaginationParams.fields }),
  success: () => List(CustomEmoji, "custom_emoji")
})
