// The demo's output, as a person sees it, holds no secret.
import { assert, describe, it } from "@effect/vitest"
import { scanDemo } from "../src/scan.js"

describe("leak scan of the demo", () => {
  it("the demo completes and its output holds no token, code or client secret", async () => {
    const { hits, output } = await scanDemo()
    assert.include(output, "Demo complete.")
    assert.include(output, "<redacted>")
    assert.deepStrictEqual(hits, [])
  }, 180_000)
})
