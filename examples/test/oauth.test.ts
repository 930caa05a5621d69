// The OAuth server example, run against the emulator through real sockets (the scripts: oauth-script.test.ts).
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { recordingTracer } from "../../packages/core/test/utils/tracer.js"
import * as Emulator from "../emulator.js"
import * as OAuthServer from "../oauth-server.js"

const get = (url: string, headers: Record<string, string> = {}) =>
  Effect.promise(async () => {
    const response = await fetch(url, { redirect: "manual", headers })
    return { status: response.status, location: response.headers.get("location"), text: await response.text() }
  })

/** An emulator and the example server pointed at it, with every log line captured. */
const setup = Effect.gen(function*() {
  const emulator = yield* Emulator.make()
  const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator))
  return { emulator, server }
})

const captureLogs = () => {
  const lines: Array<string> = []
  const layer = Logger.replace(Logger.defaultLogger, Logger.make((o) => void lines.push(Logger.logfmtLogger.log(o))))
  return { lines, layer }
}

/** A browser's visit to /auth: the consent URL and the nonce cookie it was given. */
const session = (server: string) =>
  Effect.promise(async () => {
    const response = await fetch(`${server}/auth`, { redirect: "manual" })
    const setCookie = response.headers.get("set-cookie") ?? ""
    return {
      status: response.status,
      location: response.headers.get("location")!,
      setCookie,
      cookie: setCookie.split(";")[0]!
    }
  })

const tokenRequests = (emulator: Emulator.Emulator) =>
  Effect.map(emulator.stats, (stats) => stats.requests["POST /v1/oauth/token"] ?? 0)

describe("oauth-server example", () => {
  it.scoped("/auth → consent (Allow) → /callback: the grant is exchanged and users listed; logs hold no secrets", () => {
    const logs = captureLogs()
    return Effect.gen(function*() {
      const { emulator, server } = yield* setup
      const auth = yield* session(server)
      assert.strictEqual(auth.status, 302)
      assert.match(auth.setCookie, /^notion_oauth=[\w-]{43}; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/)
      const authorize = new URL(auth.location)
      assert.strictEqual(authorize.origin, emulator.url)
      assert.strictEqual(authorize.searchParams.get("redirect_uri"), `${server}/callback`)
      assert.isAtLeast(authorize.searchParams.get("state")!.length, 40)
      const callback = yield* emulator.consent(auth.location, "allow")
      const code = new URL(callback).searchParams.get("code")!
      const json = yield* get(callback, { accept: "application/json", cookie: auth.cookie })
      assert.strictEqual(json.status, 200)
      const body = JSON.parse(json.text)
      assert.deepStrictEqual(body.success, true)
      assert.strictEqual(body.workspace, "Acme")
      assert.include(body.users, "Ada Lovelace")
      const stats = yield* emulator.stats
      assert.strictEqual(stats.tokenGrants, 1)
      assert.strictEqual(stats.requests["GET /v1/users"], 1)
      const everything = logs.lines.join("\n")
      assert.include(everything, "connected workspace")
      assert.notInclude(everything, code)
      assert.notMatch(everything, /ntn_|nrt_/)
      assert.notInclude(everything, Redacted.value(emulator.oauthClient.clientSecret))
    }).pipe(Effect.provide(logs.layer))
  })

  it.scoped("a replayed or double-submitted callback gets a clear page and never reaches Notion again", () =>
    Effect.gen(function*() {
      const { emulator, server } = yield* setup
      const auth = yield* session(server)
      const callback = yield* emulator.consent(auth.location, "allow")
      const [first, second] = yield* Effect.all([
        get(callback, { cookie: auth.cookie }),
        get(callback, { cookie: auth.cookie })
      ], { concurrency: 2 })
      const statuses = [first.status, second.status].sort()
      assert.deepStrictEqual(statuses, [200, 400])
      // the pages a person sees hold no code and no token
      const code = new URL(callback).searchParams.get("code")!
      for (const page of [first, second]) {
        assert.notInclude(page.text, code)
        assert.notMatch(page.text, /ntn_|nrt_|secret_/)
      }
      assert.include([first, second].find((r) => r.status === 400)!.text, "Link already used")
      const replay = yield* get(callback, { cookie: auth.cookie })
      assert.strictEqual(replay.status, 400)
      assert.include(replay.text, "Link already used")
      // one exchange only: Notion never saw the code twice, so it revoked nothing
      assert.strictEqual(yield* tokenRequests(emulator), 1)
      assert.strictEqual((yield* emulator.stats).tokenGrants, 1)
    }))

  it.scoped("attacks on the callback are refused with a clear page, and nothing is exchanged, stored or revoked", () =>
    Effect.gen(function*() {
      const { emulator, server } = yield* setup
      // an attacker's own flow: a valid state bound to the attacker's browser, and the attacker's code
      const attacker = yield* session(server)
      const attackerCallback = yield* emulator.consent(attacker.location, "allow")
      const victim = yield* session(server)
      const cases: ReadonlyArray<readonly [string, string, Record<string, string>, number, string]> = [
        ["missing state", `${server}/callback?code=abc`, {}, 400, "Invalid state"],
        ["forged state", `${server}/callback?code=abc&state=forged`, {}, 400, "Invalid state"],
        ["cross-browser: no cookie", attackerCallback, {}, 400, "Not your sign-in"],
        [
          "cross-browser: another browser's cookie",
          attackerCallback,
          { cookie: victim.cookie },
          400,
          "Not your sign-in"
        ],
        ["HTML in error", `${server}/callback?error=<script>alert(1)</script>&state=x`, {}, 400, "Invalid state"]
      ]
      for (const [name, url, headers, status, text] of cases) {
        const response = yield* get(url, headers)
        assert.strictEqual(response.status, status, name)
        assert.include(response.text, text, name)
        assert.notInclude(response.text, "<script>", name)
      }
      // a code that was already exchanged, brought back with a fresh valid state of the same browser
      const own = yield* session(server)
      const ownCallback = yield* emulator.consent(own.location, "allow")
      assert.strictEqual((yield* get(ownCallback, { cookie: own.cookie })).status, 200)
      const again = yield* session(server)
      const reused = new URL(ownCallback)
      reused.searchParams.set("state", new URL(again.location).searchParams.get("state")!)
      const reusedCode = yield* get(reused.toString(), { cookie: again.cookie })
      assert.strictEqual(reusedCode.status, 400)
      assert.include(reusedCode.text, "Link already used")
      // a redirect-URI mismatch: a code issued for another registered redirect URI
      const mismatch = yield* session(server)
      const otherUri = new URL(mismatch.location)
      otherUri.searchParams.set("redirect_uri", "http://localhost:3000/callback")
      const foreignCode = new URL(yield* emulator.consent(otherUri.toString(), "allow")).searchParams.get("code")!
      const mismatched = yield* get(
        `${server}/callback?code=${foreignCode}&state=${new URL(mismatch.location).searchParams.get("state")}`,
        { cookie: mismatch.cookie }
      )
      assert.strictEqual(mismatched.status, 502)
      assert.include(mismatched.text, "InvalidGrant")
      // HTML in a reflected error, with a valid state, is escaped
      const reflected = yield* session(server)
      const xss = yield* get(
        `${server}/callback?error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&state=${
          new URL(reflected.location).searchParams.get("state")
        }`,
        { cookie: reflected.cookie }
      )
      assert.strictEqual(xss.status, 400)
      assert.include(xss.text, "&lt;img src=x onerror=alert(1)&gt;")
      assert.notInclude(xss.text, "<img")
      // only two exchanges reached Notion: ours, and the mismatched one Notion refused
      assert.strictEqual(yield* tokenRequests(emulator), 2)
      assert.strictEqual((yield* emulator.stats).tokenGrants, 1)
    }))

  it.scoped("an expired state, an open-redirect attempt and an oversized query", () =>
    Effect.gen(function*() {
      const { emulator, server } = yield* setup
      const auth = yield* session(server)
      const callback = yield* emulator.consent(auth.location, "allow")
      yield* TestClock.adjust("11 minutes")
      const expired = yield* get(callback, { cookie: auth.cookie })
      assert.strictEqual(expired.status, 400)
      assert.include(expired.text, "Link expired")
      // /auth only ever redirects to Notion's authorize URL, whatever the query says
      const open = yield* get(`${server}/auth?return_to=https://evil.example&redirect_uri=https://evil.example`)
      assert.strictEqual(open.status, 302)
      assert.isTrue(open.location!.startsWith(`${emulator.url}/v1/oauth/authorize?`))
      assert.strictEqual(new URL(open.location!).searchParams.get("redirect_uri"), `${server}/callback`)
      const withTarget = yield* get(`${server}/callback?code=x&state=y&redirect_uri=https://evil.example`)
      assert.isNull(withTarget.location)
      const oversized = yield* Effect.promise(() =>
        fetch(`${server}/callback?code=${"a".repeat(100_000)}`).then((r) => r.status, () => 0)
      )
      assert.oneOf(oversized, [400, 414, 431])
      assert.strictEqual((yield* get(`${server}/callback?code=abc`)).status, 400) // the server still answers
      assert.strictEqual(yield* tokenRequests(emulator), 0)
    }))

  it.scoped("the server's spans never carry the code, the state or a token", () =>
    Effect.gen(function*() {
      const { dump, tracer } = recordingTracer()
      // the example server (and the SDK calls it makes) traced; the emulator stands for Notion and is not
      const emulator = yield* Emulator.make()
      const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator)).pipe(Effect.withTracer(tracer))
      const auth = yield* session(server)
      const callback = yield* emulator.consent(auth.location, "allow")
      const url = new URL(callback)
      assert.strictEqual((yield* get(callback, { cookie: auth.cookie })).status, 200)
      const everything = dump()
      assert.include(everything, "http.server GET")
      assert.include(everything, "code=REDACTED")
      assert.notInclude(everything, url.searchParams.get("code")!)
      assert.notInclude(everything, url.searchParams.get("state")!)
      assert.notInclude(everything, auth.cookie.split("=")[1]!)
      assert.notMatch(everything, /ntn_|nrt_/)
    }))
})
