/**
 * `pages.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as Endpoint from "../Endpoint.js"
import { Page } from "../Page.js"

/** `GET /v1/pages/{page_id}`; `filter_properties` (property ids) limits the properties returned. @since 0.1.0 @category endpoints */
export const retrieve = Endpoint.make({
  name: "pages.retrieve",
  method: "GET",
  path: "/v1/pages/{page_id}",
  query: ["filter_properties"],
  params: Schema.Struct({
    page_id: Schema.String,
    filter_properties: Schema.optional(Schema.Array(Schema.String))
  }),
  success: Page
})
