/**
 * `search`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { PageOrDataSource } from "../DataSource.js"
import { endpoint } from "../internal/lazy.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"

/**
 * A search result: a page or a data source, full or partial.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchResult = PageOrDataSource

/** `POST /v1/search`: one page of the pages and data sources shared with the integration. @since 0.1.0 @category endpoints */
export const search = endpoint({
  name: "search",
  method: "POST",
  path: "/v1/search",
  body: ["query", "filter", "sort", "start_cursor", "page_size"],
  params: () =>
    Schema.Struct({
      query: Schema.optional(Schema.String),
      filter: Schema.optional(Schema.Union(
        Schema.Struct({
          property: Schema.Literal("object"),
          value: Schema.Literal("page", "data_source", "database")
        }),
        Schema.Struct({ in_trash: Schema.Boolean })
      )),
      sort: Schema.optional(Schema.Union(
        Schema.Struct({
          timestamp: Schema.Literal("last_edited_time"),
          direction: Schema.Literal("ascending", "descending")
        }),
        Schema.Struct({ property: Schema.Literal("relevance") })
      )),
      ...PaginationParams.fields
    }),
  success: () => List(SearchResult, "page_or_data_source")
})
