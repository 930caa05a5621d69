import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { createHmac } from "node:crypto"
import * as Http from "node:http"
import * as Webhook from "../src/Webhook.js"
import * as WebhookHttp from "../src/WebhookHttp.js"

const secret = "secret_w3bh00kT0kenThatMustNeverLeak"
const token = Redacted.make(secret)

const hmacHex = (key: string, body: string | Uint8Array) => createHmac("sha256", key).update(body).digest("hex")

const base = {
  id: "367cba44-b6f3-4c92-81e7-6a2e9659efd4",
  timestamp: "2025-10-01T12:00:00.000Z",
  workspace_id: "13950b26-c203-4f3b-b97d-93ec06319565",
  workspace_name: "Quantify Labs",
  subscription_id: "29d75c0d-5546-4414-8459-7b7a92f1fc4b",
  integration_id: "0ef2e755-4912-8096-91c1-00376a88a5ca",
  authors: [{ id: "c7c11cca-1d73-471d-9b6e-bdef51470190", type: "person" }],
  attempt_number: 1,
  api_version: "2025-09-03"
}

const parent = { id: "13950b26-c203-4f3b-b97d-93ec06319565", type: "space" }
const page = { id: "153104cd-477e-809d-8dc4-ff2d96ae3090", type: "page" }
const database = { id: "1d2104cd-477e-80b6-a7a0-e2fb8fb6f3a1", type: "database" }
const dataSource = { id: "1d2104cd-477e-80e5-b0e2-000b3d1b7f9a", type: "data_source" }
const comment = { id: "15a104cd-477e-80a1-a94b-001d94e4e4d6", type: "comment" }
const fileUpload = { id: "1f5104cd-477e-80a3-8c5b-00b2f1d9b3e2", type: "file_upload" }
const view = { id: "2a1104cd-477e-8011-9d3c-00c2b1f0e7a4", type: "view" }
const blocks = [{ id: "153104cd-477e-80ec-b6dd-f7e6d1a1b2c3", type: "block" }]
const properties = [{ id: "title", name: "Name", action: "updated" }]

const fixture = (type: Webhook.EventType, entity: object, data?: object) => ({
  ...base,
  type,
  entity,
  ...(data === undefined ? {} : { data })
})

/** One delivery per known type (a `Record` so a new type without a fixture does not compile). */
const fixtures: Record<Webhook.EventType, object> = {
  "page.content_updated": fixture("page.content_updated", page, { parent, updated_blocks: blocks }),
  "page.created": fixture("page.created", page, { parent }),
  "page.deleted": fixture("page.deleted", page, { parent }),
  "page.locked": fixture("page.locked", page, { parent }),
  "page.moved": fixture("page.moved", page, { parent: { ...page, id: "p2" } }),
  "page.properties_updated": fixture("page.properties_updated", page, { parent, updated_properties: ["title"] }),
  "page.undeleted": fixture("page.undeleted", page, { parent }),
  "page.unlocked": fixture("page.unlocked", page, { parent }),
  "page.transcription_block.transcript_deleted": fixture("page.transcription_block.transcript_deleted", page, {
    target: { id: "b1", type: "block" },
    transcript_id: null
  }),
  "database.content_updated": fixture("database.content_updated", database, { parent, updated_blocks: blocks }),
  "database.created": fixture("database.created", database, { parent }),
  "database.deleted": fixture("database.deleted", { ...database, type: "block" }, { parent }),
  "database.moved": fixture("database.moved", database, { parent }),
  "database.schema_updated": fixture("database.schema_updated", database, {
    parent,
    updated_properties: properties
  }),
  "database.undeleted": fixture("database.undeleted", database, { parent }),
  "data_source.content_updated": fixture("data_source.content_updated", dataSource, {
    parent: { ...database, data_source_id: dataSource.id },
    updated_blocks: blocks
  }),
  "data_source.created": fixture("data_source.created", dataSource, { parent: database }),
  "data_source.deleted": fixture("data_source.deleted", dataSource, { parent: database }),
  "data_source.moved": fixture("data_source.moved", dataSource, { parent: database }),
  "data_source.schema_updated": fixture("data_source.schema_updated", dataSource, {
    parent: database,
    updated_properties: [{ id: "abc", name: null, action: "deleted" }]
  }),
  "data_source.undeleted": fixture("data_source.undeleted", dataSource, { parent: database }),
  "comment.created": fixture("comment.created", comment, { parent: page, page_id: page.id }),
  "comment.deleted": fixture("comment.deleted", comment, { parent: page, page_id: page.id }),
  "comment.updated": fixture("comment.updated", comment, { parent: { id: "b1", type: "block" }, page_id: page.id }),
  "file_upload.completed": fixture("file_upload.completed", fileUpload),
  "file_upload.created": fixture("file_upload.created", fileUpload),
  "file_upload.expired": fixture("file_upload.expired", fileUpload, {}),
  "file_upload.upload_failed": fixture("file_upload.upload_failed", fileUpload, {
    file_import_result: {
      type: "error",
      imported_time: "2025-10-01T11:59:00.000Z",
      error: {
        type: "validation_error",
        code: "file_too_large",
        message: "The file is too large",
        parameter: null,
        status_code: 400
      }
    }
  }),
  "view.created": fixture("view.created", view, { parent: database, view_type: "table" }),
  "view.deleted": fixture("view.deleted", view, { parent: database }),
  "view.updated": fixture("view.updated", view, { parent: database, updated_fields: ["filter", "sorts"] })
}

const parseEvent = (json: unknown, options?: Webhook.ParseOptions) =>
  Effect.flatMap(
    Webhook.parse(JSON.stringify(json), options),
    (payload) => payload._tag === "Event" ? Effect.succeed(payload.event) : Effect.dieMessage("not an event")
  )

describe("Webhook signatures", () => {
  const body = JSON.stringify(fixtures["page.created"])

  it.effect("sign gives sha256=<hex> of HMAC-SHA256(token, raw body), and verifySignature accepts it", () =>
    Effect.gen(function*() {
      const expected = `sha256=${hmacHex(secret, body)}`
      assert.strictEqual(yield* Webhook.sign({ body, verificationToken: token }), expected)
      const bytes = new TextEncoder().encode(body)
      assert.strictEqual(yield* Webhook.sign({ body: bytes, verificationToken: token }), expected)
      yield* Webhook.verifySignature({ body, signature: expected, verificationToken: token })
      yield* Webhook.verifySignature({ body: bytes, signature: expected, verificationToken: token })
      // a view into a larger buffer: only its bytes count
      const padded = new Uint8Array(bytes.length + 8)
      padded.set(bytes, 4)
      yield* Webhook.verifySignature({
        body: padded.subarray(4, 4 + bytes.length),
        signature: expected,
        verificationToken: token
      })
      // hex digits in either case
      yield* Webhook.verifySignature({
        body,
        signature: expected.toUpperCase().replace("SHA256", "sha256"),
        verificationToken: token
      })
    }))

  it.effect("a known-answer vector (RFC 4231 test case 2)", () =>
    Effect.gen(function*() {
      const signature = yield* Webhook.sign({
        body: "what do ya want for nothing?",
        verificationToken: Redacted.make("Jefe")
      })
      assert.strictEqual(signature, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
      assert.strictEqual(signature, `sha256=${hmacHex("Jefe", "what do ya want for nothing?")}`)
    }))

  it.effect("the exact bytes are signed: re-serialised JSON does not verify", () =>
    Effect.gen(function*() {
      const spaced = JSON.stringify(fixtures["page.created"], null, 2)
      const signature = yield* Webhook.sign({ body: spaced, verificationToken: token })
      const error = yield* Effect.flip(Webhook.verifySignature({
        body: JSON.stringify(JSON.parse(spaced)),
        signature,
        verificationToken: token
      }))
      assert.strictEqual(error.reason, "mismatch")
    }))

  const failures: ReadonlyArray<
    readonly [string, { body: string; signature: string | undefined; token: string }, string]
  > = [
    ["tampered body", { body: body.replace("Quantify", "Qvantify"), signature: "valid", token: secret }, "mismatch"],
    ["wrong token", { body, signature: "valid", token: "secret_other" }, "mismatch"],
    ["other digest", { body, signature: `sha256=${"0".repeat(64)}`, token: secret }, "mismatch"],
    ["no prefix", { body, signature: hmacHex(secret, body), token: secret }, "malformed"],
    ["other algorithm", { body, signature: `sha1=${hmacHex(secret, body)}`, token: secret }, "malformed"],
    ["short digest", { body, signature: `sha256=${hmacHex(secret, body).slice(2)}`, token: secret }, "malformed"],
    ["long digest", { body, signature: `sha256=${hmacHex(secret, body)}00`, token: secret }, "malformed"],
    ["not hex", { body, signature: `sha256=${"z".repeat(64)}`, token: secret }, "malformed"],
    ["two signatures", { body, signature: `sha256=${hmacHex(secret, body)},sha256=00`, token: secret }, "malformed"],
    ["missing header", { body, signature: undefined, token: secret }, "missing"],
    ["empty header", { body, signature: "", token: secret }, "missing"]
  ]

  for (const [name, input, reason] of failures) {
    it.effect(`${name} fails with reason ${reason}`, () =>
      Effect.gen(function*() {
        const signature = input.signature === "valid"
          ? `sha256=${hmacHex(secret, body)}`
          : input.signature
        const error = yield* Effect.flip(Webhook.verifySignature({
          body: input.body,
          signature,
          verificationToken: Redacted.make(input.token)
        }))
        assert.strictEqual(error._tag, "WebhookSignatureError")
        assert.strictEqual(error.reason, reason)
        for (const text of [error.message, String(error), JSON.stringify(error)]) {
          assert.notInclude(text, secret)
          assert.notInclude(text, input.token)
        }
        // users can catch it by tag
        const caught = yield* Webhook.verifySignature({ body: input.body, signature, verificationToken: token }).pipe(
          Effect.as("ok"),
          Effect.catchTag("WebhookSignatureError", (e) => Effect.succeed(e.reason))
        )
        assert.include(["ok", "mismatch", "malformed", "missing"], caught)
      }))
  }

  it("constantTimeEqual compares whole byte strings, of any lengths", () => {
    const eq = Webhook.constantTimeEqual
    assert.isTrue(eq(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])))
    assert.isTrue(eq(new Uint8Array([]), new Uint8Array([])))
    assert.isFalse(eq(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])))
    assert.isFalse(eq(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2])))
    assert.isFalse(eq(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0])))
    assert.isFalse(eq(new Uint8Array([0]), new Uint8Array([])))
    assert.isFalse(eq(new Uint8Array([]), new Uint8Array(32)))
  })
})

describe("Webhook payloads", () => {
  it("EventType lists the 31 types of the official SDK, each with a fixture", () => {
    assert.strictEqual(Webhook.EventType.literals.length, 31)
    assert.sameMembers([...Webhook.EventType.literals], Object.keys(fixtures))
  })

  it.effect("every event type decodes to its known member, unknown fields kept", () =>
    Effect.gen(function*() {
      for (const type of Webhook.EventType.literals) {
        const event = yield* parseEvent({ ...fixtures[type], future_field: { kept: true } })
        assert.strictEqual(event.type, type)
        assert.isTrue(Webhook.isKnownEvent(event), type)
        assert.deepStrictEqual((event as unknown as Record<string, unknown>).future_field, { kept: true })
      }
    }))

  it.effect("known events narrow on type", () =>
    Effect.gen(function*() {
      const event = yield* parseEvent(fixtures["page.properties_updated"])
      if (!Webhook.isKnownEvent(event)) return assert.fail("known")
      switch (event.type) {
        case "page.properties_updated":
          return assert.deepStrictEqual(event.data.updated_properties, ["title"])
        default:
          return assert.fail(event.type)
      }
    }))

  it.effect("an unknown event type decodes to the unknown member with its raw JSON", () =>
    Effect.gen(function*() {
      const raw = {
        ...base,
        type: "page.summarized",
        entity: { id: page.id, type: "page" },
        data: { summary: { text: "new" } },
        extra: [1, 2]
      }
      const event = yield* parseEvent(raw)
      assert.isFalse(Webhook.isKnownEvent(event))
      if (Webhook.isKnownEvent(event)) return
      assert.strictEqual(event.type, "page.summarized")
      assert.strictEqual(event.id, base.id)
      assert.deepStrictEqual(event, raw as unknown as Webhook.UnknownEvent)
      // a new author kind and entity kind do not make an event undecodable either
      const agent = yield* parseEvent({
        ...fixtures["data_source.created"],
        authors: [{ id: "a1", type: "agent" }, { id: "a2", type: "robot" }]
      })
      assert.isTrue(Webhook.isKnownEvent(agent))
    }))

  it.effect("a known type with a wrong payload fails with reason shape, naming paths only", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(parseEvent({
        ...fixtures["page.properties_updated"],
        data: { parent, updated_properties: "title-secretvalue" }
      }))
      assert.strictEqual(error._tag, "WebhookPayloadError")
      assert.strictEqual(error.reason, "shape")
      assert.include(error.message, "data.updated_properties")
      assert.notInclude(error.message, "secretvalue")
      const envelope = yield* Effect.flip(parseEvent({ ...fixtures["page.created"], attempt_number: "1" }))
      assert.strictEqual(envelope.reason, "shape")
      const notObject = yield* Effect.flip(Webhook.parse("[]"))
      assert.strictEqual(notObject.reason, "shape")
    }))

  it.effect("a body that is not JSON fails with reason json, without quoting the body", () =>
    Effect.gen(function*() {
      const body = `{"verification_token": "${secret}"`
      const error = yield* Effect.flip(Webhook.parse(body))
      assert.strictEqual(error.reason, "json")
      assert.notInclude(JSON.stringify(error), secret)
      assert.notInclude(error.message, secret)
      const notUtf8 = yield* Effect.flip(Webhook.parse(new Uint8Array([0x7b, 0xff, 0x7d])))
      assert.strictEqual(notUtf8.reason, "json")
    }))

  it.effect("the handshake is recognised, its token redacted", () =>
    Effect.gen(function*() {
      const payload = yield* Webhook.parse(JSON.stringify({ verification_token: secret }))
      if (payload._tag !== "Verification") return assert.fail("handshake")
      assert.strictEqual(Redacted.value(payload.token), secret)
      assert.notInclude(String(payload.token), secret)
      assert.notInclude(JSON.stringify(payload), secret)
      const bytes = yield* Webhook.parse(new TextEncoder().encode(JSON.stringify({ verification_token: secret })))
      assert.strictEqual(bytes._tag, "Verification")
    }))

  it.effect("maxAge rejects a stale timestamp against the Clock", () =>
    Effect.gen(function*() {
      const at = Date.parse(base.timestamp)
      yield* TestClock.setTime(at + 2 * 60 * 60 * 1000)
      const json = fixtures["comment.created"]
      const stale = yield* Effect.flip(parseEvent(json, { maxAge: "1 hour" }))
      assert.strictEqual(stale._tag, "WebhookPayloadError")
      assert.strictEqual(stale.reason, "stale")
      assert.strictEqual((yield* parseEvent(json, { maxAge: "3 hours" })).id, base.id)
      assert.strictEqual((yield* parseEvent(json)).id, base.id)
      // a future timestamp (clock skew) is not stale
      yield* TestClock.setTime(at - 60_000)
      assert.strictEqual((yield* parseEvent(json, { maxAge: "1 minute" })).id, base.id)
      const bad = yield* Effect.flip(parseEvent({ ...json, timestamp: "yesterday" }, { maxAge: "1 hour" }))
      assert.strictEqual(bad.reason, "shape")
    }))

  it.effect("decodeEvent takes parsed JSON", () =>
    Effect.gen(function*() {
      const event = yield* Webhook.decodeEvent(fixtures["view.updated"])
      assert.strictEqual(event.type, "view.updated")
      const error = yield* Effect.flip(Webhook.decodeEvent({ verification_token: secret }))
      assert.strictEqual(error.reason, "shape")
      assert.notInclude(error.message, secret)
    }))
})

interface Answer {
  readonly status: number
  readonly body: string
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  Effect.promise(async (): Promise<Answer> => {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers }
    })
    return { status: response.status, body: await response.text() }
  })

/** Serves `app` on the layer's server for the test's scope; logs are kept in `logs`. */
const serve = (app: HttpApp.Default) =>
  Effect.gen(function*() {
    const logs: Array<string> = []
    const logger = Logger.make(({ cause, message }) => {
      logs.push(`${String(message)} ${Cause.isEmpty(cause) ? "" : Cause.pretty(cause)}`)
    })
    const server = yield* HttpServer.HttpServer
    yield* server.serve(Effect.provide(app, Logger.replace(Logger.defaultLogger, logger)))
    const address = server.address
    if (address._tag !== "TcpAddress") return yield* Effect.dieMessage("not a TCP address")
    return { url: `http://127.0.0.1:${address.port}/webhooks/notion`, logs }
  })

const signed = (body: string, key = token) =>
  Effect.map(Webhook.sign({ body, verificationToken: key }), (signature) => ({ "x-notion-signature": signature }))

it.layer(NodeHttpServer.layer(() => Http.createServer(), { port: 0, host: "127.0.0.1" }))("WebhookHttp", (it) => {
  const recorder = () => {
    const events: Array<Webhook.Event> = []
    const tokens: Array<Redacted.Redacted<string>> = []
    return {
      events,
      tokens,
      onEvent: (event: Webhook.Event) => Effect.sync(() => void events.push(event)),
      onVerification: (received: Redacted.Redacted<string>) => Effect.sync(() => void tokens.push(received))
    }
  }

  const assertNoLeak = (answers: ReadonlyArray<Answer>, logs: ReadonlyArray<string>) => {
    for (const answer of answers) assert.notInclude(answer.body, secret)
    for (const line of logs) assert.notInclude(line, secret)
  }

  it.scoped("handshake, signed, unsigned and badly signed deliveries over a real socket", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      const answers: Array<Answer> = []
      const send = (body: string, headers?: Record<string, string>) =>
        Effect.tap(post(url, body, headers), (answer) => void answers.push(answer))

      const handshake = yield* send(JSON.stringify({ verification_token: secret }))
      assert.strictEqual(handshake.status, 200)
      assert.strictEqual(r.tokens.length, 1)
      assert.strictEqual(Redacted.value(r.tokens[0]!), secret)

      const body = JSON.stringify(fixtures["page.content_updated"])
      const ok = yield* send(body, yield* signed(body))
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(r.events.length, 1)
      assert.strictEqual(r.events[0]!.type, "page.content_updated")
      assert.strictEqual(r.events[0]!.id, base.id)

      const unknown = JSON.stringify({ ...fixtures["page.created"], type: "page.summarized" })
      assert.strictEqual((yield* send(unknown, yield* signed(unknown))).status, 200)
      assert.strictEqual(r.events[1]!.type, "page.summarized")
      assert.isFalse(Webhook.isKnownEvent(r.events[1]!))

      const unsigned = yield* send(body)
      assert.strictEqual(unsigned.status, 401)
      assert.match(JSON.parse(unsigned.body).error, /missing/)

      const forged = yield* send(body, yield* signed(body, Redacted.make("secret_attacker")))
      assert.strictEqual(forged.status, 401)
      assert.match(JSON.parse(forged.body).error, /does not match/)

      const malformed = yield* send(body, { "x-notion-signature": "sha256=nope" })
      assert.strictEqual(malformed.status, 401)
      assert.isString(JSON.parse(malformed.body).error)

      const tampered = yield* send(body.replace("Quantify", "Qvantify"), yield* signed(body))
      assert.strictEqual(tampered.status, 401)

      const notJson = "{not json"
      assert.strictEqual((yield* send(notJson, yield* signed(notJson))).status, 400)
      const wrongShape = JSON.stringify({ ...fixtures["page.created"], entity: null })
      const shape = yield* send(wrongShape, yield* signed(wrongShape))
      assert.strictEqual(shape.status, 400)
      assert.isString(JSON.parse(shape.body).error)
      // a malformed but unsigned body is refused for its signature first
      assert.strictEqual((yield* send(notJson)).status, 401)

      assert.strictEqual(r.events.length, 2)
      assert.strictEqual(r.tokens.length, 1)
      assertNoLeak(answers, logs)
    }))

  it.scoped("stale events are answered 400", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent,
        maxAge: "1 hour"
      }))
      // the server runs the handler with the test's services: its Clock is the TestClock
      yield* TestClock.setTime(Date.now())
      const stale = JSON.stringify(fixtures["comment.created"])
      const answer = yield* post(url, stale, yield* signed(stale))
      assert.strictEqual(answer.status, 400)
      assert.match(JSON.parse(answer.body).error, /older/)
      const fresh = JSON.stringify({ ...fixtures["comment.created"], timestamp: new Date().toISOString() })
      assert.strictEqual((yield* post(url, fresh, yield* signed(fresh))).status, 200)
      assert.strictEqual(r.events.length, 1)
    }))

  it.scoped("a token not known yet: the handshake is answered, events are refused", () =>
    Effect.gen(function*() {
      const r = recorder()
      let stored = Option.none<Redacted.Redacted<string>>()
      const { url } = yield* serve(WebhookHttp.handler({
        verificationToken: Effect.sync(() => stored),
        onVerification: (received) => Effect.sync(() => void (stored = Option.some(received))),
        onEvent: r.onEvent
      }))
      const body = JSON.stringify(fixtures["view.created"])
      const early = yield* post(url, body, yield* signed(body))
      assert.strictEqual(early.status, 401)
      assert.strictEqual(r.events.length, 0)
      assert.strictEqual((yield* post(url, JSON.stringify({ verification_token: secret }))).status, 200)
      assert.strictEqual((yield* post(url, body, yield* signed(body))).status, 200)
      assert.strictEqual(r.events.length, 1)
    }))

  it.scoped("a failing onEvent or token lookup answers 500 without the token, and only POST is accepted", () =>
    Effect.gen(function*() {
      const failing = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: () => Effect.void,
        onEvent: () => Effect.fail(new Error("downstream unavailable"))
      }))
      const body = JSON.stringify(fixtures["page.deleted"])
      const answers: Array<Answer> = []
      const failed = yield* post(failing.url, body, yield* signed(body))
      answers.push(failed)
      assert.strictEqual(failed.status, 500)
      assert.deepStrictEqual(JSON.parse(failed.body), { error: "Internal error" })
      assert.isTrue(failing.logs.some((line) => line.includes("downstream unavailable")))

      const dying = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: () => Effect.void,
        onEvent: () => Effect.die(new Error("boom"))
      }))
      const died = yield* post(dying.url, body, yield* signed(body))
      answers.push(died)
      assert.strictEqual(died.status, 500)

      const lookup = yield* serve(WebhookHttp.handler({
        verificationToken: Effect.fail("vault down"),
        onVerification: () => Effect.void,
        onEvent: () => Effect.void
      }))
      const lookedUp = yield* post(lookup.url, body, yield* signed(body))
      answers.push(lookedUp)
      assert.strictEqual(lookedUp.status, 500)

      const get = yield* Effect.promise(() => fetch(failing.url))
      assert.strictEqual(get.status, 405)
      assertNoLeak(answers, [...failing.logs, ...dying.logs, ...lookup.logs])
    }))

  it.effect("handler's types: callbacks' requirements flow to the app", () =>
    Effect.sync(() => {
      const app = WebhookHttp.handler({
        verificationToken: token,
        onVerification: () => Effect.void,
        onEvent: (event) => Effect.log(event.id)
      })
      const _check: HttpApp.Default = app
      assert.isTrue(Effect.isEffect(_check))
    }))
})

describe("Webhook errors", () => {
  it("WebhookError is a union of tagged errors", () => {
    const errors: ReadonlyArray<Webhook.WebhookError> = [
      new Webhook.WebhookSignatureError({ reason: "mismatch" }),
      new Webhook.WebhookPayloadError({ reason: "stale", message: "old" })
    ]
    assert.deepStrictEqual(errors.map((e) => e._tag), ["WebhookSignatureError", "WebhookPayloadError"])
    assert.strictEqual(errors[0]!.message, "The X-Notion-Signature header does not match the body")
    assert.strictEqual(errors[1]!.message, "old")
  })
})
