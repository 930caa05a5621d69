// The commands in process, over a fake Notion (an in-memory HttpClient): output, files, exit codes, messages.
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { button, DS_ID, everyKindJson } from "./fixtures.js"
import { json, notionError, runMain } from "./utils.js"

const TOKEN = "secret_cli_test_token_0123456789"

interface Seen {
  readonly method: string
  readonly url: string
  readonly authorization: string | undefined
}

/** Runs `notion-effect <args>` in process against `respond`; gives the exit code, what was printed, the requests. */
const runCli = (
  args: ReadonlyArray<string>,
  respond: (method: string, url: URL) => Response,
  env: Record<string, string> = { NOTION_TOKEN: TOKEN }
) =>
  Effect.gen(function*() {
    const requests: Array<Seen> = []
    const http = Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request, url) =>
        Effect.sync(() => {
          requests.push({ method: request.method, url: url.href, authorization: request.headers["authorization"] })
          return HttpClientResponse.fromWeb(request, respond(request.method, url))
        })
      )
    )
    return { ...yield* runMain(args, http, env), requests }
  })

/** A Notion with the every-kind data source, one row whose formula returns a number, and a database. */
const notion = (dataSource: unknown = everyKindJson()) => (method: string, url: URL): Response => {
  const parts = url.pathname.split("/")
  if (method === "GET" && parts[2] === "data_sources") {
    return parts[3] === DS_ID
      ? json(200, dataSource)
      : notionError(404, "object_not_found", `Could not find data_source with ID: ${parts[3]}.`)
  }
  if (method === "POST" && parts[4] === "query") {
    return json(200, {
      object: "list",
      type: "page_or_data_source",
      page_or_data_source: {},
      next_cursor: null,
      has_more: false,
      results: []
    })
  }
  if (method === "GET" && parts[2] === "databases" && parts[3] === "db000000-0000-4000-8000-00000000000a") {
    return json(200, {
      object: "database",
      id: parts[3],
      title: [],
      parent: { type: "workspace", workspace: true },
      created_time: "2025-01-01T00:00:00.000Z",
      last_edited_time: "2025-01-01T00:00:00.000Z",
      data_sources: [{ id: DS_ID, name: "Team tasks" }],
      url: "https://www.notion.so/db000000000040008000000000000000a"
    })
  }
  return notionError(404, "object_not_found", "Could not find object.")
}

const tempFile = (name: string) =>
  Effect.promise(async () => path.join(await fs.mkdtemp(path.join(os.tmpdir(), "notion-effect-cli-")), name))

describe("schema generate", () => {
  it.effect("prints the module, with the token from NOTION_TOKEN and --base-url", () =>
    Effect.gen(function*() {
      const result = yield* runCli(["schema", "generate", DS_ID, "--base-url", "http://127.0.0.1:9"], notion())
      assert.strictEqual(result.code, 0)
      assert.include(result.stdout, "export const TeamTasks = TypedDataSource.define({")
      assert.include(result.stdout, "score: { kind: \"formula\", id: \"fo\", name: \"Score\", result: \"unknown\"")
      assert.strictEqual(result.requests[0]!.url, `http://127.0.0.1:9/v1/data_sources/${DS_ID}`)
      assert.strictEqual(result.requests[0]!.authorization, `Bearer ${TOKEN}`)
      assert.notInclude(result.stdout + result.stderr, TOKEN)
    }))

  it.effect("--out writes the file; a database URL with one data source will do", () =>
    Effect.gen(function*() {
      const out = yield* tempFile("tasks.ts")
      const url = "https://www.notion.so/acme/Tasks-db000000000040008000 00000000000a".replace(" ", "")
      const result = yield* runCli(["schema", "generate", url, "--out", out, "--name", "Tasks"], notion())
      assert.strictEqual(result.code, 0, result.stderr)
      assert.strictEqual(result.stdout, "")
      assert.include(result.stderr, `Wrote Tasks (24 fields) from ${DS_ID} to ${out}`)
      const text = yield* Effect.promise(() => fs.readFile(out, "utf8"))
      assert.include(text, "export const Tasks = TypedDataSource.define({")
    }))

  it.effect("clear errors, exit code 2: bad id, not shared, bad token, no token, unsupported type", () =>
    Effect.gen(function*() {
      const bad = yield* runCli(["schema", "generate", "not-an-id"], notion())
      assert.strictEqual(bad.code, 2)
      assert.include(bad.stderr, "\"not-an-id\" is not a data source id or URL")
      assert.strictEqual(bad.requests.length, 0)

      const missing = yield* runCli(["schema", "generate", "0".repeat(32)], notion())
      assert.strictEqual(missing.code, 2)
      assert.include(
        missing.stderr,
        "No data source 00000000-0000-0000-0000-000000000000 is shared with this integration"
      )

      const refused = yield* runCli(
        ["schema", "generate", DS_ID],
        () => notionError(401, "unauthorized", "API token is invalid.")
      )
      assert.strictEqual(refused.code, 2)
      assert.include(refused.stderr, "Notion refused the token")
      assert.notInclude(refused.stderr, TOKEN)

      const restricted = yield* runCli(["schema", "generate", DS_ID], () => notionError(403, "restricted_resource"))
      assert.include(restricted.stderr, "may not read")

      const noToken = yield* runCli(["schema", "generate", DS_ID], notion(), {})
      assert.strictEqual(noToken.code, 2)
      assert.include(noToken.stderr, "Set NOTION_TOKEN")

      const unsupported = yield* runCli(["schema", "generate", DS_ID], notion(everyKindJson(button)))
      assert.strictEqual(unsupported.code, 2)
      assert.include(unsupported.stderr, "\"Archive\" (button)")
      const skipped = yield* runCli(["schema", "generate", DS_ID, "--skip-unsupported"], notion(everyKindJson(button)))
      assert.strictEqual(skipped.code, 0)
      assert.include(skipped.stdout, "- Archive (button, id \"bt\")")
    }))

  it.effect("usage errors exit with 2, printing what is wrong on standard error only", () =>
    Effect.gen(function*() {
      const result = yield* runCli(["schema", "generate"], notion())
      assert.strictEqual(result.code, 2)
      assert.strictEqual(result.stdout, "")
      assert.include(result.stderr, "data source id or URL")
      assert.strictEqual(result.requests.length, 0)

      const unknown = yield* runCli(["schema", "regenerate"], notion())
      assert.strictEqual(unknown.code, 2)
      assert.strictEqual(unknown.stdout, "")
      assert.notStrictEqual(unknown.stderr, "")
    }))

  it.effect("--help and a group alone print the help and exit 0; --version prints the version", () =>
    Effect.gen(function*() {
      const help = yield* runCli(["schema", "generate", "--help"], notion())
      assert.strictEqual(help.code, 0)
      assert.strictEqual(help.stderr, "")
      for (const text of ["Write a TypeScript module", "--out", "--skip-unsupported", "--grant", "--notion-version"]) {
        assert.include(help.stdout, text)
      }
      const group = yield* runCli(["schema"], notion())
      assert.strictEqual(group.code, 0)
      assert.include(group.stdout, "Typed data sources: generate, diff, introspect")
      const version = yield* runCli(["--version"], notion())
      assert.strictEqual(version.code, 0)
      assert.strictEqual(version.stdout.trim(), "0.1.0")
      assert.strictEqual(help.requests.length + group.requests.length + version.requests.length, 0)
    }))
})

describe("schema diff", () => {
  it.effect("0 when the module matches; 1 and the changes after an edit in Notion", () =>
    Effect.gen(function*() {
      const out = yield* tempFile("tasks.ts")
      assert.strictEqual((yield* runCli(["schema", "generate", DS_ID, "-o", out], notion())).code, 0)
      const same = yield* runCli(["schema", "diff", out], notion())
      assert.strictEqual(same.code, 0, same.stderr)
      assert.include(same.stdout, `TeamTasks (data source ${DS_ID}): up to date`)

      const changed = everyKindJson({
        Status: {
          id: "st",
          name: "State",
          type: "status",
          status: { options: [{ id: "x", name: "Blocked", color: "red" }], groups: [] }
        }
      })
      const drift = yield* runCli(["schema", "diff", out], notion(changed))
      assert.strictEqual(drift.code, 1)
      assert.include(drift.stderr, "differs from Notion")
      assert.include(drift.stderr, "\"Status\" (field status) was renamed to \"State\"")
      assert.include(drift.stderr, "\"Status\" (field status) has new options: \"Blocked\"")
    }))

  it.effect("a module without definitions is a clear error", () =>
    Effect.gen(function*() {
      const file = yield* tempFile("empty.ts")
      yield* Effect.promise(() => fs.writeFile(file, "export const x = 1\n"))
      const result = yield* runCli(["schema", "diff", file], notion())
      assert.strictEqual(result.code, 2)
      assert.include(result.stderr, "has no definition")
    }))
})

describe("schema introspect", () => {
  it.effect("prints the properties as a table", () =>
    Effect.gen(function*() {
      const result = yield* runCli(["schema", "introspect", DS_ID], notion(everyKindJson(button)))
      assert.strictEqual(result.code, 0, result.stderr)
      assert.match(result.stdout, /^Team tasks \(.*\): 25 properties/)
      assert.match(result.stdout, /\nArchive\s+button\s+bt\s+-\s+not supported by the generator/)
    }))
})
