/**
 * The README's demo, the main job: starts the Notion emulator and the OAuth example server on free loopback
 * ports and walks the whole flow, printing each step in plain words (tokens redacted), then runs the
 * integration-token examples. Exits 0 when every step worked.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NotionConfig } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials } from "@notion-effect/oauth"
import { SqliteTokenStore, TokenCipher, TokenManager, TokenStore } from "@notion-effect/store"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Emulator from "./emulator.js"
import * as ErrorHandling from "./error-handling.js"
import * as IntegrationToken from "./integration-token.js"
import * as OAuthScript from "./oauth-script.js"
import * as OAuthServer from "./oauth-server.js"
import * as PerRequestAuth from "./per-request-auth.js"

const step = (title: string) => Console.log(`\n== ${title}`)

/** A browser's request: it sends back the cookie the server set (the OAuth state is bound to it). */
const get = (url: string, accept = "text/html", cookie = "") =>
  Effect.promise(async () => {
    const response = await fetch(url, { redirect: "manual", headers: { accept, cookie } })
    return {
      status: response.status,
      location: response.headers.get("location"),
      cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]!,
      text: await response.text()
    }
  })

const fail = (message: string) => Effect.die(new Error(message))

const program = Effect.gen(function*() {
  const emulator = yield* Emulator.make()
  yield* Console.log(`Notion emulator listening on ${emulator.url}`)
  // the server keeps grants in an SQLite file, encrypted under a key from config (here: a fresh one)
  const dir = yield* Effect.acquireRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "notion-demo-"))),
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )
  const keys = [{ id: "demo", secret: yield* TokenCipher.generateKey }]
  const storeLayer = SqliteTokenStore.layer({ filename: join(dir, "grants.sqlite") }).pipe(
    Layer.provide(TokenCipher.layer(keys))
  )
  const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator, storeLayer))
  yield* Console.log(
    `OAuth example server listening on ${server} (the authentication guide's Express example, on HttpRouter)`
  )

  yield* step("OAuth through the example server, as a browser would")
  const auth = yield* get(`${server}/auth`)
  if (auth.status !== 302 || auth.location === null) return yield* fail(`/auth answered ${auth.status}`)
  yield* Console.log(
    `GET /auth redirects to Notion's consent page with a signed state: ${new URL(auth.location).pathname}`
  )
  const callback = yield* emulator.consent(auth.location, "allow")
  yield* Console.log(`The user clicks Allow; Notion redirects to ${new URL(callback).pathname} with a code (not shown)`)
  const connected = yield* get(callback, "application/json", auth.cookie)
  if (connected.status !== 200) return yield* fail(`/callback answered ${connected.status}: ${connected.text}`)
  const result = JSON.parse(connected.text) as { workspace: string; users: Array<string> }
  yield* Console.log(
    `The server exchanged the code and listed users of "${result.workspace}": ${result.users.join(", ")}`
  )
  const again = yield* get(`${server}/auth`)
  const denied = yield* get(yield* emulator.consent(again.location!, "deny"), "text/html", again.cookie)
  if (!denied.text.includes("Authorization cancelled")) return yield* fail("the cancelled consent page is missing")
  yield* Console.log("A user who clicks Cancel lands on the server's \"Authorization cancelled\" page")
  const forged = yield* get(`${server}/callback?code=stolen&state=forged`)
  yield* Console.log(`A callback with a forged state is refused (${forged.status}, "Invalid state")`)
  const replayed = yield* get(callback, "text/html", auth.cookie)
  yield* Console.log(
    `The same callback again is refused (${replayed.status}, "Link already used"): Notion never sees the code twice`
  )
  const foreign = yield* get(callback)
  yield* Console.log(
    `Opened in another browser (no state cookie) it is refused too (${foreign.status}, "Not your sign-in")`
  )

  yield* step("The stored grant: encrypted in SQLite, refreshed transparently when Notion answers 401")
  // another part of the app (or another process) opens the same store: store → manager → client
  const app = yield* Layer.build(
    TokenManager.layer().pipe(
      Layer.provideMerge(storeLayer),
      Layer.provideMerge(NotionOAuth.layer()),
      Layer.provideMerge(
        Layer.mergeAll(
          NotionConfig.layer({ baseUrl: emulator.url }),
          OAuthCredentials.layer({
            clientId: emulator.oauthClient.clientId,
            clientSecret: emulator.oauthClient.clientSecret
          })
        )
      ),
      Layer.provideMerge(UndiciHttpClient.layer)
    )
  )
  const stored = yield* Effect.provide(Effect.flatMap(TokenStore.TokenStore, (store) => store.list), app)
  const key = stored[0]!.key
  yield* Console.log(
    `The server stored ${stored.length} grant (key ${key}, workspace "${stored[0]!.workspaceName}", ` +
      `tokens encrypted under key id "${stored[0]!.keyId._tag === "Some" ? stored[0]!.keyId.value : "?"}")`
  )
  // the access token "expires": Notion answers the next call with 401 unauthorized
  yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "Status", status: 401 } })
  const before = (yield* emulator.stats).refreshes
  const listed = yield* Effect.provide(
    Effect.flatMap(TokenManager.makeClient(key), (notion) => notion.users.list({})),
    app
  )
  const after = yield* Effect.provide(Effect.flatMap(TokenStore.TokenStore, (store) => store.load(key)), app)
  if ((yield* emulator.stats).refreshes !== before + 1 || after.rotation !== 1) {
    return yield* fail("the expired access token was not refreshed exactly once")
  }
  yield* Console.log(
    `Notion answered 401 to the stored access token; the token manager refreshed the grant once, stored the ` +
      `rotated pair (encrypted) and retried: ${listed.results.length} users listed, the caller saw no error`
  )

  yield* step("Scripted OAuth: the whole flow from a script")
  const scripted = yield* OAuthScript.program((url) => emulator.consent(url, "allow")).pipe(
    Effect.provide(OAuthScript.ServicesLayer),
    Effect.provide(OAuthScript.emulatorLayer(emulator))
  )
  if (scripted.afterRevoke._tag !== "Unauthorized") return yield* fail("the revoked token still works")

  const env = ConfigProvider.fromMap(
    new Map([
      ["NOTION_TOKEN", Redacted.value(emulator.internalToken)],
      ["NOTION_BASE_URL", emulator.url],
      ["NOTION_PAGE_ID", emulator.pages.roadmap]
    ])
  )
  const run = <A, E, R>(example: Effect.Effect<A, E, R>) => Effect.withConfigProvider(example, env)
  yield* step("Integration token from NOTION_TOKEN: pages.retrieve and users.list")
  yield* run(Effect.provide(IntegrationToken.program, IntegrationToken.MainLayer))
  yield* step("Per-request authentication: a client with no token, the token passed with each call")
  yield* run(Effect.provide(PerRequestAuth.program, PerRequestAuth.MainLayer))
  yield* step("Error handling by tag: a shared page, a page not shared, a bad token")
  yield* run(Effect.provide(ErrorHandling.program, ErrorHandling.MainLayer))

  const stats = yield* emulator.stats
  yield* Console.log(
    `\nThe emulator saw ${stats.log.length} requests: ${stats.tokenGrants} code exchanges, ${stats.refreshes} refreshes, ` +
      `${stats.revocations} revocation.\nDemo complete.`
  )
})

NodeRuntime.runMain(Effect.scoped(program), { disablePrettyLogger: true })
