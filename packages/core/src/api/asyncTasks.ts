/**
 * `asyncTasks.*` endpoints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AsyncTask } from "../AsyncTask.js"
import { endpoint } from "../internal/lazy.js"
import { Id } from "./shared.js"

/** `GET /v1/async_tasks/{task_id}`: the state of an operation started with `allow_async`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "asyncTasks.retrieve",
  method: "GET",
  path: "/v1/async_tasks/{task_id}",
  params: () => Schema.Struct({ task_id: Id }),
  success: () => AsyncTask
})
