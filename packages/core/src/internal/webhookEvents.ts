// The webhook event schemas, re-exported by `Webhook` (their public module): the envelope, the 31 known event
// types and the open union over them.
import * as Schema from "effect/Schema"
import * as OpenUnion from "../OpenUnion.js"

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
export const VerificationRequest = Schema.Struct({ verification_token: Schema.NonEmptyString })

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
 * Where an event's entity lives: `data.parent` (an id and a type; `Common.Parent` is the objects' own parent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventParent = Schema.Struct({
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

const parent = { parent: EventParent }
const contentUpdated = { parent: EventParent, updated_blocks: Schema.Array(BlockReference) }
const schemaUpdated = {
  parent: EventParent,
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
  parent: EventParent,
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
export const ViewCreated = event("view.created", ViewEntity, { parent: EventParent, view_type: Schema.String })
/** `view.deleted`. @since 0.1.0 @category events */
export const ViewDeleted = event("view.deleted", ViewEntity, parent)
/** `view.updated`: `updated_fields` names what changed. @since 0.1.0 @category events */
export const ViewUpdated = event("view.updated", ViewEntity, {
  parent: EventParent,
  updated_fields: Schema.Array(OpenLiteral("name", "filter", "sorts", "configuration"))
})

/**
 * The known events: the one list an event is added to (after its schema above). Their types, {@link EventType},
 * and the union are derived from it.
 */
const members = [
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
] as const

/**
 * The schemas of the known events, one per {@link EventType}.
 *
 * @since 0.1.0
 * @category schemas
 */
export type KnownEventSchemas = typeof members

/**
 * A known event type.
 *
 * @since 0.1.0
 * @category models
 */
export type EventType = Schema.Schema.Type<KnownEventSchemas[number]>["type"]

/**
 * The 31 event types this SDK knows (the official SDK 5.26.0's list).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventType = Schema.Literal(...members.map((member) => member.fields.type.literals[0])) as Schema.Literal<
  [EventType, ...Array<EventType>]
>

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
