/** Random JSON-ish mutations of a valid value: drop, retype or add fields at any depth. */
export const mutate = (value: unknown, rng: () => number): unknown => {
  if (Array.isArray(value)) {
    if (value.length > 0 && rng() < 0.3) return value.map((v, i) => i === 0 ? mutate(v, rng) : v)
    return rng() < 0.5 ? [...value, { surprise: 1 }] : value
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
    const out: Record<string, unknown> = { ...value }
    const [key, child] = entries[Math.floor(rng() * entries.length)] ?? []
    if (key === undefined) return { ...out, extra: rng() }
    const roll = rng()
    if (roll < 0.25) delete out[key]
    else if (roll < 0.5) out[key] = typeof child === "string" ? 42 : "not-the-type"
    else if (roll < 0.75) out[key] = mutate(child, rng)
    else out[`extra_${key}`] = child
    return out
  }
  if (value === null) return rng() < 0.5 ? "null?" : null
  return rng() < 0.5 ? value : { wrapped: value }
}
