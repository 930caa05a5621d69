import * as Effect from "effect/Effect"
import { uploadJson } from "../content/render.js"
import type { UploadRecord } from "../content/store.js"
import * as Uploads from "../content/uploads.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, changed, isFailure, notFound, paginateQuery, reply, stamp } from "../handler.js"
import { fail } from "../respond.js"
import { validation } from "../store.js"

const find = (ctx: Context & Api) => ctx.content.uploads.get(ctx.params.id!)

/** Reports `file_upload.created` or `file_upload.completed` (data-less events). */
const uploadChanged = (ctx: Context & Api, type: string, upload: UploadRecord) =>
  changed(ctx, type, { id: upload.id, type: "file_upload" }, {})

/** `send` is `multipart/form-data`: the `file` part and, in multi_part mode, `part_number`. */
const send = (ctx: Context & Api) =>
  Effect.gen(function*() {
    const upload = find(ctx)
    if (upload === undefined) return fail(ctx.requestId, notFound("file_upload", ctx.params.id!))
    const form = yield* Effect.either(Effect.tryPromise(() =>
      new Response(ctx.body as BodyInit, { headers: { "content-type": ctx.request.headers["content-type"] ?? "" } })
        .formData()
    ))
    if (form._tag === "Left") {
      return fail(ctx.requestId, validation("The body should be multipart/form-data."))
    }
    const file = form.right.get("file")
    if (file === null || typeof file === "string") {
      return fail(ctx.requestId, validation("The form should have a file."))
    }
    const part = form.right.get("part_number")
    const before = upload.status
    const sent = Uploads.send(upload, file.size, part === null ? undefined : Number(part))
    if (isFailure(sent)) {
      return yield* reply(ctx, sent)
    }
    if (before !== "uploaded" && sent.status === "uploaded") {
      uploadChanged(ctx, "file_upload.completed", sent)
    }
    return yield* reply(ctx, uploadJson(sent))
  })

/** `fileUploads.*`. */
export const routes: ReadonlyArray<Route> = [
  api("POST", "/v1/file_uploads", (ctx) => {
    const body = bodyOf(ctx)
    if (isFailure(body)) return reply(ctx, body)
    const created = Uploads.create(ctx.content, body, stamp(ctx))
    if (isFailure(created)) return reply(ctx, created)
    uploadChanged(ctx, "file_upload.created", created)
    if (created.status === "uploaded") uploadChanged(ctx, "file_upload.completed", created)
    return reply(ctx, uploadJson(created))
  }),
  { kind: "api", method: "POST", pattern: "/v1/file_uploads/{id}/send", handler: send, raw: true },
  api("POST", "/v1/file_uploads/{id}/complete", (ctx) => {
    const upload = find(ctx)
    if (upload === undefined) return reply(ctx, notFound("file_upload", ctx.params.id!))
    const done = Uploads.complete(upload)
    if (isFailure(done)) return reply(ctx, done)
    uploadChanged(ctx, "file_upload.completed", done)
    return reply(ctx, uploadJson(done))
  }),
  api("GET", "/v1/file_uploads/{id}", (ctx) => {
    const upload = find(ctx)
    return reply(ctx, upload === undefined ? notFound("file_upload", ctx.params.id!) : uploadJson(upload))
  }),
  api("GET", "/v1/file_uploads", (ctx) => {
    const status = ctx.url.searchParams.get("status")
    const uploads = [...ctx.content.uploads.values()].filter((u) => status === null || u.status === status)
    return reply(ctx, paginateQuery(ctx, uploads.map((u) => uploadJson(u)), "file_upload"))
  })
]
