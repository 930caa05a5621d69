import type { DataSourceRecord, PageRecord } from "./content.js"
import { plainText } from "./content.js"
import { type Failure, validation } from "./store.js"

/** Data source query filters and sorts over page records, as Notion evaluates them. */

type Json = Record<string, unknown>

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
    default:
      return raw
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)

const condition = (value: unknown, cond: Json, kind: string): boolean | Failure => {
  const [op, arg] = Object.entries(cond)[0] ?? []
  if (op === undefined) return validation("A filter condition is empty.")
  if (op === "is_empty") return isEmpty(value) === (arg === true)
  if (op === "is_not_empty") return !isEmpty(value) === (arg === true)
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
    const f = dateOps[op]
    return f === undefined
      ? validation(`Unknown date condition ${op}.`)
      : typeof value === "string" && f(value, String(arg))
  }
  const f = textOps[op]
  return f === undefined ? validation(`Unknown ${kind} condition ${op}.`) : f(String(value ?? ""), String(arg))
}

const propertyOf = (page: PageRecord, source: DataSourceRecord, key: string) => {
  const definition = Object.values(source.properties).find((p) => p.name === key || p.id === key)
  return definition === undefined ? undefined : page.properties[definition.name as string]
}

/** Whether a row matches a filter (compound up to two levels). */
export const matches = (page: PageRecord, source: DataSourceRecord, filter: Json, depth = 0): boolean | Failure => {
  for (const join of ["and", "or"] as const) {
    const parts = filter[join]
    if (parts === undefined) continue
    if (!Array.isArray(parts)) return validation(`body.filter.${join} should be an array.`)
    if (depth >= 2) return validation("Filters can be nested two levels deep at most.")
    const results: Array<boolean> = []
    for (const part of parts) {
      const result = matches(page, source, part as Json, depth + 1)
      if (typeof result !== "boolean") return result
      results.push(result)
    }
    return join === "and" ? results.every(Boolean) : results.some(Boolean)
  }
  if (typeof filter.timestamp === "string") {
    const kind = filter.timestamp
    const cond = filter[kind] as Json | undefined
    if (cond === undefined) return validation(`body.filter.${kind} should be defined.`)
    return condition(kind === "created_time" ? page.created_time : page.last_edited_time, cond, kind)
  }
  if (typeof filter.property !== "string") return validation("body.filter should have a property or a timestamp.")
  const value = propertyOf(page, source, filter.property)
  if (value === undefined) return validation(`Could not find property with name or id: ${filter.property}`)
  const kind = value.type as string
  const cond = filter[kind] as Json | undefined
  if (cond === undefined) {
    return validation(`body.filter.${kind} should be defined, the property ${filter.property} is a ${kind}.`)
  }
  return condition(valueOf(value), cond, kind)
}

const compare = (a: unknown, b: unknown) =>
  a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : a < b ? -1 : 1

/** Rows filtered and sorted (later sorts break ties of earlier ones; default: newest first). */
export const run = (
  rows: ReadonlyArray<PageRecord>,
  source: DataSourceRecord,
  filter: Json | undefined,
  sorts: ReadonlyArray<Json> | undefined
): Array<PageRecord> | Failure => {
  const kept: Array<PageRecord> = []
  for (const row of rows) {
    const ok = filter === undefined ? true : matches(row, source, filter)
    if (typeof ok !== "boolean") return ok
    if (ok) kept.push(row)
  }
  const keys = (sorts ?? [{ timestamp: "created_time", direction: "descending" }]).map((sort) => ({
    get: (page: PageRecord) =>
      typeof sort.timestamp === "string"
        ? page[sort.timestamp as "created_time" | "last_edited_time"]
        : valueOf(propertyOf(page, source, String(sort.property))),
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
