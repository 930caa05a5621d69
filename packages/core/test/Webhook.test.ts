import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Webhook from "../src/Webhook.js"
import { base, fixtures, hmacHex, page, parent, secret, token } from "./utils/webhook.js"

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
      const token = yield* Webhook.parseVerification(JSON.stringify({ verification_token: secret }))
      assert.strictEqual(Redacted.value(token), secret)
    }))

  it.effect("only exactly { verification_token: non-empty string } is the handshake", () =>
    Effect.gen(function*() {
      const lookAlikes = [
        { verification_token: secret, extra: true },
        { verification_token: "" },
        { verification_token: 7 },
        [{ verification_token: secret }]
      ]
      for (const json of lookAlikes) {
        const error = yield* Effect.flip(Webhook.parseVerification(JSON.stringify(json)))
        assert.strictEqual(error._tag, "WebhookPayloadError")
        assert.notInclude(JSON.stringify(error) + error.message, secret)
        // parse does not take it for the handshake either: it is decoded as an event, and is not one
        assert.strictEqual((yield* Effect.flip(Webhook.parse(JSON.stringify(json))))._tag, "WebhookPayloadError")
      }
      // an event carrying the field is an event for parse, and parseEvent never answers the handshake
      const carrying = { ...fixtures["page.created"], verification_token: secret }
      assert.strictEqual((yield* Webhook.parse(JSON.stringify(carrying)))._tag, "Event")
      const handshake = yield* Effect.flip(Webhook.parseEvent(JSON.stringify({ verification_token: secret })))
      assert.strictEqual(handshake._tag, "WebhookPayloadError")
      assert.strictEqual((yield* Webhook.parseEvent(JSON.stringify(carrying))).id, base.id)
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

describe("Webhook errors", () => {
  it("WebhookError is a union of tagged errors", () => {
    const errors: ReadonlyArray<Webhook.WebhookError> = [
      new Webhook.WebhookSignatureError({ reason: "mismatch" }),
      new Webhook.WebhookPayloadError({ reason: "stale", message: "old" }),
      new Webhook.WebhookLimitError({ reason: "size", limit: 10 }),
      new Webhook.WebhookLimitError({ reason: "depth", limit: 4 })
    ]
    assert.deepStrictEqual(errors.map((e) => e._tag), [
      "WebhookSignatureError",
      "WebhookPayloadError",
      "WebhookLimitError",
      "WebhookLimitError"
    ])
    assert.strictEqual(errors[0]!.message, "The X-Notion-Signature header does not match the body")
    assert.strictEqual(errors[1]!.message, "old")
    assert.strictEqual(errors[2]!.message, "The webhook body is larger than 10 bytes")
    assert.strictEqual(errors[3]!.message, "The webhook body nests arrays and objects deeper than 4 levels")
  })
})

describe("Webhook limits", () => {
  const parsers: ReadonlyArray<
    readonly [string, (body: Uint8Array | string) => Effect.Effect<unknown, Webhook.WebhookError>]
  > = [
    ["parse", (body) => Webhook.parse(body)],
    ["parseEvent", (body) => Webhook.parseEvent(body)],
    ["parseVerification", (body) => Webhook.parseVerification(body)]
  ]

  it.effect("3,000-deep arrays or objects fail with reason depth, before any parsing that could overflow", () =>
    Effect.gen(function*() {
      const bodies = [
        "[".repeat(3_000) + "]".repeat(3_000),
        "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
        // unbalanced: the scan counts only what opens
        "[".repeat(100_000)
      ]
      for (const [name, parse] of parsers) {
        for (const body of bodies) {
          for (const input of [body, new TextEncoder().encode(body)]) {
            const error = yield* Effect.flip(parse(input))
            assert.strictEqual(error._tag, "WebhookLimitError", name)
            if (error._tag !== "WebhookLimitError") return
            assert.strictEqual(error.reason, "depth")
            assert.strictEqual(error.limit, Webhook.defaultMaxDepth)
          }
        }
      }
    }))

  it.effect("depth counts arrays and objects, not brackets inside strings; maxDepth sets the bound", () =>
    Effect.gen(function*() {
      const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)
      const at = { ...fixtures["page.created"], extra: JSON.parse(nested(Webhook.defaultMaxDepth - 1)) }
      assert.strictEqual((yield* Webhook.parseEvent(JSON.stringify(at))).id, base.id)
      const past = { ...at, extra: JSON.parse(nested(Webhook.defaultMaxDepth)) }
      assert.strictEqual((yield* Effect.flip(Webhook.parseEvent(JSON.stringify(past))))._tag, "WebhookLimitError")
      // brackets and escaped quotes inside strings
      const text = { ...fixtures["page.created"], note: `\\"${"[{".repeat(500)}\\` }
      assert.strictEqual((yield* Webhook.parseEvent(JSON.stringify(text))).id, base.id)
      const limited = yield* Effect.flip(Webhook.parseEvent(JSON.stringify(fixtures["page.created"]), { maxDepth: 2 }))
      assert.deepStrictEqual([limited._tag, (limited as Webhook.WebhookLimitError).limit], ["WebhookLimitError", 2])
      assert.strictEqual(
        yield* Effect.flip(Webhook.parseVerification("[[1]]", { maxDepth: 1 })).pipe(
          Effect.map((e) => e._tag)
        ),
        "WebhookLimitError"
      )
    }))

  it.effect("a body over maxBytes (1 MiB by default) fails with reason size, counted in UTF-8 bytes", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ ...fixtures["page.created"], pad: "x".repeat(Webhook.defaultMaxBytes) })
      for (const [name, parse] of parsers) {
        const error = yield* Effect.flip(parse(body))
        assert.strictEqual(error._tag, "WebhookLimitError", name)
        if (error._tag === "WebhookLimitError") {
          assert.deepStrictEqual([error.reason, error.limit], ["size", Webhook.defaultMaxBytes])
        }
      }
      const event = JSON.stringify({ ...fixtures["page.created"], note: "é" })
      const bytes = new TextEncoder().encode(event).length
      assert.strictEqual(bytes, event.length + 1)
      assert.strictEqual((yield* Webhook.parseEvent(event, { maxBytes: bytes })).id, base.id)
      const over = yield* Effect.flip(Webhook.parseEvent(event, { maxBytes: bytes - 1 }))
      assert.deepStrictEqual([over._tag, (over as Webhook.WebhookLimitError).reason], ["WebhookLimitError", "size"])
    }))
})
