// The OAuth examples, run against the emulator through real sockets.
import { assert, describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import { NotionOAuth } from "@notion-effect/oauth"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import * as OAuthScript from "../oauth-script.js"
import * as OAuthServer from "../oauth-server.js"
import * as TokenManagement from "../token-management.js"

const get = (url: string, headers: Record<string, string> = {}) =>
  Effect.promise(async () => {
    const response = await fetch(url, { redirect: "manual", headers })
    return { status: response.status, location: response.headers.get("location"), text: await response.text() }
  })

/** An emulator and the example server pointed at it, with every log line captured. */
const setup = Effect.gen(function*() {
  const emulator = yield* NotionEmulator.make()
  const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator))
  return { emulator, server }
})

const captureLogs = () => {
  const lines: Array<string> = []
  const layer = Logger.replace(Logger.defaultLogger, Logger.make((o) => void lines.push(Logger.logfmtLogger.log(o))))
  return { lines, layer }
}

describe("oauth-server example", () => {
  it.scoped("/auth → consent (Allow) → /callback: the grant is exchanged and users listed; logs hold no secrets", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const { emulator, server } = yield* setup
      const auth = yield* get(`${server}/auth`)
      assert.strictEqual(auth.status, 302)
      const authorize = new URL(auth.location!)
      assert.strictEqual(authorize.origin, emulator.url)
      assert.strictEqual(authorize.searchParams.get("redirect_uri"), `${server}/callback`)
      assert.isAtLeast(authorize.searchParams.get("state")!.length, 40)
      const callback = yield* emulator.consent(auth.location!, "allow")
      const code = new URL(callback).searchParams.get("code")!
      const json = yield* get(callback, { accept: "application/json" })
      assert.strictEqual(json.status, 200)
      const body = JSON.parse(json.text)
      assert.deepStrictEqual(body.success, true)
      assert.strictEqual(body.workspace, "Acme")
      assert.include(body.users, "Ada Lovelace")
      const stats = yield* emulator.stats
      assert.strictEqual(stats.tokenGrants, 1)
      assert.strictEqual(stats.requests["GET /v1/users"], 1)
      // the code is single use: replaying the callback fails cleanly
      const replay = yield* get(callback)
      assert.strictEqual(replay.status, 502)
      assert.include(replay.text, "InvalidGrant")
      const everything = logs.lines.join("\n")
      assert.include(everything, "connected workspace")
      assert.notInclude(everything, code)
      assert.notMatch(everything, /ntn_|nrt_/)
      assert.notInclude(everything, Redacted.value(emulator.oauthClient.clientSecret))
    }).pipe(Effect.provide(logs.layer))
  })

  it.scoped("a cancelled consent and a bad state get their own pages", () =>
    Effect.gen(function*() {
      const { emulator, server } = yield* setup
      const auth = yield* get(`${server}/auth`)
      const denied = yield* get(yield* emulator.consent(auth.location!, "deny"))
      assert.strictEqual(denied.status, 200)
      assert.include(denied.text, "Authorization cancelled")
      const forged = yield* get(`${server}/callback?code=abc&state=forged`)
      assert.strictEqual(forged.status, 400)
      assert.include(forged.text, "Invalid state")
      const missing = yield* get(`${server}/callback?code=abc`)
      assert.strictEqual(missing.status, 400)
      assert.strictEqual((yield* emulator.stats).tokenGrants, 0)
    }))
})

describe("oauth-script example", () => {
  it.scoped("walks the whole flow and proves the revoked token fails with Unauthorized", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const result = yield* OAuthScript.program((url) => emulator.consent(url, "allow")).pipe(
        Effect.provide(OAuthScript.ServicesLayer),
        Effect.provide(OAuthScript.emulatorLayer(emulator))
      )
      assert.strictEqual(result.grant.workspace_name, "Acme")
      assert.isTrue(result.introspection.active)
      assert.notStrictEqual(Redacted.value(result.refreshed.access_token), Redacted.value(result.grant.access_token))
      assert.strictEqual(result.afterRevoke._tag, "Unauthorized")
      const stats = yield* emulator.stats
      assert.deepStrictEqual([stats.tokenGrants, stats.refreshes, stats.revocations], [1, 1, 1])
    }))
})

describe("token-management example", () => {
  it.scoped("introspects, refreshes and revokes with tokens and credentials from the environment", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const authorizeUrl = `${emulator.url}/v1/oauth/authorize?client_id=${emulator.oauthClient.clientId}` +
        "&response_type=code&owner=user"
      const code = new URL(yield* emulator.consent(authorizeUrl, "allow")).searchParams.get("code")!
      const client: Array<[string, string]> = [
        ["NOTION_BASE_URL", emulator.url],
        ["NOTION_OAUTH_CLIENT_ID", emulator.oauthClient.clientId],
        ["NOTION_OAUTH_CLIENT_SECRET", Redacted.value(emulator.oauthClient.clientSecret)]
      ]
      const grant = yield* Effect.flatMap(
        NotionOAuth.NotionOAuth,
        (oauth) => oauth.token({ grant_type: "authorization_code", code: Redacted.make(code) })
      ).pipe(
        Effect.provide(TokenManagement.MainLayer),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(client)))
      )
      const env = ConfigProvider.fromMap(
        new Map([
          ...client,
          ["NOTION_OAUTH_ACCESS_TOKEN", Redacted.value(grant.access_token)],
          ["NOTION_OAUTH_REFRESH_TOKEN", Redacted.value(grant.refresh_token!)]
        ])
      )
      const final = yield* TokenManagement.program.pipe(
        Effect.provide(TokenManagement.MainLayer),
        Effect.withConfigProvider(env)
      )
      assert.isFalse(final.active)
      const stats = yield* emulator.stats
      assert.deepStrictEqual([stats.tokenGrants, stats.refreshes, stats.revocations], [1, 1, 1])
      assert.deepStrictEqual(stats.requests["POST /v1/oauth/introspect"], 2)
    }))
})
