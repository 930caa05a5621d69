/**
 * The emulator's access state and its rules: who a token speaks for (tokens, OAuth codes and grants), rate limits,
 * and the request statistics. Content (pages, blocks, …) is in `content/`. Failures are a tagged value here.
 */
import type * as Fixture from "../Fixture.js"
import type { Stats } from "../NotionEmulator.js"
import type { PageRecord } from "./content/store.js"

/**
 * A Notion error the emulator answers with: a tagged value, told from results by its class (never by its fields,
 * since a property or a result may well be named `code` or `status`).
 */
export class Failure {
  readonly _tag = "Failure"
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly retryAfter?: number | string,
    readonly additionalData?: Record<string, unknown>
  ) {}
}

/** Whether a value is a failure rather than a result. */
export const isFailure = (u: unknown): u is Failure => u instanceof Failure

export const failure = (
  status: number,
  code: string,
  message: string,
  extra: { readonly retryAfter?: number | string; readonly additionalData?: Record<string, unknown> } = {}
): Failure => new Failure(status, code, message, extra.retryAfter, extra.additionalData)

export const validation = (message: string) => failure(400, "validation_error", message)

/** Notion's 404 for an object the caller cannot see (or that does not exist). */
export const notFound = (kind: string, id: string): Failure =>
  failure(
    404,
    "object_not_found",
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`
  )

/** Who a bearer token speaks for. */
export interface Principal {
  /** The rate-limit key: one per integration connection. */
  readonly connection: string
  readonly workspaceId: string
  readonly botId: string
  readonly botName: string
  readonly readUsers: boolean
  readonly canSee: (pageId: string) => boolean
  readonly owner: Record<string, unknown>
}

interface Grant {
  readonly id: string
  readonly integration: Fixture.PublicIntegration
  readonly workspaceId: string
  readonly userId: string
  readonly botId: string
  readonly issuedAt: number
  readonly externalAccount: unknown
  readonly accessTokens: Set<string>
  refreshToken: string
  revoked: boolean
}

interface AuthorizationCode {
  readonly integration: Fixture.PublicIntegration
  readonly redirectUri: string
  /** Whether `redirect_uri` was in the authorize URL (then the token request must repeat it). */
  readonly redirectUriGiven: boolean
  readonly expiresAt: number
  used: boolean
  grantId?: string
}

export interface RateLimit {
  readonly requests: number
  readonly windowMillis: number
}

export interface StoreOptions {
  readonly rateLimit: RateLimit
  readonly workspaceRateLimit: RateLimit | undefined
  readonly codeTtlMillis: number
}

const randomToken = (prefix: string) => {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** Users, tokens, grants, rate limits and stats, and Notion's rules over them. Every method is synchronous and atomic. */
export class Store {
  readonly users: Map<string, Fixture.User>
  private readonly tokens = new Map<string, Principal>()
  private readonly grants = new Map<string, Grant>()
  private readonly refreshTokens = new Map<string, string>()
  private readonly codes = new Map<string, AuthorizationCode>()
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly extraRedirectUris = new Map<string, Set<string>>()
  private counters = { tokenGrants: 0, refreshes: 0, refreshReuses: 0, revocations: 0, rateLimited: 0 }
  private requests: Record<string, number> = {}
  private log: Array<Stats["log"][number]> = []

  /** `pages`: the content store's pages, whose tree decides what a fixture page's sharing reaches. */
  constructor(
    readonly fixture: Fixture.Fixture,
    readonly options: StoreOptions,
    private readonly pages: ReadonlyMap<string, PageRecord>
  ) {
    this.users = new Map(fixture.users.map((u) => [u.id, u]))
    for (const integration of fixture.integrations) {
      if (integration.type !== "internal") continue
      const shared = new Set(integration.sharedPages)
      this.tokens.set(integration.token, {
        connection: integration.id,
        workspaceId: integration.workspaceId,
        botId: integration.botId,
        botName: integration.name,
        readUsers: integration.readUsers ?? true,
        canSee: (pageId) => this.ancestry(pageId).some((id) => shared.has(id)),
        owner: { type: "workspace", workspace: true }
      })
    }
  }

  /** The page and its ancestors, nearest first. */
  private ancestry(pageId: string): Array<string> {
    const chain: Array<string> = []
    for (
      let page = this.pages.get(pageId);
      page && !chain.includes(page.id);
      page = typeof page.parent.page_id === "string" ? this.pages.get(page.parent.page_id) : undefined
    ) {
      chain.push(page.id)
    }
    return chain
  }

  workspace(id: string) {
    return this.fixture.workspaces.find((w) => w.id === id)
  }

  principal(token: string): Principal | undefined {
    return this.tokens.get(token)
  }

  publicIntegration(clientId: string): Fixture.PublicIntegration | undefined {
    return this.fixture.integrations.find((i): i is Fixture.PublicIntegration =>
      i.type === "public" && i.clientId === clientId
    )
  }

  // --- rate limits ---------------------------------------------------------------------------------------------

  /** Spends one request of the connection's (and the workspace's) budget; the seconds to wait when spent. */
  consume(principal: Principal, now: number): Failure | undefined {
    const check = (key: string, limit: RateLimit, reason: string): Failure | undefined => {
      let window = this.windows.get(key)
      if (window === undefined || now >= window.start + limit.windowMillis) {
        window = { start: now, count: 0 }
        this.windows.set(key, window)
      }
      if (window.count >= limit.requests) {
        this.counters.rateLimited++
        return failure(429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", {
          retryAfter: Math.max(1, Math.ceil((window.start + limit.windowMillis - now) / 1000)),
          additionalData: { rate_limit_reason: reason }
        })
      }
      window.count++
      return undefined
    }
    const workspace = this.options.workspaceRateLimit
    return check(`connection:${principal.connection}`, this.options.rateLimit, "connection_rate_limit") ??
      (workspace ? check(`workspace:${principal.workspaceId}`, workspace, "workspace_rate_limit") : undefined)
  }

  // --- OAuth ---------------------------------------------------------------------------------------------------

  /** Registers one more redirect URI for a public integration (a test server on a random port). */
  registerRedirectUri(clientId: string, uri: string) {
    const set = this.extraRedirectUris.get(clientId) ?? new Set()
    this.extraRedirectUris.set(clientId, set.add(uri))
  }

  private redirectUris(integration: Fixture.PublicIntegration): ReadonlyArray<string> {
    return [...integration.redirectUris, ...(this.extraRedirectUris.get(integration.clientId) ?? [])]
  }

  /** Checks an authorize request; the redirect URI to use, or why it cannot go on. */
  checkAuthorize(params: URLSearchParams): { integration: Fixture.PublicIntegration; redirectUri: string } | string {
    const integration = this.publicIntegration(params.get("client_id") ?? "")
    if (!integration) return "Unknown client_id."
    const given = params.get("redirect_uri")
    const registered = this.redirectUris(integration)
    const redirectUri = given ?? (registered.length === 1 ? registered[0] : undefined)
    if (redirectUri === undefined) return "redirect_uri is required when several redirect URIs are registered."
    if (!registered.includes(redirectUri)) return "redirect_uri does not match a registered redirect URI."
    if (params.get("response_type") !== "code") return "response_type must be \"code\"."
    if (params.get("owner") !== "user") return "owner must be \"user\"."
    return { integration, redirectUri }
  }

  issueCode(
    integration: Fixture.PublicIntegration,
    redirectUri: string,
    redirectUriGiven: boolean,
    now: number
  ): string {
    const code = randomToken("code_")
    this.codes.set(code, {
      integration,
      redirectUri,
      redirectUriGiven,
      expiresAt: now + this.options.codeTtlMillis,
      used: false
    })
    return code
  }

  /** Basic auth: the integration whose id and secret match. */
  client(authorization: string | undefined): Fixture.PublicIntegration | undefined {
    const match = /^Basic\s+(\S+)$/i.exec(authorization ?? "")
    if (!match) return undefined
    let decoded: string
    try {
      decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)))
    } catch {
      return undefined
    }
    const colon = decoded.indexOf(":")
    const integration = this.publicIntegration(decoded.slice(0, colon))
    return colon > 0 && integration?.clientSecret === decoded.slice(colon + 1) ? integration : undefined
  }

  exchangeCode(
    integration: Fixture.PublicIntegration,
    body: { code: string; redirect_uri?: string; external_account?: unknown },
    now: number
  ): Record<string, unknown> | Failure {
    const code = this.codes.get(body.code)
    if (!code || code.integration.id !== integration.id) return failure(400, "invalid_grant", "Invalid code.")
    if (code.used) {
      // a replayed code revokes what it granted (RFC 6749 §4.1.2)
      if (code.grantId) this.revokeGrant(code.grantId)
      return failure(400, "invalid_grant", "Authorization code has already been used.")
    }
    if (now > code.expiresAt) return failure(400, "invalid_grant", "Authorization code has expired.")
    if (code.redirectUriGiven && body.redirect_uri === undefined) {
      return failure(400, "invalid_grant", "redirect_uri is required: it was in the authorization request.")
    }
    if (body.redirect_uri !== undefined && body.redirect_uri !== code.redirectUri) {
      return failure(400, "invalid_grant", "redirect_uri does not match the authorization request.")
    }
    code.used = true
    const user = this.users.get(this.fixture.consentingUserId)!
    const grant: Grant = {
      id: crypto.randomUUID(),
      integration,
      workspaceId: user.workspaceId,
      userId: user.id,
      botId: crypto.randomUUID(),
      issuedAt: Math.floor(now / 1000),
      externalAccount: body.external_account,
      accessTokens: new Set(),
      refreshToken: "",
      revoked: false
    }
    this.grants.set(grant.id, grant)
    code.grantId = grant.id
    this.counters.tokenGrants++
    return this.issueTokens(grant)
  }

  refresh(integration: Fixture.PublicIntegration, refreshToken: string): Record<string, unknown> | Failure {
    const grant = this.grants.get(this.refreshTokens.get(refreshToken) ?? "")
    if (!grant || grant.integration.id !== integration.id || grant.revoked) {
      return failure(400, "invalid_grant", "Invalid refresh token.")
    }
    if (grant.refreshToken !== refreshToken) {
      // reuse of a rotated refresh token: treat the grant as stolen
      this.counters.refreshReuses++
      this.revokeGrant(grant.id)
      return failure(400, "invalid_grant", "Refresh token has already been used; the grant was revoked.")
    }
    this.counters.refreshes++
    return this.issueTokens(grant)
  }

  private issueTokens(grant: Grant): Record<string, unknown> {
    const accessToken = randomToken("ntn_")
    const refreshToken = randomToken("nrt_")
    grant.accessTokens.add(accessToken)
    grant.refreshToken = refreshToken
    this.refreshTokens.set(refreshToken, grant.id)
    const workspace = this.workspace(grant.workspaceId)!
    const owner = { type: "user", user: this.userJson(this.users.get(grant.userId)!) }
    this.tokens.set(accessToken, {
      connection: grant.id,
      workspaceId: grant.workspaceId,
      botId: grant.botId,
      botName: grant.integration.name,
      readUsers: true,
      canSee: (pageId) => this.pages.get(pageId)?.workspaceId === grant.workspaceId,
      owner
    })
    return {
      access_token: accessToken,
      token_type: "bearer",
      refresh_token: refreshToken,
      bot_id: grant.botId,
      workspace_id: workspace.id,
      workspace_name: workspace.name,
      workspace_icon: workspace.icon,
      owner,
      duplicated_template_id: null
    }
  }

  private grantOf(token: string): Grant | undefined {
    const byRefresh = this.grants.get(this.refreshTokens.get(token) ?? "")
    return byRefresh ?? [...this.grants.values()].find((g) => g.accessTokens.has(token))
  }

  introspect(integration: Fixture.PublicIntegration, token: string): Record<string, unknown> {
    const grant = this.grantOf(token)
    const active = grant !== undefined && !grant.revoked && grant.integration.id === integration.id &&
      (grant.accessTokens.has(token) || grant.refreshToken === token)
    return active ? { active: true, scope: "read_content read_user", iat: grant.issuedAt } : { active: false }
  }

  revoke(integration: Fixture.PublicIntegration, token: string): Failure | undefined {
    const grant = this.grantOf(token)
    if (grant === undefined || grant.integration.id !== integration.id) {
      return failure(400, "invalid_grant", "The token is not a token of this client.")
    }
    if (!grant.revoked) this.counters.revocations++
    this.revokeGrant(grant.id)
    return undefined
  }

  /** Every OAuth access token issued so far stops working (401); refresh tokens still do. Gives how many. */
  expireAccessTokens(): number {
    let expired = 0
    for (const grant of this.grants.values()) {
      for (const token of grant.accessTokens) if (this.tokens.delete(token)) expired++
      grant.accessTokens.clear()
    }
    return expired
  }

  private revokeGrant(id: string) {
    const grant = this.grants.get(id)
    if (!grant) return
    grant.revoked = true
    for (const token of grant.accessTokens) this.tokens.delete(token)
  }

  // --- JSON shapes ---------------------------------------------------------------------------------------------

  userJson(user: Fixture.User): Record<string, unknown> {
    const common = { object: "user", id: user.id, name: user.name, avatar_url: null }
    if (user.type === "person") return { ...common, type: "person", person: { email: user.email } }
    const workspace = this.workspace(user.workspaceId)
    return {
      ...common,
      type: "bot",
      bot: { owner: { type: "workspace", workspace: true }, workspace_name: workspace?.name ?? null }
    }
  }

  botJson(principal: Principal): Record<string, unknown> {
    return {
      object: "user",
      id: principal.botId,
      name: principal.botName,
      avatar_url: null,
      type: "bot",
      bot: {
        owner: principal.owner,
        workspace_id: principal.workspaceId,
        workspace_name: this.workspace(principal.workspaceId)?.name ?? null
      }
    }
  }

  // --- stats ---------------------------------------------------------------------------------------------------

  /** Counts a request as it arrives (a stalled one counts too). */
  arrive(route: string) {
    this.requests[route] = (this.requests[route] ?? 0) + 1
  }

  /** Logs a request once its answer is chosen. */
  record(entry: Stats["log"][number]) {
    this.log.push(entry)
  }

  stats(): Stats {
    return { ...this.counters, requests: { ...this.requests }, log: [...this.log] }
  }

  resetStats() {
    this.counters = { tokenGrants: 0, refreshes: 0, refreshReuses: 0, revocations: 0, rateLimited: 0 }
    this.requests = {}
    this.log = []
  }
}
