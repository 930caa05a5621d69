import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Http from "node:http"
import * as Webhook from "../src/Webhook.js"
import * as WebhookHttp from "../src/WebhookHttp.js"
import type { App } from "./utils/serve.js"
import { type Answer, base, fixtures, hmacHex, post, secret, serve, signed, token } from "./utils/webhook.js"

/**
 * A POST through `node:http` with the header lines exactly as given (repeated names stay repeated), the body
 * written in the given chunks: with no `content-length` among the headers it goes chunked.
 */
const send = (
  url: string,
  headers: ReadonlyArray<readonly [string, string]>,
  chunks: ReadonlyArray<string | Uint8Array>
) =>
  Effect.async<Answer>((resume) => {
    let done = false
    const finish = (answer: Answer) => {
      if (!done) resume(Effect.succeed(answer))
      done = true
    }
    // with headers as a list, node:http adds no Host header of its own
    const request = Http.request(url, { method: "POST", headers: ["host", new URL(url).host, ...headers.flat()] })
    request.on("response", (response) => {
      let body = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => (body += chunk))
      response.on("end", () => finish({ status: response.statusCode ?? 0, body }))
    })
    // the server may answer and stop reading before the whole body is sent: only a missing answer fails
    request.on("error", (error) => setTimeout(() => finish({ status: 0, body: String(error) }), 1_000))
    const write = (i: number): void => {
      if (i === chunks.length) return void request.end()
      request.write(chunks[i]!, () => write(i + 1))
    }
    write(0)
  })

/** Asserts that each refusal was logged as exactly one warning line, with no cause or stack trace. */
const assertRefusalsLogged = (logs: ReadonlyArray<string>, count: number) => {
  assert.strictEqual(logs.length, count, logs.join("\n"))
  for (const line of logs) {
    assert.match(line, /^WARN Notion webhook delivery refused \(40[01]\): \S/)
    assert.notInclude(line.trim(), "\n")
    assert.notMatch(line, /\bat \S+ \(|Error:|Cause/)
    assert.notInclude(line, secret)
  }
}

const deepArrays = "[".repeat(3_000) + "]".repeat(3_000)

describe("WebhookHttp", () => {
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
        Effect.tap(post(url, body, headers), (answer) => Effect.sync(() => void answers.push(answer)))

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
      const _check: App = app
      assert.isTrue(Effect.isEffect(_check))
    }))

  it.scoped("3,000-deep arrays, unsigned or signed, are answered 400 and reach no callback", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      assert.strictEqual(deepArrays.length, 6_000)
      const unsigned = yield* post(url, deepArrays)
      assert.strictEqual(unsigned.status, 400)
      assert.match(JSON.parse(unsigned.body).error, /deeper than 64 levels/)
      const signedDeep = yield* post(url, deepArrays, yield* signed(deepArrays))
      assert.strictEqual(signedDeep.status, 400)
      assert.match(JSON.parse(signedDeep.body).error, /deeper than 64 levels/)
      // a deep value inside a signed event: the bound holds at any place
      const nested = JSON.stringify({ ...fixtures["page.created"], extra: JSON.parse("[".repeat(65) + "]".repeat(65)) })
      assert.strictEqual((yield* post(url, nested, yield* signed(nested))).status, 400)
      // without a valid signature the body is never parsed: 401
      const forged = yield* post(url, deepArrays, yield* signed(deepArrays, Redacted.make("secret_attacker")))
      assert.strictEqual(forged.status, 401)
      assert.strictEqual(r.events.length + r.tokens.length, 0)
      assertRefusalsLogged(logs, 4)
    }))

  it.scoped("maxDepth is configurable: up to it an event is accepted, one level more is 400", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent,
        maxDepth: 6
      }))
      // the event itself is 3 levels deep (root, data, parent): 5 arrays under the root make 6
      const at = JSON.stringify({ ...fixtures["page.created"], extra: [[[[["["]]]]] })
      assert.strictEqual((yield* post(url, at, yield* signed(at))).status, 200)
      const past = JSON.stringify({ ...fixtures["page.created"], extra: [[[[[["]"]]]]]] })
      assert.strictEqual((yield* post(url, past, yield* signed(past))).status, 400)
      assert.strictEqual(r.events.length, 1)
    }))

  it.scoped("bodies over maxBytes are answered 400: by Content-Length before reading, or while streaming", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent,
        maxBytes: 1024
      }))
      const event = JSON.stringify(fixtures["page.created"])
      // padded to exactly the bound: accepted
      const exact = JSON.stringify({ ...fixtures["page.created"], pad: "" })
      const fits = exact.replace(`"pad":""`, `"pad":"${"x".repeat(1024 - exact.length)}"`)
      assert.strictEqual(fits.length, 1024)
      const sig = (body: string) => ["x-notion-signature", `sha256=${hmacHex(secret, body)}`] as const
      assert.strictEqual((yield* send(url, [sig(fits)], [fits])).status, 200)
      const over = fits.replace(`"pad":"`, `"pad":"x`)
      const declared = yield* send(url, [["content-length", String(over.length)], sig(over)], [over])
      assert.strictEqual(declared.status, 400)
      assert.match(JSON.parse(declared.body).error, /larger than 1024 bytes/)
      // chunked (no Content-Length), 4 MiB in 64 KiB chunks: refused, and the answer still arrives
      const chunk = "x".repeat(64 * 1024)
      const streamed = yield* send(url, [sig(event)], [event, ...Array.from({ length: 64 }, () => chunk)])
      assert.strictEqual(streamed.status, 400)
      assert.match(JSON.parse(streamed.body).error, /larger than 1024 bytes/)
      // an unsigned one too (the handshake is small)
      const unsigned = yield* send(url, [], [JSON.stringify({ verification_token: "x".repeat(2048) })])
      assert.strictEqual(unsigned.status, 400)
      assert.strictEqual(r.events.length, 1)
      assert.strictEqual(r.tokens.length, 0)
      assertRefusalsLogged(logs, 3)
    }))

  it.scoped("the default bound is 1 MiB", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      assert.strictEqual(Webhook.defaultMaxBytes, 1024 * 1024)
      const big = JSON.stringify({ ...fixtures["page.created"], pad: "x".repeat(Webhook.defaultMaxBytes) })
      const answer = yield* post(url, big, yield* signed(big))
      assert.strictEqual(answer.status, 400)
      assert.match(JSON.parse(answer.body).error, /larger than 1048576 bytes/)
      const large = JSON.stringify({ ...fixtures["page.created"], pad: "x".repeat(Webhook.defaultMaxBytes / 2) })
      assert.strictEqual((yield* post(url, large, yield* signed(large))).status, 200)
      assert.strictEqual(r.events.length, 1)
    }))

  it.scoped("with a signature header, the signature is checked on the raw bytes before anything is parsed", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      const handshake = JSON.stringify({ verification_token: secret })
      const notJson = "{not json"
      const badlySigned = { "x-notion-signature": `sha256=${"0".repeat(64)}` }
      // refused for the signature, not for what the body is
      assert.strictEqual((yield* post(url, notJson, badlySigned)).status, 401)
      assert.strictEqual((yield* post(url, handshake, badlySigned)).status, 401)
      assert.strictEqual((yield* post(url, handshake, { "x-notion-signature": "" })).status, 401)
      // a validly signed body is an event, even of the handshake's shape: not an event, 400
      const shape = yield* post(url, handshake, yield* signed(handshake))
      assert.strictEqual(shape.status, 400)
      assert.match(JSON.parse(shape.body).error, /not a Notion webhook event/)
      // the same bytes re-serialised do not verify
      const event = JSON.stringify(fixtures["page.created"], null, 2)
      assert.strictEqual((yield* post(url, JSON.stringify(JSON.parse(event)), yield* signed(event))).status, 401)
      assert.strictEqual(r.events.length + r.tokens.length, 0)
      assertRefusalsLogged(logs, 5)
    }))

  it.scoped("only an unsigned body of exactly the handshake's shape is the handshake", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      const lookAlikes = [
        { verification_token: secret, extra: 1 },
        { verification_token: secret, ...fixtures["page.created"] },
        { verification_token: 1 },
        { verification_token: "" },
        { verification_token: null },
        [{ verification_token: secret }],
        {}
      ]
      for (const body of lookAlikes) {
        const answer = yield* post(url, JSON.stringify(body))
        assert.strictEqual(answer.status, 401, JSON.stringify(body))
        assert.match(JSON.parse(answer.body).error, /missing/)
      }
      assert.strictEqual(r.tokens.length, 0)
      assert.strictEqual((yield* post(url, JSON.stringify({ verification_token: secret }))).status, 200)
      assert.strictEqual(r.tokens.length, 1)
      // a signed event that carries a verification_token field is an event, the field kept
      const carrying = JSON.stringify({ ...fixtures["page.created"], verification_token: "secret_decoy" })
      assert.strictEqual((yield* post(url, carrying, yield* signed(carrying))).status, 200)
      assert.strictEqual(r.tokens.length, 1)
      assert.strictEqual(r.events.length, 1)
      assert.strictEqual(r.events[0]!.id, base.id)
      assert.strictEqual((r.events[0] as unknown as Record<string, unknown>).verification_token, "secret_decoy")
      assertRefusalsLogged(logs, lookAlikes.length)
    }))

  it.scoped("duplicated or swapped signature headers are refused 401, a header order change is still valid", () =>
    Effect.gen(function*() {
      const r = recorder()
      const { logs, url } = yield* serve(WebhookHttp.handler({
        verificationToken: token,
        onVerification: r.onVerification,
        onEvent: r.onEvent
      }))
      const body = JSON.stringify(fixtures["comment.created"])
      const signature = `sha256=${hmacHex(secret, body)}`
      const type = ["content-type", "application/json"] as const
      const twice = yield* send(url, [type, ["x-notion-signature", signature], ["X-Notion-Signature", signature]], [
        body
      ])
      assert.strictEqual(twice.status, 401)
      assert.match(JSON.parse(twice.body).error, /not of the form/)
      const swapped = yield* send(url, [["content-type", signature], ["x-notion-signature", "application/json"]], [
        body
      ])
      assert.strictEqual(swapped.status, 401)
      assert.strictEqual(r.events.length, 0)
      const reordered = yield* send(url, [["X-NOTION-SIGNATURE", signature], type], [body])
      assert.strictEqual(reordered.status, 200)
      assert.strictEqual(r.events.length, 1)
      assertRefusalsLogged(logs, 2)
    }))
})
