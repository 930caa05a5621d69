import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import { eventParent } from "./changes.js"
import type { ContentStore, Stamp } from "./content/store.js"
import { fail, ok } from "./respond.js"
import { type Failure, isFailure, notFound, type Principal, type Store, validation } from "./store.js"
import { shape, type Version } from "./versions.js"

/** What every handler gets. */
export interface Context {
  readonly store: Store
  readonly content: ContentStore
  readonly request: HttpServerRequest.HttpServerRequest
  readonly url: URL
  readonly params: Record<string, string>
  readonly requestId: string
  readonly now: number
  /** The request's `Notion-Version` (checked for API routes; `2025-09-03` elsewhere when missing). */
  readonly version: Version
}

/** An API handler's extra context: who is calling, and the parsed JSON body. */
export interface Api {
  readonly principal: Principal
  readonly body: unknown
}

/** An OAuth handler's extra context: the client that authenticated, and its body. */
export interface OAuth {
  readonly client: NonNullable<ReturnType<Store["client"]>>
  readonly body: Record<string, unknown>
}

/** A handler. */
export type Handler<Extra> = (ctx: Context & Extra) => Effect.Effect<HttpServerResponse.HttpServerResponse>

/** A route of a resource module; `pattern` names it in stats and fault rules (`GET /v1/pages/{id}`). */
export type Route =
  | { readonly kind: "page"; readonly method: string; readonly pattern: string; readonly handler: Handler<object> }
  | {
    readonly kind: "api"
    readonly method: string
    readonly pattern: string
    readonly handler: Handler<Api>
    /** The body as bytes (`multipart/form-data`), not JSON. */
    readonly raw?: boolean
  }
  | { readonly kind: "oauth"; readonly method: string; readonly pattern: string; readonly handler: Handler<OAuth> }

/** Declares an API route. */
export const api = (method: string, pattern: string, handler: Handler<Api>): Route => ({
  kind: "api",
  method,
  pattern,
  handler
})

export { isFailure }

/** Answers a result (shaped for the request's version) or a failure. */
export const reply = (ctx: Context, result: Record<string, unknown> | Failure, status = 200) =>
  Effect.succeed(
    isFailure(result)
      ? fail(ctx.requestId, result)
      : ok(ctx.requestId, shape(ctx.version, result) as Record<string, unknown>, status)
  )

/** The `filter_properties` query values (repeated keys). */
export const filterProperties = (ctx: Context): ReadonlyArray<string> =>
  ctx.url.searchParams.getAll("filter_properties")

/** The JSON body as an object, or a validation failure. */
export const bodyOf = (ctx: Context & Api): Record<string, unknown> | Failure =>
  ctx.body === undefined
    ? {}
    : typeof ctx.body === "object" && ctx.body !== null && !Array.isArray(ctx.body)
    ? ctx.body as Record<string, unknown>
    : validation("body should be an object.")

/** The stamp of a change the caller is making: now, by the caller's bot. */
export const stamp = (ctx: Context & Api): Stamp => ctx.content.stamp(ctx.now, ctx.principal.botId)

/** Reports a change the caller made: webhook subscriptions hear of it. */
export const changed = (
  ctx: Context & Api,
  type: string,
  entity: { readonly id: string; readonly type: string },
  data: Record<string, unknown>
) =>
  ctx.content.changes.emit({
    type,
    entity,
    data,
    timestamp: new Date(ctx.now).toISOString(),
    author: { id: ctx.principal.botId, type: "bot" }
  })

/** Reports a change to a page: its event's `data.parent` is the page's parent. */
export const pageChanged = (ctx: Context & Api, type: string, pageId: string, data: Record<string, unknown> = {}) => {
  const page = ctx.content.pages.get(pageId)
  const parent = page !== undefined
    ? eventParent(page.parent, ctx.principal.workspaceId)
    : { id: ctx.principal.workspaceId, type: "space" }
  changed(ctx, type, { id: pageId, type: "page" }, { parent, ...data })
}

export { notFound }

const pageSizeOf = (value: unknown): number | Failure => {
  if (value === undefined || value === null) return 100
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== "number" || !Number.isInteger(n)) return validation("page_size should be a number.")
  if (n < 1 || n > 100) return validation(`page_size should be ≤ 100 and ≥ 1, instead was \`${n}\`.`)
  return n
}

/** One page of `items` from `start_cursor` (an item id), as a Notion list of `type`. */
export const paginate = (
  items: ReadonlyArray<Record<string, unknown>>,
  type: string,
  startCursor: unknown,
  pageSize: unknown
): Record<string, unknown> | Failure => {
  const size = pageSizeOf(pageSize)
  if (isFailure(size)) return size
  if (startCursor !== undefined && startCursor !== null && typeof startCursor !== "string") {
    return validation("start_cursor should be a string.")
  }
  const start = startCursor ? items.findIndex((item) => item.id === startCursor) : 0
  if (start < 0) return validation("start_cursor should be a valid cursor.")
  const results = items.slice(start, start + size)
  const next = items[start + size]
  return {
    object: "list",
    results,
    next_cursor: next ? next.id : null,
    has_more: next !== undefined,
    type,
    [type]: {}
  }
}

/** Pagination from the query string (GET) . */
export const paginateQuery = (ctx: Context, items: ReadonlyArray<Record<string, unknown>>, type: string) =>
  paginate(
    items,
    type,
    ctx.url.searchParams.get("start_cursor") ?? undefined,
    ctx.url.searchParams.get("page_size") ?? undefined
  )
