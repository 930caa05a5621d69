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
 * Unique identifiers for named things. A name an earlier run gave (`previous`) is kept while it is free and not
 * `reserved`, so regenerating does not rename fields. The others get `base(name)` unless another one has the same
 * base (or the base is reserved or kept); then, ordered by `key` (a stable id), the first keeps the base when it
 * is free and the others get the smallest free numeric suffix (`name2`, `name3`…).
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
    readonly previous?: (item: A) => string | undefined
  }
): Map<A, string> => {
  const taken = new Set<string>(options.reserved ?? [])
  const result = new Map<A, string>()
  const give = (item: A, name: string) => {
    result.set(item, name)
    taken.add(name)
  }
  const byKey = (a: A, b: A) => options.key(a) < options.key(b) ? -1 : options.key(a) > options.key(b) ? 1 : 0
  const sorted = [...items].sort(byKey)
  for (const item of sorted) {
    const name = options.previous?.(item)
    if (name !== undefined && !taken.has(name)) give(item, name)
  }
  const groups = new Map<string, Array<A>>()
  for (const item of sorted) {
    if (result.has(item)) continue
    const base = options.base(item)
    const group = groups.get(base)
    if (group === undefined) groups.set(base, [item])
    else group.push(item)
  }
  for (const [base, group] of groups) {
    if (group.length === 1 && !taken.has(base)) give(group[0]!, base)
  }
  for (const [base, group] of [...groups].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    for (const item of group) {
      if (result.has(item)) continue
      if (!taken.has(base)) {
        give(item, base)
        continue
      }
      let n = 2
      while (taken.has(`${base}${n}`)) n++
      give(item, `${base}${n}`)
    }
  }
  return result
}
