/**
 * The generator's pure part: a data source's properties → a model (field names, kinds, options, result types),
 * the model → TypeScript module text, module text → definitions again, and the differences between a definition
 * and a live data source.
 *
 * @since 0.1.0
 */
import type * as DataSource from "@notion-effect/core/DataSource"
import type * as Property from "@notion-effect/core/Property"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Either from "effect/Either"
import { InvalidReference, ModuleParseError, UnsupportedPropertyType } from "./CliError.js"
import * as Naming from "./Naming.js"

// ---------------------------------------------------------------------------------------------------------------
// references
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// the model
// ---------------------------------------------------------------------------------------------------------------

/**
 * One field of a generated definition: its name in TypeScript and its spec.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedField {
  readonly key: string
  readonly spec: TypedDataSource.FieldSpec
}

/**
 * A property left out (`--skip-unsupported`).
 *
 * @since 0.1.0
 * @category models
 */
export interface SkippedProperty {
  readonly name: string
  readonly id: string
  readonly type: string
}

/**
 * What a module holds for one data source.
 *
 * @since 0.1.0
 * @category models
 */
export interface Model {
  readonly exportName: string
  readonly dataSourceId: string
  readonly title: string
  readonly fields: ReadonlyArray<GeneratedField>
  readonly skipped: ReadonlyArray<SkippedProperty>
}

/**
 * Result types seen on a row (property id → the formula's or rollup's `type`), to type formulas (their schema does
 * not say what they return).
 *
 * @since 0.1.0
 * @category models
 */
export type Samples = ReadonlyMap<string, string>

const formulaResults: ReadonlyArray<string> = ["string", "number", "boolean", "date"]

const rollupByFunction = (fn: string): TypedDataSource.RollupResult => {
  if (fn === "show_original" || fn === "show_unique") return "array"
  if (fn === "earliest_date" || fn === "latest_date" || fn === "date_range") return "date"
  return "number"
}

/**
 * The spec of a property, or `undefined` when its type cannot be typed.
 *
 * @since 0.1.0
 * @category models
 */
export const specOf = (
  property: Property.Property,
  samples: Samples = new Map()
): TypedDataSource.FieldSpec | undefined => {
  const common = { id: property.id, name: property.name }
  const type = property.type as string
  if (!TypedDataSource.isKind(type)) return undefined
  const known = property as Property.PropertyKnown
  switch (known.type) {
    case "select":
    case "status":
    case "multi_select": {
      const options = known.type === "select"
        ? known.select.options
        : known.type === "status"
        ? known.status.options
        : known.multi_select.options
      return { kind: known.type, ...common, options: options.map((o) => o.name) }
    }
    case "formula": {
      const seen = samples.get(property.id)
      const result = seen !== undefined && formulaResults.includes(seen) ? seen : "unknown"
      return { kind: "formula", ...common, result: result as TypedDataSource.FormulaResult, readOnly: true }
    }
    case "rollup": {
      const seen = samples.get(property.id)
      const fn = known.rollup.function
      const result = seen === "number" || seen === "date" || seen === "array" ? seen : rollupByFunction(fn)
      return { kind: "rollup", ...common, result, function: fn, readOnly: true }
    }
    default:
      return TypedDataSource.isReadOnlyKind(type)
        ? { kind: type as TypedDataSource.PlainKind, ...common, readOnly: true }
        : { kind: type as TypedDataSource.PlainKind, ...common }
  }
}

/**
 * The names a data source's export takes (`Tasks`, `TasksSchema`, `TasksRow`, `TasksInput`) besides the import.
 *
 * @since 0.1.0
 * @category models
 */
export const exportNames = (
  name: string
): ReadonlyArray<string> => [name, `${name}Schema`, `${name}Row`, `${name}Input`]

const byTitleFirstThenKey = (a: GeneratedField, b: GeneratedField) => {
  if (a.spec.kind === "title" !== (b.spec.kind === "title")) return a.spec.kind === "title" ? -1 : 1
  const x = a.key.toLowerCase()
  const y = b.key.toLowerCase()
  return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : 1
}

/** The field name a property's name gives, before collisions are numbered. */
const fieldBase = (spec: TypedDataSource.FieldSpec): string => {
  const base = Naming.camelCase(spec.name)
  return TypedDataSource.reservedKeys.includes(base) ? `${base}Property` : base
}

/**
 * The title of a data source as plain text.
 *
 * @since 0.1.0
 * @category models
 */
export const titleOf = (dataSource: DataSource.FullDataSource): string =>
  dataSource.title.map((t) => t.plain_text).join("")

/**
 * A data source's model: one field per property, typed by kind, title first. A field is named from its property's
 * name; `previous` (property id → field name, from the module being regenerated) keeps earlier names stable;
 * collisions are numbered in property-id order; reserved names (`id`, `raw`, `constructor`…, see
 * `TypedDataSource.reservedKeys`) get a `Property` suffix. Fails with `UnsupportedPropertyType` listing the
 * properties of types it cannot type, unless `skipUnsupported` (then they are listed in the model's `skipped`).
 *
 * @since 0.1.0
 * @category models
 */
export const modelOf = (
  dataSource: DataSource.FullDataSource,
  options: {
    readonly exportName?: string
    readonly samples?: Samples
    readonly skipUnsupported?: boolean
    readonly previous?: ReadonlyMap<string, string>
  } = {}
): Either.Either<Model, UnsupportedPropertyType> => {
  const specs: Array<TypedDataSource.FieldSpec> = []
  const skipped: Array<SkippedProperty> = []
  for (const property of Object.values(dataSource.properties)) {
    const spec = specOf(property, options.samples)
    if (spec === undefined) skipped.push({ name: property.name, id: property.id, type: property.type as string })
    else specs.push(spec)
  }
  if (skipped.length > 0 && options.skipUnsupported !== true) {
    const list = skipped.map((p) => `"${p.name}" (${p.type})`).join(", ")
    return Either.left(
      new UnsupportedPropertyType({
        dataSourceId: dataSource.id,
        properties: skipped,
        message: `Data source ${dataSource.id} has properties of types the generator cannot type: ${list}. ` +
          "Pass --skip-unsupported to leave them out (rows keep them in `raw`)."
      })
    )
  }
  const names = Naming.assign(specs, {
    key: (spec) => spec.id,
    base: fieldBase,
    reserved: TypedDataSource.reservedKeys,
    previous: (spec) => options.previous?.get(spec.id)
  })
  const fields = specs.map((spec) => ({ key: names.get(spec)!, spec })).sort(byTitleFirstThenKey)
  return Either.right({
    exportName: options.exportName ?? Naming.pascalCase(titleOf(dataSource)),
    dataSourceId: dataSource.id,
    title: titleOf(dataSource),
    fields,
    skipped
  })
}

/**
 * Gives the models of one module distinct export names (by data source id), none of them `TypedDataSource`.
 *
 * @since 0.1.0
 * @category models
 */
export const distinctExports = (models: ReadonlyArray<Model>): Array<Model> => {
  const names = Naming.assign(models, {
    key: (model) => model.dataSourceId,
    base: (model) => model.exportName,
    reserved: ["TypedDataSource"]
  })
  const taken = new Set<string>()
  return models.map((model) => {
    let name = names.get(model)!
    // the derived names (`TasksRow`…) must not clash with another export either
    let n = 2
    while (exportNames(name).some((x) => taken.has(x))) name = `${names.get(model)!}${n++}`
    for (const x of exportNames(name)) taken.add(x)
    return { ...model, exportName: name }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------------------------------------------

const str = (value: string) => JSON.stringify(value)

const comment = (text: string) => text.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]+/g, " ")

const specEntries = (spec: TypedDataSource.FieldSpec): Array<[string, string]> => {
  const entries: Array<[string, string]> = [["kind", str(spec.kind)], ["id", str(spec.id)], ["name", str(spec.name)]]
  if ("options" in spec) entries.push(["options", `[${spec.options.map(str).join(", ")}]`])
  if ("result" in spec) entries.push(["result", str(spec.result)])
  if ("function" in spec && spec.function !== undefined) entries.push(["function", str(spec.function)])
  if (TypedDataSource.isReadOnly(spec)) entries.push(["readOnly", "true"])
  return entries
}

const renderField = (field: GeneratedField, indent: string): string => {
  // a numbered (or kept) field says which property it is: its name alone would not
  const note = field.key === fieldBase(field.spec)
    ? ""
    : `${indent}// ${field.key}: the property ${comment(str(field.spec.name))} (id ${comment(str(field.spec.id))})\n`
  return note + renderSpec(field, indent)
}

const renderSpec = (field: GeneratedField, indent: string): string => {
  const entries = specEntries(field.spec)
  const line = `${indent}${field.key}: { ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`
  if (line.length <= 118) return line
  const inner = `${indent}  `
  const body = entries.map(([k, v]) =>
    k === "options" && "options" in field.spec && field.spec.options.length > 0
      ? `${inner}options: [\n${field.spec.options.map((o) => `${inner}  ${str(o)}`).join(",\n")}\n${inner}]`
      : `${inner}${k}: ${v}`
  )
  return `${indent}${field.key}: {\n${body.join(",\n")}\n${indent}}`
}

const renderModel = (model: Model): string => {
  const name = model.exportName
  const title = comment(model.title === "" ? "(untitled)" : model.title)
  const skipped = model.skipped.length === 0 ? "" : [
    " *",
    " * Left out (types the generator cannot type; rows keep them in `raw`):",
    ...model.skipped.map((p) => ` * - ${comment(p.name)} (${comment(p.type)}, id ${comment(str(p.id))})`)
  ].join("\n") + "\n"
  return [
    `/**`,
    ` * The "${title}" data source, ${model.dataSourceId}.`,
    ` *`,
    ` * Fields match properties by id: renaming a property in Notion keeps working.`,
    `${skipped} */`,
    `export const ${name} = TypedDataSource.define({`,
    `  dataSourceId: ${str(model.dataSourceId)},`,
    `  title: ${str(model.title)},`,
    `  fields: {`,
    model.fields.map((field) => renderField(field, "    ")).join(",\n"),
    `  }`,
    `})`,
    ``,
    `/** The Effect Schema of a "${title}" row's values. */`,
    `export const ${name}Schema = ${name}.schema`,
    ``,
    `/** A "${title}" row: its values, \`id\`, \`created_time\`, \`last_edited_time\` and the \`raw\` page. */`,
    `export type ${name}Row = TypedDataSource.RowOf<typeof ${name}>`,
    ``,
    `/** What \`create\` and \`update\` take for "${title}" (writable fields only). */`,
    `export type ${name}Input = TypedDataSource.InputOfDefinition<typeof ${name}>`,
    ``
  ].join("\n")
}

/**
 * The TypeScript module for the given data sources: one `TypedDataSource.define` per data source, with its Schema
 * and row and input types.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (models: ReadonlyArray<Model>): string =>
  [
    "// Generated by `notion-effect schema generate`. Do not edit: regenerate it, and run",
    "// `notion-effect schema diff <this file>` in CI to catch changes made in Notion.",
    `import * as TypedDataSource from "@notion-effect/core/TypedDataSource"`,
    "",
    distinctExports(models).map(renderModel).join("\n")
  ].join("\n")

// ---------------------------------------------------------------------------------------------------------------
// reading a module back
// ---------------------------------------------------------------------------------------------------------------

/**
 * A definition read from a module.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParsedDefinition {
  readonly exportName: string
  readonly dataSourceId: string
  readonly title: string
  readonly fields: Readonly<Record<string, TypedDataSource.FieldSpec>>
}

class LiteralParser {
  pos: number
  constructor(readonly text: string, start: number) {
    this.pos = start
  }

  fail(what: string): never {
    const line = this.text.slice(0, this.pos).split("\n").length
    throw new SyntaxError(`line ${line}: ${what}`)
  }

  skip(): void {
    for (;;) {
      const rest = this.text.slice(this.pos)
      const ws = rest.match(/^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/)
      if (ws === null) return
      this.pos += ws[0].length
    }
  }

  value(): unknown {
    this.skip()
    const c = this.text[this.pos]
    if (c === "{") return this.object()
    if (c === "[") return this.array()
    if (c === "\"" || c === "'") return this.string()
    const rest = this.text.slice(this.pos)
    const number = rest.match(/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)
    if (number !== null) {
      this.pos += number[0].length
      return Number(number[0])
    }
    const word = rest.match(/^(true|false|null)\b/)
    if (word !== null) {
      this.pos += word[0].length
      return word[1] === "true" ? true : word[1] === "false" ? false : null
    }
    return this.fail("expected a literal (the definition must be plain data)")
  }

  string(): string {
    const quote = this.text[this.pos]!
    const rest = this.text.slice(this.pos)
    const match = quote === "\"" ? rest.match(/^"(?:[^"\\\n]|\\.)*"/) : rest.match(/^'(?:[^'\\\n]|\\.)*'/)
    if (match === null) return this.fail("unterminated string")
    this.pos += match[0].length
    const body = quote === "\"" ? match[0] : `"${match[0].slice(1, -1).replace(/\\'/g, "'").replace(/"/g, "\\\"")}"`
    return JSON.parse(body) as string
  }

  key(): string {
    this.skip()
    const c = this.text[this.pos]
    if (c === "\"" || c === "'") return this.string()
    const match = this.text.slice(this.pos).match(/^[\p{L}\p{N}_$]+/u)
    if (match === null) return this.fail("expected a key")
    this.pos += match[0].length
    return match[0]
  }

  expect(c: string): void {
    this.skip()
    if (this.text[this.pos] !== c) this.fail(`expected "${c}"`)
    this.pos++
  }

  object(): Record<string, unknown> {
    this.expect("{")
    const out: Record<string, unknown> = {}
    for (;;) {
      this.skip()
      if (this.text[this.pos] === "}") break
      const key = this.key()
      this.expect(":")
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true })
      this.skip()
      if (this.text[this.pos] === ",") this.pos++
      else if (this.text[this.pos] !== "}") this.fail("expected \",\" or \"}\"")
    }
    this.pos++
    return out
  }

  array(): Array<unknown> {
    this.expect("[")
    const out: Array<unknown> = []
    for (;;) {
      this.skip()
      if (this.text[this.pos] === "]") break
      out.push(this.value())
      this.skip()
      if (this.text[this.pos] === ",") this.pos++
      else if (this.text[this.pos] !== "]") this.fail("expected \",\" or \"]\"")
    }
    this.pos++
    return out
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const checkSpec = (key: string, spec: unknown): TypedDataSource.FieldSpec => {
  if (
    !isRecord(spec) || typeof spec.kind !== "string" || typeof spec.id !== "string" || typeof spec.name !== "string"
  ) {
    throw new SyntaxError(`field ${key}: expected { kind, id, name }`)
  }
  if (!TypedDataSource.isKind(spec.kind)) throw new SyntaxError(`field ${key}: unknown kind "${spec.kind}"`)
  return spec as unknown as TypedDataSource.FieldSpec
}

/**
 * The definitions of a module (`export const X = TypedDataSource.define({ … })`, as `render` writes them or by
 * hand in the same plain-data style). Fails with `ModuleParseError` naming the line when a definition is not plain
 * data, or when there is none.
 *
 * @since 0.1.0
 * @category reading
 */
export const parse = (text: string, path: string): Either.Either<Array<ParsedDefinition>, ModuleParseError> => {
  const pattern = /export\s+const\s+([\p{L}\p{N}_$]+)\s*=\s*(?:[\p{L}\p{N}_$]+\.)?define\s*\(/gu
  const out: Array<ParsedDefinition> = []
  try {
    for (const match of text.matchAll(pattern)) {
      const parser = new LiteralParser(text, match.index + match[0].length)
      const literal = parser.value()
      if (!isRecord(literal) || typeof literal.dataSourceId !== "string" || !isRecord(literal.fields)) {
        throw new SyntaxError(`${match[1]}: expected { dataSourceId, title, fields }`)
      }
      const fields: Record<string, TypedDataSource.FieldSpec> = {}
      for (const [key, spec] of Object.entries(literal.fields)) fields[key] = checkSpec(key, spec)
      out.push({
        exportName: match[1]!,
        dataSourceId: literal.dataSourceId,
        title: typeof literal.title === "string" ? literal.title : "",
        fields
      })
    }
  } catch (error) {
    return Either.left(
      new ModuleParseError({ path, message: `Cannot read the definitions in ${path}: ${(error as Error).message}` })
    )
  }
  return out.length === 0
    ? Either.left(
      new ModuleParseError({
        path,
        message: `${path} has no definition (export const X = TypedDataSource.define({ … })): was it generated?`
      })
    )
    : Either.right(out)
}

/**
 * The field names a definition gives its properties (property id → field name): what `modelOf`'s `previous`
 * takes to keep them when the module is regenerated.
 *
 * @since 0.1.0
 * @category reading
 */
export const fieldNames = (definition: ParsedDefinition): ReadonlyMap<string, string> =>
  new Map(Object.entries(definition.fields).map(([key, spec]) => [spec.id, key]))

// ---------------------------------------------------------------------------------------------------------------
// drift
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// introspection
// ---------------------------------------------------------------------------------------------------------------

const details = (property: Property.Property, spec: TypedDataSource.FieldSpec | undefined): string => {
  if (spec === undefined) return "not supported by the generator"
  const parts: Array<string> = []
  if ("options" in spec) parts.push(spec.options.length === 0 ? "no options" : `options: ${spec.options.join(", ")}`)
  if (spec.kind === "formula") parts.push(`returns ${spec.result}`)
  if (spec.kind === "rollup") parts.push(`${spec.function ?? ""} → ${spec.result}`)
  if (property.type === "relation") {
    const target = (property as Property.PropertyOf<"relation">).relation
    parts.push(`→ ${target.data_source_id ?? target.database_id ?? "?"}`)
  }
  if (property.type === "number") parts.push((property as Property.PropertyOf<"number">).number.format)
  if (TypedDataSource.isReadOnly(spec)) parts.push("read-only")
  return parts.join("; ")
}

/**
 * A data source's properties as a text table: property name, type, id, the generated field name and details
 * (options, formula result, relation target, read-only).
 *
 * @since 0.1.0
 * @category introspection
 */
export const table = (dataSource: DataSource.FullDataSource, samples: Samples = new Map()): string => {
  const model = Either.getOrThrow(modelOf(dataSource, { samples, skipUnsupported: true }))
  const fieldById = new Map(model.fields.map((f) => [f.spec.id, f]))
  const properties = Object.values(dataSource.properties).sort((a, b) =>
    (a.type === "title") !== (b.type === "title")
      ? (a.type === "title" ? -1 : 1)
      : a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : 1
  )
  const rows = [
    ["Property", "Type", "ID", "Field", "Details"],
    ...properties.map((p) => {
      const field = fieldById.get(p.id)
      return [p.name, p.type as string, p.id, field?.key ?? "-", details(p, field?.spec)]
    })
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (r: ReadonlyArray<string>) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()
  return [
    `${model.title === "" ? "(untitled)" : model.title} (${dataSource.id}): ${properties.length} properties`,
    "",
    line(rows[0]!),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.slice(1).map(line)
  ].join("\n")
}
