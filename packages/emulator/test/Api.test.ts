import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { call } from "./utils.js"

const PAGE = Fixture.pages.roadmap
const CHILD_PAGE = Fixture.pages.meetingNotes
const PRIVATE_PAGE = Fixture.pages.privatePlans

describe("emulator API rules", () => {
  it.scoped("the same checks as Notion: version, bearer, route, JSON, parameter types", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const noVersion = yield* call(emulator, "GET", "/v1/users/me", { version: null })
      assert.strictEqual(noVersion.status, 400)
      assert.strictEqual(noVersion.json.code, "missing_version")
      const noBearer = yield* call(emulator, "GET", "/v1/users/me", { token: null })
      assert.deepStrictEqual([noBearer.status, noBearer.json.code], [401, "unauthorized"])
      const badBearer = yield* call(emulator, "GET", "/v1/users/me", { token: "secret_wrong" })
      assert.deepStrictEqual([badBearer.status, badBearer.json.code], [401, "unauthorized"])
      const unknown = yield* call(emulator, "GET", "/v1/nope")
      assert.deepStrictEqual([unknown.status, unknown.json.code], [400, "invalid_request_url"])
      const malformed = yield* call(emulator, "POST", "/v1/search", { rawBody: `{"query": ` })
      assert.deepStrictEqual([malformed.status, malformed.json.code], [400, "invalid_json"])
      const wrongType = yield* call(emulator, "POST", "/v1/search", { body: { query: 5 } })
      assert.deepStrictEqual([wrongType.status, wrongType.json.code], [400, "validation_error"])
      const tooBig = yield* call(emulator, "GET", "/v1/users?page_size=101")
      assert.deepStrictEqual([tooBig.status, tooBig.json.code], [400, "validation_error"])
      const badCursor = yield* call(emulator, "GET", "/v1/users?start_cursor=nope")
      assert.deepStrictEqual([badCursor.status, badCursor.json.code], [400, "validation_error"])
      assert.strictEqual(unknown.headers.get("x-notion-request-id"), unknown.json.request_id)
    }))

  it.scoped("pages: shared ones and their descendants are visible, others are 404", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const shared = yield* call(emulator, "GET", `/v1/pages/${PAGE}`)
      assert.strictEqual(shared.status, 200)
      assert.strictEqual(shared.json.object, "page")
      assert.strictEqual(shared.json.properties.title.title[0].plain_text, "Roadmap")
      const child = yield* call(emulator, "GET", `/v1/pages/${CHILD_PAGE}`)
      assert.deepStrictEqual(child.json.parent, { type: "page_id", page_id: PAGE })
      const hidden = yield* call(emulator, "GET", `/v1/pages/${PRIVATE_PAGE}`)
      assert.deepStrictEqual([hidden.status, hidden.json.code], [404, "object_not_found"])
      const search = yield* call(emulator, "POST", "/v1/search", { body: { query: "" } })
      const ids = search.json.results.map((p: any) => p.id)
      // the shared fixture pages first, then the seeded "Tasks" data source's rows and the data source itself
      assert.deepStrictEqual(ids.slice(0, 2), [PAGE, CHILD_PAGE])
      assert.notInclude(ids, PRIVATE_PAGE)
      assert.include(ids, Fixture.tasks.dataSourceId)
      const found = yield* call(emulator, "POST", "/v1/search", { body: { query: "meeting" } })
      assert.deepStrictEqual(found.json.results.map((p: any) => p.id), [CHILD_PAGE])
    }))

  it.scoped("users and block children paginate with page_size and start_cursor", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const first = yield* call(emulator, "GET", "/v1/users?page_size=2")
      assert.strictEqual(first.json.results.length, 2)
      assert.isTrue(first.json.has_more)
      const second = yield* call(emulator, "GET", `/v1/users?page_size=2&start_cursor=${first.json.next_cursor}`)
      assert.strictEqual(second.json.results.length, 1)
      assert.isFalse(second.json.has_more)
      assert.isNull(second.json.next_cursor)
      const blocks = yield* call(emulator, "GET", `/v1/blocks/${PAGE}/children?page_size=2`)
      assert.deepStrictEqual(blocks.json.results.map((b: any) => b.paragraph.rich_text[0].plain_text), [
        "Ship the SDK",
        "Write the docs"
      ])
      assert.isTrue(blocks.json.results[1].has_children)
      const nested = yield* call(emulator, "GET", `/v1/blocks/${blocks.json.results[1].id}/children`)
      assert.strictEqual(nested.json.results[0].paragraph.rich_text[0].plain_text, "Quick start first")
      const me = yield* call(emulator, "GET", "/v1/users/me")
      assert.strictEqual(me.json.type, "bot")
      assert.strictEqual(me.json.bot.workspace_name, "Acme")
      const user = yield* call(emulator, "GET", `/v1/users/${first.json.results[0].id}`)
      assert.strictEqual(user.json.person.email, "ada@acme.test")
    }))

  it.scoped("an integration without user access gets 403 restricted_resource", () =>
    Effect.gen(function*() {
      const base = Fixture.defaultFixture()
      const fixture: Fixture.Fixture = {
        ...base,
        integrations: base.integrations.map((i) => i.type === "internal" ? { ...i, readUsers: false } : i)
      }
      const emulator = yield* NotionEmulator.make({ fixture })
      const users = yield* call(emulator, "GET", "/v1/users")
      assert.deepStrictEqual([users.status, users.json.code], [403, "restricted_resource"])
      const page = yield* call(emulator, "GET", `/v1/pages/${PAGE}`)
      assert.strictEqual(page.status, 200)
    }))

  it.scoped("rate limits: a budget per connection per window, then 429 with Retry-After", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make({ rateLimit: { requests: 3, window: "60 seconds" } })
      for (let i = 0; i < 3; i++) assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me")).status, 200)
      yield* TestClock.adjust("15 seconds")
      const limited = yield* call(emulator, "GET", "/v1/users/me")
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.json.code, "rate_limited")
      assert.strictEqual(limited.headers.get("retry-after"), "45")
      assert.deepStrictEqual(limited.json.additional_data, { rate_limit_reason: "connection_rate_limit" })
      yield* TestClock.adjust("45 seconds")
      assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me")).status, 200)
      const stats = yield* emulator.stats
      assert.strictEqual(stats.rateLimited, 1)
      assert.strictEqual(stats.requests["GET /v1/users/me"], 5)
    }))

  it.scoped("an optional per-workspace budget is shared by every connection of the workspace", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make({ workspaceRateLimit: { requests: 2, window: "5 minutes" } })
      yield* call(emulator, "GET", "/v1/users/me")
      yield* call(emulator, "GET", "/v1/users")
      const limited = yield* call(emulator, "GET", "/v1/users/me")
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers.get("retry-after"), "300")
      assert.strictEqual(limited.json.additional_data.rate_limit_reason, "workspace_rate_limit")
    }))
})

describe("emulator faults", () => {
  it.scoped("statuses, HTML 502 with cf-ray, non-JSON bodies; per route and limited in times", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      yield* emulator.injectFault({ route: "GET /v1/users/me", times: 1, kind: { _tag: "Status", status: 503 } })
      const unavailable = yield* call(emulator, "GET", "/v1/users/me")
      assert.deepStrictEqual([unavailable.status, unavailable.json.code], [503, "service_unavailable"])
      assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me")).status, 200)
      yield* emulator.injectFault({
        route: "GET /v1/users",
        times: 1,
        kind: { _tag: "Status", status: 529, retryAfter: "2" }
      })
      const overload = yield* call(emulator, "GET", "/v1/users")
      assert.deepStrictEqual([overload.status, overload.json.code, overload.headers.get("retry-after")], [
        529,
        "service_overload",
        "2"
      ])
      yield* emulator.injectFault({ times: 1, kind: { _tag: "HtmlBadGateway" } })
      const html = yield* call(emulator, "GET", `/v1/pages/${PAGE}`)
      assert.strictEqual(html.status, 502)
      assert.include(html.text, "<html>")
      assert.isNotNull(html.headers.get("cf-ray"))
      yield* emulator.injectFault({ times: 1, kind: { _tag: "NonJson" } })
      const nonJson = yield* call(emulator, "GET", "/v1/users/me")
      assert.strictEqual(nonJson.status, 200)
      assert.isUndefined(nonJson.json)
      yield* emulator.clearFaults
      yield* emulator.injectFault({ kind: { _tag: "Status", status: 500 } })
      yield* emulator.clearFaults
      assert.strictEqual((yield* call(emulator, "GET", "/v1/users/me")).status, 200)
    }))

  it.scoped("probabilistic faults follow the seed", () =>
    Effect.gen(function*() {
      const outcomes = (seed: number) =>
        Effect.scoped(Effect.gen(function*() {
          const emulator = yield* NotionEmulator.make({
            seed,
            faults: [{ probability: 0.5, kind: { _tag: "Status", status: 500 } }]
          })
          const statuses: Array<number> = []
          for (let i = 0; i < 20; i++) statuses.push((yield* call(emulator, "GET", "/v1/users/me")).status)
          return statuses
        }))
      const a = yield* outcomes(42)
      assert.deepStrictEqual(yield* outcomes(42), a)
      assert.isTrue(a.includes(500) && a.includes(200))
    }))

  it.scoped("latency delays the answer by the configured time", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make({ faults: [{ kind: { _tag: "Latency", duration: "30 seconds" } }] })
      const fiber = yield* Effect.fork(call(emulator, "GET", "/v1/users/me"))
      yield* Effect.promise(() => new Promise((r) => setTimeout(r, 50)))
      assert.isNull(yield* Fiber.poll(fiber).pipe(Effect.map((o) => o._tag === "Some" ? "done" : null)))
      yield* TestClock.adjust("30 seconds")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
    }))

  const abortAfter = (emulator: NotionEmulator.Service, millis: number) =>
    Effect.promise(async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), millis)
      try {
        const response = await fetch(`${emulator.url}/v1/users`, {
          headers: { authorization: `Bearer secret_emulator_internal_token`, "notion-version": "2025-09-03" },
          signal: controller.signal
        })
        const headersArrived = response.status
        try {
          await response.text()
          return { headersArrived, body: "complete" }
        } catch (e) {
          return { headersArrived, body: (e as Error).name }
        }
      } catch (e) {
        return { headersArrived: null, body: (e as Error).name }
      } finally {
        clearTimeout(timer)
      }
    })

  it.scoped("stalled headers, stalled bodies and resets mid-body", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "StallHeaders" } })
      assert.deepStrictEqual(yield* abortAfter(emulator, 200), { headersArrived: null, body: "AbortError" })
      yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "StallBody" } })
      assert.deepStrictEqual(yield* abortAfter(emulator, 200), { headersArrived: 200, body: "AbortError" })
      yield* emulator.injectFault({ route: "GET /v1/users", times: 1, kind: { _tag: "ResetMidBody" } })
      const reset = yield* abortAfter(emulator, 5_000)
      assert.strictEqual(reset.headersArrived, 200)
      assert.strictEqual(reset.body, "TypeError") // "terminated": the socket closed before the body ended
      const stats = yield* emulator.stats
      assert.strictEqual(stats.requests["GET /v1/users"], 3)
    }))
})
