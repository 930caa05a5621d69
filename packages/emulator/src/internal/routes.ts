import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type { Faults } from "./faults.js"
import { applyFault } from "./faults.js"
import { escapeHtml, fail, ok, page } from "./respond.js"
import { type Failure, failure, type Principal, type Store, validation } from "./store.js"

interface Context {
  readonly store: Store
  readonly request: HttpServerRequest.HttpServerRequest
  readonly url: URL
  readonly params: Record<string, string>
  readonly requestId: string
  readonly now: number
}

type Handler<Extra> = (ctx: Context & Extra) => Effect.Effect<HttpServerResponse.HttpServerResponse>

type Route =
  | { readonly kind: "page"; readonly method: string; readonly pattern: string; readonly handler: Handler<object> }
  | { readonly kind: "api"; readonly method: string; readonly pattern: string; readonly handler: Handler<Api> }
  | { readonly kind: "oauth"; readonly method: string; readonly pattern: string; readonly handler: Handler<OAuth> }

interface Api {
  readonly principal: Principal
  readonly body: unknown
}

interface OAuth {
  readonly client: NonNullable<ReturnType<Store["client"]>>
  readonly body: Record<string, unknown>
}

const isFailure = (u: unknown): u is Failure =>
  typeof u === "object" && u !== null && "code" in u && "status" in u && "message" in u && !("object" in u)

const reply = (ctx: Context, result: Record<string, unknown> | Failure) =>
  Effect.succeed(isFailure(result) ? fail(ctx.requestId, result) : ok(ctx.requestId, result))

// --- pagination ------------------------------------------------------------------------------------------------

const pageSizeOf = (value: unknown): number | Failure => {
  if (value === undefined || value === null) return 100
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== "number" || !Number.isInteger(n)) return validation("page_size should be a number.")
  if (n < 1 || n > 100) return validation(`page_size should be ≤ 100 and ≥ 1, instead was \`${n}\`.`)
  return n
}

const paginate = (
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

// --- API -------------------------------------------------------------------------------------------------------

const notFound = (kind: string, id: string) =>
  failure(
    404,
    "object_not_found",
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`
  )

const usersRestricted = failure(403, "restricted_resource", "Insufficient permissions for this endpoint.")

const workspaceUsers = (ctx: Context & Api) => {
  const users = [...ctx.store.users.values()].filter((u) => u.workspaceId === ctx.principal.workspaceId)
  const listed = users.map((u) => ctx.store.userJson(u))
  return listed.some((u) => u.id === ctx.principal.botId) ? listed : [...listed, ctx.store.botJson(ctx.principal)]
}

const listUsers: Handler<Api> = (ctx) =>
  reply(
    ctx,
    ctx.principal.readUsers
      ? paginate(
        workspaceUsers(ctx),
        "user",
        ctx.url.searchParams.get("start_cursor") ?? undefined,
        ctx.url.searchParams.get("page_size") ?? undefined
      )
      : usersRestricted
  )

const retrieveUser: Handler<Api> = (ctx) => {
  if (!ctx.principal.readUsers) return reply(ctx, usersRestricted)
  const user = workspaceUsers(ctx).find((u) => u.id === ctx.params.id)
  return reply(ctx, user ?? notFound("user", ctx.params.id!))
}

const me: Handler<Api> = (ctx) => reply(ctx, ctx.store.botJson(ctx.principal))

const retrievePage: Handler<Api> = (ctx) => {
  const found = ctx.store.pages.get(ctx.params.id!)
  return reply(
    ctx,
    found && ctx.principal.canSee(found.id) ? ctx.store.pageJson(found) : notFound("page", ctx.params.id!)
  )
}

const search: Handler<Api> = (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>
  if (typeof body !== "object" || Array.isArray(body)) return reply(ctx, validation("body should be an object."))
  if (body.query !== undefined && typeof body.query !== "string") {
    return reply(ctx, validation("body.query should be a string."))
  }
  const filter = body.filter as Record<string, unknown> | undefined
  if (
    filter !== undefined &&
    (typeof filter !== "object" || filter === null || filter.property !== "object" ||
      !["page", "data_source", "database"].includes(filter.value as string))
  ) return reply(ctx, validation("body.filter should be { property: \"object\", value: \"page\" | \"data_source\" }."))
  const query = ((body.query as string | undefined) ?? "").toLowerCase()
  const pages = filter !== undefined && filter.value !== "page" ?
    [] :
    [...ctx.store.pages.values()].filter((p) => ctx.principal.canSee(p.id) && p.title.toLowerCase().includes(query))
  return reply(
    ctx,
    paginate(pages.map((p) => ctx.store.pageJson(p)), "page_or_data_source", body.start_cursor, body.page_size)
  )
}

const blockChildren: Handler<Api> = (ctx) => {
  const id = ctx.params.id!
  const block = ctx.store.blocks.get(id)
  const page = ctx.store.pages.get(id)
  const pageId = page?.id ?? block?.pageId
  if (pageId === undefined || !ctx.principal.canSee(pageId)) return reply(ctx, notFound("block", id))
  const children = (page?.children ?? block?.block.children ?? []).map((child) => ctx.store.blockJson(child.id))
  return reply(
    ctx,
    paginate(
      children,
      "block",
      ctx.url.searchParams.get("start_cursor") ?? undefined,
      ctx.url.searchParams.get("page_size") ?? undefined
    )
  )
}

// --- OAuth -----------------------------------------------------------------------------------------------------

const invalidRequest = (message: string) => failure(400, "invalid_request", message)

const stringField = (body: Record<string, unknown>, name: string, required: boolean): string | undefined | Failure => {
  const value = body[name]
  if (value === undefined && !required) return undefined
  return typeof value === "string" && value !== ""
    ? value
    : invalidRequest(`body.${name} should be a non-empty string.`)
}

const token: Handler<OAuth> = (ctx) => {
  const grantType = stringField(ctx.body, "grant_type", true)
  if (isFailure(grantType)) return reply(ctx, grantType)
  if (grantType === "authorization_code") {
    const code = stringField(ctx.body, "code", true)
    const redirectUri = stringField(ctx.body, "redirect_uri", false)
    const external = ctx.body.external_account as Record<string, unknown> | undefined
    if (isFailure(code)) return reply(ctx, code)
    if (isFailure(redirectUri)) return reply(ctx, redirectUri)
    if (external !== undefined && (typeof external?.key !== "string" || typeof external?.name !== "string")) {
      return reply(ctx, invalidRequest("body.external_account should be { key: string, name: string }."))
    }
    return reply(
      ctx,
      ctx.store.exchangeCode(ctx.client, {
        code: code!,
        ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
        external_account: external
      }, ctx.now)
    )
  }
  if (grantType === "refresh_token") {
    const refreshToken = stringField(ctx.body, "refresh_token", true)
    return reply(ctx, isFailure(refreshToken) ? refreshToken : ctx.store.refresh(ctx.client, refreshToken!))
  }
  return reply(ctx, failure(400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}.`))
}

const introspect: Handler<OAuth> = (ctx) => {
  const value = stringField(ctx.body, "token", true)
  return reply(ctx, isFailure(value) ? value : ctx.store.introspect(ctx.client, value!))
}

const revoke: Handler<OAuth> = (ctx) => {
  const value = stringField(ctx.body, "token", true)
  return reply(ctx, isFailure(value) ? value : ctx.store.revoke(ctx.client, value!) ?? {})
}

// --- consent ---------------------------------------------------------------------------------------------------

const consentPage: Handler<object> = (ctx) => {
  const checked = ctx.store.checkAuthorize(ctx.url.searchParams)
  if (typeof checked === "string") {
    return Effect.succeed(page(400, "Invalid authorization request", `<p>${escapeHtml(checked)}</p>`))
  }
  const user = ctx.store.users.get(ctx.store.fixture.consentingUserId)!
  const workspace = ctx.store.workspace(user.workspaceId)!
  const hidden = [...ctx.url.searchParams].map(([name, value]) =>
    `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
  ).join("")
  return Effect.succeed(page(
    200,
    `${checked.integration.name} wants to access ${workspace.name}`,
    `<p>Signed in as <strong>${escapeHtml(user.name)}</strong>. Allow <strong>${
      escapeHtml(checked.integration.name)
    }</strong> ` +
      `to read content and users of <strong id="workspace">${escapeHtml(workspace.name)}</strong>?</p>` +
      `<form method="post" action="/v1/oauth/authorize">${hidden}` +
      `<button type="submit" name="decision" value="allow" id="allow">Allow access</button>` +
      `<button type="submit" name="decision" value="deny" id="cancel">Cancel</button></form>`
  ))
}

const consentDecision: Handler<object> = (ctx) =>
  Effect.gen(function*() {
    const form = new URLSearchParams(yield* Effect.orElseSucceed(ctx.request.text, () => ""))
    const checked = ctx.store.checkAuthorize(form)
    if (typeof checked === "string") return page(400, "Invalid authorization request", `<p>${escapeHtml(checked)}</p>`)
    const target = new URL(checked.redirectUri)
    if (form.get("decision") === "allow") {
      target.searchParams.set(
        "code",
        ctx.store.issueCode(checked.integration, checked.redirectUri, form.has("redirect_uri"), ctx.now)
      )
    } else {
      target.searchParams.set("error", "access_denied")
    }
    const state = form.get("state")
    if (state !== null) target.searchParams.set("state", state)
    return HttpServerResponse.redirect(target.toString(), { status: 302 })
  })

// --- dispatch --------------------------------------------------------------------------------------------------

const routes: ReadonlyArray<Route> = [
  { kind: "page", method: "GET", pattern: "/v1/oauth/authorize", handler: consentPage },
  { kind: "page", method: "POST", pattern: "/v1/oauth/authorize", handler: consentDecision },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/token", handler: token },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/introspect", handler: introspect },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/revoke", handler: revoke },
  { kind: "api", method: "GET", pattern: "/v1/users", handler: listUsers },
  { kind: "api", method: "GET", pattern: "/v1/users/me", handler: me },
  { kind: "api", method: "GET", pattern: "/v1/users/{id}", handler: retrieveUser },
  { kind: "api", method: "GET", pattern: "/v1/pages/{id}", handler: retrievePage },
  { kind: "api", method: "POST", pattern: "/v1/search", handler: search },
  { kind: "api", method: "GET", pattern: "/v1/blocks/{id}/children", handler: blockChildren }
]

const compiled = routes.map((route) => ({
  route,
  name: `${route.method} ${route.pattern}`,
  regex: new RegExp(`^${route.pattern.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}/?$`)
}))

const match = (method: string, pathname: string) => {
  for (const entry of compiled) {
    if (entry.route.method !== method) continue
    const found = entry.regex.exec(pathname)
    if (found) {
      const params = Object.fromEntries(Object.entries(found.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]))
      return { ...entry, params }
    }
  }
  return undefined
}

/** Reads a JSON body; `undefined` for an empty one. */
const readJson = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.flatMap(Effect.orElseSucceed(request.text, () => ""), (text) =>
    text.trim() === ""
      ? Effect.succeed(undefined)
      : Effect.try({ try: () => JSON.parse(text) as unknown, catch: () => "invalid_json" as const }))

const invalidJson = failure(400, "invalid_json", "Error parsing JSON body.")

const handleApi = (ctx: Context, route: Extract<Route, { kind: "api" }>) =>
  Effect.gen(function*() {
    if (ctx.request.headers["notion-version"] === undefined) {
      return fail(
        ctx.requestId,
        failure(
          400,
          "missing_version",
          "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`."
        )
      )
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? "")
    const principal = bearer ? ctx.store.principal(bearer[1]!) : undefined
    if (!principal) return fail(ctx.requestId, failure(401, "unauthorized", "API token is invalid."))
    const limited = ctx.store.consume(principal, ctx.now)
    if (limited) return fail(ctx.requestId, limited)
    const body = yield* Effect.either(readJson(ctx.request))
    if (body._tag === "Left") return fail(ctx.requestId, invalidJson)
    return yield* route.handler({ ...ctx, principal, body: body.right })
  })

const handleOAuth = (ctx: Context, route: Extract<Route, { kind: "oauth" }>) =>
  Effect.gen(function*() {
    const client = ctx.store.client(ctx.request.headers.authorization)
    if (!client) {
      return fail(
        ctx.requestId,
        failure(401, "invalid_client", "Client authentication failed: invalid client_id or client_secret.")
      )
    }
    const body = yield* Effect.either(readJson(ctx.request))
    if (body._tag === "Left") return fail(ctx.requestId, invalidJson)
    if (typeof body.right !== "object" || body.right === null || Array.isArray(body.right)) {
      return fail(ctx.requestId, invalidRequest("The request body should be a JSON object."))
    }
    return yield* route.handler({ ...ctx, client, body: body.right as Record<string, unknown> })
  })

/** The emulator's HTTP app: faults, Notion's checks, routing, and a record of every request. */
export const app = (store: Store, faults: Faults) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const url = new URL(request.url, "http://emulator.local")
    const requestId = crypto.randomUUID()
    const found = match(request.method, url.pathname)
    const route = found?.name ?? "unknown"
    store.arrive(route)
    const ctx: Context = {
      store,
      request,
      url,
      params: found?.params ?? {},
      requestId,
      now: yield* Clock.currentTimeMillis
    }
    const fault = yield* faults.pick(route)
    const faulted = fault === undefined ? undefined : yield* applyFault(fault, request, requestId)
    const response = faulted ?? (yield* (
      found === undefined
        ? Effect.succeed(fail(requestId, failure(400, "invalid_request_url", "Invalid request URL.")))
        : found.route.kind === "api"
        ? handleApi(ctx, found.route)
        : found.route.kind === "oauth"
        ? handleOAuth(ctx, found.route)
        : found.route.handler(ctx)
    ))
    store.record({ method: request.method, path: url.pathname, route, status: response.status })
    return response
  })
