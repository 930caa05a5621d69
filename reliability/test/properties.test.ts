// Property-based tests (fast-check, as `effect/FastCheck`): request building, Retry-After parsing, error-body
// decoding, Basic-auth encoding and state signing hold for any input, not only the examples we thought of.
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import { assert, describe, it } from "@effect/vitest"
import { NotionAuth, NotionClient, NotionConfig, NotionError } from "@notion-effect/core"
import { OAuthState } from "@notion-effect/oauth"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
// internals, by path: the properties are about them
import { basicAuthorization, pathParam, urlParamsOf } from "../../packages/core/src/internal/request.js"
import { apiError } from "../../packages/core/src/internal/response.js"
import { parseRetryAfter } from "../../packages/core/src/internal/retryAfter.js"

const traversal = /(?:\.|%2e){2}/i

/** A client over a fake HttpClient answering `respond`; the requests it saw are kept. */
const fake = (respond: (url: URL) => unknown) => {
  const urls: Array<URL> = []
  const http = Layer.succeed(
    HttpClient.HttpClient,
    HttpClient.make((request) =>
      Effect.sync(() => {
        const url = new URL(request.url)
        for (const [k, v] of new URLSearchParams(UrlParams.toString(request.urlParams))) url.searchParams.append(k, v)
        urls.push(url)
        return HttpClientResponse.fromWeb(request, Response.json(respond(url)))
      })
    )
  )
  const layer = NotionClient.layer.pipe(
    Layer.provide([http, NotionAuth.layer(Redacted.make("secret_x")), NotionConfig.layer()])
  )
  return { urls, client: Effect.provide(NotionClient.NotionClient, layer) }
}

const user = (id: string) => ({ object: "user", id, name: null, avatar_url: null, type: "person", person: {} })

describe("request building", () => {
  it("any id is encoded into its path segment and decodes back; traversal and empty ids are refused", () => {
    FastCheck.assert(
      FastCheck.property(FastCheck.string({ unit: "grapheme", maxLength: 40 }), (id) => {
        const result = pathParam("page_id", id)
        if (id === "" || id === "." || traversal.test(id)) return Either.isLeft(result)
        return Either.isRight(result) && !result.right.includes("/") && decodeURIComponent(result.right) === id
      }),
      { numRuns: 500 }
    )
  })

  it.effect("through the client: the request reaches /v1/pages/<id> for any id, or nothing is sent", () =>
    Effect.gen(function*() {
      const page = {
        object: "page",
        id: "p",
        created_time: "",
        last_edited_time: "",
        url: "",
        parent: { type: "workspace" },
        properties: {},
        created_by: { object: "user", id: "u" },
        last_edited_by: { object: "user", id: "u" }
      }
      const samples = FastCheck.sample(
        FastCheck.oneof(FastCheck.string(), FastCheck.constantFrom("..", ".", "a/../b", "%2E%2e", "x%2e.")),
        200
      )
      for (const id of samples) {
        const { client, urls } = fake(() => page)
        const exit = yield* Effect.exit(Effect.flatMap(client, (c) => c.pages.retrieve({ page_id: id })))
        if (id === "" || id === "." || traversal.test(id)) {
          assert.strictEqual(urls.length, 0, id)
          assert.isTrue(exit._tag === "Failure", id)
        } else {
          assert.strictEqual(decodeURIComponent(urls[0]!.pathname.slice("/v1/pages/".length)), id)
        }
      }
    }))

  it("query values: arrays become repeated keys in order; null and undefined are omitted", () => {
    FastCheck.assert(FastCheck.property(
      FastCheck.array(FastCheck.oneof(FastCheck.string(), FastCheck.constant(null), FastCheck.constant(undefined))),
      (values) => {
        const params = urlParamsOf({ filter_properties: values }, ["filter_properties"])
        // property ids come URI-encoded in Notion's answers: the SDK decodes each once (a malformed one stays as is)
        const once = (id: string) => {
          try {
            return decodeURIComponent(id)
          } catch {
            return id
          }
        }
        const kept = values.filter((v): v is string => typeof v === "string").map(once)
        return params.length === kept.length && params.every(([k, v], i) => k === "filter_properties" && v === kept[i])
      }
    ))
  })

  it.effect("cursors of any shape round-trip through pagination, every item once and in order", () =>
    Effect.gen(function*() {
      const samples = FastCheck.sample(
        FastCheck.array(FastCheck.string({ minLength: 1 }), { minLength: 1, maxLength: 6 }),
        30
      )
      for (const cursors of samples) {
        const unique = [...new Set(cursors)]
        const { client } = fake((url) => {
          const at = url.searchParams.get("start_cursor")
          const index = at === null ? 0 : unique.indexOf(at) + 1
          const next = unique[index]
          return {
            object: "list",
            results: [user(`u${index}`)],
            next_cursor: next ?? null,
            has_more: next !== undefined
          }
        })
        const ids = yield* Effect.flatMap(client, (c) => Stream.runCollect(NotionClient.paginate(c.users.list, {})))
        assert.deepStrictEqual([...ids].map((u) => u.id), Array.from({ length: unique.length + 1 }, (_, i) => `u${i}`))
      }
    }))
})

describe("Retry-After parsing", () => {
  const now = Date.parse("2026-01-01T00:00:00Z")
  it("whole seconds give that wait; a date gives the time until it; nothing is ever negative or NaN", () => {
    FastCheck.assert(FastCheck.property(FastCheck.nat(10_000_000), (n) => {
      const parsed = parseRetryAfter(String(n), now)
      return Option.isSome(parsed) && Duration.toMillis(parsed.value) === n * 1000
    }))
    FastCheck.assert(FastCheck.property(FastCheck.integer({ min: -10_000_000, max: 10_000_000 }), (offset) => {
      const date = new Date(now + offset * 1000).toUTCString()
      const parsed = parseRetryAfter(date, now)
      return offset < 0
        ? Option.isNone(parsed)
        : Option.isSome(parsed) && Duration.toMillis(parsed.value) === offset * 1000
    }))
    FastCheck.assert(
      FastCheck.property(FastCheck.string(), (garbage) => {
        const parsed = parseRetryAfter(garbage, now)
        return Option.isNone(parsed) ||
          (Duration.toMillis(parsed.value) >= 0 && !Number.isNaN(Duration.toMillis(parsed.value)))
      }),
      { numRuns: 1000 }
    )
  })
})

describe("error-body decoding", () => {
  it("any body with any status becomes a member of the error union, never a throw", () => {
    FastCheck.assert(
      FastCheck.property(
        FastCheck.integer({ min: 100, max: 599 }),
        FastCheck.oneof(
          FastCheck.json(),
          FastCheck.string(),
          FastCheck.record({
            code: FastCheck.oneof(
              FastCheck.string(),
              FastCheck.constantFrom("constructor", "__proto__", "toString", "rate_limited")
            ),
            message: FastCheck.anything()
          }),
          FastCheck.record({ error: FastCheck.string(), error_description: FastCheck.anything() })
        ),
        FastCheck.boolean(),
        (status, body, oauth) => {
          const raw = {
            method: "GET",
            path: "/v1/x",
            status,
            headers: { "retry-after": "3" },
            body: typeof body === "string" ? body : JSON.stringify(body) ?? "",
            secrets: [],
            sensitive: false
          }
          const error = Effect.runSync(apiError(raw, oauth))
          return NotionError.isNotionClientError(error) && error.message.length <= 2048 + 200
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe("Basic auth", () => {
  it("base64(client_id:client_secret) of any UTF-8 text decodes back to the pair", () => {
    FastCheck.assert(
      FastCheck.property(
        FastCheck.string({ unit: "grapheme" }),
        FastCheck.string({ unit: "grapheme" }),
        (clientId, secret) => {
          const header = basicAuthorization({ clientId, clientSecret: Redacted.make(secret) })
          const decoded = Encoding.decodeBase64String(header.slice("Basic ".length))
          return header.startsWith("Basic ") && Either.isRight(decoded) && decoded.right === `${clientId}:${secret}`
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe("state signing", () => {
  it.effect("a signed state verifies; any change to its payload is StateForged", () =>
    Effect.gen(function*() {
      const samples = FastCheck.sample(
        FastCheck.tuple(FastCheck.string({ minLength: 1 }), FastCheck.nat(), FastCheck.nat()),
        100
      )
      for (const [secret, position, replacement] of samples) {
        const key = Redacted.make(secret)
        const state = yield* OAuthState.sign(key)
        yield* OAuthState.verifySigned(key, state)
        const payload = state.split(".")[0]!
        const index = position % payload.length
        const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        let char = alphabet[replacement % alphabet.length]!
        if (char === payload[index]) char = char === "A" ? "B" : "A"
        const tampered = `${payload.slice(0, index)}${char}${payload.slice(index + 1)}${state.slice(payload.length)}`
        const error = yield* Effect.flip(OAuthState.verifySigned(key, tampered))
        assert.strictEqual(error._tag, "StateForged")
      }
    }))
})
