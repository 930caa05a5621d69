/** File uploads' rules: modes, parts and their sizes, completion, and attaching an uploaded file to a block. */
import { type Failure, validation } from "../store.js"
import type { ContentStore, Json, Stamp, UploadRecord } from "./store.js"

const MiB = 1024 * 1024
const MAX_PART = 20 * MiB
const MIN_PART = 5 * MiB

/** Starts an upload (`single_part`, `multi_part` or `external_url`) at the stamp's time. */
export const create = (store: ContentStore, body: Json, stamp: Stamp): UploadRecord | Failure => {
  const mode = (body.mode ?? "single_part") as string
  if (!["single_part", "multi_part", "external_url"].includes(mode)) {
    return validation("body.mode should be `single_part`, `multi_part` or `external_url`.")
  }
  const parts = body.number_of_parts as number | undefined
  if (mode === "multi_part" && (typeof parts !== "number" || parts < 1 || parts > 1000)) {
    return validation("body.number_of_parts should be between 1 and 1000 in multi_part mode.")
  }
  if (mode === "multi_part" && typeof body.filename !== "string") {
    return validation("body.filename should be defined in multi_part mode.")
  }
  const record: UploadRecord = {
    id: crypto.randomUUID(),
    created_time: stamp.time,
    mode,
    filename: (body.filename as string | undefined) ?? null,
    content_type: (body.content_type as string | undefined) ?? null,
    number_of_parts: mode === "multi_part" ? parts! : null,
    parts: new Map(),
    status: mode === "external_url" ? "uploaded" : "pending",
    expiry_time: new Date(Date.parse(stamp.time) + 3_600_000).toISOString()
  }
  store.uploads.set(record.id, record)
  return record
}

/** One `send`: the whole file (single part) or part `partNumber`. */
export const send = (upload: UploadRecord, size: number, partNumber: number | undefined): UploadRecord | Failure => {
  if (upload.status !== "pending") return validation(`File upload is ${upload.status}, not pending.`)
  if (size > MAX_PART) return validation(`The file or part is larger than ${MAX_PART} bytes.`)
  if (upload.mode === "single_part") {
    if (partNumber !== undefined) return validation("part_number is only for multi_part uploads.")
    upload.parts.set(1, size)
    upload.status = "uploaded"
    return upload
  }
  if (partNumber === undefined || partNumber < 1 || partNumber > upload.number_of_parts!) {
    return validation(`part_number should be between 1 and ${upload.number_of_parts}.`)
  }
  upload.parts.set(partNumber, size)
  return upload
}

/** Completes a multi-part upload once every part was sent (all but the last at least 5 MiB). */
export const complete = (upload: UploadRecord): UploadRecord | Failure => {
  if (upload.mode !== "multi_part") return validation("Only multi_part uploads are completed.")
  if (upload.status !== "pending") return validation(`File upload is ${upload.status}, not pending.`)
  const total = upload.number_of_parts!
  for (let n = 1; n <= total; n++) {
    const size = upload.parts.get(n)
    if (size === undefined) return validation(`Part ${n} of ${total} was not sent.`)
    if (n < total && size < MIN_PART) return validation(`Part ${n} is smaller than ${MIN_PART} bytes.`)
  }
  upload.status = "uploaded"
  return upload
}

/** `{ type: "file_upload", file_upload: { id } }` → a hosted file, once the upload is `uploaded`. */
export const attach = (store: ContentStore, payload: Json): Json | Failure => {
  const id = (payload.file_upload as Json | undefined)?.id as string | undefined
  const upload = id === undefined ? undefined : store.uploads.get(id)
  if (upload === undefined || upload.status !== "uploaded") {
    return validation(`File upload ${id} is not uploaded, or does not exist.`)
  }
  upload.expiry_time = null
  return {
    type: "file",
    file: {
      url: `https://files.notion.test/${upload.id}/${upload.filename ?? "file"}`,
      expiry_time: "2099-01-01T00:00:00.000Z"
    },
    file_upload: undefined,
    name: upload.filename ?? "file",
    caption: []
  }
}
