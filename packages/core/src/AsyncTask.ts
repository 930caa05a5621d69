/**
 * Async tasks: with `allow_async: true`, a markdown page create or update may answer HTTP 202 with an
 * `async_task`; poll `asyncTasks.retrieve` until it has `succeeded` or `failed`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"
import { PageMarkdown } from "./Page.js"

/**
 * The fields every async task has: `status_url` (where to poll), `created_time`, and the `operation` (`surface`
 * `rest` or `mcp`, and its `name`).
 *
 * @since 0.1.0
 * @category models
 */
export interface AsyncTaskCommon {
  readonly object: "async_task"
  readonly id: string
  readonly status_url: string
  readonly created_time: string
  readonly operation: { readonly surface: string; readonly name: string }
  readonly request_id?: string | undefined
}

const common = {
  object: Schema.Literal("async_task"),
  id: Schema.String,
  /** Where to poll. */
  status_url: Schema.String,
  created_time: Schema.String,
  /** `surface` is `rest` or `mcp`; `name` the operation. */
  operation: Schema.Struct({ surface: Schema.String, name: Schema.String }),
  request_id: Schema.optional(Schema.String)
}

/**
 * The error of a failed task.
 *
 * @since 0.1.0
 * @category models
 */
export interface AsyncTaskError {
  readonly object?: "error" | undefined
  readonly status: number
  readonly code: string
  readonly message: string
  readonly additional_data?: JsonObject | undefined
}

/**
 * The error of a failed task: a Notion API error (`status`, `code`, `message`, `additional_data`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AsyncTaskError: Schema.Schema<AsyncTaskError> = Schema.Struct({
  object: Schema.optional(Schema.Literal("error")),
  status: Schema.Number,
  code: Schema.String,
  message: Schema.String,
  additional_data: Schema.optional(JsonObject)
})

/**
 * A task result of another kind: every field as sent (`object`, when present, is not `page_markdown`).
 *
 * @since 0.1.0
 * @category models
 */
export interface OtherAsyncTaskResult {
  readonly object?: string | undefined
  readonly [key: string]: unknown
}

/**
 * What a succeeded task produced.
 *
 * @since 0.1.0
 * @category models
 */
export type AsyncTaskResult = PageMarkdown | OtherAsyncTaskResult

/**
 * What a succeeded task produced: the page as markdown (`page_markdown`, for markdown page creates and updates),
 * or any other object, kept as sent. A `page_markdown` result with a malformed field fails.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AsyncTaskResult: Schema.Schema<AsyncTaskResult> = Schema.Union(
  PageMarkdown,
  Schema.Struct(
    { object: Schema.optional(OpenUnion.OtherTag(["page_markdown"], "AsyncTaskResultObject")) },
    JsonObject
  )
).annotations({ identifier: "AsyncTaskResult" })

/**
 * Whether a task result is the page as markdown.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPageMarkdownResult = (result: AsyncTaskResult): result is PageMarkdown =>
  result.object === "page_markdown"

const AsyncTaskUnion = OpenUnion.make({
  tag: "status",
  identifier: "AsyncTask",
  fields: common,
  members: [
    Schema.Struct({
      status: Schema.Literal("queued", "running", "retrying"),
      ...common,
      /** How long to wait before polling again. */
      poll_after_seconds: Schema.optional(Schema.Number)
    }),
    Schema.Struct({ status: Schema.Literal("succeeded"), ...common, result: Schema.optional(AsyncTaskResult) }),
    Schema.Struct({ status: Schema.Literal("failed"), ...common, error: AsyncTaskError })
  ]
})

/**
 * A task still under way.
 *
 * @since 0.1.0
 * @category models
 */
export interface PendingAsyncTask extends AsyncTaskCommon {
  readonly status: "queued" | "running" | "retrying"
  readonly poll_after_seconds?: number | undefined
}

/**
 * A task that succeeded, with the operation's `result`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SucceededAsyncTask extends AsyncTaskCommon {
  readonly status: "succeeded"
  readonly result?: AsyncTaskResult | undefined
}

/**
 * A task that failed, with its `error`.
 *
 * @since 0.1.0
 * @category models
 */
export interface FailedAsyncTask extends AsyncTaskCommon {
  readonly status: "failed"
  readonly error: AsyncTaskError
}

/**
 * A task in a status we know.
 *
 * @since 0.1.0
 * @category models
 */
export type AsyncTaskKnown = PendingAsyncTask | SucceededAsyncTask | FailedAsyncTask

/**
 * A task in a status we do not know: every field as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownAsyncTask extends AsyncTaskCommon {
  readonly status: string
  readonly [key: string]: unknown
}

/**
 * An async task.
 *
 * @since 0.1.0
 * @category models
 */
export type AsyncTask = AsyncTaskKnown | UnknownAsyncTask

/**
 * An async task, open on `status`: `queued`, `running`, `retrying` (with `poll_after_seconds`), `succeeded` (with
 * the operation's `result`), `failed` (with an `error`), or any other status (kept as sent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AsyncTask: Schema.Schema<AsyncTask> = AsyncTaskUnion.schema

/**
 * The task statuses we know.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AsyncTaskKnown: Schema.Schema<AsyncTaskKnown> = AsyncTaskUnion.known

/**
 * Whether a task is in a status we know (then `switch (task.status)` narrows).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownAsyncTask = (task: AsyncTask): task is AsyncTaskKnown => OpenUnion.isKnown(AsyncTaskUnion, task)

/**
 * Whether a task is done (`succeeded` or `failed`): stop polling.
 *
 * @since 0.1.0
 * @category guards
 */
export const isDone = (task: AsyncTask): boolean => task.status === "succeeded" || task.status === "failed"
