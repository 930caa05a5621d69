/**
 * Scripted OAuth, for automation: the whole flow from a script — authorize URL, consent, exchange,
 * introspect, a call with the token, refresh, revoke, and proof that the revoked token now fails with
 * `Unauthorized`. Tokens are printed redacted.
 *
 * Against the emulator (consent is clicked for you): `tsx examples/oauth-script.ts --emulator`.
 * Against Notion: set `NOTION_OAUTH_CLIENT_ID`, `NOTION_OAUTH_CLIENT_SECRET`, `NOTION_OAUTH_REDIRECT_URI`;
 * the script prints the consent URL and asks for the URL you were redirected to.
 *
 * @since 0.1.0
 */
import { NotionAuth, NotionClient, NotionConfig } from "@notion-effect/core"
import { AuthorizationUrl, Callback, NotionOAuth, OAuthCredentials, OAuthState } from "@notion-effect/oauth"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Readline from "node:readline/promises"
import * as Emulator from "./emulator.js"
import { runMainIfEntry } from "./runMain.js"

/**
 * The flow, given a way to obtain consent (a URL in, the redirect URL out).
 *
 * @since 0.1.0
 */
export const program = <E, R>(consent: (authorizeUrl: string) => Effect.Effect<string, E, R>) =>
  Effect.gen(function*() {
    const oauth = yield* NotionOAuth.NotionOAuth
    const notion = yield* NotionClient.NotionClient

    const state = yield* OAuthState.generate
    const url = yield* AuthorizationUrl.make({ state })
    yield* Console.log(`1. Authorize URL: ${url.replace(/state=[^&]+/, "state=…")}`)

    const redirect = yield* consent(url)
    const { code } = yield* Callback.parse(redirect, (received) => OAuthState.verify(state, received))
    yield* Console.log(`2. Consent given; the callback carried code ${code} and the state we issued`)

    const grant = yield* oauth.token({ grant_type: "authorization_code", code })
    yield* Console.log(
      `3. Exchanged the code: access token ${grant.access_token} for workspace "${grant.workspace_name}"`
    )

    const introspection = yield* oauth.introspect({ token: grant.access_token })
    yield* Console.log(`4. Introspection: active=${introspection.active}`)

    const users = yield* notion.users.list({ auth: grant.access_token })
    yield* Console.log(`5. users.list with the new token: ${users.results.map((u) => u.name).join(", ")}`)

    const refreshed = yield* oauth.token({ grant_type: "refresh_token", refresh_token: grant.refresh_token! })
    yield* Console.log(`6. Refreshed: a new access token ${refreshed.access_token} and a rotated refresh token`)

    yield* oauth.revoke({ token: refreshed.access_token })
    yield* Console.log("7. Revoked the new access token")

    const after = yield* Effect.flip(notion.users.me({ auth: refreshed.access_token, retry: false }))
    yield* Console.log(`8. The revoked token now fails with ${after._tag}`)
    return { grant, introspection, users: users.results, refreshed, afterRevoke: after }
  })

/**
 * The OAuth programs and a token-less client, over Node's HTTP client.
 *
 * @since 0.1.0
 */
export const ServicesLayer = Layer.mergeAll(
  NotionOAuth.layer(),
  NotionClient.layer.pipe(Layer.provide(NotionAuth.none))
).pipe(
  Layer.provide(UndiciHttpClient.layer)
)

/**
 * Points the script at an emulator: its base URL and its OAuth client (and other client settings, such as the
 * Notion version).
 *
 * @since 0.1.0
 */
export const emulatorLayer = (
  emulator: Pick<Emulator.Emulator, "url" | "oauthClient">,
  options: NotionConfig.Options = {}
) =>
  Layer.mergeAll(
    NotionConfig.layer({ ...options, baseUrl: emulator.url }),
    OAuthCredentials.layer({
      clientId: emulator.oauthClient.clientId,
      clientSecret: emulator.oauthClient.clientSecret,
      redirectUri: emulator.oauthClient.redirectUri
    })
  )

const askForRedirect = (url: string) =>
  Effect.acquireUseRelease(
    Effect.sync(() => Readline.createInterface({ input: process.stdin, output: process.stdout })),
    (rl) =>
      Effect.promise(() => rl.question(`Open this URL, allow access, then paste the URL you land on:\n${url}\n> `)),
    (rl) => Effect.sync(() => rl.close())
  )

const againstEmulator = Effect.gen(function*() {
  const emulator = yield* Emulator.make()
  yield* Console.log(`Notion emulator at ${emulator.url}`)
  return yield* program((url) => emulator.consent(url, "allow")).pipe(
    Effect.provide(ServicesLayer),
    Effect.provide(emulatorLayer(emulator))
  )
}).pipe(Effect.scoped)

const againstNotion = program(askForRedirect).pipe(
  Effect.provide(ServicesLayer),
  Effect.provide(Layer.mergeAll(NotionConfig.layerConfig(), OAuthCredentials.layerConfig()))
)

runMainIfEntry(import.meta.url, process.argv.includes("--emulator") ? againstEmulator : againstNotion)
