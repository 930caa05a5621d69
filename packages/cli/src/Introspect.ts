/**
 * A data source's properties as a text table (`schema introspect`).
 *
 * @since 0.1.0
 */
import type * as DataSource from "@notion-effect/core/DataSource"
import type * as Property from "@notion-effect/core/Property"
import * as TypedDataSource from "@notion-effect/core/TypedDataSource"
import * as Either from "effect/Either"
import { modelOf, type Samples } from "./Model.js"

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
