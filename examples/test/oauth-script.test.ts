// The OAuth script examples (scripted flow, token management), run against the emulator through real sockets.
import { assert, describe, it } from "@effect/vitest"
import { NotionVersion } from "@notion-effect/core"
import { NotionOAuth } from "@notion-effect/oauth"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Emulator from "../emulator.js"
import * as OAuthScript from "../oauth-script.js"
import * as TokenManagement from "../token-management.js"

describe("oauth-script example", () => {
  it.scoped.each(NotionVersion.versions)(
    "Notion-Version %s: walks the whole flow and proves the revoked token fails with Unauthorized",
    (version) =>
      Effect.gen(function*() {
        const emulator = yield* Emulator.make()
        const result = yield* OAuthScript.program((url) => emulator.consent(url, "allow")).pipe(
          Effect.provide(OAuthScript.ServicesLayer),
          Effect.provide(OAuthScript.emulatorLayer(emulator, { notionVersion: version }))
        )
        // every request of the SDK (token, introspect, users.list, refresh, revoke, users.me) sent the version
        const sent = (yield* emulator.stats).log.filter((entry) => !entry.route.endsWith("/v1/oauth/authorize"))
        assert.strictEqual(sent.length, 6)
        assert.deepStrictEqual(new Set(sent.map((entry) => entry.version)), new Set([version]))
        assert.strictEqual(result.grant.workspace_name, "Acme")
        assert.isTrue(result.introspection.active)
        assert.notStrictEqual(Redacted.value(result.refreshed.access_token), Redacted.value(result.grant.access_token))
        assert.strictEqual(result.afterRevoke._tag, "Unauthorized")
        const stats = yield* emulator.stats
        assert.deepStrictEqual([stats.tokenGrants, stats.refreshes, stats.revocations], [1, 1, 1])
      })
  )
})

describe("token-management example", () => {
  it.scoped("introspects, refreshes and revokes with tokens and credentials from the environment", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
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
