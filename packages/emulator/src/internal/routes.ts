import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import { dataSourceJson, pageJson, titleOf } from "./content/render.js"
import type { ContentStore } from "./content/store.js"
import type { Faults } from "./faults.js"
import { applyFault } from "./faults.js"
import {
  type Api,
  api,
  type Context,
  filterProperties,
  type Handler,
  isFailure,
  notFound,
  type OAuth,
  paginate,
  paginateQuery,
  reply,
  type Route
} from "./handler.js"
import * as Blocks from "./resources/blocks.js"
import * as Comments from "./resources/comments.js"
import * as Databases from "./resources/databases.js"
import * as DataSources from "./resources/dataSources.js"
import * as FileUploads from "./resources/fileUploads.js"
import * as Markdown from "./resources/markdown.js"
import * as MeetingNotes from "./resources/meetingNotes.js"
import * as Misc from "./resources/misc.js"
import * as Pages from "./resources/pages.js"
import * as Views from "./resources/views.js"
import { escapeHtml, fail, page } from "./respond.js"
import { type Failure, failure, type Store, validation } from "./store.js"
import { betasOf, check, listedProperties, versionOf } from "./versions.js"

/** A request's version when it is one the emulator serves, else the oldest (answers outside the API). */
const versionOr = (header: string | undefined) => {
  const version = versionOf(header)
  return isFailure(version) ? "2025-09-03" : version
}

// --- API -------------------------------------------------------------------------------------------------------

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
      ? paginateQuery(ctx, workspaceUsers(ctx), "user")
      : usersRestricted
  )

const retrieveUser: Handler<Api> = (ctx) => {
  if (!ctx.principal.readUsers) return reply(ctx, usersRestricted)
  const user = workspaceUsers(ctx).find((u) => u.id === ctx.params.id)
  return reply(ctx, user ?? notFound("user", ctx.params.id!))
}

const me: Handler<Api> = (ctx) => reply(ctx, ctx.store.botJson(ctx.principal))

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
  const wantPages = filter === undefined || filter.value === "page"
  // a fixture page matches on its title, a created one on any property value
  const pages = wantPages
    ? [...ctx.content.pages.values()].filter((p) =>
      Pages.visible(ctx, p) && !p.in_trash &&
      (p.readOnly ? titleOf(p) : JSON.stringify(p.properties)).toLowerCase().includes(query)
    ).map((p) => pageJson(ctx.content, p))
    : []
  const sources = filter === undefined || filter.value !== "page"
    ? [...ctx.content.dataSources.values()].filter((d) =>
      d.workspaceId === ctx.principal.workspaceId && JSON.stringify(d.title).toLowerCase().includes(query)
    ).map((d) => dataSourceJson(d))
    : []
  const wanted = filterProperties(ctx)
  const listed = pages.map((p) => ({
    ...p,
    properties: listedProperties(ctx.version, p.properties as never, wanted)
  }))
  return reply(ctx, paginate([...listed, ...sources], "page_or_data_source", body.start_cursor, body.page_size))
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
    `<p>Signed in as <strong>${escapeHtml(user.name ?? user.email ?? user.id)}</strong>. Allow <strong>${
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

const own: ReadonlyArray<Route> = [
  { kind: "page", method: "GET", pattern: "/v1/oauth/authorize", handler: consentPage },
  { kind: "page", method: "POST", pattern: "/v1/oauth/authorize", handler: consentDecision },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/token", handler: token },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/introspect", handler: introspect },
  { kind: "oauth", method: "POST", pattern: "/v1/oauth/revoke", handler: revoke },
  api("GET", "/v1/users", listUsers),
  api("GET", "/v1/users/me", me),
  api("GET", "/v1/users/{id}", retrieveUser),
  api("POST", "/v1/search", search)
]

/** Every route: this module's and each resource module's. */
const routes: ReadonlyArray<Route> = [
  ...own,
  ...Pages.routes,
  ...Blocks.routes,
  ...DataSources.routes,
  ...Comments.routes,
  ...FileUploads.routes,
  ...Databases.routes,
  ...Views.routes,
  ...Markdown.routes,
  ...MeetingNotes.routes,
  ...Misc.routes
]

/** Reads a JSON body; `undefined` for an empty one. */
const readJson = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.flatMap(Effect.orElseSucceed(request.text, () => ""), (text) =>
    text.trim() === ""
      ? Effect.succeed(undefined)
      : Effect.try({ try: () => JSON.parse(text) as unknown, catch: () => "invalid_json" as const }))

const readBytes = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.map(request.arrayBuffer, (buffer) => new Uint8Array(buffer) as unknown)

const invalidJson = failure(400, "invalid_json", "Error parsing JSON body.")

const handleApi = (ctx: Context, route: Extract<Route, { kind: "api" }>) =>
  Effect.gen(function*() {
    const version = versionOf(ctx.request.headers["notion-version"])
    if (isFailure(version)) return fail(ctx.requestId, version)
    const previews = betasOf(ctx.request.headers["notion-beta"])
    if (isFailure(previews)) return fail(ctx.requestId, previews)
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? "")
    const principal = bearer ? ctx.store.principal(bearer[1]!) : undefined
    if (!principal) return fail(ctx.requestId, failure(401, "unauthorized", "API token is invalid."))
    const limited = ctx.store.consume(principal, ctx.now)
    if (limited) return fail(ctx.requestId, limited)
    const body = yield* Effect.either<unknown, unknown, never>(
      route.raw ? readBytes(ctx.request) : readJson(ctx.request)
    )
    if (body._tag === "Left") return fail(ctx.requestId, invalidJson)
    const refused = route.raw
      ? undefined
      : check(`${route.method} ${route.pattern}`, version, body.right, ctx.url, previews)
    if (refused !== undefined) return fail(ctx.requestId, refused)
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

/** One request on a route (`undefined`: no route matched): faults, Notion's checks, the handler, the record. */
const serve = (store: Store, content: ContentStore, faults: Faults, route: Route | undefined) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const url = new URL(request.url, "http://emulator.local")
    const requestId = crypto.randomUUID()
    const name = route === undefined ? "unknown" : `${route.method} ${route.pattern}`
    store.arrive(name)
    const params = route === undefined ? {} : yield* HttpRouter.params
    const ctx: Context = {
      store,
      content,
      request,
      url,
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ""])),
      requestId,
      now: yield* Clock.currentTimeMillis,
      version: versionOr(request.headers["notion-version"])
    }
    const fault = yield* faults.pick(name)
    const faulted = fault === undefined ? undefined : yield* applyFault(fault, request, requestId)
    const response = faulted ?? (yield* (
      route === undefined
        ? Effect.succeed(fail(requestId, failure(400, "invalid_request_url", "Invalid request URL.")))
        : route.kind === "api"
        ? handleApi(ctx, route)
        : route.kind === "oauth"
        ? handleOAuth(ctx, route)
        : route.handler(ctx)
    ))
    store.record({
      method: request.method,
      path: url.pathname,
      route: name,
      status: response.status,
      version: request.headers["notion-version"] ?? null
    })
    return response
  })

/** The emulator's HTTP app: an `HttpRouter` of every resource module's routes; anything else is an invalid URL. */
export const app = (store: Store, content: ContentStore, faults: Faults) => {
  const router = routes.reduce(
    (router, route) =>
      HttpRouter.route(route.method as "GET")(
        route.pattern.replace(/\{(\w+)\}/g, ":$1") as "/",
        serve(store, content, faults, route)
      )(router),
    HttpRouter.empty as HttpRouter.HttpRouter<never, never>
  )
  const unknown = serve(store, content, faults, undefined) as Effect.Effect<
    HttpServerResponse.HttpServerResponse,
    never,
    HttpServerRequest.HttpServerRequest
  >
  return router.pipe(Effect.catchTag("RouteNotFound", () => unknown))
}
