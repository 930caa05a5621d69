/**
 * The authentication guide's "Complete OAuth Example" (Express) on `@effect/platform`'s `HttpRouter` + `NodeHttpServer`:
 *
 * - `GET /auth` sets an HttpOnly cookie with a random nonce and redirects to Notion's consent page with a fresh,
 *   signed, expiring state bound to that nonce (no session store);
 * - `GET /callback` verifies the state — signed by us, not expired, issued to this browser (the cookie), never used
 *   before — then exchanges the code, stores the grant (`@notion-effect/store`: an SQLite file, tokens encrypted at
 *   rest, keyed by `bot_id`), calls `users.list` through a client for the stored grant (refreshed transparently when
 *   Notion answers 401) and answers with a small page (or JSON for `Accept: application/json`); a cancelled
 *   consent, a bad, foreign or replayed state get clear pages of their own and touch no stored grant.
 *
 * Logs and spans never show tokens, codes or states (the `http.server` span is `OAuthHttp.tracer`'s, with the
 * query redacted). Run it against Notion with `NOTION_OAUTH_CLIENT_ID`,
 * `NOTION_OAUTH_CLIENT_SECRET`, `NOTION_OAUTH_REDIRECT_URI` (default `http://localhost:3000/callback`),
 * `NOTION_STORE_KEYS` (the grant store's encryption keys, e.g. `k1:<32 random bytes, base64>`), optionally
 * `NOTION_STORE_SQLITE_PATH` (default `.notion-effect/grants.sqlite`) and `OAUTH_STATE_KEY`; or against the emulator
 * (a temporary store under a random key) with `--emulator`:
 *
 *   tsx examples/oauth-server.ts --emulator
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { List, NotionConfig, User } from "@notion-effect/core"
import {
  AuthorizationUrl,
  Callback,
  ConsumedStates,
  NotionOAuth,
  OAuthCredentials,
  OAuthHttp,
  OAuthState
} from "@notion-effect/oauth"
import { SqliteTokenStore, TokenCipher, TokenManager, type TokenStore } from "@notion-effect/store"
import type { InvalidKey, StoreFailure } from "@notion-effect/store/StoreError"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { mkdtempSync, rmSync } from "node:fs"
import * as Http from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Emulator from "./emulator.js"
import * as Routes from "./routes.js"
import { runMainIfEntry } from "./runMain.js"

/**
 * A throwaway grant store for runs against the emulator: an SQLite file in a temporary directory (removed when the
 * server stops), encrypted under a random key.
 *
 * @since 0.1.0
 */
export const temporaryStore: Layer.Layer<TokenStore.TokenStore, StoreFailure | InvalidKey> = Layer.unwrapScoped(
  Effect.gen(function*() {
    const dir = yield* Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "notion-oauth-server-"))),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    )
    const secret = yield* TokenCipher.generateKey
    return SqliteTokenStore.layer({ filename: join(dir, "grants.sqlite") }).pipe(
      Layer.provide(TokenCipher.layer([{ id: "run", secret }]))
    )
  })
)

/**
 * The key that signs the state parameter.
 *
 * @since 0.1.0
 */
export class StateKey extends Context.Tag("examples/StateKey")<StateKey, Redacted.Redacted<string>>() {
  /** `OAUTH_STATE_KEY`, else a random key for this process. */
  static readonly layerConfig = Layer.effect(
    StateKey,
    Config.redacted("OAUTH_STATE_KEY").pipe(
      Config.withDefault(Redacted.make(Encoding.encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)))))
    )
  )
}

const { escapeHtml } = OAuthHttp

const STATE_TTL = "10 minutes"

/** Whether the server is reached over https (directly or behind a proxy): the cookie is then `__Host-`/`Secure`. */
const isSecure = (request: HttpServerRequest.HttpServerRequest) =>
  request.headers["x-forwarded-proto"] === "https" || request.url.startsWith("https:")

const page = (status: number, id: string, title: string, body: string) =>
  HttpServerResponse.html(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><main id="${id}"><h1>${
        escapeHtml(title)
      }</h1>${body}<p><a href="/auth">Connect again</a></p></main></body></html>`
  ).pipe(HttpServerResponse.setStatus(status))

const auth = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const nonce = yield* OAuthState.nonce
  const state = yield* OAuthState.signBound(yield* StateKey, nonce, STATE_TTL)
  const url = yield* AuthorizationUrl.make({ state })
  yield* Effect.logInfo("OAuth: sending the user to Notion's consent page")
  return OAuthHttp.setNonceCookie(
    HttpServerResponse.redirect(url, { status: 302 }),
    nonce,
    { secure: isSecure(request), ttl: STATE_TTL }
  )
}).pipe(
  Effect.catchTag(
    "MissingCredentials",
    (e) => Effect.succeed(page(500, "error", "Server misconfigured", `<p>${escapeHtml(e.message)}</p>`))
  )
)

const invalidState = Effect.succeed(page(400, "bad-state", "Invalid state", "<p>This link is not one we issued.</p>"))

const callback = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const key = yield* StateKey
  const consumed = yield* ConsumedStates.ConsumedStates
  const nonce = OAuthHttp.nonceCookie(request, isSecure(request))
  // the state is checked (signature, expiry, this browser) and spent before anything else: a replayed or
  // double-submitted callback stops here and never reaches the code exchange or the grant store
  const { code } = yield* Callback.parse(
    request.url,
    (state) => Effect.flatMap(OAuthState.verifyBound(key, state, nonce), consumed.consume)
  )
  // a code is single-use at Notion, which revokes what it granted when it comes back: never send one twice
  yield* consumed.consume(yield* OAuthState.codeUse(code))
  const oauth = yield* NotionOAuth.NotionOAuth
  const grant = yield* oauth.token({ grant_type: "authorization_code", code })
  // stored encrypted, keyed by bot_id; from now on a client for the grant refreshes it when Notion answers 401
  yield* (yield* TokenManager.TokenManager).save(grant)
  const notion = yield* TokenManager.makeClient(grant.bot_id)
  const users = yield* notion.users.list({})
  const workspace = grant.workspace_name ?? grant.workspace_id
  yield* Effect.logInfo(`OAuth: connected workspace "${workspace}" (${users.results.length} users)`)
  // a result of an object kind the SDK does not know is kept raw (`List.UnknownResult`): skip those
  const names = users.results.filter(List.isKnownResult(User.User)).map((u) => u.name ?? u.id)
  if ((request.headers.accept ?? "").includes("application/json")) {
    return HttpServerResponse.unsafeJson({ success: true, workspace, users: names })
  }
  return page(
    200,
    "connected",
    `Connected to ${workspace}`,
    `<p>Workspace: <strong id="workspace">${escapeHtml(workspace)}</strong></p>` +
      `<ul>${names.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
  )
}).pipe(
  Effect.catchTags({
    AccessDenied: () =>
      Effect.succeed(
        page(200, "denied", "Authorization cancelled", "<p>You declined to connect Notion. Nothing was stored.</p>")
      ),
    AuthorizationFailed: (e) =>
      Effect.succeed(page(400, "failed", "Authorization failed", `<p>${escapeHtml(e.error)}</p>`)),
    MissingCode: () =>
      Effect.succeed(page(400, "failed", "Authorization failed", "<p>The callback carried no code.</p>")),
    StateMissing: () => invalidState,
    StateForged: () => invalidState,
    StateNotBound: () =>
      Effect.succeed(
        page(
          400,
          "bad-state",
          "Not your sign-in",
          "<p>This link was started in another browser. Nothing was stored.</p>"
        )
      ),
    StateReplayed: () =>
      Effect.succeed(
        page(400, "replayed", "Link already used", "<p>This sign-in link was already used. Nothing was changed.</p>")
      ),
    StateExpired: () =>
      Effect.succeed(page(400, "bad-state", "Link expired", "<p>Start again: the link is valid 10 minutes.</p>"))
  }),
  Effect.catchAll((error) =>
    Effect.as(
      Effect.logWarning(`OAuth: the exchange failed with ${error._tag}`),
      page(502, "error", "OAuth failed", `<p>Notion answered: ${escapeHtml(error._tag)}</p>`)
    )
  )
)

/**
 * The server's routes (an HTTP app built in the scope: see `routes.ts`).
 *
 * @since 0.1.0
 */
export const router = Routes.get({ "/auth": auth, "/callback": callback })

/**
 * What the routes need: the OAuth programs, the token manager over the grant store (clients per grant), the state
 * key, and undici's HTTP client. `NotionConfig`, `OAuthCredentials` and the `TokenStore` come from the caller.
 *
 * @since 0.1.0
 */
export const ServicesLayer = Layer.mergeAll(
  TokenManager.layer().pipe(Layer.provideMerge(NotionOAuth.layer())),
  StateKey.layerConfig,
  ConsumedStates.layerMemory
).pipe(Layer.provideMerge(UndiciHttpClient.layer))

/**
 * Configuration of the server, built once its callback URL is known: `NotionConfig` (where Notion is),
 * `OAuthCredentials` (the client and its redirect URI) and the `TokenStore` (where grants are kept).
 *
 * @since 0.1.0
 */
export type Configure<E, R> = (
  callbackUrl: string
) => Effect.Effect<
  Layer.Layer<NotionConfig.NotionConfig | OAuthCredentials.OAuthCredentials | TokenStore.TokenStore, E>,
  E,
  R
>

/**
 * Starts the server on 127.0.0.1 (port 0: a free one); it stops with the scope. Returns its base URL.
 *
 * @since 0.1.0
 */
export const start = <E, R>(port: number, configure: Configure<E, R>) =>
  Effect.gen(function*() {
    const server = yield* NodeHttpServer.make(() => Http.createServer(), { port, host: "127.0.0.1" })
    // a TCP address has a port (Effect 3's TcpAddress, Effect 4's InetAddressV4/V6), a Unix socket's has none
    const address = server.address
    const url = `http://127.0.0.1:${"port" in address ? address.port : port}`
    const config = yield* configure(`${url}/callback`)
    const context = yield* Layer.build(Layer.provideMerge(ServicesLayer, config))
    const notFound = HttpServerResponse.text("Not found", { status: 404 })
    const app = yield* router
    // the platform's own http.server span would record the full URL, code and state included: ours redacts it
    yield* server.serve(
      OAuthHttp.tracer(app.pipe(Effect.catchAllCause(() => Effect.succeed(notFound)), Effect.provide(context)))
    ).pipe(Effect.locally(HttpMiddleware.currentTracerDisabledWhen, () => true))
    return url
  })

/**
 * Points the server at an emulator, whose OAuth client then accepts the server's callback URL; grants go to
 * `store` (default {@link temporaryStore}).
 *
 * @since 0.1.0
 */
export const emulatorConfig = (
  emulator: Pick<Emulator.Emulator, "url" | "oauthClient" | "registerRedirectUri">,
  store: Layer.Layer<TokenStore.TokenStore, StoreFailure | InvalidKey> = temporaryStore
): Configure<StoreFailure | InvalidKey | Emulator.CallError, never> =>
(callbackUrl) =>
  Effect.as(
    emulator.registerRedirectUri(callbackUrl),
    Layer.mergeAll(
      NotionConfig.layer({ baseUrl: emulator.url }),
      OAuthCredentials.layer({
        clientId: emulator.oauthClient.clientId,
        clientSecret: emulator.oauthClient.clientSecret,
        redirectUri: callbackUrl
      }),
      store
    )
  )

/**
 * Configuration from the environment (`NOTION_OAUTH_*`, `NOTION_BASE_URL`, the SQLite store's `NOTION_STORE_*`);
 * the redirect URI defaults to the server's callback URL.
 *
 * @since 0.1.0
 */
export const envConfig: Configure<ConfigError.ConfigError | StoreFailure | InvalidKey, never> = (callbackUrl) =>
  Effect.gen(function*() {
    const clientId = yield* Config.string("NOTION_OAUTH_CLIENT_ID")
    const clientSecret = yield* Config.redacted("NOTION_OAUTH_CLIENT_SECRET")
    const redirectUri = yield* Config.string("NOTION_OAUTH_REDIRECT_URI").pipe(Config.withDefault(callbackUrl))
    return Layer.mergeAll(
      NotionConfig.layerConfig(),
      OAuthCredentials.layer({ clientId, clientSecret, redirectUri }),
      SqliteTokenStore.layerConfig()
    )
  })

const main = Effect.gen(function*() {
  const port = yield* Config.integer("PORT").pipe(Config.withDefault(3000))
  const emulator = process.argv.includes("--emulator") ? yield* Emulator.make() : undefined
  if (emulator) yield* Effect.logInfo(`Notion emulator at ${emulator.url}`)
  const configure: Configure<Emulator.CallError | ConfigError.ConfigError | StoreFailure | InvalidKey, never> = emulator
    ? emulatorConfig(emulator)
    : envConfig
  const url = yield* start(port, configure)
  yield* Effect.logInfo(`Server running: open ${url}/auth`)
  return yield* Effect.never
})

runMainIfEntry(import.meta.url, Effect.scoped(main))
