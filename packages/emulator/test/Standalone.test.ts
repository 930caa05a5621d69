import { assert, describe, it } from "@effect/vitest"
import * as Http from "node:http"
import { Fault, Fixture, NotionEmulator, Standalone } from "../src/index.js"

const headers = (token: string) => ({ authorization: `Bearer ${token}`, "notion-version": "2025-09-03" })

describe("Standalone: the emulator with promises", () => {
  it("serves, runs the OAuth flow and closes its port", async () => {
    const emulator = await Standalone.start()
    let closed = false
    try {
      const me = await fetch(`${emulator.url}/v1/users/me`, { headers: headers(emulator.internalToken) })
      assert.strictEqual(me.status, 200)
      assert.strictEqual(((await me.json()) as { object: string }).object, "user")
      assert.strictEqual((await fetch(`${emulator.url}/v1/users/me`, { headers: headers("secret_wrong") })).status, 401)

      const authorize = new URL("/v1/oauth/authorize", emulator.url)
      authorize.search = new URLSearchParams({
        client_id: emulator.oauthClient.clientId,
        redirect_uri: emulator.oauthClient.redirectUri,
        response_type: "code",
        owner: "user",
        state: "s1"
      }).toString()
      const redirect = new URL(await emulator.consent(authorize.toString(), "allow"))
      assert.strictEqual(redirect.searchParams.get("state"), "s1")
      const code = redirect.searchParams.get("code")!
      const basic = Buffer.from(`${emulator.oauthClient.clientId}:${emulator.oauthClient.clientSecret}`).toString(
        "base64"
      )
      const exchange = await fetch(`${emulator.url}/v1/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
        body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: emulator.oauthClient.redirectUri })
      })
      assert.strictEqual(exchange.status, 200)
      const { access_token } = (await exchange.json()) as { access_token: string }
      assert.strictEqual((await fetch(`${emulator.url}/v1/users/me`, { headers: headers(access_token) })).status, 200)
      assert.strictEqual(await emulator.expireAccessTokens(), 1)
      assert.strictEqual((await fetch(`${emulator.url}/v1/users/me`, { headers: headers(access_token) })).status, 401)

      await emulator.injectFault({ kind: Fault.status(503), times: 1 })
      assert.strictEqual(
        (await fetch(`${emulator.url}/v1/users/me`, { headers: headers(emulator.internalToken) })).status,
        503
      )
      const stats = await emulator.stats()
      assert.strictEqual(stats.tokenGrants, 1)
      assert.isAtLeast(stats.requests["GET /v1/users/me"] ?? 0, 5)
      assert.deepStrictEqual(emulator.fixture, Fixture.defaultFixture())
      await emulator.resetStats()
      assert.deepStrictEqual((await emulator.stats()).requests, {})

      // a refused consent rejects with the typed error itself
      const unknownClient = new URL(authorize)
      unknownClient.searchParams.set("client_id", "no-such-client")
      const refusal = await emulator.consent(unknownClient.toString(), "allow").then(() => undefined, (e: unknown) => e)
      assert.instanceOf(refusal, NotionEmulator.ConsentError)
      assert.strictEqual((refusal as NotionEmulator.ConsentError).status, 400)

      await emulator.close()
      closed = true
      const refused = await fetch(`${emulator.url}/v1/users/me`).then(() => "answered", () => "refused")
      assert.strictEqual(refused, "refused")
    } finally {
      if (!closed) await emulator.close()
    }
  })

  it("a port already taken is a rejected promise, and nothing is left running", async () => {
    const first = await Standalone.start()
    try {
      const port = Number(new URL(first.url).port)
      const error = await Standalone.start({ port }).then(() => undefined, (e: unknown) => e)
      assert.isDefined(error)
    } finally {
      await first.close()
    }
  })

  it("delivers webhooks: one signed event, and a subscription's events until it is closed", async () => {
    const received: Array<{ readonly path: string; readonly type?: string; readonly verification_token?: string }> = []
    const receiver = Http.createServer((request, response) => {
      let body = ""
      request.on("data", (chunk: Buffer) => (body += chunk.toString()))
      request.on("end", () => {
        received.push({ path: request.url ?? "", ...(JSON.parse(body) as { type?: string }) })
        response.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`
    const emulator = await Standalone.start()
    const createPage = (title: string) =>
      fetch(`${emulator.url}/v1/pages`, {
        method: "POST",
        headers: { ...headers(emulator.internalToken), "content-type": "application/json" },
        body: JSON.stringify({
          parent: { page_id: Fixture.pages.roadmap },
          properties: { title: { title: [{ text: { content: title } }] } }
        })
      }).then((response) => response.status)
    try {
      const event = { url: `${url}/one`, verificationToken: "secret_token", type: "page.created" }
      assert.strictEqual(await emulator.deliverWebhook({ ...event, entity: { id: "p", type: "page" } }), 200)
      assert.deepStrictEqual(received.map((r) => [r.path, r.type]), [["/one", "page.created"]])

      const first = await emulator.subscribeWebhook({ url: `${url}/first` })
      assert.strictEqual(received[1]?.path, "/first")
      assert.strictEqual(received[1]?.verification_token, first.verificationToken)
      assert.strictEqual(await createPage("Standalone"), 200)
      await first.settled()
      assert.deepStrictEqual((await first.deliveries()).map((d) => [d.event.type, d.status]), [["page.created", 200]])

      // closed: the next change reaches only the subscription still open
      await first.close()
      const second = await emulator.subscribeWebhook({ url: `${url}/second` })
      assert.strictEqual(await createPage("after"), 200)
      await second.settled()
      assert.deepStrictEqual(received.slice(2).map((r) => [r.path, r.type]), [
        ["/first", "page.created"],
        ["/second", undefined],
        ["/second", "page.created"]
      ])
    } finally {
      await emulator.close()
      await new Promise((resolve) => receiver.close(resolve))
    }
  })
})
