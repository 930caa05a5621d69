/** Data sources' rules: creation, schema changes (add, change, rename, remove properties) and what follows them. */
import { type Failure, isFailure, validation } from "../store.js"
import { names, richTextOf } from "./render.js"
import { audit, type ContentStore, type DataSourceRecord, type Json, type Stamp } from "./store.js"

/** What Notion fills into a property configuration given as `{}`. */
const configDefaults: Record<string, Json> = {
  number: { format: "number" },
  select: { options: [] },
  multi_select: { options: [] },
  status: { options: [], groups: [] }
}

/** Creates a data source of a database as `stamp.actor`. */
export const create = (store: ContentStore, body: Json, stamp: Stamp): DataSourceRecord | Failure => {
  const parent = body.parent as Json | undefined
  if (typeof parent?.database_id !== "string") return validation("body.parent.database_id should be defined.")
  const properties = schemaOf((body.properties ?? {}) as Record<string, Json | null>, {})
  if (isFailure(properties)) return properties
  const record: DataSourceRecord = {
    id: crypto.randomUUID(),
    workspaceId: store.workspaceId,
    databaseId: parent.database_id,
    title: richTextOf(body.title ?? []),
    properties: properties as Record<string, Json>,
    in_trash: false,
    templates: [],
    ...audit(stamp)
  }
  store.dataSources.set(record.id, record)
  return record
}

/** Applies schema changes: a configuration adds or changes a property, `{ name }` renames, `null` removes. */
export const schemaOf = (
  given: Record<string, Json | null>,
  current: Record<string, Json>
): Record<string, Json> | Failure => {
  const out = names(current)
  for (const [key, change] of Object.entries(given)) {
    const existing = Object.values(out).find((p) => p.name === key || p.id === key)
    if (change === null) {
      if (existing !== undefined) delete out[existing.name as string]
      continue
    }
    const type = (change.type ?? Object.keys(change).find((k) => k !== "name" && k !== "description")) as
      | string
      | undefined
    if (existing !== undefined) {
      const name = (change.name as string | undefined) ?? (existing.name as string)
      delete out[existing.name as string]
      out[name] = { ...existing, name, ...(type === undefined ? {} : { type, [type]: change[type] ?? {} }) }
      continue
    }
    if (type === undefined) return validation(`body.properties.${key} should have a type.`)
    const name = (change.name as string | undefined) ?? key
    out[name] = {
      id: type === "title" ? "title" : encodeURIComponent(crypto.randomUUID().slice(0, 4)),
      name,
      type,
      [type]: { ...configDefaults[type], ...(change[type] as Json | undefined) }
    }
  }
  // what Notion fills in: option ids and colours, a rollup's property ids from their names
  for (const definition of Object.values(out)) {
    const type = definition.type as string
    const config = definition[type] as Json
    if (Array.isArray(config.options)) {
      config.options = (config.options as Array<Json>).map((o) => ({
        id: `opt-${crypto.randomUUID().slice(0, 8)}`,
        color: "default",
        ...o
      }))
    }
    if (type === "status" && (config.groups as Array<unknown>).length === 0) {
      const options = config.options as Array<Json>
      if (options.length === 0) {
        options.push(
          { id: "st-todo", name: "Not started", color: "default" },
          { id: "st-doing", name: "In progress", color: "blue" },
          { id: "st-done", name: "Done", color: "green" }
        )
      }
      // Notion's three groups: the last option is Complete, the others are To-do unless named "In progress"
      const group = (name: string, ids: Array<Json>) => ({
        id: `grp-${name.toLowerCase().replace(/\W+/g, "-")}`,
        name,
        color: "default",
        option_ids: ids.map((o) => o.id)
      })
      const last = options.at(-1)
      const doing = options.filter((o) => o !== last && o.name === "In progress")
      config.groups = [
        group("To-do", options.filter((o) => o !== last && !doing.includes(o))),
        group("In progress", doing),
        group("Complete", last === undefined ? [] : [last])
      ]
    }
    if (type === "rollup") {
      const byName = (name: unknown) => Object.values(out).find((p) => p.name === name)?.id ?? ""
      config.relation_property_id ??= byName(config.relation_property_name)
      config.rollup_property_id ??= encodeURIComponent(String(config.rollup_property_name ?? ""))
      config.function ??= "count"
    }
  }
  return out
}

/** After a schema change: the rows' values follow renames (matched by property id) and removals. */
export const followSchema = (store: ContentStore, source: DataSourceRecord) => {
  const byId = new Map(Object.values(source.properties).map((p) => [p.id as string, p.name as string]))
  for (const page of store.pages.values()) {
    if (page.parent.data_source_id !== source.id) continue
    page.properties = Object.fromEntries(
      Object.values(page.properties).flatMap((value) => {
        const name = byId.get(value.id as string)
        return name === undefined ? [] : [[name, value]]
      })
    )
  }
}
