import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { authorizeUrl, basic, call, grant } from "./utils.js"

const exchange = (emulator: NotionEmulator.Service, body: Record<string, unknown>) =>
  call(emulator, "POST", "/v1/oauth/token", { basic: basic(emulator), body })

const codeFrom = (location: string) => new URL(location).searchParams.get("code")!

// one emulator for the suite; a test that moves the clock starts its own (its handlers follow that test's TestClock)
it.layer(NotionEmulator.layer())("emulator OAuth", (it) => {
  it.scoped("the consent page validates its parameters", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const page = yield* call(
        emulator,
        "GET",
        new URL(authorizeUrl(emulator, { state: "xyz" })).pathname +
          new URL(authorizeUrl(emulator, { state: "xyz" })).search
      )
      assert.strictEqual(page.status, 200)
      assert.include(page.text, "Allow access")
      assert.include(page.text, "Cancel")
      assert.include(page.text, "Acme")
      for (
        const [name, value] of [
          ["client_id", "unknown"],
          ["redirect_uri", "https://evil.test/cb"],
          ["response_type", "token"],
          ["owner", "workspace"]
        ]
      ) {
        const url = new URL(authorizeUrl(emulator, { [name!]: value! }))
        const refused = yield* call(emulator, "GET", url.pathname + url.search)
        assert.strictEqual(refused.status, 400, name)
        const consent = yield* Effect.flip(emulator.consent(url.toString(), "allow"))
        assert.strictEqual(consent._tag, "ConsentError")
      }
    }))

  it.scoped("Allow redirects with code and state; Cancel with access_denied and state", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const allowed = new URL(yield* emulator.consent(authorizeUrl(emulator, { state: "abc" }), "allow"))
      assert.strictEqual(allowed.origin + allowed.pathname, emulator.oauthClient.redirectUri)
      assert.strictEqual(allowed.searchParams.get("state"), "abc")
      assert.isString(allowed.searchParams.get("code"))
      const denied = new URL(yield* emulator.consent(authorizeUrl(emulator, { state: "abc" }), "deny"))
      assert.strictEqual(denied.searchParams.get("error"), "access_denied")
      assert.strictEqual(denied.searchParams.get("state"), "abc")
      assert.isNull(denied.searchParams.get("code"))
    }))

  it.scoped("token endpoints need valid Basic auth", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      for (const path of ["/v1/oauth/token", "/v1/oauth/introspect", "/v1/oauth/revoke"]) {
        const none = yield* call(emulator, "POST", path, { token: null, body: { token: "x" } })
        assert.deepStrictEqual([none.status, none.json.code], [401, "invalid_client"], path)
        const wrong = yield* call(emulator, "POST", path, {
          basic: [emulator.oauthClient.clientId, "nope"],
          body: { token: "x" }
        })
        assert.deepStrictEqual([wrong.status, wrong.json.code], [401, "invalid_client"], path)
      }
    }))

  it.scoped("codes are single use, bound to the redirect URI, short-lived", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const redirect_uri = emulator.oauthClient.redirectUri
      const code = codeFrom(yield* emulator.consent(authorizeUrl(emulator), "allow"))
      const missingUri = yield* exchange(emulator, { grant_type: "authorization_code", code })
      assert.deepStrictEqual([missingUri.status, missingUri.json.code], [400, "invalid_grant"])
      const wrongUri = yield* exchange(emulator, {
        grant_type: "authorization_code",
        code,
        redirect_uri: "http://localhost:3000/other"
      })
      assert.strictEqual(wrongUri.json.code, "invalid_grant")
      const first = yield* exchange(emulator, {
        grant_type: "authorization_code",
        code,
        redirect_uri,
        external_account: { key: "acct-1", name: "Account 1" }
      })
      assert.strictEqual(first.status, 200)
      assert.strictEqual(first.json.token_type, "bearer")
      assert.strictEqual(first.json.workspace_name, "Acme")
      assert.strictEqual(first.json.owner.type, "user")
      assert.match(first.json.access_token, /^ntn_/)
      assert.match(first.json.refresh_token, /^nrt_/)
      const me = yield* call(emulator, "GET", "/v1/users/me", { token: first.json.access_token })
      assert.strictEqual(me.json.id, first.json.bot_id)
      const replay = yield* exchange(emulator, { grant_type: "authorization_code", code, redirect_uri })
      assert.deepStrictEqual([replay.status, replay.json.code], [400, "invalid_grant"])
      // a replayed code revokes what it granted
      assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me", { token: first.json.access_token })).status, 401)

      const late = codeFrom(yield* emulator.consent(authorizeUrl(emulator), "allow"))
      yield* TestClock.adjust("11 minutes")
      const expired = yield* exchange(emulator, { grant_type: "authorization_code", code: late, redirect_uri })
      assert.strictEqual(expired.json.code, "invalid_grant")
      assert.include(expired.json.message, "expired")
    }))

  it.scoped("refresh rotates the pair; reusing a rotated refresh token revokes the grant", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const first = yield* grant(emulator)
      const rotated = yield* exchange(emulator, { grant_type: "refresh_token", refresh_token: first.refresh_token })
      assert.strictEqual(rotated.status, 200)
      assert.notStrictEqual(rotated.json.access_token, first.access_token)
      assert.notStrictEqual(rotated.json.refresh_token, first.refresh_token)
      assert.strictEqual(
        (yield* call(emulator, "GET", "/v1/users/me", { token: rotated.json.access_token })).status,
        200
      )
      const reuse = yield* exchange(emulator, { grant_type: "refresh_token", refresh_token: first.refresh_token })
      assert.deepStrictEqual([reuse.status, reuse.json.code], [400, "invalid_grant"])
      assert.strictEqual(
        (yield* call(emulator, "GET", "/v1/users/me", { token: rotated.json.access_token })).status,
        401
      )
      const afterRevoke = yield* exchange(emulator, {
        grant_type: "refresh_token",
        refresh_token: rotated.json.refresh_token
      })
      assert.strictEqual(afterRevoke.json.code, "invalid_grant")
      const stats = yield* emulator.stats
      assert.deepStrictEqual([stats.tokenGrants, stats.refreshes, stats.refreshReuses], [1, 1, 1])
    }))

  it.scoped("expired access tokens answer 401 unauthorized; the refresh token still gives a working pair", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const tokens = yield* grant(emulator)
      assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me", { token: tokens.access_token })).status, 200)
      assert.isAtLeast(yield* emulator.expireAccessTokens, 1)
      const expired = yield* call(emulator, "GET", "/v1/users/me", { token: tokens.access_token })
      assert.deepStrictEqual([expired.status, expired.json.code], [401, "unauthorized"])
      const refreshed = yield* exchange(emulator, { grant_type: "refresh_token", refresh_token: tokens.refresh_token })
      assert.strictEqual(refreshed.status, 200)
      const fresh = yield* call(emulator, "GET", "/v1/users/me", { token: refreshed.json.access_token })
      assert.strictEqual(fresh.status, 200)
      // the internal integration's token is not an OAuth token: it never expires
      const internal = yield* call(emulator, "GET", "/v1/users/me", { token: Redacted.value(emulator.internalToken) })
      assert.strictEqual(internal.status, 200)
    }))

  it.scoped("introspect and revoke; a revoked token answers 401", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const tokens = yield* grant(emulator)
      const active = yield* call(emulator, "POST", "/v1/oauth/introspect", {
        basic: basic(emulator),
        body: { token: tokens.access_token }
      })
      assert.strictEqual(active.json.active, true)
      assert.isNumber(active.json.iat)
      const revoked = yield* call(emulator, "POST", "/v1/oauth/revoke", {
        basic: basic(emulator),
        body: { token: tokens.access_token }
      })
      assert.strictEqual(revoked.status, 200)
      assert.isString(revoked.json.request_id)
      const inactive = yield* call(emulator, "POST", "/v1/oauth/introspect", {
        basic: basic(emulator),
        body: { token: tokens.access_token }
      })
      assert.strictEqual(inactive.json.active, false)
      const after = yield* call(emulator, "GET", "/v1/users", { token: tokens.access_token })
      assert.deepStrictEqual([after.status, after.json.code], [401, "unauthorized"])
      assert.strictEqual((yield* emulator.stats).revocations, 1)
    }))

  it.scoped("bad token requests: unsupported grant type, missing fields, malformed JSON", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const unsupported = yield* exchange(emulator, { grant_type: "password" })
      assert.deepStrictEqual([unsupported.status, unsupported.json.code], [400, "unsupported_grant_type"])
      const missing = yield* exchange(emulator, { grant_type: "authorization_code" })
      assert.deepStrictEqual([missing.status, missing.json.code], [400, "invalid_request"])
      const noGrant = yield* exchange(emulator, {})
      assert.strictEqual(noGrant.json.code, "invalid_request")
      const malformed = yield* call(emulator, "POST", "/v1/oauth/token", { basic: basic(emulator), rawBody: "{" })
      assert.strictEqual(malformed.json.code, "invalid_json")
    }))
})
