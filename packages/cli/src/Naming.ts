/**
 * Identifiers from Notion names: a property name becomes a camelCase field name, a data source title a PascalCase
 * export name. The same name always gives the same identifier; collisions are resolved deterministically.
 *
 * @since 0.1.0
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu

const words = (name: string): Array<string> => name.normalize("NFKC").match(WORD) ?? []

const isUpper = (word: string) => word === word.toUpperCase() && word !== word.toLowerCase()

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

const decapitalize = (word: string) => isUpper(word) ? word.toLowerCase() : word.charAt(0).toLowerCase() + word.slice(1)

const startsValid = (identifier: string) => /^[\p{L}_$]/u.test(identifier)

/**
 * A camelCase identifier for a property name: `"Due date"` → `dueDate`, `"URL"` → `url`, `"Estimate (h)"` →
 * `estimateH`, `"2024 Budget"` → `_2024Budget`; `fallback` when the name has no letter or digit.
 *
 * @since 0.1.0
 * @category naming
 */
export const camelCase = (name: string, fallback = "property"): string => {
  const parts = words(name)
  if (parts.length === 0) return fallback
  const [first, ...rest] = parts
  const identifier = decapitalize(first!) +
    rest.map((w) => capitalize(isUpper(w) && w.length > 1 ? w.toLowerCase() : w))
      .join("")
  return startsValid(identifier) ? identifier : `_${identifier}`
}

/**
 * A PascalCase identifier for a title: `"Team tasks"` → `TeamTasks`; `fallback` when it has no letter or digit.
 *
 * @since 0.1.0
 * @category naming
 */
export const pascalCase = (name: string, fallback = "DataSource"): string => {
  const parts = words(name)
  if (parts.length === 0) return fallback
  const identifier = parts.map((w) => capitalize(isUpper(w) && w.length > 1 ? w.toLowerCase() : w)).join("")
  return startsValid(identifier) ? identifier : `_${identifier}`
}

/**
 * Unique identifiers for named things: each gets `base(name)` unless another one has the same base (or the base is
 * `reserved`); then, ordered by `key` (a stable id), the first keeps the base (when not reserved) and the others
 * get the smallest free numeric suffix (`name2`, `name3`…).
 *
 * @since 0.1.0
 * @category naming
 */
export const assign = <A>(
  items: ReadonlyArray<A>,
  options: {
    readonly key: (item: A) => string
    readonly base: (item: A) => string
    readonly reserved?: ReadonlyArray<string>
  }
): Map<A, string> => {
  const reserved = new Set(options.reserved ?? [])
  const groups = new Map<string, Array<A>>()
  for (const item of items) {
    const base = options.base(item)
    const group = groups.get(base)
    if (group === undefined) groups.set(base, [item])
    else group.push(item)
  }
  const taken = new Set<string>(reserved)
  const result = new Map<A, string>()
  for (const [base, group] of groups) {
    if (group.length === 1 && !reserved.has(base)) {
      result.set(group[0]!, base)
      taken.add(base)
    }
  }
  const byKey = (a: A, b: A) => options.key(a) < options.key(b) ? -1 : options.key(a) > options.key(b) ? 1 : 0
  for (const [base, group] of [...groups].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    if (group.length === 1 && !reserved.has(base)) continue
    for (const item of [...group].sort(byKey)) {
      if (!taken.has(base)) {
        result.set(item, base)
        taken.add(base)
        continue
      }
      let n = 2
      while (taken.has(`${base}${n}`)) n++
      result.set(item, `${base}${n}`)
      taken.add(`${base}${n}`)
    }
  }
  return result
}
