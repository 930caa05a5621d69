/**
 * What changed in Notion since a module was generated: a definition against the live data source's model.
 *
 * @since 0.1.0
 */
import type { GeneratedField, SkippedProperty } from "./Model.js"
import type { ParsedDefinition } from "./ModuleReader.js"

const unescapeId = (id: string) => {
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

const listOf = (names: ReadonlyArray<string>) => names.map((n) => JSON.stringify(n)).join(", ")

/**
 * What differs between a definition and the live data source's model, one sentence per change: properties
 * removed, added (also of unsupported types), renamed, of another type, options added or removed, formula or
 * rollup results changed. Empty when they match.
 *
 * @since 0.1.0
 * @category drift
 */
export const diff = (
  definition: ParsedDefinition,
  live: { readonly fields: ReadonlyArray<GeneratedField>; readonly skipped: ReadonlyArray<SkippedProperty> }
): Array<string> => {
  const changes: Array<string> = []
  const liveById = new Map(live.fields.map((f) => [unescapeId(f.spec.id), f.spec]))
  const skippedById = new Map(live.skipped.map((p) => [unescapeId(p.id), p]))
  const known = new Set<string>()
  for (const [key, spec] of Object.entries(definition.fields)) {
    const id = unescapeId(spec.id)
    known.add(id)
    const now = liveById.get(id)
    const label = `"${spec.name}" (field ${key})`
    if (now === undefined) {
      const skipped = skippedById.get(id)
      changes.push(
        skipped === undefined
          ? `${label} was removed from the data source`
          : `${label} is now a ${skipped.type} property, which the generator cannot type`
      )
      continue
    }
    if (now.name !== spec.name) {
      changes.push(`${label} was renamed to "${now.name}" (decoding still works: fields match by id)`)
    }
    if (now.kind !== spec.kind) {
      changes.push(`${label} is now a ${now.kind} property (the module has ${spec.kind})`)
      continue
    }
    if ("options" in now && "options" in spec) {
      const added = now.options.filter((o) => !spec.options.includes(o))
      const removed = spec.options.filter((o) => !now.options.includes(o))
      if (added.length > 0) changes.push(`${label} has new options: ${listOf(added)}`)
      if (removed.length > 0) changes.push(`${label} lost options: ${listOf(removed)}`)
    }
    if ("result" in now && "result" in spec && now.result !== "unknown" && now.result !== spec.result) {
      changes.push(`${label} now returns ${now.result} (the module has ${spec.result})`)
    }
  }
  for (const field of live.fields) {
    if (!known.has(unescapeId(field.spec.id))) {
      changes.push(`"${field.spec.name}" (${field.spec.kind}) was added to the data source`)
    }
  }
  for (const property of live.skipped) {
    if (!known.has(unescapeId(property.id))) {
      changes.push(`"${property.name}" (${property.type}, not typed by the generator) was added to the data source`)
    }
  }
  return changes
}
