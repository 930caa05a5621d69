/**
 * `users.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { endpoint } from "../internal/lazy.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"
import { User } from "../User.js"

/** `GET /v1/users`: one page of the workspace's users. @since 0.1.0 @category endpoints */
export const list = endpoint({
  name: "users.list",
  method: "GET",
  path: "/v1/users",
  query: ["start_cursor", "page_size"],
  params: () => PaginationParams,
  success: () => List(User, "user")
})

/** `GET /v1/users/{user_id}`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "users.retrieve",
  method: "GET",
  path: "/v1/users/{user_id}",
  params: () => Schema.Struct({ user_id: Schema.String }),
  success: () => User
})

/** `GET /v1/users/me`: the bot user of the token. @since 0.1.0 @category endpoints */
export const me = endpoint({
  name: "users.me",
  method: "GET",
  path: "/v1/users/me",
  params: () => Schema.Struct({}),
  success: () => User
})
