import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import { NotionConfig } from "@notion-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { NotionOAuth, OAuthCredentials } from "../src/index.js"

// canaries: none may appear in anything an error shows
const ACCESS = "ntn_canary_access_0123456789"
const REFRESH = "nrt_canary_refresh_0123456789"
const CODE = "canary_code_0123456789"
const CLIENT_SECRET = "canary_client_secret_0123456789"

const bodyText = (request: HttpClientRequest.HttpClientRequest) =>
  request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""

const oauthWith = (respond: (sent: string) => Response) => {
  const http = Layer.succeed(
    HttpClient.HttpClient,
    HttpClient.make((request) => Effect.sync(() => HttpClientResponse.fromWeb(request, respond(bodyText(request)))))
  )
  return Effect.provide(
    NotionOAuth.NotionOAuth,
    NotionOAuth.layer().pipe(
      Layer.provide([
        http,
        NotionConfig.layer({ baseUrl: "https://notion.test" }),
        OAuthCredentials.layer({ clientId: "client", clientSecret: Redacted.make(CLIENT_SECRET) })
      ])
    )
  )
}

const shown = (error: unknown) =>
  [String(error), JSON.stringify(error), Inspectable.format(error), Cause.pretty(Cause.fail(error))].join("\n")

const assertClean = (error: unknown) => {
  const text = shown(error)
  for (const canary of [ACCESS, REFRESH, CODE, CLIENT_SECRET]) assert.notInclude(text, canary)
}

const exchange = (oauth: NotionOAuth.Service) =>
  Effect.flip(oauth.token({ grant_type: "authorization_code", code: Redacted.make(CODE), retry: false }))

describe("OAuth errors keep no secret", () => {
  it.effect("a token answer that fails decoding names paths, never the token values", () =>
    Effect.gen(function*() {
      const oauth = yield* oauthWith(() =>
        Response.json({ access_token: ACCESS, refresh_token: REFRESH, token_type: "bearer", bot_id: 42 })
      )
      const error = yield* exchange(oauth)
      if (error._tag !== "ResponseDecodeError") return assert.fail(error._tag)
      assert.include(error.message, `["bot_id"]`)
      assertClean(error)
    }))

  it.effect("a 2xx OAuth body that is not JSON is never kept", () =>
    Effect.gen(function*() {
      const oauth = yield* oauthWith(() => new Response(`access_token=${ACCESS}&refresh_token=${REFRESH}`))
      const error = yield* exchange(oauth)
      if (error._tag !== "HttpResponseError") return assert.fail(error._tag)
      assert.strictEqual(error.body, "")
      assertClean(error)
    }))

  it.effect("an error body echoing what we sent (code, refresh token, client secret) is scrubbed", () =>
    Effect.gen(function*() {
      const oauth = yield* oauthWith((sent) =>
        Response.json({
          object: "error",
          status: 400,
          code: "validation_error",
          message: `${sent} is not valid for client secret ${CLIENT_SECRET}`,
          additional_data: { echoed: JSON.parse(sent) }
        }, { status: 400 })
      )
      const error = yield* exchange(oauth)
      assert.strictEqual(error._tag, "ValidationError")
      assert.include(error.message, "[redacted]")
      assertClean(error)
      const refresh = yield* Effect.flip(
        oauth.token({ grant_type: "refresh_token", refresh_token: Redacted.make(REFRESH), retry: false })
      )
      assertClean(refresh)
    }))

  it.effect("OAuth-only codes are typed on the OAuth endpoints", () =>
    Effect.gen(function*() {
      const oauth = yield* oauthWith(() =>
        Response.json({ error: "invalid_client", error_description: "bad secret" }, { status: 401 })
      )
      const error = yield* exchange(oauth)
      assert.strictEqual(error._tag, "InvalidClient")
    }))
})

describe("a valid grant is never lost to strict decoding", () => {
  it.effect("token_type in any case, an unknown owner and odd optional fields still give the grant", () =>
    Effect.gen(function*() {
      const oauth = yield* oauthWith(() =>
        Response.json({
          access_token: ACCESS,
          token_type: "Bearer",
          refresh_token: REFRESH,
          bot_id: "bot-1",
          workspace_id: "ws-1",
          workspace_name: 5,
          workspace_icon: { emoji: "x" },
          owner: { type: "team", team: { id: "t1" } },
          brand_new_field: [1, 2]
        })
      )
      const grant = yield* oauth.token({ grant_type: "authorization_code", code: Redacted.make(CODE), retry: false })
      assert.strictEqual(Redacted.value(grant.access_token), ACCESS)
      assert.strictEqual(Redacted.value(grant.refresh_token!), REFRESH)
      assert.strictEqual(grant.token_type, "Bearer")
      assert.deepStrictEqual(grant.owner, { type: "unknown", raw: { type: "team", team: { id: "t1" } } })
      assert.isNull(grant.workspace_name)
      assert.isNull(grant.workspace_icon)
      assert.deepStrictEqual((grant as unknown as Record<string, unknown>).brand_new_field, [1, 2])
    }))

  it.effect("only what the SDK needs fails: a missing access token or bot id", () =>
    Effect.gen(function*() {
      for (
        const body of [{ token_type: "bearer", bot_id: "b", workspace_id: "w" }, {
          access_token: ACCESS,
          workspace_id: "w"
        }]
      ) {
        const oauth = yield* oauthWith(() => Response.json(body))
        const error = yield* exchange(oauth)
        assert.strictEqual(error._tag, "ResponseDecodeError")
        assertClean(error)
      }
    }))
})
