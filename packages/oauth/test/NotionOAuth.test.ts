import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import { NotionConfig, NotionRetry } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { AuthorizationUrl, NotionOAuth, OAuthCredentials } from "../src/index.js"

const tokenBody = {
  access_token: "ntn_access",
  token_type: "bearer",
  refresh_token: null,
  bot_id: "bot",
  workspace_id: "ws",
  workspace_name: "Acme",
  workspace_icon: null,
  owner: { type: "workspace", workspace: true },
  duplicated_template_id: null
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

/** An OAuth service over a fake HttpClient that answers `respond` and records requests. */
const setup = (
  respond: (request: HttpClientRequest.HttpClientRequest, attempt: number) => Response,
  credentials: Layer.Layer<OAuthCredentials.OAuthCredentials> = OAuthCredentials.none,
  options: NotionOAuth.Options = {}
) => {
  const requests: Array<HttpClientRequest.HttpClientRequest> = []
  const http = Layer.succeed(
    HttpClient.HttpClient,
    HttpClient.make((request) =>
      Effect.sync(() => {
        requests.push(request)
        return HttpClientResponse.fromWeb(request, respond(request, requests.length))
      })
    )
  )
  const layer = NotionOAuth.layer(options).pipe(
    Layer.provide([http, credentials, NotionConfig.layer({ baseUrl: "https://notion.test" })])
  )
  return { requests, service: Effect.provide(NotionOAuth.NotionOAuth, layer) }
}

const bodyOf = (request: HttpClientRequest.HttpClientRequest) =>
  request.body._tag === "Uint8Array" ? JSON.parse(new TextDecoder().decode(request.body.body)) : undefined

const secret = Redacted.make("sécret-✓")
const perCall = { client_id: "client-ü", client_secret: secret }

describe("NotionOAuth", () => {
  it.effect("token: Basic auth of UTF-8 credentials, a JSON body, a decoded answer with redacted tokens", () =>
    Effect.gen(function*() {
      const { requests, service } = setup(() =>
        json(200, { ...tokenBody, refresh_token: "nrt_refresh", request_id: "r1" })
      )
      const oauth = yield* service
      const answer = yield* oauth.token({
        grant_type: "authorization_code",
        code: Redacted.make("the-code"),
        redirect_uri: "http://localhost:3000/callback",
        external_account: { key: "k", name: "n" },
        ...perCall
      })
      const request = requests[0]!
      assert.strictEqual(request.url, "https://notion.test/v1/oauth/token")
      const expected = Buffer.from("client-ü:sécret-✓", "utf8").toString("base64")
      assert.strictEqual(request.headers.authorization, `Basic ${expected}`)
      assert.deepStrictEqual(bodyOf(request), {
        grant_type: "authorization_code",
        code: "the-code",
        redirect_uri: "http://localhost:3000/callback",
        external_account: { key: "k", name: "n" }
      })
      assert.strictEqual(Redacted.value(answer.access_token), "ntn_access")
      assert.strictEqual(Redacted.value(answer.refresh_token!), "nrt_refresh")
      assert.notInclude(JSON.stringify(answer), "ntn_access")
      assert.notInclude(String(answer.access_token), "ntn_access")
      assert.deepStrictEqual(answer.owner, { type: "workspace", workspace: true })
    }))

  it.effect("decodes owner as a user, a null refresh token and an absent request_id", () =>
    Effect.gen(function*() {
      const owner = { type: "user", user: { object: "user", id: "u1", name: "Ada" } }
      const { service } = setup(() => json(200, { ...tokenBody, owner }))
      const answer = yield* Effect.flatMap(service, (o) =>
        o.token({ grant_type: "refresh_token", refresh_token: Redacted.make("nrt"), ...perCall }))
      assert.strictEqual(answer.owner.type, "user")
      assert.isNull(answer.refresh_token)
      assert.isUndefined(answer.request_id)
    }))

  it.effect("per-call credentials win over configured ones; configured ones fill the gaps", () =>
    Effect.gen(function*() {
      const configured = OAuthCredentials.layer({
        clientId: "configured-id",
        clientSecret: Redacted.make("configured-secret"),
        redirectUri: "http://configured/callback"
      })
      const { requests, service } = setup(() => json(200, { active: true }), configured)
      const oauth = yield* service
      yield* oauth.introspect({ token: Redacted.make("t") })
      yield* oauth.introspect({
        token: Redacted.make("t"),
        client_id: "call-id",
        client_secret: Redacted.make("call-secret")
      })
      const decode = (r: HttpClientRequest.HttpClientRequest) => atob(r.headers.authorization!.replace("Basic ", ""))
      assert.deepStrictEqual(requests.map(decode), ["configured-id:configured-secret", "call-id:call-secret"])
      yield* oauth.token({ grant_type: "authorization_code", code: Redacted.make("c") }).pipe(Effect.ignore)
      assert.strictEqual(bodyOf(requests[2]!).redirect_uri, "http://configured/callback")
    }))

  it.effect("no credentials at all is MissingCredentials, and nothing is sent", () =>
    Effect.gen(function*() {
      const { requests, service } = setup(() => json(200, {}))
      const error = yield* Effect.flip(Effect.flatMap(service, (o) => o.revoke({ token: Redacted.make("t") })))
      assert.deepInclude(error, { _tag: "MissingCredentials", missing: ["client_id", "client_secret"] })
      assert.strictEqual(requests.length, 0)
    }))

  it.effect("OAuth error bodies in both shapes become typed errors", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [Response, string]> = [
        [json(400, { object: "error", status: 400, code: "invalid_grant", message: "bad code" }), "InvalidGrant"],
        [json(400, { error: "invalid_grant", error_description: "bad code" }), "InvalidGrant"],
        [json(401, { error: "invalid_client" }), "InvalidClient"],
        [json(400, { error: "invalid_request" }), "InvalidRequest"],
        [json(400, { error: "unauthorized_client" }), "UnauthorizedClient"],
        [json(400, { error: "unsupported_grant_type" }), "UnsupportedGrantType"],
        [json(400, { error: "invalid_scope" }), "InvalidScope"]
      ]
      for (const [response, tag] of cases) {
        const { service } = setup(() => response)
        const error = yield* Effect.flip(Effect.flatMap(service, (o) =>
          o.token({ grant_type: "refresh_token", refresh_token: Redacted.make("nrt"), ...perCall })))
        assert.strictEqual(error._tag, tag)
      }
    }))

  const attempts = (
    respond: (attempt: number) => Response,
    params: Partial<NotionOAuth.TokenParams> = {},
    options: NotionOAuth.Options = {}
  ) =>
    Effect.gen(function*() {
      const { requests, service } = setup((_, n) => respond(n), OAuthCredentials.none, options)
      const oauth = yield* service
      const fiber = yield* Effect.fork(
        oauth.token(
          {
            grant_type: "authorization_code",
            code: Redacted.make("c"),
            ...perCall,
            ...params
          } as NotionOAuth.TokenParams
        )
      )
      yield* TestClock.adjust("5 minutes")
      const exit = yield* Fiber.await(fiber)
      return { attempts: requests.length, ok: Exit.isSuccess(exit) }
    })

  it.effect("429 and 529 are retried (honouring Retry-After) by the default rate-limit schedule", () =>
    Effect.gen(function*() {
      const { requests, service } = setup((_, n) =>
        n === 1
          ? json(429, { object: "error", status: 429, code: "rate_limited", message: "slow" }, { "retry-after": "3" })
          : json(200, { active: true })
      )
      const oauth = yield* service
      const fiber = yield* Effect.fork(oauth.introspect({ token: Redacted.make("t"), ...perCall }))
      yield* TestClock.adjust("2999 millis")
      assert.strictEqual(requests.length, 1)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(requests.length, 2)
      const overloaded = yield* attempts((n) =>
        n < 3
          ? json(529, { object: "error", status: 529, code: "service_overload", message: "busy" })
          : json(200, tokenBody)
      )
      assert.deepStrictEqual(overloaded, { attempts: 3, ok: true })
    }))

  it.effect("a code exchange is never repeated after a 5xx, a timeout or invalid_grant — whatever the schedule", () =>
    Effect.gen(function*() {
      const retryEverything = NotionRetry.make({ retries: 5, retryable: () => true })
      const serverError = () =>
        json(500, { object: "error", status: 500, code: "internal_server_error", message: "oops" })
      assert.deepStrictEqual(yield* attempts(serverError, {}, { retry: retryEverything }), { attempts: 1, ok: false })
      assert.deepStrictEqual(yield* attempts(serverError, { retry: retryEverything }), { attempts: 1, ok: false })
      const invalidGrant = () => json(400, { error: "invalid_grant" })
      assert.deepStrictEqual(yield* attempts(invalidGrant, { retry: retryEverything }), { attempts: 1, ok: false })
      // a refresh after a 500 may be retried by a schedule that asks for it (it is not single-use)...
      const { requests, service } = setup(
        (_, n) => n === 1 ? serverError() : json(200, tokenBody),
        OAuthCredentials.none,
        {
          retry: retryEverything
        }
      )
      const fiber = yield* Effect.fork(
        Effect.flatMap(
          service,
          (o) => o.token({ grant_type: "refresh_token", refresh_token: Redacted.make("nrt"), ...perCall })
        )
      )
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      assert.strictEqual(requests.length, 2)
      // ...but never after invalid_grant
      const reuse = setup(() => invalidGrant(), OAuthCredentials.none, { retry: retryEverything })
      yield* Effect.flip(
        Effect.flatMap(
          reuse.service,
          (o) => o.token({ grant_type: "refresh_token", refresh_token: Redacted.make("nrt"), ...perCall })
        )
      )
      assert.strictEqual(reuse.requests.length, 1)
    }))

  it.effect("the schedule can be swapped per service and per call, or turned off", () =>
    Effect.gen(function*() {
      const limited = () => json(429, { object: "error", status: 429, code: "rate_limited", message: "slow" })
      assert.strictEqual((yield* attempts(limited)).attempts, 3)
      assert.strictEqual((yield* attempts(limited, {}, { retry: NotionRetry.make({ retries: 4 }) })).attempts, 5)
      assert.strictEqual((yield* attempts(limited, { retry: false })).attempts, 1)
    }))
})

describe("AuthorizationUrl", () => {
  it.effect("carries client_id, response_type, owner, the encoded redirect_uri and state; follows the base URL", () =>
    Effect.gen(function*() {
      const url = yield* AuthorizationUrl.make({
        state: "s 1",
        client_id: "cid",
        redirect_uri: "http://localhost:3000/callback?x=1"
      }).pipe(
        Effect.provide([NotionConfig.layer({ baseUrl: "http://127.0.0.1:9999" }), OAuthCredentials.none])
      )
      assert.strictEqual(
        url,
        "http://127.0.0.1:9999/v1/oauth/authorize?client_id=cid&response_type=code&owner=user" +
          "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback%3Fx%3D1&state=s+1"
      )
      const missing = yield* Effect.flip(
        AuthorizationUrl.make({ state: "s" }).pipe(Effect.provide(OAuthCredentials.none))
      )
      assert.strictEqual(missing._tag, "MissingCredentials")
    }))
})
