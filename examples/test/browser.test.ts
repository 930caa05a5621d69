// A person's view of the OAuth example: Debian's Chromium (never a browser download), driven by
// playwright-core, clicks Allow and then Cancel on the emulator's consent page. Screenshots go to
// artifacts/ (git-ignored).
import { assert, describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import * as OAuthServer from "../oauth-server.js"

const artifacts = join(import.meta.dirname, "..", "..", "artifacts")

const browser = Effect.acquireRelease(
  Effect.promise(() =>
    chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    })
  ),
  (b) => Effect.promise(() => b.close())
)

describe("oauth-server in Chromium", () => {
  it.scoped(
    "Allow lands on the success page showing the workspace; Cancel lands on the denied page",
    () =>
      Effect.gen(function*() {
        mkdirSync(artifacts, { recursive: true })
        const emulator = yield* NotionEmulator.make()
        const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator))
        const chrome = yield* browser
        const page = yield* Effect.promise(() => chrome.newPage())
        const consent = (button: "#allow" | "#cancel", landing: string, screenshot: string) =>
          Effect.promise(async () => {
            await page.goto(`${server}/auth`)
            const consentUrl = page.url()
            await page.click(button)
            await page.waitForSelector(landing, { timeout: 15_000 })
            await page.screenshot({ path: join(artifacts, screenshot) })
            return { consentUrl, url: page.url(), text: (await page.textContent("main")) ?? "" }
          })

        const allowed = yield* consent("#allow", "#connected", "oauth-allow.png")
        assert.isTrue(allowed.consentUrl.startsWith(`${emulator.url}/v1/oauth/authorize`))
        assert.isTrue(allowed.url.startsWith(`${server}/callback?code=`))
        assert.include(allowed.text, "Connected to Acme")
        assert.include(allowed.text, "Ada Lovelace")

        const denied = yield* consent("#cancel", "#denied", "oauth-cancel.png")
        assert.include(denied.url, "error=access_denied")
        assert.include(denied.text, "Authorization cancelled")
        assert.strictEqual((yield* emulator.stats).tokenGrants, 1)
      }),
    60_000
  )
})
