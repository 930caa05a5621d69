/**
 * Data source references in command arguments: ids (with or without dashes), `collection://…` references and
 * Notion URLs.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { InvalidReference } from "./CliError.js"

const HEX32 = /[0-9a-f]{32}/i
const DASHED = /[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}/i

const dashed = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toLowerCase()

/**
 * The id in a command argument: a data source id (with or without dashes), a `collection://…` reference, or a
 * Notion URL (`https://www.notion.so/acme/Tasks-1a2b…?v=…`: the 32 hex digits of its last path segment).
 *
 * @since 0.1.0
 * @category references
 */
export const parseReference = (input: string): Either.Either<string, InvalidReference> => {
  const trimmed = input.trim()
  const fail = () =>
    Either.left(
      new InvalidReference({
        input,
        message: `"${input}" is not a data source id or URL: give the id (32 hex digits, dashes optional, as in ` +
          "\"Copy data source ID\") or the database's URL"
      })
    )
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      return fail()
    }
    if (url.protocol === "collection:") {
      const id = `${url.host}${url.pathname}`.replace(/^\/+|\/+$/g, "")
      return DASHED.test(id) || HEX32.test(id) ? Either.right(id.match(DASHED)?.[0] ?? dashed(id)) : fail()
    }
    const segments = url.pathname.split("/").filter((s) => s.length > 0)
    for (const segment of segments.reverse()) {
      const match = segment.replace(/-/g, "").match(/[0-9a-f]{32}$/i)
      if (match !== null) return Either.right(dashed(match[0]))
      const id = segment.match(DASHED)
      if (id !== null) return Either.right(id[0])
    }
    return fail()
  }
  if (/^[0-9a-f]{32}$/i.test(trimmed)) return Either.right(dashed(trimmed))
  if (new RegExp(`^${DASHED.source}$`, "i").test(trimmed)) return Either.right(trimmed)
  return fail()
}
