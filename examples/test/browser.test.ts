// A person's view of the OAuth example: an installed Chromium or Chrome (never a browser download), driven by
// playwright-core, clicks Allow and then Cancel on the emulator's consent page. Screenshots go to
// artifacts/ (git-ignored). The browser is a service like PostgreSQL and Redis: `NOTION_EFFECT_CHROMIUM` names one,
// else the usual install paths are tried; with none the suite is skipped with one line, unless
// NOTION_EFFECT_REQUIRE_SERVICES=1 (CI, which installs Debian's Chromium), which makes it fail.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import * as Emulator from "../emulator.js"
import * as OAuthServer from "../oauth-server.js"

const artifacts = join(import.meta.dirname, "..", "..", "artifacts")

const installed = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe"
]
const configured = process.env.NOTION_EFFECT_CHROMIUM
const executablePath = configured !== undefined && configured !== ""
  ? configured
  : installed.find((path) => existsSync(path))
const required = process.env.NOTION_EFFECT_REQUIRE_SERVICES === "1"
if (executablePath === undefined && !required) {
  console.log(
    "browser tests skipped: no Chromium or Chrome found; install one or set NOTION_EFFECT_CHROMIUM=/path/to/chrome"
  )
}

const browser = Effect.acquireRelease(
  Effect.promise(() =>
    chromium.launch({
      executablePath: executablePath!,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    })
  ),
  (b) => Effect.promise(() => b.close())
)

describe.skipIf(executablePath === undefined && !required)("oauth-server in Chromium", () => {
  it("a browser is installed (NOTION_EFFECT_REQUIRE_SERVICES=1 requires one)", () => {
    assert.isDefined(executablePath, `no Chromium or Chrome at ${installed.join(", ")}`)
    assert.isTrue(existsSync(executablePath!), `NOTION_EFFECT_CHROMIUM=${executablePath} does not exist`)
  })

  it.scoped(
    "Allow lands on the success page showing the workspace; Cancel lands on the denied page",
    () =>
      Effect.gen(function*() {
        mkdirSync(artifacts, { recursive: true })
        const emulator = yield* Emulator.make()
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

  it.scoped(
    "the state is bound to the browser that started the flow, and works once",
    () =>
      Effect.gen(function*() {
        mkdirSync(artifacts, { recursive: true })
        const emulator = yield* Emulator.make()
        const server = yield* OAuthServer.start(0, OAuthServer.emulatorConfig(emulator))
        const chrome = yield* browser
        const owner = yield* Effect.promise(() => chrome.newContext())
        const victim = yield* Effect.promise(() => chrome.newContext())
        const ownerPage = yield* Effect.promise(() => owner.newPage())
        // the owner starts the flow (the nonce cookie lands in the owner's browser) and consent is given
        const consentUrl = yield* Effect.promise(async () => {
          await ownerPage.goto(`${server}/auth`)
          return ownerPage.url()
        })
        const callbackUrl = yield* emulator.consent(consentUrl, "allow")
        const result = yield* Effect.promise(async () => {
          // the callback URL handed to another browser (login CSRF) is refused there
          const victimPage = await victim.newPage()
          await victimPage.goto(callbackUrl)
          await victimPage.screenshot({ path: join(artifacts, "oauth-cross-browser.png") })
          const crossBrowser = (await victimPage.textContent("main")) ?? ""
          // the browser that started the flow succeeds, once
          await ownerPage.goto(callbackUrl)
          const first = (await ownerPage.textContent("main")) ?? ""
          await ownerPage.goto(callbackUrl)
          await ownerPage.screenshot({ path: join(artifacts, "oauth-replayed.png") })
          const replay = (await ownerPage.textContent("main")) ?? ""
          return { crossBrowser, first, replay }
        })
        assert.include(result.crossBrowser, "Not your sign-in")
        assert.include(result.first, "Connected to Acme")
        assert.include(result.replay, "Link already used")
        assert.strictEqual((yield* emulator.stats).tokenGrants, 1)
      }),
    60_000
  )
})
