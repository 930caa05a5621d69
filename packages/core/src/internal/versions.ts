/**
 * What an endpoint sends per Notion version: the rules, each given to the declarations it concerns
 * (`internal/lazy.endpoint`'s `rule`), so a program carries only the rules of the endpoints it calls; the client
 * reads an endpoint's rule once, when it compiles the endpoint. An endpoint without a rule costs nothing per call.
 * A rule translates what means the same on the request's version (`after` ↔ `position`, the markdown format) and
 * refuses, before anything is sent, what that version would refuse.
 */
import * as Either from "effect/Either"
import type * as NotionVersion from "../NotionVersion.js"

/** The parameters to send, and a `Notion-Beta` value the request needs (unless the caller set one). */
export interface Shaped {
  readonly params: Record<string, unknown>
  readonly beta?: string | undefined
}

/** A rule: the shaped parameters, or why the version refuses them. */
export type Rule = (
  params: Record<string, unknown>,
  rules: NotionVersion.Known,
  version: string
) => Either.Either<Shaped, string>

/** Where a declaration keeps its rule (not enumerable: the endpoint's public shape is unchanged). */
export const RuleKey: unique symbol = Symbol.for("@notion-effect/core/internal/versions/Rule")

/** The rule given to an endpoint's declaration, if any. */
export const ruleOf = (endpoint: object): Rule | undefined => (endpoint as { readonly [RuleKey]?: Rule })[RuleKey]

/** The preview that enables `status: { group: … }` filters before `2026-12-01`. */
export const statusGroupBeta = "status-group-filters-2026-10-06"

const same = (params: Record<string, unknown>): Either.Either<Shaped, string> => Either.right({ params })

/** `archived` is refused from `2026-03-11`; `in_trash` works on every version. */
export const trash: Rule = (params, rules, version) =>
  params.archived !== undefined && rules >= "2026-03-11"
    ? Either.left(`"archived" is refused on Notion-Version ${version}: use "in_trash" (accepted on every version)`)
    : same(params)

/** `after` (a block id) before `2026-03-11`, `position` from it; `start` has no older form and is sent as given. */
export const append: Rule = (params, rules) => {
  const { after, position } = params as { after?: string; position?: { type: string; after_block?: { id: string } } }
  if (after === undefined && position === undefined) return same(params)
  if (after !== undefined && position !== undefined) return Either.left(`give "after" or "position", not both`)
  if (rules >= "2026-03-11") {
    return after === undefined
      ? same(params)
      : same({ ...params, after: undefined, position: { type: "after_block", after_block: { id: after } } })
  }
  if (position === undefined) return same(params)
  if (position.type === "after_block") return same({ ...params, position: undefined, after: position.after_block!.id })
  return position.type === "end" ? same({ ...params, position: undefined }) : same(params)
}

/**
 * `markdown_version`: only beside markdown content (`contentKey`, when the endpoint also takes other content);
 * on `2026-12-01` `"v1"` is refused and `"v2"` is sent explicitly.
 */
export const markdown = (contentKey: string | undefined): Rule => (params, rules, version) => {
  const given = params.markdown_version
  const hasMarkdown = contentKey === undefined || params[contentKey] !== undefined
  if (given !== undefined && !hasMarkdown) return Either.left(`"markdown_version" goes only with "${contentKey}"`)
  if (rules < "2026-12-01") return same(params)
  if (given === "v1") {
    return Either.left(`markdown_version "v1" is refused on Notion-Version ${version}: use "v2" (Notion-flavored)`)
  }
  return given === undefined && hasMarkdown ? same({ ...params, markdown_version: "v2" }) : same(params)
}

/** `pages.updateMarkdown`: the edit commands each version refuses, and the markdown format. */
export const markdownEdit: Rule = (params, rules, version) => {
  if (params.type === "replace_content_range" && rules >= "2026-12-01") {
    return Either.left(
      `"replace_content_range" is refused on Notion-Version ${version}: use "update_content" (old_str → new_str)`
    )
  }
  const insert = params.insert_content as { after?: unknown; position?: unknown } | undefined
  if (params.type === "insert_content" && insert?.after !== undefined && insert.position !== undefined) {
    return Either.left(`insert_content: give "after" or "position", not both`)
  }
  return markdown(undefined)(params, rules, version)
}

/** Whether a filter (compound ones included) uses a status group condition. */
const usesStatusGroup = (filter: unknown): boolean => {
  if (typeof filter !== "object" || filter === null) return false
  const f = filter as Record<string, unknown>
  for (const join of ["and", "or"]) {
    if (Array.isArray(f[join])) return (f[join] as Array<unknown>).some(usesStatusGroup)
  }
  const status = f.status as Record<string, unknown> | undefined
  return typeof status === "object" && status !== null && "group" in status
}

/** `dataSources.query`: `archived` as {@link trash}; a status group filter before `2026-12-01` needs its preview. */
export const query: Rule = (params, rules, version) => {
  const trashed = trash(params, rules, version)
  if (Either.isLeft(trashed) || rules >= "2026-12-01" || !usesStatusGroup(params.filter)) return trashed
  return Either.right({ params, beta: statusGroupBeta })
}
