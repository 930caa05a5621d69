import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { NotionClient, Upload } from "../src/index.js"
import { fakeHttp, formOf, json, notionError } from "./utils/fakeHttp.js"
import { clientLayer } from "./utils/fixtures.js"

const MiB = 1024 * 1024

/** A file-upload server in memory: create, send (parts checked), complete. */
const uploads = () => {
  const parts = new Map<string, number>()
  let created: Record<string, unknown> = {}
  const upload = (status: string) => ({
    object: "file_upload",
    id: "fu-1",
    created_time: "2026-01-01T00:00:00.000Z",
    last_edited_time: "2026-01-01T00:00:00.000Z",
    expiry_time: "2026-01-01T01:00:00.000Z",
    upload_url: "https://api.notion.com/v1/file_uploads/fu-1/send",
    status,
    filename: created.filename ?? null,
    content_type: created.content_type ?? null,
    content_length: null
  })
  const http = fakeHttp(async (request: HttpClientRequest.HttpClientRequest) => {
    const path = new URL(request.url).pathname
    if (path === "/v1/file_uploads") {
      created = JSON.parse(new TextDecoder().decode((request.body as { body: Uint8Array }).body))
      return json(200, upload("pending"))
    }
    if (path.endsWith("/send")) {
      const form = await formOf(request)
      const file = form.get("file") as File
      const part = form.get("part_number")
      parts.set(String(part ?? 1), file.size)
      return json(200, upload(created.mode === "multi_part" ? "pending" : "uploaded"))
    }
    if (path.endsWith("/complete")) return json(200, upload("uploaded"))
    return notionError(404, "object_not_found")
  })
  return { http, parts, created: () => created }
}

const withClient = <A, E>(
  http: ReturnType<typeof uploads>["http"],
  f: (c: NotionClient.Service) => Effect.Effect<A, E>
) => Effect.flatMap(Effect.provide(NotionClient.NotionClient, clientLayer(http.layer)), f)

describe("Upload", () => {
  it.effect("up to 20 MB: one single_part send, no complete", () =>
    Effect.gen(function*() {
      const server = uploads()
      const data = new Uint8Array(3 * MiB).fill(7)
      const done = yield* withClient(server.http, (c) =>
        Upload.bytes(c, data, { filename: "a.bin", contentType: "application/octet-stream" }))
      assert.strictEqual(done.status, "uploaded")
      assert.strictEqual(server.created().mode, "single_part")
      assert.deepStrictEqual([...server.parts], [["1", 3 * MiB]])
      assert.deepStrictEqual(
        server.http.requests.map((r) =>
          new URL(r.url).pathname
        ),
        ["/v1/file_uploads", "/v1/file_uploads/fu-1/send"]
      )
      assert.deepStrictEqual(Upload.reference(done), { type: "file_upload", file_upload: { id: "fu-1" } })
    }))

  it.effect("over 20 MB: multi_part with numbered parts of partSize (the last shorter), then complete", () =>
    Effect.gen(function*() {
      const server = uploads()
      const size = 25 * MiB + 123
      // an uneven stream: chunks that straddle part boundaries
      const source = Stream.range(0, Math.ceil(size / (3 * MiB + 1)) - 1).pipe(
        Stream.map((i) => new Uint8Array(Math.min(3 * MiB + 1, size - i * (3 * MiB + 1))))
      )
      const done = yield* withClient(
        server.http,
        (c) => Upload.stream(c, source, size, { filename: "big.bin", partSize: 10 * MiB, concurrency: 2 })
      )
      assert.strictEqual(done.status, "uploaded")
      assert.strictEqual(server.created().mode, "multi_part")
      assert.strictEqual(server.created().number_of_parts, 3)
      assert.deepStrictEqual(
        [...server.parts].sort(),
        [["1", 10 * MiB], ["2", 10 * MiB], ["3", 5 * MiB + 123]]
      )
      assert.strictEqual(new URL(server.http.requests.at(-1)!.url).pathname, "/v1/file_uploads/fu-1/complete")
    }))

  it.effect("a file from disk is read in parts", () =>
    Effect.gen(function*() {
      const server = uploads()
      const fs = yield* FileSystem.FileSystem
      const dir = yield* fs.makeTempDirectoryScoped()
      const file = `${dir}/notes.txt`
      yield* fs.writeFileString(file, "hello from disk")
      const client = yield* Effect.provide(NotionClient.NotionClient, clientLayer(server.http.layer))
      const done = yield* Upload.path(client, file, { filename: "notes.txt" })
      assert.strictEqual(done.status, "uploaded")
      assert.deepStrictEqual([...server.parts], [["1", 15]])
    }).pipe(Effect.provide(NodeFileSystem.layer), Effect.scoped))

  it.effect("size rules fail with UploadError before anything is sent", () =>
    Effect.gen(function*() {
      const server = uploads()
      const failures = yield* withClient(server.http, (c) =>
        Effect.all([
          Effect.flip(Upload.bytes(c, new Uint8Array(0), { filename: "empty.txt" })),
          Effect.flip(Upload.stream(c, Stream.empty, 6 * 1024 * 1024 * 1024, { filename: "huge.bin" })),
          Effect.flip(Upload.stream(c, Stream.empty, 30 * MiB, { filename: "x.bin", partSize: MiB })),
          Effect.flip(Upload.bytes(c, new Uint8Array(1), { filename: "" }))
        ]))
      assert.deepStrictEqual(failures.map((e) => e._tag === "UploadError" && e.reason), [
        "empty",
        "too_large",
        "part_size",
        "filename"
      ])
      assert.strictEqual(server.http.requests.length, 0)
    }))

  it.effect("a stream shorter or longer than declared fails with size_mismatch and is never completed", () =>
    Effect.gen(function*() {
      const server = uploads()
      const short = yield* withClient(
        server.http,
        (c) => Effect.flip(Upload.stream(c, Stream.make(new Uint8Array(21 * MiB)), 25 * MiB, { filename: "s.bin" }))
      )
      const long = yield* withClient(
        server.http,
        (c) => Effect.flip(Upload.stream(c, Stream.make(new Uint8Array(2 * MiB)), MiB, { filename: "l.bin" }))
      )
      assert.deepStrictEqual(
        [short._tag === "UploadError" && short.reason, long._tag === "UploadError" && long.reason],
        [
          "size_mismatch",
          "size_mismatch"
        ]
      )
      assert.isFalse(server.http.requests.some((r) => r.url.endsWith("/complete")))
    }))
})
