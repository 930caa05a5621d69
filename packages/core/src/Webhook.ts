/**
 * Notion webhooks: signature checks, the handshake and event schemas.
 *
 * Notion signs each delivery with HMAC-SHA256 over the raw body, keyed by the subscription's verification token,
 * and sends `X-Notion-Signature: sha256=<hex>`. With that header, {@link verifySignature} checks the exact bytes
 * received (re-serialised JSON fails) before anything is parsed, then {@link parseEvent} decodes them. The one
 * unsigned body is the handshake, exactly `{"verification_token": "secret_…"}`: {@link parseVerification}. Both
 * bound the body's size and nesting depth before parsing it ({@link Limits}), so no body can exhaust memory or
 * overflow the stack.
 *
 * Events form an open union on `type`: an event type this SDK does not know yet decodes to {@link UnknownEvent}
 * (every field kept) instead of failing; {@link isKnownEvent} narrows to the known ones. Unknown fields of known
 * events are kept too.
 *
 * @example
 * yield* Webhook.verifySignature({ body, signature, verificationToken })
 * const event = yield* Webhook.parseEvent(body, { maxAge: "25 hours" })
 * if (Webhook.isKnownEvent(event)) switch (event.type) { … }
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { nestsDeeperThan } from "./internal/jsonDepth.js"
import * as OpenUnion from "./OpenUnion.js"

// ---------------------------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * A delivery whose `X-Notion-Signature` is `missing`, `malformed` (not `sha256=` and 64 hex digits) or a
 * `mismatch` (not the HMAC of this body under this token). Neither the token nor the header is kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookSignatureError extends Schema.TaggedError<WebhookSignatureError>()("WebhookSignatureError", {
  reason: Schema.Literal("missing", "malformed", "mismatch")
}) {
  /** @since 0.1.0 */
  override get message(): string {
    switch (this.reason) {
      case "missing":
        return "The X-Notion-Signature header is missing"
      case "malformed":
        return "The X-Notion-Signature header is not of the form sha256=<64 hex digits>"
      case "mismatch":
        return "The X-Notion-Signature header does not match the body"
    }
  }
}

/**
 * A body that is not `json`, not of a webhook's `shape` (the message names the failing paths, never values), or
 * `stale` (its `timestamp` is older than the `maxAge` asked for).
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookPayloadError extends Schema.TaggedError<WebhookPayloadError>()("WebhookPayloadError", {
  reason: Schema.Literal("json", "shape", "stale"),
  message: Schema.String
}) {}

/**
 * A body refused before it is parsed: larger than `limit` bytes (`size`), or with arrays and objects nested deeper
 * than `limit` levels (`depth`). See {@link Limits}.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookLimitError extends Schema.TaggedError<WebhookLimitError>()("WebhookLimitError", {
  reason: Schema.Literal("size", "depth"),
  limit: Schema.Number
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return this.reason === "size"
      ? `The webhook body is larger than ${this.limit} bytes`
      : `The webhook body nests arrays and objects deeper than ${this.limit} levels`
  }
}

/**
 * Every failure of this module.
 *
 * @since 0.1.0
 * @category errors
 */
export type WebhookError = WebhookSignatureError | WebhookPayloadError | WebhookLimitError

// ---------------------------------------------------------------------------------------------------------------
// signatures
// ---------------------------------------------------------------------------------------------------------------

const PREFIX = "sha256="
const HEX_DIGEST = /^[0-9a-f]{64}$/i
const encoder = new TextEncoder()

const hmac = (verificationToken: Redacted.Redacted<string>, body: Uint8Array | string) =>
  Effect.suspend(() => {
    const subtle = globalThis.crypto?.subtle
    if (subtle === undefined) return Effect.dieMessage("Webhook signatures need Web Crypto (globalThis.crypto.subtle)")
    const key = encoder.encode(Redacted.value(verificationToken))
    if (key.length === 0) return Effect.dieMessage("The webhook verification token is empty")
    // a fresh ArrayBuffer-backed copy: `subtle.sign` rejects views of a SharedArrayBuffer
    const data = typeof body === "string" ? encoder.encode(body) : new Uint8Array(body)
    return Effect.tryPromise({
      try: async () => {
        const cryptoKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
        return new Uint8Array(await subtle.sign("HMAC", cryptoKey, data))
      },
      // the underlying error says nothing useful and must not carry the key
      catch: () => new Error("HMAC-SHA256 with Web Crypto failed")
    }).pipe(Effect.orDie)
  })

const toHex = (bytes: Uint8Array): string => {
  let hex = ""
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0")
  return hex
}

const fromHex = (hex: string): Uint8Array => {
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/**
 * Compares two byte strings in time that depends only on the longer length, never on where they differ. Different
 * lengths are unequal.
 *
 * @since 0.1.0
 * @category utils
 */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  const length = Math.max(a.length, b.length)
  let diff = a.length ^ b.length
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

/**
 * The `X-Notion-Signature` value Notion would send for `body` (`sha256=<hex>`): for tests and emulators.
 *
 * @since 0.1.0
 * @category signatures
 */
export const sign = (options: {
  readonly body: Uint8Array | string
  readonly verificationToken: Redacted.Redacted<string>
}): Effect.Effect<string> => Effect.map(hmac(options.verificationToken, options.body), (mac) => PREFIX + toHex(mac))

/**
 * Succeeds when `signature` (the `X-Notion-Signature` header) is the HMAC-SHA256 of the exact `body` bytes keyed by
 * `verificationToken`, compared in constant time. Runs wherever Web Crypto does (Node, Deno, Bun, edge runtimes).
 *
 * @since 0.1.0
 * @category signatures
 */
export const verifySignature = (options: {
  readonly body: Uint8Array | string
  readonly signature: string | null | undefined
  readonly verificationToken: Redacted.Redacted<string>
}): Effect.Effect<void, WebhookSignatureError> =>
  Effect.suspend(() => {
    const signature = options.signature?.trim()
    if (signature === undefined || signature === "") return new WebhookSignatureError({ reason: "missing" })
    const hex = signature.slice(PREFIX.length)
    if (signature.slice(0, PREFIX.length).toLowerCase() !== PREFIX || !HEX_DIGEST.test(hex)) {
      return new WebhookSignatureError({ reason: "malformed" })
    }
    return Effect.flatMap(
      hmac(options.verificationToken, options.body),
      (mac) => constantTimeEqual(mac, fromHex(hex)) ? Effect.void : new WebhookSignatureError({ reason: "mismatch" })
    )
  })

// ---------------------------------------------------------------------------------------------------------------
// schemas
// ---------------------------------------------------------------------------------------------------------------

/**
 * A string documented as one of `values` and typed so (for completion), but accepting any string: Notion adds
 * author, parent and entity kinds without notice, and one new value must not make a whole event undecodable.
 */
const OpenLiteral = <const Values extends ReadonlyArray<string>>(...values: Values) =>
  Schema.String.annotations({
    description: `${values.join(" | ")}, or a value added later`
  }) as unknown as Schema.Schema<
    Values[number] | (string & {})
  >

/**
 * The handshake Notion POSTs once when a subscription is created (resendable from the integration's settings):
 * exactly this one field. It is not signed: treat the token as a candidate a person confirms, not as proof of
 * anything.
 *
 * @since 0.1.0
 * @category schemas
 */
export const VerificationRequest = Schema.Struct({ verification_token: Schema.String })

/**
 * Who caused an event (several for aggregated events), or who can see it (`accessible_by`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Author = Schema.Struct({ id: Schema.String, type: OpenLiteral("person", "bot", "agent") })

/**
 * The API version the subscription was created with; it shapes the payloads.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApiVersion = OpenLiteral("2022-06-28", "2025-09-03", "2026-03-11")

/**
 * The fields of every delivery, whatever its type.
 */
const envelope = {
  /** The delivery's id: the dedupe key (retries keep it). */
  id: Schema.String,
  /** When the event happened (ISO 8601): the ordering key, as deliveries arrive unordered. */
  timestamp: Schema.String,
  workspace_id: Schema.String,
  workspace_name: Schema.String,
  subscription_id: Schema.String,
  integration_id: Schema.String,
  authors: Schema.Array(Author),
  /** Public connections only. */
  accessible_by: Schema.optional(Schema.Array(Author)),
  /** 1 to 8. */
  attempt_number: Schema.Number,
  api_version: Schema.optional(ApiVersion)
}

/**
 * The envelope's field schemas.
 *
 * @since 0.1.0
 * @category schemas
 */
export type EnvelopeFields = typeof envelope

/**
 * The object an event is about: `{ id, type }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Entity = Schema.Struct({ id: Schema.String, type: Schema.String })

/**
 * The fields every event has, whatever its type (`data` is absent for some).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Envelope = Schema.Struct({
  ...envelope,
  type: Schema.String,
  entity: Entity,
  data: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

/**
 * The envelope's fields.
 *
 * @since 0.1.0
 * @category models
 */
export type Envelope = typeof Envelope.Type

/**
 * Where the entity lives: `data.parent`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Parent = Schema.Struct({
  id: Schema.String,
  type: OpenLiteral("space", "block", "page", "database", "team", "agent"),
  data_source_id: Schema.optional(Schema.String)
})

/**
 * A block, page or database named by an event (`updated_blocks`, a comment's `parent`, a transcript's `target`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BlockReference = Schema.Struct({ id: Schema.String, type: OpenLiteral("page", "database", "block") })

const PageEntity = Schema.Struct({ id: Schema.String, type: Schema.Literal("page") })
const DatabaseEntity = Schema.Struct({ id: Schema.String, type: OpenLiteral("block", "database", "data_source") })
const CommentEntity = Schema.Struct({ id: Schema.String, type: Schema.Literal("comment") })
const FileUploadEntity = Schema.Struct({ id: Schema.String, type: Schema.Literal("file_upload") })
const ViewEntity = Schema.Struct({ id: Schema.String, type: Schema.Literal("view") })

/**
 * The schema of one event type: the envelope, `type`, `entity` and `data`.
 *
 * @since 0.1.0
 * @category schemas
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a named type keeps the declarations small
export interface EventSchema<
  Type extends string,
  EntitySchema extends Schema.Schema.AnyNoContext,
  Data extends Schema.Struct.Field
> extends
  Schema.Struct<
    & EnvelopeFields
    & { readonly type: Schema.Literal<[Type]>; readonly entity: EntitySchema; readonly data: Data }
  >
{}

const event = <
  const Type extends string,
  EntitySchema extends Schema.Schema.AnyNoContext,
  Data extends Schema.Struct.Fields
>(type: Type, entity: EntitySchema, data: Data): EventSchema<Type, EntitySchema, Schema.Struct<Data>> =>
  // the same fields: TypeScript does not see a generic spread as the interface's intersection
  Schema.Struct({ ...envelope, type: Schema.Literal(type), entity, data: Schema.Struct(data) }) as any

const OptionalData = Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))

const dataless = <const Type extends string, EntitySchema extends Schema.Schema.AnyNoContext>(
  type: Type,
  entity: EntitySchema
): EventSchema<Type, EntitySchema, typeof OptionalData> =>
  Schema.Struct({ ...envelope, type: Schema.Literal(type), entity, data: OptionalData }) as any

const parent = { parent: Parent }
const contentUpdated = { parent: Parent, updated_blocks: Schema.Array(BlockReference) }
const schemaUpdated = {
  parent: Parent,
  updated_properties: Schema.optional(Schema.Array(Schema.Struct({
    id: Schema.String,
    name: Schema.NullOr(Schema.String),
    action: OpenLiteral("created", "updated", "deleted")
  })))
}
const comment = { parent: BlockReference, page_id: Schema.String }

/** `page.content_updated`: blocks of a page changed (aggregated). @since 0.1.0 @category events */
export const PageContentUpdated = event("page.content_updated", PageEntity, contentUpdated)
/** `page.created` (aggregated). @since 0.1.0 @category events */
export const PageCreated = event("page.created", PageEntity, parent)
/** `page.deleted`: moved to the trash (aggregated). @since 0.1.0 @category events */
export const PageDeleted = event("page.deleted", PageEntity, parent)
/** `page.locked`. @since 0.1.0 @category events */
export const PageLocked = event("page.locked", PageEntity, parent)
/** `page.moved` (aggregated). @since 0.1.0 @category events */
export const PageMoved = event("page.moved", PageEntity, parent)
/** `page.properties_updated`: `updated_properties` holds property ids (aggregated). @since 0.1.0 @category events */
export const PagePropertiesUpdated = event("page.properties_updated", PageEntity, {
  parent: Parent,
  updated_properties: Schema.Array(Schema.String)
})
/** `page.undeleted`: restored from the trash (aggregated). @since 0.1.0 @category events */
export const PageUndeleted = event("page.undeleted", PageEntity, parent)
/** `page.unlocked`. @since 0.1.0 @category events */
export const PageUnlocked = event("page.unlocked", PageEntity, parent)
/** `page.transcription_block.transcript_deleted`: a meeting transcript was deleted. @since 0.1.0 @category events */
export const PageTranscriptDeleted = event("page.transcription_block.transcript_deleted", PageEntity, {
  target: BlockReference,
  transcript_id: Schema.NullOr(Schema.String)
})

/** `database.content_updated` (deprecated from 2025-09-03: `data_source.content_updated`). @since 0.1.0 @category events */
export const DatabaseContentUpdated = event("database.content_updated", DatabaseEntity, contentUpdated)
/** `database.created`. @since 0.1.0 @category events */
export const DatabaseCreated = event("database.created", DatabaseEntity, parent)
/** `database.deleted`. @since 0.1.0 @category events */
export const DatabaseDeleted = event("database.deleted", DatabaseEntity, parent)
/** `database.moved`. @since 0.1.0 @category events */
export const DatabaseMoved = event("database.moved", DatabaseEntity, parent)
/** `database.schema_updated` (deprecated from 2025-09-03: `data_source.schema_updated`). @since 0.1.0 @category events */
export const DatabaseSchemaUpdated = event("database.schema_updated", DatabaseEntity, schemaUpdated)
/** `database.undeleted`. @since 0.1.0 @category events */
export const DatabaseUndeleted = event("database.undeleted", DatabaseEntity, parent)

/** `data_source.content_updated`. @since 0.1.0 @category events */
export const DataSourceContentUpdated = event("data_source.content_updated", DatabaseEntity, contentUpdated)
/** `data_source.created`. @since 0.1.0 @category events */
export const DataSourceCreated = event("data_source.created", DatabaseEntity, parent)
/** `data_source.deleted`. @since 0.1.0 @category events */
export const DataSourceDeleted = event("data_source.deleted", DatabaseEntity, parent)
/** `data_source.moved`. @since 0.1.0 @category events */
export const DataSourceMoved = event("data_source.moved", DatabaseEntity, parent)
/** `data_source.schema_updated`. @since 0.1.0 @category events */
export const DataSourceSchemaUpdated = event("data_source.schema_updated", DatabaseEntity, schemaUpdated)
/** `data_source.undeleted`. @since 0.1.0 @category events */
export const DataSourceUndeleted = event("data_source.undeleted", DatabaseEntity, parent)

/** `comment.created` (not aggregated). @since 0.1.0 @category events */
export const CommentCreated = event("comment.created", CommentEntity, comment)
/** `comment.deleted` (not aggregated). @since 0.1.0 @category events */
export const CommentDeleted = event("comment.deleted", CommentEntity, comment)
/** `comment.updated` (not aggregated). @since 0.1.0 @category events */
export const CommentUpdated = event("comment.updated", CommentEntity, comment)

/** `file_upload.completed`. @since 0.1.0 @category events */
export const FileUploadCompleted = dataless("file_upload.completed", FileUploadEntity)
/** `file_upload.created`. @since 0.1.0 @category events */
export const FileUploadCreated = dataless("file_upload.created", FileUploadEntity)
/** `file_upload.expired`. @since 0.1.0 @category events */
export const FileUploadExpired = dataless("file_upload.expired", FileUploadEntity)
/** `file_upload.upload_failed`: `data.file_import_result` says why. @since 0.1.0 @category events */
export const FileUploadUploadFailed = event("file_upload.upload_failed", FileUploadEntity, {
  file_import_result: Schema.Union(
    Schema.Struct({ type: Schema.Literal("success"), imported_time: Schema.String, success: Schema.Struct({}) }),
    Schema.Struct({
      type: Schema.Literal("error"),
      imported_time: Schema.String,
      error: Schema.Struct({
        type: OpenLiteral("validation_error", "internal_system_error", "download_error", "upload_error"),
        code: Schema.String,
        message: Schema.String,
        parameter: Schema.NullOr(Schema.String),
        status_code: Schema.NullOr(Schema.Number)
      })
    })
  )
})

/** `view.created`. @since 0.1.0 @category events */
export const ViewCreated = event("view.created", ViewEntity, { parent: Parent, view_type: Schema.String })
/** `view.deleted`. @since 0.1.0 @category events */
export const ViewDeleted = event("view.deleted", ViewEntity, parent)
/** `view.updated`: `updated_fields` names what changed. @since 0.1.0 @category events */
export const ViewUpdated = event("view.updated", ViewEntity, {
  parent: Parent,
  updated_fields: Schema.Array(OpenLiteral("name", "filter", "sorts", "configuration"))
})

/**
 * The 31 event types this SDK knows (the official SDK 5.26.0's list).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventType = Schema.Literal(
  "page.content_updated",
  "page.created",
  "page.deleted",
  "page.locked",
  "page.moved",
  "page.properties_updated",
  "page.undeleted",
  "page.unlocked",
  "page.transcription_block.transcript_deleted",
  "database.content_updated",
  "database.created",
  "database.deleted",
  "database.moved",
  "database.schema_updated",
  "database.undeleted",
  "data_source.content_updated",
  "data_source.created",
  "data_source.deleted",
  "data_source.moved",
  "data_source.schema_updated",
  "data_source.undeleted",
  "comment.created",
  "comment.deleted",
  "comment.updated",
  "file_upload.completed",
  "file_upload.created",
  "file_upload.expired",
  "file_upload.upload_failed",
  "view.created",
  "view.deleted",
  "view.updated"
)

/**
 * A known event type.
 *
 * @since 0.1.0
 * @category models
 */
export type EventType = typeof EventType.Type

/**
 * The schemas of the known events, one per {@link EventType}.
 *
 * @since 0.1.0
 * @category schemas
 */
export type KnownEventSchemas = readonly [
  typeof PageContentUpdated,
  typeof PageCreated,
  typeof PageDeleted,
  typeof PageLocked,
  typeof PageMoved,
  typeof PagePropertiesUpdated,
  typeof PageUndeleted,
  typeof PageUnlocked,
  typeof PageTranscriptDeleted,
  typeof DatabaseContentUpdated,
  typeof DatabaseCreated,
  typeof DatabaseDeleted,
  typeof DatabaseMoved,
  typeof DatabaseSchemaUpdated,
  typeof DatabaseUndeleted,
  typeof DataSourceContentUpdated,
  typeof DataSourceCreated,
  typeof DataSourceDeleted,
  typeof DataSourceMoved,
  typeof DataSourceSchemaUpdated,
  typeof DataSourceUndeleted,
  typeof CommentCreated,
  typeof CommentDeleted,
  typeof CommentUpdated,
  typeof FileUploadCompleted,
  typeof FileUploadCreated,
  typeof FileUploadExpired,
  typeof FileUploadUploadFailed,
  typeof ViewCreated,
  typeof ViewDeleted,
  typeof ViewUpdated
]

const members: KnownEventSchemas = [
  PageContentUpdated,
  PageCreated,
  PageDeleted,
  PageLocked,
  PageMoved,
  PagePropertiesUpdated,
  PageUndeleted,
  PageUnlocked,
  PageTranscriptDeleted,
  DatabaseContentUpdated,
  DatabaseCreated,
  DatabaseDeleted,
  DatabaseMoved,
  DatabaseSchemaUpdated,
  DatabaseUndeleted,
  DataSourceContentUpdated,
  DataSourceCreated,
  DataSourceDeleted,
  DataSourceMoved,
  DataSourceSchemaUpdated,
  DataSourceUndeleted,
  CommentCreated,
  CommentDeleted,
  CommentUpdated,
  FileUploadCompleted,
  FileUploadCreated,
  FileUploadExpired,
  FileUploadUploadFailed,
  ViewCreated,
  ViewDeleted,
  ViewUpdated
]

const Events = OpenUnion.make({
  tag: "type",
  identifier: "WebhookEvent",
  fields: { ...envelope, entity: Entity, data: Schema.optional(Schema.Unknown) },
  members
})

/**
 * An event of a type this SDK does not know: the envelope's fields, typed, and every other field as sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnknownEvent = Events.unknown

/**
 * An event of a type this SDK does not know.
 *
 * @since 0.1.0
 * @category models
 */
export type UnknownEvent = typeof UnknownEvent.Type

/**
 * One of the 31 known events; `switch (event.type)` narrows it.
 *
 * @since 0.1.0
 * @category models
 */
export type KnownEvent = Schema.Schema.Type<KnownEventSchemas[number]>

/**
 * The known events.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownEvent: Schema.Schema<KnownEvent> = Events.known

/**
 * Any webhook event.
 *
 * @since 0.1.0
 * @category models
 */
export type Event = KnownEvent | UnknownEvent

/**
 * Any webhook event: a known one, or an {@link UnknownEvent} keeping the raw JSON.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Event: Schema.Schema<Event> = Events.schema

/**
 * Whether an event is one of the known types (TypeScript cannot narrow the open union on `type` alone).
 *
 * @since 0.1.0
 * @category guards
 */
export const isKnownEvent = (event: Event): event is KnownEvent => OpenUnion.isKnown(Events, event)

// ---------------------------------------------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a webhook body is: the handshake (its token, redacted) or an event.
 *
 * @since 0.1.0
 * @category models
 */
export type Payload =
  | { readonly _tag: "Verification"; readonly token: Redacted.Redacted<string> }
  | { readonly _tag: "Event"; readonly event: Event }

/**
 * The bounds a body must keep before it is parsed ({@link WebhookLimitError} otherwise).
 *
 * @since 0.1.0
 * @category models
 */
export interface Limits {
  /** The largest body accepted, in bytes: {@link defaultMaxBytes} when absent. */
  readonly maxBytes?: number | undefined
  /** The deepest nesting of arrays and objects accepted: {@link defaultMaxDepth} when absent. */
  readonly maxDepth?: number | undefined
}

/**
 * The default `maxBytes`: 1 MiB. Notion's events are signals of a few hundred bytes (ids, not content), so this
 * leaves a wide margin.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxBytes = 1024 * 1024

/**
 * The default `maxDepth`: 64. Notion's events nest 5 levels at most.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxDepth = 64

/**
 * Options of the parsers and of {@link decodeEvent} (which ignores the {@link Limits}: its input is parsed already).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions extends Limits {
  /**
   * Reject events whose `timestamp` is older than this (by `Clock`) as `stale`. Notion retries a delivery up to 8
   * times, the last about 24 hours after the event, so a smaller value drops late retries.
   */
  readonly maxAge?: Duration.DurationInput | undefined
}

const decoder = new TextDecoder("utf-8", { fatal: true })

/** Checks the limits on the bytes (a counter, no recursion), then parses them as JSON. */
const parseJson = (
  body: Uint8Array | string,
  limits: Limits
): Either.Either<unknown, WebhookPayloadError | WebhookLimitError> => {
  const bytes = typeof body === "string" ? encoder.encode(body) : body
  const maxBytes = limits.maxBytes ?? defaultMaxBytes
  if (bytes.length > maxBytes) return Either.left(new WebhookLimitError({ reason: "size", limit: maxBytes }))
  const maxDepth = limits.maxDepth ?? defaultMaxDepth
  if (nestsDeeperThan(bytes, maxDepth)) return Either.left(new WebhookLimitError({ reason: "depth", limit: maxDepth }))
  try {
    return Either.right(JSON.parse(typeof body === "string" ? body : decoder.decode(body)))
  } catch {
    // the SyntaxError quotes the body, which may be a handshake holding the token: never keep it
    return Either.left(new WebhookPayloadError({ reason: "json", message: "The webhook body is not JSON (UTF-8)" }))
  }
}

/** Exactly the handshake: one field, `verification_token`, a non-empty string; anything more is not it. */
const isVerificationRequest = (json: unknown): json is typeof VerificationRequest.Type =>
  typeof json === "object" && json !== null && !Array.isArray(json) && Object.keys(json).length === 1 &&
  typeof (json as Record<string, unknown>).verification_token === "string" &&
  (json as Record<string, string>).verification_token.length > 0

const decodeUnknownEvent = Schema.decodeUnknownEither(Event, { onExcessProperty: "preserve" })
const MAX_PATHS = 5

const shapeError = (error: ParseResult.ParseError): WebhookPayloadError => {
  // paths only: a value could be anything the sender put in the body
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const paths = [...new Set(issues.map((issue) => issue.path.length === 0 ? "(root)" : issue.path.join(".")))]
  const listed = paths.slice(0, MAX_PATHS).join(", ") + (paths.length > MAX_PATHS ? ", …" : "")
  return new WebhookPayloadError({ reason: "shape", message: `The webhook body is not a Notion event at ${listed}` })
}

/**
 * Decodes a parsed JSON value as an {@link Event} (unknown types kept), checking its age when `maxAge` is set.
 *
 * @since 0.1.0
 * @category parsing
 */
export const decodeEvent = (json: unknown, options: ParseOptions = {}): Effect.Effect<Event, WebhookPayloadError> =>
  Effect.suspend(() => {
    const decoded = decodeUnknownEvent(json)
    if (Either.isLeft(decoded)) return Effect.fail(shapeError(decoded.left))
    const event = decoded.right
    if (options.maxAge === undefined) return Effect.succeed(event)
    const maxAge = Duration.decode(options.maxAge)
    const at = Date.parse(event.timestamp)
    if (Number.isNaN(at)) {
      return new WebhookPayloadError({ reason: "shape", message: "The webhook event's timestamp is not a date" })
    }
    return Effect.flatMap(Clock.currentTimeMillis, (now) =>
      now - at > Duration.toMillis(maxAge)
        ? new WebhookPayloadError({
          reason: "stale",
          message: `The webhook event of ${event.timestamp} is older than ${Duration.format(maxAge)}`
        })
        : Effect.succeed(event))
  })

/**
 * Parses a signed body as an {@link Event}, within the {@link Limits}: never the handshake, even when it carries a
 * `verification_token` field. Call {@link verifySignature} on the same bytes first.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseEvent = (
  body: Uint8Array | string,
  options: ParseOptions = {}
): Effect.Effect<Event, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    return Either.isLeft(json) ? Effect.fail(json.left) : decodeEvent(json.right, options)
  })

/**
 * Parses an unsigned body as the handshake, within the {@link Limits}: its token, redacted, when the body is
 * exactly `{"verification_token": "<non-empty string>"}`; any other body fails (`json` or `shape`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVerification = (
  body: Uint8Array | string,
  options: Limits = {}
): Effect.Effect<Redacted.Redacted<string>, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    if (Either.isLeft(json)) return Effect.fail(json.left)
    return isVerificationRequest(json.right)
      ? Effect.succeed(Redacted.make(json.right.verification_token))
      : new WebhookPayloadError({ reason: "shape", message: "The webhook body is not the verification request" })
  })

/**
 * Parses a body, within the {@link Limits}, as the handshake (exactly `{verification_token}`) or an {@link Event}.
 * It does not check the signature and cannot tell which one the sender meant: a receiver that knows whether a
 * signature came with the body calls {@link parseVerification} or, after {@link verifySignature}, {@link parseEvent}.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  body: Uint8Array | string,
  options: ParseOptions = {}
): Effect.Effect<Payload, WebhookPayloadError | WebhookLimitError> =>
  Effect.suspend(() => {
    const json = parseJson(body, options)
    if (Either.isLeft(json)) return Effect.fail(json.left)
    if (isVerificationRequest(json.right)) {
      return Effect.succeed<Payload>({ _tag: "Verification", token: Redacted.make(json.right.verification_token) })
    }
    return Effect.map(decodeEvent(json.right, options), (event): Payload => ({ _tag: "Event", event }))
  })
