/**
 * File uploads (`fileUploads.*`): a file sent to Notion in one or more parts, or imported from a URL, then
 * attached to blocks, pages, properties or comments with `{ type: "file_upload", file_upload: { id } }`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject } from "./Common.js"
import * as OpenUnion from "./OpenUnion.js"

/**
 * The statuses Notion documents: `pending` → `uploaded`; `expired` and `failed` (imports only) are dead ends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownFileUploadStatus = Schema.Literal("pending", "uploaded", "expired", "failed")

/**
 * A documented status.
 *
 * @since 0.1.0
 * @category models
 */
export type KnownFileUploadStatus = typeof KnownFileUploadStatus.Type

/**
 * A status as found in responses: any string, so a status Notion adds later still decodes
 * ({@link KnownFileUploadStatus} lists the documented ones).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileUploadStatus = Schema.String.annotations({ identifier: "FileUploadStatus" })

/**
 * A status as found in responses.
 *
 * @since 0.1.0
 * @category models
 */
export type FileUploadStatus = typeof FileUploadStatus.Type

/**
 * Why an import failed.
 *
 * @since 0.1.0
 * @category models
 */
export interface FileImportError {
  readonly type: string
  readonly code: string
  readonly message: string
  readonly parameter?: string | null | undefined
  readonly status_code?: number | null | undefined
}

/**
 * Why an import failed: `type` (`validation_error`, `internal_system_error`, `download_error`, `upload_error`),
 * `code`, `message`, and the `parameter` and HTTP `status_code` involved, when known.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileImportError: Schema.Schema<FileImportError> = Schema.Struct({
  type: Schema.String,
  code: Schema.String,
  message: Schema.String,
  parameter: Schema.optional(Schema.NullOr(Schema.String)),
  status_code: Schema.optional(Schema.NullOr(Schema.Number))
})

const importFields = { imported_time: Schema.String }

const FileImportResultUnion = OpenUnion.make({
  tag: "type",
  identifier: "FileImportResult",
  fields: importFields,
  members: [
    Schema.Struct({ type: Schema.Literal("success"), ...importFields, success: JsonObject }),
    Schema.Struct({ type: Schema.Literal("error"), ...importFields, error: FileImportError })
  ]
})

/**
 * The outcome of an `external_url` import, of a kind we know.
 *
 * @since 0.1.0
 * @category models
 */
export type FileImportResultKnown =
  | { readonly type: "success"; readonly imported_time: string; readonly success: JsonObject }
  | { readonly type: "error"; readonly imported_time: string; readonly error: FileImportError }

/**
 * The outcome of an `external_url` import.
 *
 * @since 0.1.0
 * @category models
 */
export type FileImportResult =
  | FileImportResultKnown
  | { readonly type: string; readonly imported_time: string; readonly [key: string]: unknown }

/**
 * The outcome of an `external_url` import: `success`, `error` (with {@link FileImportError}), or any other `type`
 * (kept as sent), each with `imported_time`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileImportResult: Schema.Schema<FileImportResult> = FileImportResultUnion.schema

/**
 * Whether an import result is of a kind we know.
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownFileImportResult = (result: FileImportResult): result is FileImportResultKnown =>
  OpenUnion.isKnown(FileImportResultUnion, result)

/**
 * A file upload.
 *
 * @since 0.1.0
 * @category models
 */
export interface FileUpload {
  readonly object: "file_upload"
  readonly id: string
  readonly created_time: string
  readonly last_edited_time: string
  readonly created_by?: { readonly id: string; readonly type?: string | undefined } | undefined
  readonly in_trash?: boolean | undefined
  readonly archived?: boolean | undefined
  readonly expiry_time: string | null
  readonly status: FileUploadStatus
  readonly filename: string | null
  readonly content_type: string | null
  readonly content_length: number | null
  readonly upload_url?: string | undefined
  readonly complete_url?: string | undefined
  readonly file_import_result?: FileImportResult | undefined
  readonly number_of_parts?: { readonly total: number; readonly sent: number } | undefined
  readonly request_id?: string | undefined
}

/**
 * A file upload: `status` ({@link FileUploadStatus}), `filename`, `content_type`, `content_length`, `expiry_time`
 * (when an unattached upload expires; `null` once attached), `upload_url` and `complete_url` while pending,
 * `number_of_parts` (multi-part mode) and `file_import_result` (`external_url` mode).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FileUpload: Schema.Schema<FileUpload> = Schema.Struct({
  object: Schema.Literal("file_upload"),
  id: Schema.String,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  /** `type` is `person`, `bot` or `agent`. */
  created_by: Schema.optional(Schema.Struct({ id: Schema.String, type: Schema.optional(Schema.String) })),
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  expiry_time: Schema.NullOr(Schema.String),
  status: FileUploadStatus,
  filename: Schema.NullOr(Schema.String),
  content_type: Schema.NullOr(Schema.String),
  content_length: Schema.NullOr(Schema.Number),
  upload_url: Schema.optional(Schema.String),
  complete_url: Schema.optional(Schema.String),
  file_import_result: Schema.optional(FileImportResult),
  number_of_parts: Schema.optional(Schema.Struct({ total: Schema.Number, sent: Schema.Number })),
  request_id: Schema.optional(Schema.String)
}).annotations({ identifier: "FileUpload" })
