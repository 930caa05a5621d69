import { type Failure, failure, validation } from "./store.js"

/** What the emulator does per `Notion-Version`: which versions it serves, what each refuses, how answers look. */

/** The versions served, oldest first. */
export const versions = ["2025-09-03", "2026-03-11", "2026-12-01"] as const

export type Version = typeof versions[number]

/** The previews (`Notion-Beta`) the emulator knows. */
export const betas = ["status-group-filters-2026-10-06"] as const

type Json = Record<string, unknown>

/** The request's version, or the failure Notion answers for a missing or unknown one. */
export const versionOf = (header: string | undefined): Version | Failure => {
  if (header === undefined) {
    return failure(
      400,
      "missing_version",
      "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`."
    )
  }
  return (versions as ReadonlyArray<string>).includes(header)
    ? header as Version
    : validation(
      `Notion-Version header failed validation: Notion-Version header should be one of ${
        versions.map((v) => `"${v}"`).join(", ")
      }, instead was \`${JSON.stringify(header)}\`.`
    )
}

/** The previews a request asked for, or `invalid_beta` for a malformed, unknown or repeated one. */
export const betasOf = (header: string | undefined): ReadonlyArray<string> | Failure => {
  if (header === undefined) return []
  const names = header.split(",").map((n) => n.trim())
  for (const [i, name] of names.entries()) {
    if (!(betas as ReadonlyArray<string>).includes(name) || names.indexOf(name) !== i) {
      return failure(
        400,
        "invalid_beta",
        `Notion-Beta header failed validation: unknown or repeated preview "${name}".`
      )
    }
  }
  return names
}

const refused = (path: string, version: Version, instead: string): Failure =>
  validation(`body failed validation: ${path} is not supported on Notion-Version ${version}; ${instead}`)

const trash = (version: Version, body: Json) =>
  version >= "2026-03-11" && body.archived !== undefined
    ? refused("body.archived", version, "use body.in_trash.")
    : undefined

const markdownVersion = (version: Version, given: unknown, where: string) =>
  given === undefined || given === "v2" || (given === "v1" && version < "2026-12-01")
    ? undefined
    : given === "v1"
    ? refused(`${where}.markdown_version "v1"`, version, "use \"v2\" (Notion-flavored markdown).")
    : validation(`${where}.markdown_version should be "v1" or "v2", instead was ${JSON.stringify(given)}.`)

const withMarkdown = (version: Version, body: Json) =>
  body.markdown_version !== undefined && body.markdown === undefined
    ? validation("body.markdown_version should only be given with body.markdown.")
    : markdownVersion(version, body.markdown_version, "body")

/** Whether a filter (compound ones included) uses a status group condition. */
export const usesStatusGroup = (filter: unknown): boolean => {
  if (typeof filter !== "object" || filter === null) return false
  const f = filter as Json
  for (const join of ["and", "or"]) if (Array.isArray(f[join])) return (f[join] as Array<unknown>).some(usesStatusGroup)
  return typeof f.status === "object" && f.status !== null && "group" in f.status
}

type Check = (version: Version, body: Json, url: URL, previews: ReadonlyArray<string>) => Failure | undefined

/** Per route: what a version refuses (400 `validation_error` naming the parameter). */
const checks: Readonly<Record<string, Check>> = {
  "PATCH /v1/pages/{id}": trash,
  "PATCH /v1/blocks/{id}": trash,
  "PATCH /v1/data_sources/{id}": trash,
  "PATCH /v1/databases/{id}": trash,
  "POST /v1/data_sources/{id}/query": (version, body, _url, previews) =>
    trash(version, body) ??
      (version < "2026-12-01" && usesStatusGroup(body.filter) && !previews.includes(betas[0])
        ? validation(
          `body.filter: status.group needs the Notion-Beta header "${betas[0]}" on Notion-Version ${version}.`
        )
        : undefined),
  "PATCH /v1/blocks/{id}/children": (version, body) =>
    body.after !== undefined && body.position !== undefined
      ? validation("body.after and body.position cannot both be given.")
      : version >= "2026-03-11" && body.after !== undefined
      ? refused("body.after", version, "use body.position ({ type: \"after_block\", after_block: { id } }).")
      : undefined,
  "POST /v1/pages": withMarkdown,
  "POST /v1/comments": withMarkdown,
  "PATCH /v1/comments/{id}": withMarkdown,
  "GET /v1/pages/{id}/markdown": (version, _body, url) =>
    markdownVersion(version, url.searchParams.get("markdown_version") ?? undefined, "query"),
  "PATCH /v1/pages/{id}/markdown": (version, body) => {
    if (body.type === "replace_content_range" && version >= "2026-12-01") {
      return refused("body.replace_content_range", version, "use body.update_content.")
    }
    const insert = body.insert_content as Json | undefined
    if (insert?.after !== undefined && insert.position !== undefined) {
      return validation("body.insert_content.after and body.insert_content.position cannot both be given.")
    }
    return markdownVersion(version, body.markdown_version, "body")
  }
}

/** What the version refuses in a request on a route, if anything. */
export const check = (
  route: string,
  version: Version,
  body: unknown,
  url: URL,
  previews: ReadonlyArray<string>
): Failure | undefined => {
  const rule = checks[route]
  return rule === undefined || typeof body !== "object" && body !== undefined
    ? undefined
    : rule(version, (body ?? {}) as Json, url, previews)
}

const trashable = new Set(["page", "block", "database", "data_source"])

/**
 * An answer as the version shapes it: before `2026-03-11` objects carry `archived` beside `in_trash` and meeting
 * notes blocks are `transcription`; from it, `in_trash` only and `meeting_notes`. A user with no name is `name: null`
 * from `2026-12-01`, `""` before.
 */
export const shape = (version: Version, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => shape(version, v))
  if (typeof value !== "object" || value === null) return value
  const json = value as Json
  // no prototype: a key named `__proto__` (a property name) stays a key
  const out: Json = Object.create(null)
  const old = version < "2026-03-11"
  const tracked = typeof json.object === "string" && trashable.has(json.object) && "in_trash" in json
  const renamed = old && json.object === "block" && json.type === "meeting_notes"
  for (const [key, v] of Object.entries(json)) {
    if (tracked && key === "archived") continue
    if (renamed && key === "meeting_notes") out.transcription = shape(version, v)
    else out[key] = key === "type" && renamed ? "transcription" : shape(version, v)
  }
  if (tracked && old) out.archived = json.in_trash
  if (json.object === "user" && json.name === null && version < "2026-12-01") out.name = ""
  return out
}

/** The markdown format of a request: the one asked for, else the version's default (`v2` from `2026-12-01`). */
export const markdownFormat = (version: Version, asked: unknown): "v1" | "v2" =>
  asked === "v1" || asked === "v2" ? asked : version >= "2026-12-01" ? "v2" : "v1"

/** A page's properties limited to those `filter_properties` names (property ids, as sent or URI-decoded). */
export const onlyProperties = (properties: Record<string, Json>, wanted: ReadonlyArray<string>) =>
  wanted.length === 0
    ? properties
    : Object.fromEntries(
      Object.entries(properties).filter(([, value]) => wanted.some((w) => matchesProperty(w, value)))
    )

/**
 * A listed page's properties: those named by `filter_properties` (property ids) when given; else all of them,
 * or from `2026-12-01` the title only.
 */
export const listedProperties = (
  version: Version,
  properties: Record<string, Json>,
  wanted: ReadonlyArray<string>
): Record<string, Json> => {
  if (wanted.length > 0 || version < "2026-12-01") return onlyProperties(properties, wanted)
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value.type === "title"))
}

const matchesProperty = (wanted: string, value: Json) => {
  const id = String(value.id)
  return wanted === id || wanted === safeDecode(id)
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
