// Webhook fixtures shared by the webhook tests: a secret, one delivery per known event type, and a real HTTP server
// (the test layer's) running an app with its logs kept.
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { createHmac } from "node:crypto"
import * as Webhook from "../../src/Webhook.js"
import { type App, serve as serveAt } from "./serve.js"

export const secret = "secret_w3bh00kT0kenThatMustNeverLeak"
export const token = Redacted.make(secret)

export const hmacHex = (key: string, body: string | Uint8Array) => createHmac("sha256", key).update(body).digest("hex")

export const base = {
  id: "367cba44-b6f3-4c92-81e7-6a2e9659efd4",
  timestamp: "2025-10-01T12:00:00.000Z",
  workspace_id: "13950b26-c203-4f3b-b97d-93ec06319565",
  workspace_name: "Quantify Labs",
  subscription_id: "29d75c0d-5546-4414-8459-7b7a92f1fc4b",
  integration_id: "0ef2e755-4912-8096-91c1-00376a88a5ca",
  authors: [{ id: "c7c11cca-1d73-471d-9b6e-bdef51470190", type: "person" }],
  attempt_number: 1,
  api_version: "2025-09-03"
}

export const parent = { id: "13950b26-c203-4f3b-b97d-93ec06319565", type: "space" }
export const page = { id: "153104cd-477e-809d-8dc4-ff2d96ae3090", type: "page" }
const database = { id: "1d2104cd-477e-80b6-a7a0-e2fb8fb6f3a1", type: "database" }
const dataSource = { id: "1d2104cd-477e-80e5-b0e2-000b3d1b7f9a", type: "data_source" }
const comment = { id: "15a104cd-477e-80a1-a94b-001d94e4e4d6", type: "comment" }
const fileUpload = { id: "1f5104cd-477e-80a3-8c5b-00b2f1d9b3e2", type: "file_upload" }
const view = { id: "2a1104cd-477e-8011-9d3c-00c2b1f0e7a4", type: "view" }
const blocks = [{ id: "153104cd-477e-80ec-b6dd-f7e6d1a1b2c3", type: "block" }]
const properties = [{ id: "title", name: "Name", action: "updated" }]

const fixture = (type: Webhook.EventType, entity: object, data?: object) => ({
  ...base,
  type,
  entity,
  ...(data === undefined ? {} : { data })
})

/** One delivery per known type (a `Record` so a new type without a fixture does not compile). */
export const fixtures: Record<Webhook.EventType, object> = {
  "page.content_updated": fixture("page.content_updated", page, { parent, updated_blocks: blocks }),
  "page.created": fixture("page.created", page, { parent }),
  "page.deleted": fixture("page.deleted", page, { parent }),
  "page.locked": fixture("page.locked", page, { parent }),
  "page.moved": fixture("page.moved", page, { parent: { ...page, id: "p2" } }),
  "page.properties_updated": fixture("page.properties_updated", page, { parent, updated_properties: ["title"] }),
  "page.undeleted": fixture("page.undeleted", page, { parent }),
  "page.unlocked": fixture("page.unlocked", page, { parent }),
  "page.transcription_block.transcript_deleted": fixture("page.transcription_block.transcript_deleted", page, {
    target: { id: "b1", type: "block" },
    transcript_id: null
  }),
  "database.content_updated": fixture("database.content_updated", database, { parent, updated_blocks: blocks }),
  "database.created": fixture("database.created", database, { parent }),
  "database.deleted": fixture("database.deleted", { ...database, type: "block" }, { parent }),
  "database.moved": fixture("database.moved", database, { parent }),
  "database.schema_updated": fixture("database.schema_updated", database, {
    parent,
    updated_properties: properties
  }),
  "database.undeleted": fixture("database.undeleted", database, { parent }),
  "data_source.content_updated": fixture("data_source.content_updated", dataSource, {
    parent: { ...database, data_source_id: dataSource.id },
    updated_blocks: blocks
  }),
  "data_source.created": fixture("data_source.created", dataSource, { parent: database }),
  "data_source.deleted": fixture("data_source.deleted", dataSource, { parent: database }),
  "data_source.moved": fixture("data_source.moved", dataSource, { parent: database }),
  "data_source.schema_updated": fixture("data_source.schema_updated", dataSource, {
    parent: database,
    updated_properties: [{ id: "abc", name: null, action: "deleted" }]
  }),
  "data_source.undeleted": fixture("data_source.undeleted", dataSource, { parent: database }),
  "comment.created": fixture("comment.created", comment, { parent: page, page_id: page.id }),
  "comment.deleted": fixture("comment.deleted", comment, { parent: page, page_id: page.id }),
  "comment.updated": fixture("comment.updated", comment, { parent: { id: "b1", type: "block" }, page_id: page.id }),
  "file_upload.completed": fixture("file_upload.completed", fileUpload),
  "file_upload.created": fixture("file_upload.created", fileUpload),
  "file_upload.expired": fixture("file_upload.expired", fileUpload, {}),
  "file_upload.upload_failed": fixture("file_upload.upload_failed", fileUpload, {
    file_import_result: {
      type: "error",
      imported_time: "2025-10-01T11:59:00.000Z",
      error: {
        type: "validation_error",
        code: "file_too_large",
        message: "The file is too large",
        parameter: null,
        status_code: 400
      }
    }
  }),
  "view.created": fixture("view.created", view, { parent: database, view_type: "table" }),
  "view.deleted": fixture("view.deleted", view, { parent: database }),
  "view.updated": fixture("view.updated", view, { parent: database, updated_fields: ["filter", "sorts"] })
}

export interface Answer {
  readonly status: number
  readonly body: string
}

export const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  Effect.promise(async (): Promise<Answer> => {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers }
    })
    return { status: response.status, body: await response.text() }
  })

/** Serves `app` on the layer's server for the test's scope, at the webhook path. */
export const serve = (app: App) => serveAt(app, "/webhooks/notion")

export const signed = (body: string, key = token) =>
  Effect.map(Webhook.sign({ body, verificationToken: key }), (signature) => ({ "x-notion-signature": signature }))
