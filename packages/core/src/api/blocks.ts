/**
 * `blocks.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Block } from "../Block.js"
import * as Endpoint from "../Endpoint.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"

/** `GET /v1/blocks/{block_id}/children`: one page of child blocks. @since 0.1.0 @category endpoints */
export const childrenList = Endpoint.make({
  name: "blocks.children.list",
  method: "GET",
  path: "/v1/blocks/{block_id}/children",
  query: ["start_cursor", "page_size"],
  params: Schema.Struct({ block_id: Schema.String, ...PaginationParams.fields }),
  success: List(Block)
})
