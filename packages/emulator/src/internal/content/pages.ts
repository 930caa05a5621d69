/** Pages' rules: property values checked against the parent's schema, templates, creation, updates and moves. */
import { type Failure, failure, isFailure, notFound, validation } from "../store.js"
import { append } from "./blocks.js"
import { emptyValue, names, richTextOf } from "./render.js"
import {
  audit,
  type ContentStore,
  type DataSourceRecord,
  edited,
  type Json,
  type PageRecord,
  type Stamp,
  type TemplateRecord
} from "./store.js"

/** Property kinds whose value is a list of rich text. */
const textKinds = new Set(["title", "rich_text"])

/** A select option by name, added to the schema when new (as Notion does). */
const option = (definition: Json, name: string, type: string): Json => {
  const config = (definition[type] ?? {}) as { options?: Array<Json> }
  const options = config.options ?? []
  let found = options.find((o) => o.name === name)
  if (found === undefined) {
    found = { id: `opt-${crypto.randomUUID().slice(0, 8)}`, name, color: "default" }
    definition[type] = { ...config, options: [...options, found] }
  }
  return found
}

/** Request property values (by name or id) as stored response values. */
const propertyValues = (
  schema: DataSourceRecord | undefined,
  given: Record<string, Json>,
  current: Record<string, Json>
): Record<string, Json> | Failure => {
  const out: Record<string, Json> = names(current)
  const definitions = schema?.properties ?? { title: { id: "title", name: "title", type: "title" } }
  for (const [key, value] of Object.entries(given)) {
    const definition = Object.values(definitions).find((d) => d.name === key || d.id === key)
    if (definition === undefined) return validation(`${key} is not a property that exists.`)
    const type = definition.type as string
    const raw = (value as Json)[type]
    if (raw === undefined) return validation(`body.properties.${key}.${type} should be defined.`)
    let stored: unknown = raw
    if (textKinds.has(type)) stored = richTextOf(raw)
    else if (type === "number" && raw !== null && typeof raw !== "number") {
      return validation(`body.properties.${key}.number should be a number.`)
    } else if (type === "checkbox" && typeof raw !== "boolean") {
      return validation(`body.properties.${key}.checkbox should be a boolean.`)
    } else if (type === "select" || type === "status") {
      stored = raw === null ? null : option(definition, (raw as Json).name as string, type)
    } else if (type === "multi_select") {
      stored = (raw as Array<Json>).map((o) => option(definition, o.name as string, type))
    } else if (type === "date") stored = raw === null ? null : { end: null, time_zone: null, ...(raw as Json) }
    out[definition.name as string] = { id: definition.id, type, [type]: stored }
  }
  for (const definition of Object.values(definitions)) {
    const name = definition.name as string
    if (out[name] !== undefined) continue
    const type = definition.type as string
    out[name] = { id: definition.id, type, [type]: emptyValue(type) }
  }
  return out
}

/**
 * The template a page body asks for (`template: { type: "default" | "template_id", template_id }`) among its data
 * source's: `undefined` for none (or no default), a failure for an id that is not one of them.
 */
export const templateOf = (
  source: DataSourceRecord | undefined,
  template: unknown
): TemplateRecord | undefined | Failure => {
  const asked = template as Json | undefined
  if (asked === undefined || asked.type === "none") return undefined
  if (asked.type === "default") return source?.templates.find((t) => t.is_default)
  return source?.templates.find((t) => t.id === asked.template_id) ??
    validation(`body.template.template_id ${String(asked.template_id)} is not a template of the page's data source.`)
}

/** Creates a page (and its blocks: `children`, `content` or a template's) as `stamp.actor`. */
export const create = (store: ContentStore, given: Json, stamp: Stamp): PageRecord | Failure => {
  const parent = (given.parent ?? { workspace: true }) as Json
  const schema = store.schemaFor(parent)
  if ((parent.data_source_id !== undefined || parent.database_id !== undefined) && schema === undefined) {
    return failure(404, "object_not_found", `Could not find data_source with ID: ${parent.data_source_id}.`)
  }
  const template = templateOf(schema, given.template)
  if (isFailure(template)) return template
  if (template !== undefined && (given.children !== undefined || given.content !== undefined)) {
    return validation("body.template cannot be combined with body.children, body.content or body.markdown.")
  }
  // the template's values under the given ones, its blocks as the content
  const body = template === undefined ? given : {
    ...given,
    properties: { ...template.properties, ...(given.properties as Json | undefined) },
    children: template.children
  }
  const properties = propertyValues(schema, (body.properties ?? {}) as Record<string, Json>, {})
  if (isFailure(properties)) return properties
  const id = crypto.randomUUID()
  const record: PageRecord = {
    id,
    workspaceId: store.workspaceId,
    readOnly: false,
    parent: schema !== undefined
      ? { type: "data_source_id", data_source_id: schema.id, database_id: schema.databaseId }
      : parent.page_id !== undefined
      ? { type: "page_id", page_id: parent.page_id }
      : { type: "workspace", workspace: true },
    properties: properties as Record<string, Json>,
    icon: body.icon ?? null,
    cover: body.cover ?? null,
    in_trash: false,
    is_locked: false,
    ...audit(stamp)
  }
  store.pages.set(id, record)
  const children = body.children ?? body.content
  if (Array.isArray(children)) {
    const appended = append(store, id, "page_id", children as Array<Json>, stamp)
    if (isFailure(appended)) return appended
  }
  return record
}

/** Updates a page's properties, icon, cover, trash and lock as `stamp.actor`. */
export const update = (store: ContentStore, record: PageRecord, body: Json, stamp: Stamp): PageRecord | Failure => {
  if (body.properties !== undefined) {
    const properties = propertyValues(
      store.schemaFor(record.parent),
      body.properties as Record<string, Json>,
      record.properties
    )
    if (isFailure(properties)) return properties
    record.properties = properties as Record<string, Json>
  }
  if (body.icon !== undefined) record.icon = body.icon
  if (body.cover !== undefined) record.cover = body.cover
  if (typeof body.in_trash === "boolean") record.in_trash = body.in_trash
  if (typeof body.archived === "boolean") record.in_trash = body.archived
  if (typeof body.is_locked === "boolean") record.is_locked = body.is_locked
  edited(record, stamp)
  return record
}

/** Moves a page under another page (one the caller sees: checked by the route) or into a data source. */
export const move = (store: ContentStore, record: PageRecord, parent: Json | undefined): PageRecord | Failure => {
  if (typeof parent?.page_id === "string") {
    record.parent = { type: "page_id", page_id: parent.page_id }
  } else if (typeof parent?.data_source_id === "string") {
    const source = store.dataSources.get(parent.data_source_id)
    if (source === undefined) return notFound("data_source", parent.data_source_id)
    record.parent = { type: "data_source_id", data_source_id: source.id, database_id: source.databaseId }
  } else {
    return validation("body.parent should have a page_id or a data_source_id.")
  }
  return record
}
