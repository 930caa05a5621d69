import { plainText } from "./content/render.js"
import type { DataSourceRecord, PageRecord } from "./content/store.js"
import { type Failure, validation } from "./store.js"

/** Data source query filters and sorts over page records, as Notion evaluates them. */

type Json = Record<string, unknown>

/** What a query needs besides the rows: the time (relative dates) and each row's values, computed ones included. */
export interface QueryContext {
  readonly now: number
  readonly valuesOf: (page: PageRecord) => Record<string, Json>
  /** Whether a status `equals`/`does_not_equal` also matches a group's name (before `2026-12-01`). */
  readonly statusEqualsGroup?: boolean
}

/** The name of the group an option of a status property is in. */
const groupOf = (source: DataSourceRecord, property: string, option: unknown): string | undefined => {
  const definition = Object.values(source.properties).find((p) => p.name === property || p.id === property)
  const config = definition?.status as { options?: Array<Json>; groups?: Array<Json> } | undefined
  const id = config?.options?.find((o) => o.name === option)?.id
  return config?.groups?.find((g) => (g.option_ids as Array<unknown> | undefined)?.includes(id))?.name as
    | string
    | undefined
}

/** A status condition: on the option's group (`group`), or on its name (and its group's before `2026-12-01`). */
const statusCondition = (
  option: unknown,
  group: string | undefined,
  cond: Json,
  ctx: QueryContext
): boolean | Failure | undefined => {
  const [op, arg] = Object.entries(cond)[0] ?? []
  if (op === "group") {
    const [groupOp, name] = Object.entries((arg ?? {}) as Json)[0] ?? []
    if (groupOp !== "equals" && groupOp !== "does_not_equal") {
      return validation("body.filter.status.group should be { equals } or { does_not_equal }.")
    }
    return groupOp === "equals" ? group === name : group !== name
  }
  if (ctx.statusEqualsGroup !== true || (op !== "equals" && op !== "does_not_equal")) return undefined
  const wanted = Array.isArray(arg) ? arg : [arg]
  const hit = wanted.includes(option) || (group !== undefined && wanted.includes(group))
  return op === "equals" ? hit : !hit
}

const DAY = 86_400_000

/** A relative date argument (`today`, `one_week_ago`, …) as an ISO date; any other argument as given. */
const dateArg = (arg: unknown, now: number): string => {
  const offsets: Record<string, number> = {
    today: 0,
    tomorrow: 1,
    yesterday: -1,
    one_week_ago: -7,
    one_week_from_now: 7,
    one_month_ago: -30,
    one_month_from_now: 30
  }
  const offset = typeof arg === "string" ? offsets[arg] : undefined
  return offset === undefined ? String(arg) : new Date(now + offset * DAY).toISOString().slice(0, 10)
}

/** The windows `past_week`, `next_month`, … (from now), and `this_week` (Monday to Sunday, UTC). */
const windowOf = (op: string, now: number): [number, number] | undefined => {
  const spans: Record<string, number> = { week: 7, month: 30, year: 365 }
  const [when, unit] = op.split("_")
  const span = spans[unit ?? ""]
  if (when === "this" && unit === "week") {
    const day = new Date(now)
    const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
      ((day.getUTCDay() + 6) % 7) * DAY
    return [monday, monday + 7 * DAY]
  }
  if (span === undefined) return undefined
  return when === "past" ? [now - span * DAY, now] : when === "next" ? [now, now + span * DAY] : undefined
}

const textOps: Record<string, (value: string, arg: string) => boolean> = {
  equals: (v, a) => v === a,
  does_not_equal: (v, a) => v !== a,
  contains: (v, a) => v.toLowerCase().includes(a.toLowerCase()),
  does_not_contain: (v, a) => !v.toLowerCase().includes(a.toLowerCase()),
  starts_with: (v, a) => v.toLowerCase().startsWith(a.toLowerCase()),
  ends_with: (v, a) => v.toLowerCase().endsWith(a.toLowerCase())
}

const numberOps: Record<string, (value: number, arg: number) => boolean> = {
  equals: (v, a) => v === a,
  does_not_equal: (v, a) => v !== a,
  greater_than: (v, a) => v > a,
  less_than: (v, a) => v < a,
  greater_than_or_equal_to: (v, a) => v >= a,
  less_than_or_equal_to: (v, a) => v <= a
}

const dateOps: Record<string, (value: string, arg: string) => boolean> = {
  equals: (v, a) => v.slice(0, a.length) === a,
  before: (v, a) => v < a,
  after: (v, a) => v > a && v.slice(0, a.length) !== a,
  on_or_before: (v, a) => v <= a || v.slice(0, a.length) === a,
  on_or_after: (v, a) => v >= a
}

/** The comparable form of a property value: text, number, boolean, option names, ids, a date's start. */
const valueOf = (value: Json | undefined): unknown => {
  if (value === undefined) return undefined
  const type = value.type as string
  const raw = value[type] as unknown
  switch (type) {
    case "title":
    case "rich_text":
      return plainText(raw)
    case "select":
    case "status":
      return (raw as Json | null)?.name ?? null
    case "multi_select":
      return (raw as Array<Json>).map((o) => o.name)
    case "people":
    case "relation":
      return (raw as Array<Json>).map((o) => o.id)
    case "date":
      return (raw as Json | null)?.start ?? null
    case "created_by":
    case "last_edited_by":
      return [(raw as Json).id]
    case "unique_id":
      return (raw as Json).number
    case "verification":
      return (raw as Json | null)?.state ?? null
    case "formula":
      return (raw as Json)[(raw as Json).type as string]
    case "rollup": {
      const result = raw as Json
      return result.type === "array" ? (result.array as Array<Json>).map(valueOf) : result[result.type as string]
    }
    default:
      return raw
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)

/** The condition on a formula's result or on a rollup: `{ <result type>: condition }`, `{ any | every | none: … }`. */
const nested = (value: unknown, cond: Json, kind: string, now: number): boolean | Failure => {
  const [key, inner] = Object.entries(cond)[0] ?? []
  if (key === undefined || typeof inner !== "object" || inner === null) {
    return validation(`A ${kind} filter condition is empty.`)
  }
  if (kind === "rollup" && (key === "any" || key === "every" || key === "none")) {
    const items = Array.isArray(value) ? value : [value]
    const [itemKind, itemCond] = Object.entries(inner as Json)[0] ?? []
    if (itemKind === undefined) return validation("A rollup item condition is empty.")
    const results: Array<boolean> = []
    for (const item of items) {
      const result = condition(item, itemCond as Json, itemKind, now)
      if (typeof result !== "boolean") return result
      results.push(result)
    }
    return key === "any" ? results.some(Boolean) : key === "every" ? results.every(Boolean) : !results.some(Boolean)
  }
  return condition(value, inner as Json, key === "string" ? "rich_text" : key, now)
}

const condition = (value: unknown, cond: Json, kind: string, now: number): boolean | Failure => {
  if (kind === "formula" || kind === "rollup") return nested(value, cond, kind, now)
  const [op, arg] = Object.entries(cond)[0] ?? []
  if (op === undefined) return validation("A filter condition is empty.")
  if (op === "is_empty") return isEmpty(value) === (arg === true)
  if (op === "is_not_empty") return !isEmpty(value) === (arg === true)
  if (kind === "verification") return op === "status" ? value === arg : value !== arg
  if (Array.isArray(value)) {
    const wanted = Array.isArray(arg) ? arg : [arg]
    if (op === "contains") return wanted.every((w) => value.includes(w))
    if (op === "does_not_contain") return wanted.every((w) => !value.includes(w))
  }
  if (kind === "number" || kind === "unique_id") {
    const f = numberOps[op]
    return f === undefined
      ? validation(`Unknown number condition ${op}.`)
      : typeof value === "number" && f(value, Number(arg))
  }
  if (kind === "checkbox") return op === "equals" ? value === arg : value !== arg
  if (kind === "select" || kind === "status") {
    const wanted = Array.isArray(arg) ? arg : [arg]
    return op === "equals" ? wanted.includes(value) : !wanted.includes(value)
  }
  if (kind === "date" || kind === "created_time" || kind === "last_edited_time") {
    const window = windowOf(op, now)
    if (window !== undefined) {
      const at = typeof value === "string" ? Date.parse(value) : NaN
      return at >= window[0] && at <= window[1]
    }
    const f = dateOps[op]
    return f === undefined
      ? validation(`Unknown date condition ${op}.`)
      : typeof value === "string" && f(value, dateArg(arg, now))
  }
  const f = textOps[op]
  return f === undefined ? validation(`Unknown ${kind} condition ${op}.`) : f(String(value ?? ""), String(arg))
}

const propertyOf = (page: PageRecord, source: DataSourceRecord, key: string, ctx: QueryContext) => {
  const definition = Object.values(source.properties).find((p) => p.name === key || p.id === key)
  return definition === undefined ? undefined : ctx.valuesOf(page)[definition.name as string]
}

/** Whether a row matches a filter (compound up to two levels). */
export const matches = (
  page: PageRecord,
  source: DataSourceRecord,
  filter: Json,
  ctx: QueryContext,
  depth = 0
): boolean | Failure => {
  for (const join of ["and", "or"] as const) {
    const parts = filter[join]
    if (parts === undefined) continue
    if (!Array.isArray(parts)) return validation(`body.filter.${join} should be an array.`)
    if (depth >= 2) return validation("Filters can be nested two levels deep at most.")
    const results: Array<boolean> = []
    for (const part of parts) {
      const result = matches(page, source, part as Json, ctx, depth + 1)
      if (typeof result !== "boolean") return result
      results.push(result)
    }
    return join === "and" ? results.every(Boolean) : results.some(Boolean)
  }
  if (typeof filter.timestamp === "string") {
    const kind = filter.timestamp
    const cond = filter[kind] as Json | undefined
    if (cond === undefined) return validation(`body.filter.${kind} should be defined.`)
    return condition(kind === "created_time" ? page.created_time : page.last_edited_time, cond, kind, ctx.now)
  }
  if (typeof filter.property !== "string") return validation("body.filter should have a property or a timestamp.")
  const value = propertyOf(page, source, filter.property, ctx)
  if (value === undefined) return validation(`Could not find property with name or id: ${filter.property}`)
  const kind = value.type as string
  const cond = filter[kind] as Json | undefined
  if (cond === undefined) {
    return validation(`body.filter.${kind} should be defined, the property ${filter.property} is a ${kind}.`)
  }
  if (kind === "status") {
    const option = valueOf(value)
    const result = statusCondition(option, groupOf(source, filter.property, option), cond, ctx)
    if (result !== undefined) return result
  }
  return condition(valueOf(value), cond, kind, ctx.now)
}

const compare = (a: unknown, b: unknown) =>
  a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : a < b ? -1 : 1

/** Rows filtered and sorted (later sorts break ties of earlier ones; default: newest first). */
export const run = (
  rows: ReadonlyArray<PageRecord>,
  source: DataSourceRecord,
  filter: Json | undefined,
  sorts: ReadonlyArray<Json> | undefined,
  context: QueryContext
): Array<PageRecord> | Failure => {
  // each row's values once per query (computed ones, e.g. unique ids, scan the data source)
  const values = new Map<string, Record<string, Json>>()
  const ctx: QueryContext = {
    ...context,
    valuesOf: (page) => {
      let found = values.get(page.id)
      if (found === undefined) values.set(page.id, found = context.valuesOf(page))
      return found
    }
  }
  const kept: Array<PageRecord> = []
  for (const row of rows) {
    const ok = filter === undefined ? true : matches(row, source, filter, ctx)
    if (typeof ok !== "boolean") return ok
    if (ok) kept.push(row)
  }
  const keys = (sorts ?? [{ timestamp: "created_time", direction: "descending" }]).map((sort) => ({
    get: (page: PageRecord) =>
      typeof sort.timestamp === "string"
        ? page[sort.timestamp as "created_time" | "last_edited_time"]
        : valueOf(propertyOf(page, source, String(sort.property), ctx)),
    sign: sort.direction === "descending" ? -1 : 1
  }))
  return kept.sort((a, b) => {
    for (const key of keys) {
      const c = compare(key.get(a), key.get(b))
      if (c !== 0) return c * key.sign
    }
    return 0
  })
}
