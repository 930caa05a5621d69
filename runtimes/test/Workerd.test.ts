// Cloudflare's workerd (the Workers runtime): the program bundled into a Worker module with nothing of Node left,
// served by the workerd binary from its npm platform package on a free loopback port, its input in text bindings and
// its outbound network limited to local addresses; then the README's Worker (examples/cloudflare-worker.ts) the
// same way. The HTTP layer is fetch: the only one Workers have.
import { assert, describe, it } from "@effect/vitest"
import { NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { spawn } from "node:child_process"
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs"
import * as Net from "node:net"
import { join } from "node:path"
import type { Summary } from "../src/program.js"
import { binary, bundle, checkSummary, entries, inputFor, inputVariables, runs, tempDir } from "./harness.js"

const workerd = binary("workerd")
const example = join(import.meta.dirname, "../../examples/cloudflare-worker.ts")

const freePort = Effect.async<number>((resume) => {
  const server = Net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as Net.AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = Net.connect({ host: "127.0.0.1", port })
    socket.on("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.on("error", () => resolve(false))
  })

/**
 * Serves one Worker module in workerd with text bindings (each from a file, so no value needs escaping) and
 * outbound access to local addresses only; the URL it listens on, until the scope closes.
 */
const serve = (dir: string, entry: string, bindings: Record<string, string>) =>
  Effect.gen(function*() {
    if (workerd === undefined) return yield* Effect.dieMessage("no workerd binary (NOTION_EFFECT_REQUIRE_SERVICES=1)")
    copyFileSync(yield* bundle(entry, "workerd"), join(dir, "worker.mjs"))
    mkdirSync(join(dir, "bindings"))
    for (const [name, value] of Object.entries(bindings)) writeFileSync(join(dir, "bindings", name), value)
    const port = yield* freePort
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"]))
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")]
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.mjs")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
  bindings = [
${Object.keys(bindings).map((name) => `    (name = "${name}", text = embed "bindings/${name}")`).join(",\n")}
  ]
);
`
    )
    const output: Array<string> = []
    const child = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const child = spawn(workerd, ["serve", "config.capnp"], { cwd: dir, env: { HOME: dir }, stdio: "pipe" })
        child.stdout.on("data", (chunk) => output.push(String(chunk)))
        child.stderr.on("data", (chunk) => output.push(String(chunk)))
        return child
      }),
      (child) =>
        Effect.async<void>((resume) => {
          if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
          child.once("exit", () => resume(Effect.void))
          child.kill()
        })
    )
    const deadline = Date.now() + 30_000
    while (!(yield* Effect.promise(() => accepts(port)))) {
      if (child.exitCode !== null) return yield* Effect.dieMessage(`workerd exited: ${output.join("")}`)
      if (Date.now() > deadline) return yield* Effect.dieMessage(`workerd did not listen: ${output.join("")}`)
      yield* Effect.sleep("100 millis")
    }
    return { url: `http://127.0.0.1:${port}`, output }
  })

const get = (url: string) =>
  Effect.promise(async () => {
    const response = await fetch(url)
    return { status: response.status, text: await response.text() }
  })

describe.skipIf(!runs(workerd))("workerd", () => {
  it.scopedLive("retrieve, a paginated list, a typed error, a webhook signature and an OAuth state on fetch", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const input = inputFor(emulator)
      const worker = yield* serve(yield* tempDir, entries.worker, inputVariables(input))
      const response = yield* get(worker.url)
      assert.strictEqual(response.status, 200, `${response.text}\n${worker.output.join("")}`)
      const summary: Summary & { readonly layer: string } = JSON.parse(response.text)
      yield* checkSummary(emulator, input, summary, { runtime: "workerd", layer: "fetch" })
    }))

  it.scopedLive("the README's Worker answers a shared page's title, and 404 for a page it cannot see", () =>
    Effect.gen(function*() {
      const emulator = yield* NotionEmulator.make()
      const input = inputFor(emulator)
      const worker = yield* serve(yield* tempDir, example, {
        NOTION_TOKEN: Redacted.value(emulator.internalToken),
        NOTION_BASE_URL: emulator.url
      })
      const shared = yield* get(`${worker.url}/pages/${input.pageId}`)
      assert.strictEqual(shared.status, 200, `${shared.text}\n${worker.output.join("")}`)
      assert.deepStrictEqual(JSON.parse(shared.text), { id: input.pageId, title: "Roadmap" })
      const hidden = yield* get(`${worker.url}/pages/${input.hiddenPageId}`)
      assert.strictEqual(hidden.status, 404)
      assert.deepStrictEqual(JSON.parse(hidden.text), { error: "no such page" })
      assert.deepStrictEqual((yield* emulator.stats).requests["GET /v1/pages/{id}"], 2)
    }))
})
