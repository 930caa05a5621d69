// A data source with every property type the generator types, tricky names, and one it cannot type.
import * as DataSource from "@notion-effect/core/DataSource"
import * as Schema from "effect/Schema"

export const DS_ID = "1a2b3c4d-0000-4000-8000-00000000abcd"

const option = (name: string, i: number) => ({ id: `o${i}`, name, color: "default" })

const prop = (
  name: string,
  id: string,
  type: string,
  config: unknown = {}
) => [name, { id, name, type, [type]: config }]

/** The JSON `dataSources.retrieve` answers. */
export const everyKindJson = (overrides: Record<string, unknown> = {}) => ({
  object: "data_source",
  id: DS_ID,
  title: [{
    type: "text",
    text: { content: "Team tasks", link: null },
    annotations: {
      bold: false,
      italic: false,
      strikethrough: false,
      underline: false,
      code: false,
      color: "default"
    },
    plain_text: "Team tasks",
    href: null
  }],
  parent: { type: "database_id", database_id: "db000000-0000-4000-8000-000000000001" },
  created_time: "2025-01-01T00:00:00.000Z",
  last_edited_time: "2025-01-01T00:00:00.000Z",
  properties: {
    ...Object.fromEntries([
      prop("Name", "title", "title"),
      prop("Notes", "n%3Ao", "rich_text"),
      prop("Estimate (h)", "est", "number", { format: "number" }),
      prop("Done", "dn", "checkbox"),
      prop("URL", "ur", "url"),
      prop("Contact", "em", "email"),
      prop("Phone #", "ph", "phone_number"),
      prop("Due date", "du", "date"),
      prop("due-date", "du2", "date"),
      prop("🔥 Priority", "pr", "select", { options: ["Low", "High", "Say \"hi\""].map(option) }),
      prop("Status", "st", "status", {
        options: ["Not started", "In progress", "Done"].map(option),
        groups: [{ id: "g1", name: "To-do", color: "gray", option_ids: ["o0"] }]
      }),
      prop("Tags", "tg", "multi_select", { options: ["bug", "feature"].map(option) }),
      prop("Owners", "pe", "people"),
      prop("Project", "re", "relation", {
        data_source_id: "ds-projects",
        database_id: "db-projects",
        type: "single_property",
        single_property: {}
      }),
      prop("Attachments", "fi", "files"),
      prop("Score", "fo", "formula", { expression: "prop(\"Estimate (h)\") * 2" }),
      prop("Label", "fs", "formula", { expression: "\"x\"" }),
      prop("Total", "ro", "rollup", {
        function: "sum",
        relation_property_name: "Project",
        relation_property_id: "re",
        rollup_property_name: "Budget",
        rollup_property_id: "bu"
      }),
      prop("ID", "ui", "unique_id", { prefix: "TASK" }),
      prop("Created", "ct", "created_time"),
      prop("Created by", "cb", "created_by"),
      prop("Edited", "et", "last_edited_time"),
      prop("Edited by", "eb", "last_edited_by"),
      prop("2024 Budget", "b24", "number", { format: "dollar" })
    ]),
    ...overrides
  }
})

/** The same, decoded as core decodes `dataSources.retrieve`. */
export const everyKind = (overrides: Record<string, unknown> = {}): DataSource.FullDataSource =>
  Schema.decodeUnknownSync(DataSource.FullDataSource)(everyKindJson(overrides))

/** A property of a type the generator cannot type. */
export const button = { Archive: { id: "bt", name: "Archive", type: "button", button: {} } }

/** A first row's formula and rollup results. */
export const samples = new Map([["fo", "number"], ["fs", "string"], ["ro", "number"]])
