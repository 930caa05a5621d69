/** Views' rules: a view of a data source, its editable fields, and the cached row ids of a view query. */
import { run } from "../query.js"
import { type Failure, isFailure, validation } from "../store.js"
import { values } from "./render.js"
import type { ContentStore, DataSourceRecord, Json, Stamp, ViewQueryRecord, ViewRecord } from "./store.js"

const VIEW_TYPES = ["table", "board", "list", "calendar", "timeline", "gallery", "form", "chart", "map", "dashboard"]
/** The fields `views.update` changes. */
const EDITABLE = ["name", "filter", "sorts", "quick_filters", "configuration"] as const
/** A view query's cache lives 15 minutes and holds up to 10,000 rows. */
const QUERY_TTL = 15 * 60_000
const QUERY_CAP = 10_000

/** Why a body cannot create a view (`undefined`: it can). */
export const invalid = (body: Json): Failure | undefined =>
  typeof body.name !== "string"
    ? validation("body.name should be a string.")
    : !VIEW_TYPES.includes(String(body.type))
    ? validation("body.type should be a view type.")
    : undefined

/** Creates a view of `source` at the stamp's time (a body `invalid` accepts). */
export const create = (store: ContentStore, source: DataSourceRecord, body: Json, stamp: Stamp): ViewRecord => {
  const view: ViewRecord = {
    id: crypto.randomUUID(),
    parent: { type: "database_id", database_id: (body.database_id as string | undefined) ?? source.databaseId },
    name: body.name,
    type: String(body.type),
    data_source_id: source.id,
    created_time: stamp.time,
    last_edited_time: stamp.time,
    url: `https://www.notion.so/${source.databaseId.replace(/-/g, "")}?v=${crypto.randomUUID().replace(/-/g, "")}`,
    filter: body.filter ?? null,
    sorts: body.sorts ?? null,
    quick_filters: body.quick_filters ?? null,
    configuration: body.configuration ?? null
  }
  store.views.set(view.id, view)
  return view
}

/** Changes the given fields of a view at the stamp's time; the names of the fields changed. */
export const update = (view: ViewRecord, body: Json, stamp: Stamp): Array<string> => {
  const fields = EDITABLE.filter((key) => body[key] !== undefined)
  for (const key of fields) view[key] = body[key]
  view.last_edited_time = stamp.time
  return fields
}

/** Runs a view's filter and sorts over its data source's rows and caches the row ids (up to 10,000). */
export const query = (store: ContentStore, view: ViewRecord, now: number): [string, ViewQueryRecord] | Failure => {
  const source = store.dataSources.get(view.data_source_id)!
  const rows = run(
    store.rowsOf(source),
    source,
    (view.filter ?? undefined) as Json | undefined,
    (view.sorts ?? undefined) as ReadonlyArray<Json> | undefined,
    { now, valuesOf: (page) => values(store, page) }
  )
  if (isFailure(rows)) return rows
  const id = crypto.randomUUID()
  const cached = { viewId: view.id, ids: rows.slice(0, QUERY_CAP).map((r) => r.id), expires: now + QUERY_TTL }
  store.viewQueries.set(id, cached)
  return [id, cached]
}
