/** Databases' rules: a database is created with its first data source. */
import * as DataSources from "./dataSources.js"
import { richTextOf } from "./render.js"
import { audit, type ContentStore, type DatabaseRecord, edited, type Json, type Stamp } from "./store.js"

/** Creates a database and its first data source (`initial_data_source`, else a `Name` title) as `stamp.actor`. */
export const create = (store: ContentStore, body: Json, stamp: Stamp): DatabaseRecord => {
  const parent = body.parent as Json | undefined
  const record: DatabaseRecord = {
    id: crypto.randomUUID(),
    workspaceId: store.workspaceId,
    title: richTextOf(body.title ?? []),
    parent: typeof parent?.page_id === "string"
      ? { type: "page_id", page_id: parent.page_id }
      : { type: "workspace", workspace: true },
    in_trash: false,
    is_inline: body.is_inline === true,
    ...audit(stamp)
  }
  store.databases.set(record.id, record)
  const initial = (body.initial_data_source ?? {}) as Json
  const properties = (initial.properties ?? { Name: { title: {} } }) as Record<string, Json>
  DataSources.create(store, { parent: { database_id: record.id }, properties, title: body.title ?? [] }, stamp)
  return record
}

/** Applies a `databases.update` body (title, trash, inline) as `stamp.actor`. */
export const update = (database: DatabaseRecord, body: Json, stamp: Stamp) => {
  if (body.title !== undefined) database.title = richTextOf(body.title)
  if (typeof body.in_trash === "boolean") database.in_trash = body.in_trash
  if (typeof body.is_inline === "boolean") database.is_inline = body.is_inline
  edited(database, stamp)
}
