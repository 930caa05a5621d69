/**
 * `fileUploads.*` endpoints. `FileUploads.upload` (in `FileUploads.ts`) drives them for a file of any size.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { FileUpload } from "../FileUpload.js"
import { endpoint } from "../internal/lazy.js"
import { List } from "../List.js"
import { PaginationParams } from "../Pagination.js"
import { Id } from "./shared.js"

/** At most this many bytes in a `single_part` upload or one part of a `multi_part` one (20 MB). */
export const MAX_PART_BYTES = 20 * 1024 * 1024

/**
 * `POST /v1/file_uploads`: starts an upload in `single_part` (default), `multi_part` (with `number_of_parts`)
 * or `external_url` mode.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const create = endpoint({
  name: "fileUploads.create",
  method: "POST",
  path: "/v1/file_uploads",
  body: "rest",
  params: () =>
    Schema.Struct({
      mode: Schema.optional(Schema.Literal("single_part", "multi_part", "external_url")),
      filename: Schema.optional(Schema.String.pipe(Schema.maxLength(900))),
      content_type: Schema.optional(Schema.String),
      number_of_parts: Schema.optional(Schema.Int.pipe(Schema.between(1, 10_000))),
      external_url: Schema.optional(Schema.String)
    }).pipe(
      Schema.filter((p) => (p.mode === "multi_part") === (p.number_of_parts !== undefined), {
        message: () => "number_of_parts is required in multi_part mode, and only there"
      }),
      Schema.filter((p) => (p.mode === "external_url") === (p.external_url !== undefined), {
        message: () => "external_url is required in external_url mode, and only there"
      })
    ),
  success: () => FileUpload
})

/**
 * A file part of a `multipart/form-data` body: bytes, a `Blob` or text, with an optional name and type.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FilePart = Schema.Struct({
  data: Schema.Union(Schema.Uint8ArrayFromSelf, Schema.String, Schema.instanceOf(Blob)),
  filename: Schema.optional(Schema.String.pipe(Schema.maxLength(900))),
  content_type: Schema.optional(Schema.String)
})

const partSize = (data: Uint8Array | string | Blob) =>
  typeof data === "string"
    ? new TextEncoder().encode(data).byteLength
    : data instanceof Blob
    ? data.size
    : data.byteLength

/**
 * `POST /v1/file_uploads/{file_upload_id}/send` (`multipart/form-data`): the file, or part `part_number` (1-based,
 * as a string) of a `multi_part` upload; at most 20 MB.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const send = endpoint({
  name: "fileUploads.send",
  method: "POST",
  path: "/v1/file_uploads/{file_upload_id}/send",
  body: ["file", "part_number"],
  encoding: "multipart",
  params: () =>
    Schema.Struct({
      file_upload_id: Id,
      file: FilePart.pipe(Schema.filter((f) => partSize(f.data) <= MAX_PART_BYTES, {
        message: () => `a file or part is at most ${MAX_PART_BYTES} bytes`
      })),
      part_number: Schema.optional(Schema.String.pipe(Schema.pattern(/^[1-9][0-9]*$/)))
    }),
  success: () => FileUpload
})

/** `POST /v1/file_uploads/{file_upload_id}/complete`: finishes a `multi_part` upload. @since 0.1.0 @category endpoints */
export const complete = endpoint({
  name: "fileUploads.complete",
  method: "POST",
  path: "/v1/file_uploads/{file_upload_id}/complete",
  params: () => Schema.Struct({ file_upload_id: Id }),
  success: () => FileUpload
})

/** `GET /v1/file_uploads/{file_upload_id}`. @since 0.1.0 @category endpoints */
export const retrieve = endpoint({
  name: "fileUploads.retrieve",
  method: "GET",
  path: "/v1/file_uploads/{file_upload_id}",
  params: () => Schema.Struct({ file_upload_id: Id }),
  success: () => FileUpload
})

/** `GET /v1/file_uploads`: one page of the integration's uploads, optionally by `status`. @since 0.1.0 @category endpoints */
export const list = endpoint({
  name: "fileUploads.list",
  method: "GET",
  path: "/v1/file_uploads",
  query: ["status", "start_cursor", "page_size"],
  params: () =>
    Schema.Struct({
      status: Schema.optional(Schema.Literal("pending", "uploaded", "expired", "failed")),
      ...PaginationParams.fields
    }),
  success: () => List(FileUpload, "file_upload")
})
