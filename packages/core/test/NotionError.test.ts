import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { NotionClient, NotionError } from "../src/index.js"
import { fakeHttp, notionError } from "./utils/fakeHttp.js"
import { clientLayer, page } from "./utils/fixtures.js"

const noRetry = { retry: false } as const

/** Retrieves a page against a fake server that answers `response` once. */
const retrieveWith = (response: () => Response) => {
  const http = fakeHttp(response)
  return NotionClient.NotionClient.pipe(
    Effect.flatMap((client) => client.pages.retrieve({ page_id: "p1", ...noRetry })),
    Effect.flip,
    Effect.provide(clientLayer(http.layer))
  )
}

const table: ReadonlyArray<readonly [number, NotionError.APIErrorCode, string]> = [
  [400, "invalid_json", "InvalidJSON"],
  [400, "invalid_request_url", "InvalidRequestURL"],
  [400, "invalid_request", "InvalidRequest"],
  [400, "invalid_grant", "InvalidGrant"],
  [400, "validation_error", "ValidationError"],
  [400, "missing_version", "MissingVersion"],
  [400, "invalid_beta", "InvalidBeta"],
  [401, "unauthorized", "Unauthorized"],
  [403, "restricted_resource", "RestrictedResource"],
  [404, "object_not_found", "ObjectNotFound"],
  [409, "conflict_error", "ConflictError"],
  [429, "rate_limited", "RateLimited"],
  [500, "internal_server_error", "InternalServerError"],
  [502, "bad_gateway", "BadGateway"],
  [503, "service_unavailable", "ServiceUnavailable"],
  [503, "database_connection_unavailable", "DatabaseConnectionUnavailable"],
  [504, "gateway_timeout", "GatewayTimeout"],
  [529, "service_overload", "ServiceOverload"]
]

const oauthOnly: ReadonlyArray<readonly [number, NotionError.APIErrorCode, string]> = [
  [401, "invalid_client", "InvalidClient"],
  [400, "unauthorized_client", "UnauthorizedClient"],
  [400, "unsupported_grant_type", "UnsupportedGrantType"],
  [400, "invalid_scope", "InvalidScope"]
]

describe("NotionError", () => {
  it("APIErrorCode has the official enum's keys and values, plus the codes it lacks", () => {
    const official = {
      Unauthorized: "unauthorized",
      RestrictedResource: "restricted_resource",
      ObjectNotFound: "object_not_found",
      RateLimited: "rate_limited",
      InvalidJSON: "invalid_json",
      InvalidRequestURL: "invalid_request_url",
      InvalidRequest: "invalid_request",
      InvalidBeta: "invalid_beta",
      ValidationError: "validation_error",
      ConflictError: "conflict_error",
      InternalServerError: "internal_server_error",
      ServiceOverload: "service_overload",
      ServiceUnavailable: "service_unavailable",
      GatewayTimeout: "gateway_timeout"
    }
    for (const [key, value] of Object.entries(official)) {
      assert.strictEqual((NotionError.APIErrorCode as Record<string, string>)[key], value, key)
    }
    assert.deepStrictEqual(
      Object.values(NotionError.APIErrorCode).sort(),
      [...table, ...oauthOnly].map(([, code]) => code).sort()
    )
    assert.strictEqual(NotionError.ClientErrorCode.RequestTimeout, "notionhq_client_request_timeout")
    assert.strictEqual(NotionError.ClientErrorCode.ResponseError, "notionhq_client_response_error")
    assert.strictEqual(NotionError.ClientErrorCode.InvalidPathParameter, "notionhq_client_invalid_path_parameter")
  })

  it.effect("the OAuth-only codes are UnknownApiError on API endpoints (not in their error type)", () =>
    Effect.gen(function*() {
      for (const [status, code] of oauthOnly) {
        const error = yield* retrieveWith(() => notionError(status, code))
        assert.strictEqual(error._tag, "UnknownApiError", code)
        assert.strictEqual((error as NotionError.UnknownApiError).code, code)
      }
    }))

  it.effect("errors from a Notion error body keep cf-ray", () =>
    Effect.gen(function*() {
      const error = yield* retrieveWith(() => notionError(503, "service_unavailable", {}, { "cf-ray": "77-CDG" }))
      if (error._tag !== "ServiceUnavailable") return assert.fail(error._tag)
      assert.strictEqual(error.cfRay, "77-CDG")
    }))

  it.effect("the official SDK's switch (error.code) runs unchanged on every error", () =>
    Effect.gen(function*() {
      const error = yield* retrieveWith(() => notionError(403, "restricted_resource"))
      const describe = (e: unknown) => {
        if (!NotionError.isNotionClientError(e)) return "not ours"
        switch (e.code) {
          case NotionError.APIErrorCode.Unauthorized:
            return "Invalid or missing authentication token"
          case NotionError.APIErrorCode.RestrictedResource:
            return "Integration doesn't have access to this resource"
          case NotionError.ClientErrorCode.RequestTimeout:
            return "timeout"
          default:
            return `other: ${e.code}`
        }
      }
      assert.strictEqual(describe(error), "Integration doesn't have access to this resource")
      assert.strictEqual(describe(new NotionError.InvalidToken()), "other: notion_effect_invalid_token")
    }))

  for (const [status, code, tag] of table) {
    it.effect(`${status} ${code} becomes ${tag} with its fields`, () =>
      Effect.gen(function*() {
        const error = yield* retrieveWith(() =>
          notionError(status, code, { request_id: "req-1", additional_data: { hint: 1 } })
        )
        assert.strictEqual(error._tag, tag)
        const Class: abstract new(...args: never) => object = NotionError.ApiErrorByCode[code]!
        assert.isTrue(error instanceof Class)
        if (!NotionError.isApiError(error)) return assert.fail("not an API error")
        assert.strictEqual(error.status, status)
        assert.strictEqual(error.code, code)
        assert.strictEqual(error.message, `message for ${code}`)
        assert.strictEqual(error.requestId, "req-1")
        assert.deepStrictEqual(error.additionalData, { hint: 1 })
        assert.isTrue(NotionError.isNotionClientError(error))
      }))
  }

  it.effect("the request id falls back to the x-notion-request-id header", () =>
    Effect.gen(function*() {
      const error = yield* retrieveWith(() =>
        notionError(404, "object_not_found", {}, { "x-notion-request-id": "hdr-9" })
      )
      assert.strictEqual(error._tag, "ObjectNotFound")
      assert.strictEqual((error as NotionError.ObjectNotFound).requestId, "hdr-9")
    }))

  it.effect("Retry-After in seconds and as an HTTP date; garbage and negatives give none", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-01-01T00:00:00Z"))
      const retryAfterOf = (header: string) =>
        retrieveWith(() => notionError(429, "rate_limited", {}, { "retry-after": header })).pipe(
          Effect.map((error) => (error as NotionError.RateLimited).retryAfter)
        )
      assert.deepStrictEqual(yield* retryAfterOf("7"), Option.some(Duration.seconds(7)))
      assert.deepStrictEqual(yield* retryAfterOf("Thu, 01 Jan 2026 00:00:30 GMT"), Option.some(Duration.seconds(30)))
      assert.deepStrictEqual(yield* retryAfterOf("-3"), Option.none())
      assert.deepStrictEqual(yield* retryAfterOf("soon"), Option.none())
      assert.deepStrictEqual(yield* retryAfterOf("Wed, 31 Dec 2025 23:00:00 GMT"), Option.none())
      const overload = yield* retrieveWith(() => notionError(529, "service_overload", {}, { "retry-after": "3" }))
      assert.deepStrictEqual((overload as NotionError.ServiceOverload).retryAfter, Option.some(Duration.seconds(3)))
    }))

  it.effect("an unknown code keeps the code in UnknownApiError", () =>
    Effect.gen(function*() {
      const error = yield* retrieveWith(() => notionError(418, "teapot_mode"))
      assert.strictEqual(error._tag, "UnknownApiError")
      assert.strictEqual((error as NotionError.UnknownApiError).code, "teapot_mode")
      assert.strictEqual((error as NotionError.UnknownApiError).status, 418)
      for (const code of ["constructor", "toString", "__proto__"]) {
        const odd = yield* retrieveWith(() => notionError(400, code))
        assert.strictEqual(odd._tag, "UnknownApiError", code)
        assert.strictEqual((odd as NotionError.UnknownApiError).code, code)
      }
    }))

  it.effect("RFC 6749 error bodies decode into the same classes", () =>
    Effect.gen(function*() {
      const error = yield* retrieveWith(() =>
        new Response(JSON.stringify({ error: "invalid_grant", error_description: "code reused" }), { status: 400 })
      )
      assert.strictEqual(error._tag, "InvalidGrant")
      assert.strictEqual(error.message, "code reused")
    }))

  it.effect("an HTML 502 from the edge keeps status, cf-ray and a bounded body prefix", () =>
    Effect.gen(function*() {
      const html = `<html><body>${"bad gateway ".repeat(400)}</body></html>`
      const error = yield* retrieveWith(() =>
        new Response(html, { status: 502, headers: { "content-type": "text/html", "cf-ray": "8a1b-LHR" } })
      )
      if (error._tag !== "HttpResponseError") return assert.fail(error._tag)
      assert.strictEqual(error.status, 502)
      assert.strictEqual(error.cfRay, "8a1b-LHR")
      assert.strictEqual(error.body.length, 1024)
      assert.isTrue(html.startsWith(error.body))
      assert.include(error.message, "cf-ray 8a1b-LHR")
    }))

  it.effect("an empty body and truncated JSON are HttpResponseError", () =>
    Effect.gen(function*() {
      const empty = yield* retrieveWith(() => new Response(null, { status: 503 }))
      assert.strictEqual(empty._tag, "HttpResponseError")
      assert.strictEqual((empty as NotionError.HttpResponseError).body, "")
      const truncated = yield* retrieveWith(() => new Response(`{"object":"error","code":"unauth`, { status: 401 }))
      assert.strictEqual(truncated._tag, "HttpResponseError")
      assert.strictEqual((truncated as NotionError.HttpResponseError).status, 401)
    }))

  it.effect("a 2xx body that is not JSON is HttpResponseError; one of the wrong shape is ResponseDecodeError", () =>
    Effect.gen(function*() {
      const notJson = yield* retrieveWith(() => new Response("<html>ok</html>", { status: 200 }))
      assert.strictEqual(notJson._tag, "HttpResponseError")
      const wrong = yield* retrieveWith(() => new Response(JSON.stringify({ ...page("p1"), url: 42 }), { status: 200 }))
      if (wrong._tag !== "ResponseDecodeError") return assert.fail(wrong._tag)
      assert.include(wrong.message, `at ["url"]: expected string, got 42`)
    }))

  it.effect("errors can be caught by tag, and exhaustively with catchTags", () =>
    Effect.gen(function*() {
      const http = fakeHttp(() => notionError(401, "unauthorized"))
      const outcome = yield* NotionClient.NotionClient.pipe(
        Effect.flatMap((client) => client.users.me()),
        Effect.as("ok"),
        Effect.catchTag("Unauthorized", (e) => Effect.succeed(`caught ${e.code}`)),
        Effect.catchTags({
          InvalidJSON: () => Effect.succeed("x"),
          InvalidRequestURL: () => Effect.succeed("x"),
          InvalidRequest: () => Effect.succeed("x"),
          InvalidGrant: () => Effect.succeed("x"),
          ValidationError: () => Effect.succeed("x"),
          MissingVersion: () => Effect.succeed("x"),
          InvalidBeta: () => Effect.succeed("x"),
          RestrictedResource: () => Effect.succeed("x"),
          ObjectNotFound: () => Effect.succeed("x"),
          ConflictError: () => Effect.succeed("x"),
          RateLimited: () => Effect.succeed("x"),
          InternalServerError: () => Effect.succeed("x"),
          BadGateway: () => Effect.succeed("x"),
          ServiceUnavailable: () => Effect.succeed("x"),
          DatabaseConnectionUnavailable: () => Effect.succeed("x"),
          GatewayTimeout: () => Effect.succeed("x"),
          ServiceOverload: () => Effect.succeed("x"),
          UnknownApiError: () => Effect.succeed("x"),
          RequestTimeout: () => Effect.succeed("x"),
          HttpResponseError: () => Effect.succeed("x"),
          TransportError: () => Effect.succeed("x"),
          ResponseDecodeError: () => Effect.succeed("x"),
          ResponseTooLarge: () => Effect.succeed("x"),
          InvalidParameters: () => Effect.succeed("x"),
          InvalidPathParameter: () => Effect.succeed("x"),
          InvalidToken: () => Effect.succeed("x"),
          ReauthorizationRequired: () => Effect.succeed("x")
        }),
        Effect.provide(clientLayer(http.layer))
      )
      // after catchTags the error channel is `never`: the handlers above are exhaustive
      const exhaustive: Effect.Effect<string, never> = Effect.succeed(outcome)
      assert.strictEqual(yield* exhaustive, "caught unauthorized")
    }))

  it("isNotionClientError rejects look-alikes", () => {
    assert.isFalse(NotionError.isNotionClientError({ _tag: "Unauthorized" }))
    assert.isFalse(NotionError.isNotionClientError(new Error("boom")))
    assert.isTrue(NotionError.isNotionClientError(new NotionError.InvalidToken()))
  })
})
