/**
 * The renderer: the JSON of every content record as Notion answers it (before a version shapes it, see
 * `versions.ts`), and the rich text and audit fields they share. Fixture records and created ones render alike.
 */
import type {
  Audit,
  BlockRecord,
  CommentRecord,
  ContentStore,
  DatabaseRecord,
  DataSourceRecord,
  Json,
  PageRecord,
  UploadRecord,
  ViewRecord
} from "./store.js"

export const richText = (content: string): Json => ({
  type: "text",
  text: { content, link: null },
  annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
  plain_text: content,
  href: null
})

/** A request's rich text (`{ text: { content } }` items) as a response's (annotations, plain text). */
export const richTextOf = (items: unknown): Array<Json> =>
  Array.isArray(items)
    ? items.map((item: Json) => {
      if (item.type === "equation" || item.equation !== undefined) {
        const expression = String((item.equation as Json | undefined)?.expression ?? "")
        return { ...richText(expression), type: "equation", equation: { expression }, text: undefined }
      }
      const content = String((item.text as Json | undefined)?.content ?? item.plain_text ?? "")
      return richText(content)
    })
    : []

/** The plain text of (request or response) rich text. */
export const plainText = (items: unknown) => richTextOf(items).map((i) => i.plain_text).join("")

/**
 * A map keyed by names a user chose (property names): without a prototype, so `__proto__` or `constructor` is a
 * name like any other, kept as Notion keeps it.
 */
export const names = <A>(from: Record<string, A> = {}): Record<string, A> => Object.assign(Object.create(null), from)

/** A property's value before anything was written to it. */
export const emptyValue = (type: string): unknown =>
  ["title", "rich_text", "multi_select", "people", "relation", "files"].includes(type)
    ? []
    : type === "checkbox"
    ? false
    : null

/** The four audit fields every object carries. */
const auditJson = (record: Audit) => ({
  created_time: record.created_time,
  last_edited_time: record.last_edited_time,
  created_by: record.created_by,
  last_edited_by: record.last_edited_by
})

const urlOf = (slug: string, id: string) => `https://www.notion.so/${slug}${id.replace(/-/g, "")}`

/** A page's title as plain text. */
export const titleOf = (page: PageRecord): string => {
  const title = Object.values(page.properties).find((p) => p.type === "title")
  return plainText((title?.title as Array<Json> | undefined) ?? [])
}

/**
 * A page's property values as Notion answers them, with the read-only ones it computes: times, authors, unique
 * ids, formulas and rollups (results kept simple).
 */
export const values = (store: ContentStore, page: PageRecord): Record<string, Json> => {
  const source = store.schemaFor(page.parent)
  if (source === undefined) return page.properties
  const out: Record<string, Json> = names()
  for (const definition of Object.values(source.properties)) {
    const name = definition.name as string
    const type = definition.type as string
    const base = { id: definition.id, type }
    const config = (definition[type] ?? {}) as Json
    const value = type === "created_time"
      ? page.created_time
      : type === "last_edited_time"
      ? page.last_edited_time
      : type === "created_by"
      ? page.created_by
      : type === "last_edited_by"
      ? page.last_edited_by
      : type === "unique_id"
      ? { prefix: config.prefix ?? null, number: store.rowsOf(source).findIndex((r) => r.id === page.id) + 1 }
      : type === "formula"
      ? { type: "string", string: "" }
      : type === "rollup"
      ? { type: "number", number: 0, function: config.function ?? "count" }
      : type === "button"
      ? {}
      : undefined
    // a page moved into the data source keeps its title under the title property's name
    const kept = page.properties[name] ??
      (type === "title" ? Object.values(page.properties).find((p) => p.type === "title") : undefined)
    out[name] = value !== undefined
      ? { ...base, [type]: value }
      : kept !== undefined
      ? { ...kept, id: definition.id }
      : { ...base, [type]: emptyValue(type) }
  }
  return out
}

/** A page, fixture or created. */
export const pageJson = (store: ContentStore, page: PageRecord): Json => ({
  object: "page",
  id: page.id,
  ...auditJson(page),
  cover: page.cover,
  icon: page.icon,
  parent: page.parent,
  archived: page.in_trash,
  in_trash: page.in_trash,
  is_locked: page.is_locked,
  properties: values(store, page),
  url: urlOf(`${titleOf(page).replace(/\W+/g, "-")}-`, page.id),
  public_url: null
})

/** A block, fixture or created. */
export const blockJson = (store: ContentStore, block: BlockRecord): Json => ({
  object: "block",
  id: block.id,
  parent: block.parent,
  ...auditJson(block),
  has_children: (store.children.get(block.id)?.length ?? 0) > 0,
  archived: block.in_trash,
  in_trash: block.in_trash,
  type: block.type,
  [block.type]: block.payload
})

export const dataSourceJson = (source: DataSourceRecord): Json => ({
  object: "data_source",
  id: source.id,
  ...auditJson(source),
  title: source.title,
  description: [],
  icon: null,
  cover: null,
  parent: { type: "database_id", database_id: source.databaseId },
  database_parent: { type: "workspace", workspace: true },
  is_inline: false,
  archived: source.in_trash,
  in_trash: source.in_trash,
  properties: source.properties,
  url: urlOf("", source.id),
  public_url: null
})

export const databaseJson = (store: ContentStore, database: DatabaseRecord): Json => ({
  object: "database",
  id: database.id,
  ...auditJson(database),
  title: database.title,
  description: [],
  parent: database.parent,
  is_inline: database.is_inline,
  in_trash: database.in_trash,
  archived: database.in_trash,
  is_locked: false,
  icon: null,
  cover: null,
  url: urlOf("", database.id),
  public_url: null,
  data_sources: [...store.dataSources.values()].filter((d) => d.databaseId === database.id).map((d) => ({
    id: d.id,
    name: plainText(d.title)
  }))
})

export const commentJson = (comment: CommentRecord): Json => ({
  object: "comment",
  id: comment.id,
  parent: comment.parent,
  discussion_id: comment.discussion_id,
  created_time: comment.created_time,
  last_edited_time: comment.last_edited_time,
  created_by: comment.created_by,
  rich_text: comment.rich_text,
  display_name: { type: "integration", resolved_name: "Acme internal" }
})

export const uploadJson = (upload: UploadRecord): Json => ({
  object: "file_upload",
  id: upload.id,
  created_time: upload.created_time,
  last_edited_time: upload.created_time,
  expiry_time: upload.expiry_time,
  ...(upload.status === "pending"
    ? { upload_url: `https://api.notion.com/v1/file_uploads/${upload.id}/send` }
    : {}),
  archived: false,
  in_trash: false,
  status: upload.status,
  filename: upload.filename,
  content_type: upload.content_type,
  content_length: [...upload.parts.values()].reduce((n, s) => n + s, 0),
  ...(upload.mode === "multi_part"
    ? { number_of_parts: { total: upload.number_of_parts, sent: upload.parts.size } }
    : {})
})

export const viewJson = (view: ViewRecord): Json => ({
  object: "view",
  id: view.id,
  parent: view.parent,
  name: view.name,
  type: view.type,
  data_source_id: view.data_source_id,
  created_time: view.created_time,
  last_edited_time: view.last_edited_time,
  url: view.url,
  filter: view.filter,
  sorts: view.sorts,
  quick_filters: view.quick_filters,
  configuration: view.configuration
})
