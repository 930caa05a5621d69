import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { Callback, ConsumedStates, OAuthHttp, OAuthState } from "../src/index.js"

const key = Redacted.make("state-signing-key")

describe("OAuthState", () => {
  it.effect("generate: 256 random bits, base64url, never twice the same", () =>
    Effect.gen(function*() {
      const a = yield* OAuthState.generate
      const b = yield* OAuthState.generate
      assert.match(a, /^[A-Za-z0-9_-]{43}$/)
      assert.notStrictEqual(a, b)
    }))

  it.effect("verify: equal passes; different or missing fail with their tags", () =>
    Effect.gen(function*() {
      const state = yield* OAuthState.generate
      yield* OAuthState.verify(state, state)
      assert.strictEqual((yield* Effect.flip(OAuthState.verify(state, state.slice(1))))._tag, "StateMismatch")
      // one character changed (a random state may start with "x" itself)
      const changed = (state.startsWith("x") ? "y" : "x") + state.slice(1)
      assert.strictEqual((yield* Effect.flip(OAuthState.verify(state, changed)))._tag, "StateMismatch")
      assert.strictEqual((yield* Effect.flip(OAuthState.verify(state, null)))._tag, "StateMissing")
      assert.strictEqual((yield* Effect.flip(OAuthState.verify(state, "")))._tag, "StateMissing")
    }))

  it.effect("signed state: valid until its expiry, then StateExpired", () =>
    Effect.gen(function*() {
      const state = yield* OAuthState.sign(key, "10 minutes")
      yield* OAuthState.verifySigned(key, state)
      yield* TestClock.adjust("10 minutes")
      yield* OAuthState.verifySigned(key, state)
      yield* TestClock.adjust("1 millis")
      const expired = yield* Effect.flip(OAuthState.verifySigned(key, state))
      assert.strictEqual(expired._tag, "StateExpired")
    }))

  it.effect("signed state: another key, a tampered payload or garbage is StateForged", () =>
    Effect.gen(function*() {
      const state = yield* OAuthState.sign(key)
      const [payload, signature] = state.split(".")
      const forged = [
        yield* OAuthState.sign(Redacted.make("another key")),
        `${payload!.slice(0, -2)}AA.${signature}`,
        `${payload}.${signature}.extra`,
        "not-a-state",
        `${payload}.***`
      ]
      for (const candidate of forged) {
        const error = yield* Effect.flip(OAuthState.verifySigned(key, candidate))
        assert.strictEqual(error._tag, "StateForged", candidate)
      }
      assert.strictEqual((yield* Effect.flip(OAuthState.verifySigned(key, undefined)))._tag, "StateMissing")
    }))
})

describe("Callback.parse", () => {
  const accept = (expected: string) => (state: string | undefined) => OAuthState.verify(expected, state)

  it.effect("a code with the right state gives the code, redacted", () =>
    Effect.gen(function*() {
      const callback = yield* Callback.parse("http://localhost:3000/callback?code=abc&state=s1", accept("s1"))
      assert.strictEqual(Redacted.value(callback.code), "abc")
      assert.strictEqual(callback.state, "s1")
      assert.notInclude(String(callback.code), "abc")
    }))

  it.effect("access_denied, other RFC 6749 errors, a missing code", () =>
    Effect.gen(function*() {
      const denied = yield* Effect.flip(Callback.parse("/callback?error=access_denied&state=s1", accept("s1")))
      assert.strictEqual(denied._tag, "AccessDenied")
      const failed = yield* Effect.flip(
        Callback.parse(new URLSearchParams("error=server_error&error_description=down&state=s1"), accept("s1"))
      )
      assert.deepInclude(failed, { _tag: "AuthorizationFailed", error: "server_error", description: "down" })
      const missing = yield* Effect.flip(Callback.parse(new URL("http://x/callback?state=s1"), accept("s1")))
      assert.strictEqual(missing._tag, "MissingCode")
    }))

  it.effect("the state is checked first: a forged denial is a state error", () =>
    Effect.gen(function*() {
      const forged = yield* Effect.flip(Callback.parse("/callback?error=access_denied&state=evil", accept("s1")))
      assert.strictEqual(forged._tag, "StateMismatch")
      const noState = yield* Effect.flip(Callback.parse("/callback?code=abc", accept("s1")))
      assert.strictEqual(noState._tag, "StateMissing")
    }))
})

describe("bound, single-use states", () => {
  const key = Redacted.make("bound-state-key")

  it.effect("a bound state verifies only with the nonce it was signed for", () =>
    Effect.gen(function*() {
      const mine = yield* OAuthState.nonce
      const theirs = yield* OAuthState.nonce
      const state = yield* OAuthState.signBound(key, mine)
      const verified = yield* OAuthState.verifyBound(key, state, mine)
      assert.isString(verified.id)
      assert.strictEqual((yield* Effect.flip(OAuthState.verifyBound(key, state, theirs)))._tag, "StateNotBound")
      assert.strictEqual((yield* Effect.flip(OAuthState.verifyBound(key, state, undefined)))._tag, "StateNotBound")
      // an unbound signed state is not accepted where a bound one is expected
      const unbound = yield* OAuthState.sign(key)
      assert.strictEqual((yield* Effect.flip(OAuthState.verifyBound(key, unbound, mine)))._tag, "StateForged")
      // the state carries a digest of the nonce, never the nonce
      assert.notInclude(atob(state.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/")), Redacted.value(mine))
    }))

  it.effect("ConsumedStates: a state works once, and is forgotten after it expires", () =>
    Effect.gen(function*() {
      const consumed = yield* ConsumedStates.makeMemory
      const nonce = yield* OAuthState.nonce
      const state = yield* OAuthState.signBound(key, nonce, "10 minutes")
      const verified = yield* OAuthState.verifyBound(key, state, nonce)
      yield* consumed.consume(verified)
      assert.strictEqual((yield* Effect.flip(consumed.consume(verified)))._tag, "StateReplayed")
      yield* TestClock.adjust("11 minutes")
      // expired: the signature check refuses it before the store is asked
      assert.strictEqual((yield* Effect.flip(OAuthState.verifyBound(key, state, nonce)))._tag, "StateExpired")
      const code = yield* OAuthState.codeUse(Redacted.make("code-1"))
      yield* consumed.consume(code)
      assert.strictEqual((yield* Effect.flip(consumed.consume(code)))._tag, "StateReplayed")
      assert.notInclude(code.id, "code-1")
    }))

  it("OAuthHttp.redactUrl hides codes, states and tokens, in full URLs and in paths", () => {
    assert.strictEqual(
      OAuthHttp.redactUrl("/callback?code=abc&state=xyz&page=2"),
      "/callback?code=REDACTED&state=REDACTED&page=2"
    )
    const full = OAuthHttp.redactUrl(new URL("https://u:p@example.com/cb?access_token=t&refresh_token=r&x=1"))
    assert.strictEqual(full, "https://REDACTED@example.com/cb?access_token=REDACTED&refresh_token=REDACTED&x=1")
  })
})
