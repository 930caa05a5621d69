/**
 * Notion pages: the full page (property values decoded by `PropertyValue`), its partial form and the page's
 * markdown (`pages.retrieveMarkdown`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as Common from "./Common.js"
import { PropertyValues } from "./PropertyValue.js"
import { PartialUser } from "./User.js"

/**
 * Where an object lives (see `Common.Parent`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Parent: typeof Common.Parent = Common.Parent

/**
 * Where an object lives.
 *
 * @since 0.1.0
 * @category models
 */
export type Parent = Common.Parent

/**
 * A full page.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page {
  readonly object: "page"
  readonly id: string
  readonly created_time: string
  readonly last_edited_time: string
  readonly created_by: PartialUser
  readonly last_edited_by: PartialUser
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
  readonly is_archived?: boolean | undefined
  readonly is_locked?: boolean | undefined
  readonly url: string
  readonly public_url?: string | null | undefined
  readonly parent: Parent
  readonly properties: PropertyValues
  readonly icon?: Common.Icon | null | undefined
  readonly cover?: Common.Cover | null | undefined
  readonly request_id?: string | undefined
}

/**
 * A full page: `properties` maps each property name to its value (`PropertyValue`, open on `type`). `in_trash`
 * (newer API versions) and `archived` (older ones) are both accepted, and so are `is_archived` and `is_locked`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Page: Schema.Schema<Page> = Schema.Struct({
  object: Schema.Literal("page"),
  id: Schema.String,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  created_by: PartialUser,
  last_edited_by: PartialUser,
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  is_archived: Schema.optional(Schema.Boolean),
  is_locked: Schema.optional(Schema.Boolean),
  url: Schema.String,
  public_url: Schema.optional(Schema.NullOr(Schema.String)),
  parent: Parent,
  properties: PropertyValues,
  icon: Schema.optional(Schema.NullOr(Common.Icon)),
  cover: Schema.optional(Schema.NullOr(Common.Cover)),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "Page" })

/**
 * A partial page.
 *
 * @since 0.1.0
 * @category models
 */
export interface PartialPage {
  readonly object: "page"
  readonly id: string
  readonly url?: undefined
  readonly request_id?: string | undefined
}

/**
 * A page the integration cannot read in full: `{ object: "page", id }`. A page with a `url` is never partial (so a
 * full page with a malformed field fails rather than passing as partial).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartialPage: Schema.Schema<PartialPage> = Schema.Struct({
  object: Schema.Literal("page"),
  id: Schema.String,
  url: Schema.optional(Schema.Never),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PartialPage" })

/**
 * A full or partial page.
 *
 * @since 0.1.0
 * @category models
 */
export type PageOrPartial = Page | PartialPage

/**
 * A full or partial page (what `pages.retrieve`, `create`, `update` and `move` answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageOrPartial: Schema.Schema<PageOrPartial> = Schema.Union(Page, PartialPage)

/**
 * Whether a page is a full one (it has a `url`), as the official SDK's `isFullPage`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isFullPage = (page: { readonly object: string; readonly id: string }): page is Page =>
  page.object === "page" && typeof (page as { readonly url?: unknown }).url === "string"

/**
 * A page as markdown.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageMarkdown {
  readonly object: "page_markdown"
  readonly id: string
  readonly markdown: string
  readonly truncated: boolean
  readonly unknown_block_ids: ReadonlyArray<string>
  readonly request_id?: string | undefined
}

/**
 * A page as markdown (`pages.retrieveMarkdown`, `pages.updateMarkdown`): `truncated` when the page was too big, and
 * the ids of blocks shown as `<unknown>` (fetch each by passing it as the page id).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageMarkdown: Schema.Schema<PageMarkdown> = Schema.Struct({
  object: Schema.Literal("page_markdown"),
  id: Schema.String,
  markdown: Schema.String,
  truncated: Schema.Boolean,
  unknown_block_ids: Schema.Array(Schema.String),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "PageMarkdown" })
