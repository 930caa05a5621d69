// `pnpm emulator`: the CLI starts a working server and prints what a user needs, the secret only on request.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { join } from "node:path"

const start = (args: ReadonlyArray<string>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly output: string; readonly kill: () => void }, Error>((resume) => {
      const child = spawn(process.execPath, [
        "--import",
        "tsx",
        join(import.meta.dirname, "..", "src", "bin.ts"),
        ...args
      ], {
        stdio: ["ignore", "pipe", "pipe"]
      })
      let output = ""
      child.stdout.on("data", (chunk) => {
        output += chunk
        if (output.includes("redirect URI")) resume(Effect.succeed({ output, kill: () => child.kill() }))
      })
      child.on("exit", (code) => resume(Effect.fail(new Error(`the CLI exited with ${code}: ${output}`))))
    }),
    (started) => Effect.sync(() => started.kill())
  )

describe("emulator CLI", () => {
  it.scoped("prints the URL, the internal token and the client id, and serves requests", () =>
    Effect.gen(function*() {
      const { output } = yield* start(["--port", "0"])
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!
      const token = /internal integration token: (\S+)/.exec(output)![1]!
      assert.include(output, "OAuth client id:            emulator-oauth-client")
      assert.include(output, "(hidden; pass --show-secret)")
      assert.notInclude(output, "emulator-oauth-secret")
      const me = yield* Effect.promise(() =>
        fetch(`${url}/v1/users/me`, { headers: { authorization: `Bearer ${token}`, "notion-version": "2025-09-03" } })
          .then((r) => r.json())
      )
      assert.strictEqual(me.type, "bot")
      const statuses = yield* Effect.promise(() =>
        Promise.all(["2025-09-03", "2026-03-11", "2026-12-01", "2099-01-01"].map((version) =>
          fetch(`${url}/v1/users/me`, { headers: { authorization: `Bearer ${token}`, "notion-version": version } })
            .then((r) => r.status)
        ))
      )
      assert.deepStrictEqual(statuses, [200, 200, 200, 400]) // every known version is served, an unknown one refused
    }), 30_000)

  it.scoped("--show-secret prints the client secret", () =>
    Effect.gen(function*() {
      const { output } = yield* start(["--port", "0", "--show-secret"])
      assert.include(output, "emulator-oauth-secret")
    }), 30_000)
})
