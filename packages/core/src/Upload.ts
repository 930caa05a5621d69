/**
 * Uploads a file of any size: one `single_part` send up to 20 MB, else a `multi_part` upload split into parts
 * (10 MiB by default) sent concurrently — each part goes through the client, so through its rate limiter and
 * retry policy — then completed. The answer is the `file_upload` to attach with {@link reference}.
 *
 * Size rules are checked before anything is sent and fail with a typed {@link UploadError}.
 *
 * @example
 * ```ts
 * import { NotionClient, Upload } from "@notion-effect/core"
 * import * as Effect from "effect/Effect"
 *
 * const attach = (block_id: string, pdf: Uint8Array) =>
 *   Effect.gen(function*() {
 *     const client = yield* NotionClient.NotionClient
 *     const upload = yield* Upload.bytes(client, pdf, { filename: "report.pdf", contentType: "application/pdf" })
 *     yield* client.blocks.children.append({ block_id, children: [{ type: "pdf", pdf: Upload.reference(upload) }] })
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { MAX_PART_BYTES } from "./api/fileUploads.js"
import { concat } from "./internal/bytes.js"
import * as Files from "./internal/files.js"
import * as Streams from "./internal/streams.js"
import type * as NotionClient from "./NotionClient.js"
import type * as NotionError from "./NotionError.js"

/** 5 MiB: the smallest part of a multi-part upload (but the last). */
const MIN_PART = 5 * 1024 * 1024
/** 5 GiB: the largest file Notion takes (paid plans). */
const MAX_FILE = 5 * 1024 * 1024 * 1024

/**
 * A file that cannot be uploaded as given, found before anything is sent (or a stream whose length did not
 * match the declared size).
 *
 * @since 0.1.0
 * @category errors
 */
export class UploadError extends Schema.TaggedError<UploadError>()("UploadError", {
  reason: Schema.Literal("empty", "too_large", "part_size", "filename", "size_mismatch"),
  message: Schema.String
}) {}

/**
 * Upload options.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The file name Notion shows (with an extension, at most 900 bytes). */
  readonly filename: string
  /** MIME type; inferred by Notion from the extension when absent. */
  readonly contentType?: string
  /** Bytes per part of a multi-part upload (5 to 20 MiB; default 10 MiB). */
  readonly partSize?: number
  /** Parts sent at once (default 3). */
  readonly concurrency?: number
}

/**
 * A file upload as a file object to attach: in a file, image, pdf, audio or video block, a page icon or cover,
 * or a `files` property value.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reference = (upload: { readonly id: string }) =>
  ({ type: "file_upload", file_upload: { id: upload.id } }) as const

const fail = (reason: UploadError["reason"], message: string) => Effect.fail(new UploadError({ reason, message }))

const check = (size: number, options: Options, partSize: number) => {
  if (new TextEncoder().encode(options.filename).byteLength > 900 || options.filename === "") {
    return fail("filename", "the file name must have 1 to 900 bytes")
  }
  if (size === 0) return fail("empty", "the file is empty")
  if (size > MAX_FILE) return fail("too_large", `the file has ${size} bytes; Notion takes at most ${MAX_FILE}`)
  if (size > MAX_PART_BYTES && (partSize < MIN_PART || partSize > MAX_PART_BYTES)) {
    return fail("part_size", `parts must have ${MIN_PART} to ${MAX_PART_BYTES} bytes, not ${partSize}`)
  }
  return Effect.void
}

/** Regroups a byte stream into parts of exactly `size` bytes (the last may be shorter). */
const toParts = <E, R>(source: Stream.Stream<Uint8Array, E, R>, size: number): Stream.Stream<Uint8Array, E, R> =>
  Stream.suspend(() => {
    let pending: Array<Uint8Array> = []
    let length = 0
    const flush = () => {
      const all = concat(pending, length)
      pending = []
      length = 0
      return all
    }
    return Stream.concat(
      Streams.mapConcat(source, (chunk) => {
        const out: Array<Uint8Array> = []
        let rest = chunk
        while (length + rest.byteLength >= size) {
          const take = size - length
          pending.push(rest.subarray(0, take))
          length += take
          out.push(flush())
          rest = rest.subarray(take)
        }
        if (rest.byteLength > 0) {
          pending.push(rest)
          length += rest.byteLength
        }
        return out
      }),
      Stream.suspend(() => length > 0 ? Stream.make(flush()) : Stream.empty)
    )
  })

const part = (options: Options, data: Uint8Array) => ({
  data,
  filename: options.filename,
  ...(options.contentType === undefined ? {} : { content_type: options.contentType })
})

/**
 * Uploads `size` bytes read from a stream (single part up to 20 MB, else multi part). The stream must yield
 * exactly `size` bytes, or the upload fails with `UploadError` (`size_mismatch`) and is never completed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stream = <E, R>(
  client: NotionClient.Service,
  source: Stream.Stream<Uint8Array, E, R>,
  size: number,
  options: Options
) =>
  Effect.gen(function*() {
    const partSize = options.partSize ?? 10 * 1024 * 1024
    yield* check(size, options, partSize)
    const contentType = options.contentType === undefined ? {} : { content_type: options.contentType }
    if (size <= MAX_PART_BYTES) {
      const chunks = yield* Stream.runCollect(source)
      const bytes = concat([...chunks], [...chunks].reduce((n, c) => n + c.byteLength, 0))
      if (bytes.byteLength !== size) {
        return yield* fail("size_mismatch", `the stream gave ${bytes.byteLength} bytes, not ${size}`)
      }
      const created = yield* client.fileUploads.create({
        mode: "single_part",
        filename: options.filename,
        ...contentType
      })
      return yield* client.fileUploads.send({ file_upload_id: created.id, file: part(options, bytes) })
    }
    const parts = Math.ceil(size / partSize)
    const created = yield* client.fileUploads.create({
      mode: "multi_part",
      number_of_parts: parts,
      filename: options.filename,
      ...contentType
    })
    let sent = 0
    yield* toParts(source, partSize).pipe(
      Stream.zipWithIndex,
      Stream.mapEffect(([data, index]): Effect.Effect<unknown, UploadError | NotionError.ApiCallError> => {
        sent += data.byteLength
        if (index >= parts || sent > size) {
          return fail("size_mismatch", `the stream gave more than ${size} bytes`)
        }
        return client.fileUploads.send({
          file_upload_id: created.id,
          file: part(options, data),
          part_number: String(index + 1)
        })
      }, { concurrency: options.concurrency ?? 3 }),
      Stream.runDrain
    )
    if (sent !== size) return yield* fail("size_mismatch", `the stream gave ${sent} bytes, not ${size}`)
    return yield* client.fileUploads.complete({ file_upload_id: created.id })
  })

/**
 * Uploads bytes in memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bytes = (client: NotionClient.Service, data: Uint8Array, options: Options) =>
  stream(client, Stream.make(data), data.byteLength, options)

/**
 * Uploads a file from disk (needs a `FileSystem`, e.g. `NodeFileSystem.layer`), read in parts as it is sent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const path = (client: NotionClient.Service, filePath: string, options: Options) =>
  Effect.flatMap(Files.open(filePath), (file) => stream(client, file.bytes, file.size, options))
