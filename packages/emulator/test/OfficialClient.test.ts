// Fidelity: the official @notionhq/client, a client no one here wrote, pointed at the emulator.
import { assert, it } from "@effect/vitest"
import { APIResponseError, Client, UnknownHTTPResponseError } from "@notionhq/client"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { authorizeUrl } from "./utils.js"

const PAGE = Fixture.pages.roadmap

const official = (emulator: NotionEmulator.Service, auth?: string) =>
  new Client({ baseUrl: emulator.url, retry: false, logger: () => undefined, ...(auth === undefined ? {} : { auth }) })

const credentials = (emulator: NotionEmulator.Service) => ({
  client_id: emulator.oauthClient.clientId,
  client_secret: Redacted.value(emulator.oauthClient.clientSecret)
})

const errorOf = (promise: () => Promise<unknown>) =>
  Effect.promise(() => promise().then(() => undefined, (error: unknown) => error))

// one emulator for the suite; a test that moves the clock starts its own (its handlers follow that test's TestClock)
it.layer(NotionEmulator.layer())("@notionhq/client against the emulator", (it) => {
  it.scoped("users, pages and search", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const notion = official(emulator, Redacted.value(emulator.internalToken))
      const users = yield* Effect.promise(() => notion.users.list({ page_size: 2 }))
      assert.strictEqual(users.results.length, 2)
      assert.isTrue(users.has_more)
      const me = yield* Effect.promise(() => notion.users.me({}))
      assert.strictEqual(me.type, "bot")
      const page = yield* Effect.promise(() => notion.pages.retrieve({ page_id: PAGE }))
      assert.strictEqual(page.id, PAGE)
      const search = yield* Effect.promise(() => notion.search({ query: "road" }))
      assert.deepStrictEqual(search.results.map((r) => r.id), [PAGE])
    }))

  it.scoped("oauth.token (both grants), introspect and revoke", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const notion = official(emulator)
      const location = new URL(yield* emulator.consent(authorizeUrl(emulator, { state: "s" }), "allow"))
      const token = yield* Effect.promise(() =>
        notion.oauth.token({
          grant_type: "authorization_code",
          code: location.searchParams.get("code")!,
          redirect_uri: emulator.oauthClient.redirectUri,
          ...credentials(emulator)
        })
      )
      assert.strictEqual(token.workspace_name, "Acme")
      const users = yield* Effect.promise(() => official(emulator, token.access_token).users.list({}))
      assert.isAbove(users.results.length, 0)
      const refreshed = yield* Effect.promise(() =>
        notion.oauth.token({
          grant_type: "refresh_token",
          refresh_token: token.refresh_token!,
          ...credentials(emulator)
        })
      )
      assert.notStrictEqual(refreshed.access_token, token.access_token)
      const introspection = yield* Effect.promise(() =>
        notion.oauth.introspect({ token: refreshed.access_token, ...credentials(emulator) })
      )
      assert.isTrue(introspection.active)
      yield* Effect.promise(() => notion.oauth.revoke({ token: refreshed.access_token, ...credentials(emulator) }))
      const after = yield* errorOf(() => official(emulator, refreshed.access_token).users.me({}))
      assert.instanceOf(after, APIResponseError)
      assert.strictEqual((after as APIResponseError).code, "unauthorized")
    }))

  it.scoped("each error code the official enum knows surfaces as an APIResponseError with that code", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const token = Redacted.value(emulator.internalToken)
      const notion = official(emulator, token)
      const expect = (error: unknown, code: string, status: number) => {
        assert.instanceOf(error, APIResponseError, code)
        assert.strictEqual((error as APIResponseError).code, code)
        assert.strictEqual((error as APIResponseError).status, status)
      }
      expect(yield* errorOf(() => official(emulator, "secret_wrong").users.me({})), "unauthorized", 401)
      expect(
        yield* errorOf(() => notion.pages.retrieve({ page_id: Fixture.pages.privatePlans })),
        "object_not_found",
        404
      )
      expect(yield* errorOf(() => notion.users.list({ page_size: 500 })), "validation_error", 400)
      expect(yield* errorOf(() => notion.request({ path: "nowhere", method: "get" })), "invalid_request_url", 400)
      const codes: ReadonlyArray<readonly [number, string]> = [
        [403, "restricted_resource"],
        [409, "conflict_error"],
        [429, "rate_limited"],
        [500, "internal_server_error"],
        [503, "service_unavailable"],
        [504, "gateway_timeout"],
        [529, "service_overload"],
        [400, "invalid_json"],
        [400, "invalid_request"]
      ]
      for (const [status, code] of codes) {
        yield* emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "Status", status, code } })
        expect(yield* errorOf(() => notion.users.me({})), code, status)
      }
      // the emulator's own rate limiter, not a fault
      const limited = yield* NotionEmulator.make({ rateLimit: { requests: 1, window: "60 seconds" } })
      const client = official(limited, token)
      yield* Effect.promise(() => client.users.me({}))
      const error = yield* errorOf(() => client.users.me({}))
      expect(error, "rate_limited", 429)
      assert.strictEqual(
        (error as APIResponseError).headers instanceof Headers ? (error as any).headers.get("retry-after") : undefined,
        "60"
      )
    }))

  it.scoped("codes missing from the official enum reach it only as UnknownHTTPResponseError with the status", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.NotionEmulator
      const notion = official(emulator)
      const wrongSecret = yield* errorOf(() =>
        notion.oauth.introspect({ token: "x", client_id: emulator.oauthClient.clientId, client_secret: "nope" })
      )
      assert.instanceOf(wrongSecret, UnknownHTTPResponseError)
      assert.strictEqual((wrongSecret as UnknownHTTPResponseError).status, 401)
      assert.include((wrongSecret as UnknownHTTPResponseError).body, "invalid_client")
      const badCode = yield* errorOf(() =>
        notion.oauth.token({
          grant_type: "authorization_code",
          code: "nope",
          redirect_uri: emulator.oauthClient.redirectUri,
          ...credentials(emulator)
        })
      )
      assert.instanceOf(badCode, UnknownHTTPResponseError)
      assert.include((badCode as UnknownHTTPResponseError).body, "invalid_grant")
    }))
})
