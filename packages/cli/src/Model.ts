/**
 * A data source's model: its properties as typed fields (names, kinds, options, formula and rollup results).
 *
 * @since 0.1.0
 */
import type * as DataSource from "@notion-effect/core/DataSource"
import type * as Property from "@notion-effect/core/Property"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Either from "effect/Either"
import { UnsupportedPropertyType } from "./CliError.js"
import * as Naming from "./Naming.js"

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

/**
 * The spec of a property, or `undefined` when its type cannot be typed (`TypedDataSource.specOf`: the property-kind
 * registry reads each kind's settings).
 *
 * @since 0.1.0
 * @category models
 */
export const specOf = (
  property: Property.Property,
  samples: Samples = new Map()
): TypedDataSource.FieldSpec | undefined => TypedDataSource.specOf(property, samples)

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

/**
 * The field name a property's name gives, before collisions are numbered (reserved names get a `Property`
 * suffix).
 *
 * @since 0.1.0
 * @category models
 */
export const fieldBase = (spec: TypedDataSource.FieldSpec): string => {
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
