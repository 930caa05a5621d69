/**
 * The README's demo, the main job: starts the Notion emulator and the OAuth example server on free loopback
 * ports and walks the whole flow, printing each step in plain words (tokens redacted), then runs the
 * integration-token examples. Exits 0 when every step worked.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { NotionEmulator } from "@notion-effect/emulator"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
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
  const emulator = yield* NotionEmulator.make()
  yield* Console.log(`Notion emulator listening on ${emulator.url}`)
  const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator))
  yield* Console.log(`OAuth example server listening on ${server} (the brief's Express example, on HttpRouter)`)

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
      ["NOTION_PAGE_ID", emulator.fixture.pages[0]!.id]
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
    `\nThe emulator saw ${stats.log.length} requests: ${stats.tokenGrants} code exchanges, ${stats.refreshes} refresh, ` +
      `${stats.revocations} revocation.\nDemo complete.`
  )
})

NodeRuntime.runMain(Effect.scoped(program), { disablePrettyLogger: true })
