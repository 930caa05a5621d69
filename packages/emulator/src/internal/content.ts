import { Changes } from "./changes.js"
import { type Failure, failure, isFailure, validation } from "./store.js"

/** Content created through the API (pages, blocks, data sources, comments, file uploads) and Notion's rules over it. */

type Json = Record<string, unknown>

interface Audit {
  readonly created_time: string
  last_edited_time: string
  readonly created_by: Json
  last_edited_by: Json
}

export interface PageRecord extends Audit {
  readonly id: string
  readonly workspaceId: string
  parent: Json
  properties: Record<string, Json>
  icon: unknown
  cover: unknown
  in_trash: boolean
  is_locked: boolean
}

export interface BlockRecord extends Audit {
  readonly id: string
  readonly workspaceId: string
  readonly parent: Json
  readonly type: string
  payload: Json
  in_trash: boolean
}

export interface DataSourceRecord extends Audit {
  readonly id: string
  readonly workspaceId: string
  readonly databaseId: string
  title: ReadonlyArray<Json>
  /** name → `{ id, name, type, <type>: config }` */
  properties: Record<string, Json>
  in_trash: boolean
  readonly templates: ReadonlyArray<TemplateRecord>
}

/** A page template of a data source: the property values (request-shaped) and blocks a new page starts from. */
export interface TemplateRecord {
  readonly id: string
  readonly name: string
  readonly is_default: boolean
  readonly properties: Record<string, Json>
  readonly children: ReadonlyArray<Json>
}

export interface DatabaseRecord extends Audit {
  readonly id: string
  readonly workspaceId: string
  title: ReadonlyArray<Json>
  parent: Json
  in_trash: boolean
  is_inline: boolean
}

export interface CommentRecord extends Audit {
  readonly id: string
  readonly parent: Json
  readonly discussion_id: string
  rich_text: ReadonlyArray<Json>
}

export interface UploadRecord {
  readonly id: string
  readonly created_time: string
  readonly mode: string
  readonly filename: string | null
  readonly content_type: string | null
  readonly number_of_parts: number | null
  readonly parts: Map<number, number>
  status: "pending" | "uploaded" | "expired" | "failed"
  expiry_time: string | null
}

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

/**
 * A map keyed by names a user chose (property names): without a prototype, so `__proto__` or `constructor` is a
 * name like any other, kept as Notion keeps it.
 */
export const names = <A>(from: Record<string, A> = {}): Record<string, A> => Object.assign(Object.create(null), from)

const plain = (items: unknown) => richTextOf(items).map((i) => i.plain_text).join("")

/** The four audit fields every object carries. */
const auditJson = (record: Audit) => ({
  created_time: record.created_time,
  last_edited_time: record.last_edited_time,
  created_by: record.created_by,
  last_edited_by: record.last_edited_by
})

const MiB = 1024 * 1024
const MAX_PART = 20 * MiB
const MIN_PART = 5 * MiB

/** What Notion fills into a property configuration given as `{}`. */
const configDefaults: Record<string, Json> = {
  number: { format: "number" },
  select: { options: [] },
  multi_select: { options: [] },
  status: { options: [], groups: [] }
}

/** A property's value before anything was written to it. */
const emptyValue = (type: string): unknown =>
  ["title", "rich_text", "multi_select", "people", "relation", "files"].includes(type)
    ? []
    : type === "checkbox"
    ? false
    : null

/** Property kinds whose value is a list of rich text. */
const textKinds = new Set(["title", "rich_text"])

export class Content {
  readonly pages = new Map<string, PageRecord>()
  readonly blocks = new Map<string, BlockRecord>()
  /** Blocks appended under a parent (fixture page or block, or created page or block), in order. */
  readonly children = new Map<string, Array<string>>()
  readonly dataSources = new Map<string, DataSourceRecord>()
  readonly comments = new Map<string, CommentRecord>()
  readonly uploads = new Map<string, UploadRecord>()
  readonly databases = new Map<string, DatabaseRecord>()
  readonly views = new Map<string, Json>()
  readonly viewQueries = new Map<
    string,
    { readonly viewId: string; readonly ids: Array<string>; readonly expires: number }
  >()
  readonly tasks = new Map<string, Json>()
  /** The changes made through the API, for webhook subscriptions. */
  readonly changes = new Changes()
  private clock = 0
  private actor: string

  constructor(readonly workspaceId: string, readonly authorId: string) {
    this.actor = authorId
    const now = "2025-01-01T00:00:00.000Z"
    const tasks: DataSourceRecord = {
      id: TASKS_DATA_SOURCE,
      workspaceId,
      databaseId: TASKS_DATABASE,
      title: [richText("Tasks")],
      properties: {
        Name: { id: "title", name: "Name", type: "title", title: {} },
        Status: {
          id: "st%3A1",
          name: "Status",
          type: "select",
          select: {
            options: ["Todo", "Doing", "Done"].map((name, i) => ({ id: `opt-${i}`, name, color: "default" }))
          }
        },
        Priority: { id: "pr%3A1", name: "Priority", type: "number", number: { format: "number" } },
        Done: { id: "dn%3A1", name: "Done", type: "checkbox", checkbox: {} },
        Due: { id: "du%3A1", name: "Due", type: "date", date: {} }
      },
      in_trash: false,
      templates: [
        {
          id: TASKS_TEMPLATES.bug,
          name: "Bug report",
          is_default: true,
          properties: { Status: { select: { name: "Todo" } }, Priority: { number: 1 } },
          children: [
            { heading_2: { rich_text: [{ text: { content: "Steps to reproduce" } }] } },
            { to_do: { rich_text: [{ text: { content: "Write a failing test" } }], checked: false } }
          ]
        },
        {
          id: TASKS_TEMPLATES.meeting,
          name: "Meeting",
          is_default: false,
          properties: {},
          children: [{ paragraph: { rich_text: [{ text: { content: "Agenda" } }] } }]
        }
      ],
      ...this.audit(now)
    }
    this.dataSources.set(tasks.id, tasks)
    this.databases.set(TASKS_DATABASE, {
      id: TASKS_DATABASE,
      workspaceId,
      title: [richText("Tasks")],
      parent: { type: "workspace", workspace: true },
      in_trash: false,
      is_inline: false,
      ...this.audit(now)
    })
    const rows: Array<[string, string, number, boolean]> = [
      ["Write the README", "Done", 1, true],
      ["Ship the SDK", "Doing", 2, false],
      ["Plan the launch", "Todo", 3, false]
    ]
    rows.forEach(([name, status, priority, done], i) =>
      this.createPage({
        parent: { data_source_id: tasks.id },
        properties: {
          Name: { title: [{ text: { content: name } }] },
          Status: { select: { name: status } },
          Priority: { number: priority },
          Done: { checkbox: done },
          Due: { date: { start: `2026-0${i + 1}-15` } }
        }
      }, this.stamp())
    )
  }

  /**
   * A strictly increasing timestamp, so sorts by time are stable; `actor` (the calling integration's bot) becomes
   * the `created_by`/`last_edited_by` of what is recorded until the next stamp (handlers stamp, then change content
   * synchronously). Without one, the fixture's person (the seeded rows).
   */
  stamp(now?: number, actor: string = this.authorId): string {
    this.actor = actor
    this.clock = Math.max(this.clock + 1000, now ?? 0, Date.parse("2026-01-01T00:00:00.000Z"))
    return new Date(this.clock).toISOString()
  }

  private audit(time: string): Audit {
    const author = { object: "user", id: this.actor }
    return { created_time: time, last_edited_time: time, created_by: author, last_edited_by: author }
  }

  /** Records an edit: `last_edited_time` and `last_edited_by` (the stamp's actor). */
  edited(record: Audit, time: string) {
    record.last_edited_time = time
    record.last_edited_by = { object: "user", id: this.actor }
  }

  // --- pages ---------------------------------------------------------------------------------------------------

  /** The data source whose rows a parent makes (or none for a page parent). */
  private schemaFor(parent: Json): DataSourceRecord | undefined {
    const id = (parent.data_source_id ?? parent.database_id) as string | undefined
    return id === undefined ? undefined : [...this.dataSources.values()].find((d) => d.id === id || d.databaseId === id)
  }

  /** Request property values (by name or id) as stored response values. */
  private propertyValues(
    schema: DataSourceRecord | undefined,
    given: Record<string, Json>,
    current: Record<string, Json>
  ): Record<string, Json> | Failure {
    const out: Record<string, Json> = names(current)
    const definitions = schema?.properties ?? { title: { id: "title", name: "title", type: "title" } }
    for (const [key, value] of Object.entries(given)) {
      const definition = Object.values(definitions).find((d) => d.name === key || d.id === key)
      if (definition === undefined) return validation(`${key} is not a property that exists.`)
      const type = definition.type as string
      const raw = (value as Json)[type]
      if (raw === undefined) return validation(`body.properties.${key}.${type} should be defined.`)
      let stored: unknown = raw
      if (textKinds.has(type)) stored = richTextOf(raw)
      else if (type === "number" && raw !== null && typeof raw !== "number") {
        return validation(`body.properties.${key}.number should be a number.`)
      } else if (type === "checkbox" && typeof raw !== "boolean") {
        return validation(`body.properties.${key}.checkbox should be a boolean.`)
      } else if (type === "select" || type === "status") {
        stored = raw === null ? null : this.option(definition, (raw as Json).name as string, type)
      } else if (type === "multi_select") {
        stored = (raw as Array<Json>).map((o) => this.option(definition, o.name as string, type))
      } else if (type === "date") stored = raw === null ? null : { end: null, time_zone: null, ...(raw as Json) }
      out[definition.name as string] = { id: definition.id, type, [type]: stored }
    }
    for (const definition of Object.values(definitions)) {
      const name = definition.name as string
      if (out[name] !== undefined) continue
      const type = definition.type as string
      out[name] = { id: definition.id, type, [type]: emptyValue(type) }
    }
    return out
  }

  /** A select option by name, added to the schema when new (as Notion does). */
  private option(definition: Json, name: string, type: string): Json {
    const config = (definition[type] ?? {}) as { options?: Array<Json> }
    const options = config.options ?? []
    let found = options.find((o) => o.name === name)
    if (found === undefined) {
      found = { id: `opt-${crypto.randomUUID().slice(0, 8)}`, name, color: "default" }
      definition[type] = { ...config, options: [...options, found] }
    }
    return found
  }

  /**
   * The template a page body asks for (`template: { type: "default" | "template_id", template_id }`) among its data
   * source's: `undefined` for none (or no default), a failure for an id that is not one of them.
   */
  templateOf(source: DataSourceRecord | undefined, template: unknown): TemplateRecord | undefined | Failure {
    const asked = template as Json | undefined
    if (asked === undefined || asked.type === "none") return undefined
    if (asked.type === "default") return source?.templates.find((t) => t.is_default)
    return source?.templates.find((t) => t.id === asked.template_id) ??
      validation(`body.template.template_id ${String(asked.template_id)} is not a template of the page's data source.`)
  }

  createPage(given: Json, time: string): PageRecord | Failure {
    const parent = (given.parent ?? { workspace: true }) as Json
    const schema = this.schemaFor(parent)
    if ((parent.data_source_id !== undefined || parent.database_id !== undefined) && schema === undefined) {
      return failure(404, "object_not_found", `Could not find data_source with ID: ${parent.data_source_id}.`)
    }
    const template = this.templateOf(schema, given.template)
    if (isFailure(template)) return template
    if (template !== undefined && (given.children !== undefined || given.content !== undefined)) {
      return validation("body.template cannot be combined with body.children, body.content or body.markdown.")
    }
    // the template's values under the given ones, its blocks as the content
    const body = template === undefined ? given : {
      ...given,
      properties: { ...template.properties, ...(given.properties as Json | undefined) },
      children: template.children
    }
    const properties = this.propertyValues(schema, (body.properties ?? {}) as Record<string, Json>, {})
    if (isFailure(properties)) return properties
    const id = crypto.randomUUID()
    const record: PageRecord = {
      id,
      workspaceId: this.workspaceId,
      parent: schema !== undefined
        ? { type: "data_source_id", data_source_id: schema.id, database_id: schema.databaseId }
        : parent.page_id !== undefined
        ? { type: "page_id", page_id: parent.page_id }
        : { type: "workspace", workspace: true },
      properties: properties as Record<string, Json>,
      icon: body.icon ?? null,
      cover: body.cover ?? null,
      in_trash: false,
      is_locked: false,
      ...this.audit(time)
    }
    this.pages.set(id, record)
    const children = body.children ?? body.content
    if (Array.isArray(children)) {
      const appended = this.append(id, "page_id", children as Array<Json>, time)
      if (isFailure(appended)) return appended
    }
    return record
  }

  updatePage(record: PageRecord, body: Json, time: string): PageRecord | Failure {
    if (body.properties !== undefined) {
      const properties = this.propertyValues(
        this.schemaFor(record.parent),
        body.properties as Record<string, Json>,
        record.properties
      )
      if (isFailure(properties)) return properties
      record.properties = properties as Record<string, Json>
    }
    if (body.icon !== undefined) record.icon = body.icon
    if (body.cover !== undefined) record.cover = body.cover
    if (typeof body.in_trash === "boolean") record.in_trash = body.in_trash
    if (typeof body.archived === "boolean") record.in_trash = body.archived
    if (typeof body.is_locked === "boolean") record.is_locked = body.is_locked
    this.edited(record, time)
    return record
  }

  /**
   * A page's property values as Notion answers them, with the read-only ones it computes: times, authors, unique
   * ids, formulas and rollups (results kept simple).
   */
  values(page: PageRecord): Record<string, Json> {
    const source = this.schemaFor(page.parent)
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
        ? { prefix: config.prefix ?? null, number: this.rowsOf(source).findIndex((r) => r.id === page.id) + 1 }
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

  /** After a schema change: page values follow renames (matched by property id) and removals. */
  followSchema(source: DataSourceRecord) {
    const byId = new Map(Object.values(source.properties).map((p) => [p.id as string, p.name as string]))
    for (const page of this.pages.values()) {
      if (page.parent.data_source_id !== source.id) continue
      page.properties = Object.fromEntries(
        Object.values(page.properties).flatMap((value) => {
          const name = byId.get(value.id as string)
          return name === undefined ? [] : [[name, value]]
        })
      )
    }
  }

  pageJson(page: PageRecord): Json {
    const title = Object.values(page.properties).find((p) => p.type === "title")
    const slug = plain((title?.title as Array<Json> | undefined) ?? []).replace(/\W+/g, "-")
    return {
      object: "page",
      id: page.id,
      ...auditJson(page),
      cover: page.cover,
      icon: page.icon,
      parent: page.parent,
      archived: page.in_trash,
      in_trash: page.in_trash,
      is_locked: page.is_locked,
      properties: this.values(page),
      url: `https://www.notion.so/${slug}-${page.id.replace(/-/g, "")}`,
      public_url: null
    }
  }

  // --- blocks --------------------------------------------------------------------------------------------------

  /** Appends request blocks under a parent, at the end or `after` a child; the new records. */
  append(
    parentId: string,
    parentType: "page_id" | "block_id",
    children: ReadonlyArray<Json>,
    time: string,
    after?: string
  ): Array<BlockRecord> | Failure {
    if (children.length > 100) {
      return validation(`body.children.length should be ≤ \`100\`, instead was \`${children.length}\`.`)
    }
    const records: Array<BlockRecord> = []
    for (const child of children) {
      const type = (child.type ?? Object.keys(child).find((k) => k !== "object")) as string | undefined
      if (type === undefined || typeof child[type] !== "object" || child[type] === null) {
        return validation("body.children should contain blocks with a type and its content.")
      }
      const payload = { ...(child[type] as Json) }
      const nested = payload.children
      delete payload.children
      if (payload.rich_text !== undefined) payload.rich_text = richTextOf(payload.rich_text)
      if (payload.type === "file_upload" || payload.file_upload !== undefined) {
        const attached = this.attach(payload)
        if (isFailure(attached)) return attached
        Object.assign(payload, attached)
      }
      const record: BlockRecord = {
        id: crypto.randomUUID(),
        workspaceId: this.workspaceId,
        parent: { type: parentType, [parentType]: parentId },
        type,
        payload: { color: "default", ...payload },
        in_trash: false,
        ...this.audit(time)
      }
      this.blocks.set(record.id, record)
      records.push(record)
      if (Array.isArray(nested)) {
        const inner = this.append(record.id, "block_id", nested as Array<Json>, time)
        if (isFailure(inner)) return inner
      }
    }
    const list = this.children.get(parentId) ?? []
    const at = after === undefined ? list.length : list.indexOf(after) + 1
    list.splice(at, 0, ...records.map((r) => r.id))
    this.children.set(parentId, list)
    return records
  }

  blockJson(block: BlockRecord): Json {
    return {
      object: "block",
      id: block.id,
      parent: block.parent,
      ...auditJson(block),
      has_children: (this.children.get(block.id)?.length ?? 0) > 0,
      archived: block.in_trash,
      in_trash: block.in_trash,
      type: block.type,
      [block.type]: block.payload
    }
  }

  // --- data sources --------------------------------------------------------------------------------------------

  createDataSource(body: Json, time: string): DataSourceRecord | Failure {
    const parent = body.parent as Json | undefined
    if (typeof parent?.database_id !== "string") return validation("body.parent.database_id should be defined.")
    const properties = this.schemaOf((body.properties ?? {}) as Record<string, Json | null>, {})
    if (isFailure(properties)) return properties
    const record: DataSourceRecord = {
      id: crypto.randomUUID(),
      workspaceId: this.workspaceId,
      databaseId: parent.database_id,
      title: richTextOf(body.title ?? []),
      properties: properties as Record<string, Json>,
      in_trash: false,
      templates: [],
      ...this.audit(time)
    }
    this.dataSources.set(record.id, record)
    return record
  }

  /** Applies schema changes: a configuration adds or changes a property, `{ name }` renames, `null` removes. */
  schemaOf(given: Record<string, Json | null>, current: Record<string, Json>): Record<string, Json> | Failure {
    const out = names(current)
    for (const [key, change] of Object.entries(given)) {
      const existing = Object.values(out).find((p) => p.name === key || p.id === key)
      if (change === null) {
        if (existing !== undefined) delete out[existing.name as string]
        continue
      }
      const type = (change.type ?? Object.keys(change).find((k) => k !== "name" && k !== "description")) as
        | string
        | undefined
      if (existing !== undefined) {
        const name = (change.name as string | undefined) ?? (existing.name as string)
        delete out[existing.name as string]
        out[name] = { ...existing, name, ...(type === undefined ? {} : { type, [type]: change[type] ?? {} }) }
        continue
      }
      if (type === undefined) return validation(`body.properties.${key} should have a type.`)
      const name = (change.name as string | undefined) ?? key
      out[name] = {
        id: type === "title" ? "title" : encodeURIComponent(crypto.randomUUID().slice(0, 4)),
        name,
        type,
        [type]: { ...configDefaults[type], ...(change[type] as Json | undefined) }
      }
    }
    // what Notion fills in: option ids and colours, a rollup's property ids from their names
    for (const definition of Object.values(out)) {
      const type = definition.type as string
      const config = definition[type] as Json
      if (Array.isArray(config.options)) {
        config.options = (config.options as Array<Json>).map((o) => ({
          id: `opt-${crypto.randomUUID().slice(0, 8)}`,
          color: "default",
          ...o
        }))
      }
      if (type === "status" && (config.groups as Array<unknown>).length === 0) {
        const options = config.options as Array<Json>
        if (options.length === 0) {
          options.push(
            { id: "st-todo", name: "Not started", color: "default" },
            { id: "st-doing", name: "In progress", color: "blue" },
            { id: "st-done", name: "Done", color: "green" }
          )
        }
        // Notion's three groups: the last option is Complete, the others are To-do unless named "In progress"
        const group = (name: string, ids: Array<Json>) => ({
          id: `grp-${name.toLowerCase().replace(/\W+/g, "-")}`,
          name,
          color: "default",
          option_ids: ids.map((o) => o.id)
        })
        const last = options.at(-1)
        const doing = options.filter((o) => o !== last && o.name === "In progress")
        config.groups = [
          group("To-do", options.filter((o) => o !== last && !doing.includes(o))),
          group("In progress", doing),
          group("Complete", last === undefined ? [] : [last])
        ]
      }
      if (type === "rollup") {
        const byName = (name: unknown) => Object.values(out).find((p) => p.name === name)?.id ?? ""
        config.relation_property_id ??= byName(config.relation_property_name)
        config.rollup_property_id ??= encodeURIComponent(String(config.rollup_property_name ?? ""))
        config.function ??= "count"
      }
    }
    return out
  }

  dataSourceJson(source: DataSourceRecord): Json {
    return {
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
      url: `https://www.notion.so/${source.id.replace(/-/g, "")}`,
      public_url: null
    }
  }

  createDatabase(body: Json, time: string): DatabaseRecord {
    const parent = body.parent as Json | undefined
    const record: DatabaseRecord = {
      id: crypto.randomUUID(),
      workspaceId: this.workspaceId,
      title: richTextOf(body.title ?? []),
      parent: typeof parent?.page_id === "string"
        ? { type: "page_id", page_id: parent.page_id }
        : { type: "workspace", workspace: true },
      in_trash: false,
      is_inline: body.is_inline === true,
      ...this.audit(time)
    }
    this.databases.set(record.id, record)
    const initial = (body.initial_data_source ?? {}) as Json
    const properties = (initial.properties ?? { Name: { title: {} } }) as Record<string, Json>
    this.createDataSource({ parent: { database_id: record.id }, properties, title: body.title ?? [] }, time)
    return record
  }

  databaseJson(database: DatabaseRecord): Json {
    return {
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
      url: `https://www.notion.so/${database.id.replace(/-/g, "")}`,
      public_url: null,
      data_sources: [...this.dataSources.values()].filter((d) => d.databaseId === database.id).map((d) => ({
        id: d.id,
        name: plain(d.title)
      }))
    }
  }

  /** The blocks under a parent, in order (appended ones). */
  childrenOf(parentId: string): Array<BlockRecord> {
    return (this.children.get(parentId) ?? []).map((id) => this.blocks.get(id)!).filter((b) => !b.in_trash)
  }

  /** Trashes every block under `parentId` and empties its list (content replaced). */
  eraseChildren(parentId: string) {
    for (const block of this.childrenOf(parentId)) block.in_trash = true
    this.children.set(parentId, [])
  }

  /** The page a block belongs to (its nearest page ancestor), or `id` itself when it is not a created block. */
  pageOf(id: string): string {
    let current = id
    for (let block = this.blocks.get(current); block !== undefined; block = this.blocks.get(current)) {
      current = String(block.parent.page_id ?? block.parent.block_id)
    }
    return current
  }

  rowsOf(source: DataSourceRecord): Array<PageRecord> {
    return [...this.pages.values()].filter((p) => p.parent.data_source_id === source.id && !p.in_trash)
  }

  // --- comments ------------------------------------------------------------------------------------------------

  createComment(body: Json, parentOf: (discussion: string) => Json | undefined, time: string): CommentRecord | Failure {
    const discussion = body.discussion_id as string | undefined
    const parent = discussion === undefined
      ? (body.parent as Json | undefined)
      : parentOf(discussion)
    if (parent === undefined) return validation("body.parent or body.discussion_id should be defined.")
    const record: CommentRecord = {
      id: crypto.randomUUID(),
      parent: parent.block_id !== undefined
        ? { type: "block_id", block_id: parent.block_id }
        : { type: "page_id", page_id: parent.page_id },
      discussion_id: discussion ?? crypto.randomUUID(),
      rich_text: body.markdown !== undefined ? [richText(String(body.markdown))] : richTextOf(body.rich_text),
      ...this.audit(time)
    }
    this.comments.set(record.id, record)
    return record
  }

  commentJson(comment: CommentRecord): Json {
    return {
      object: "comment",
      id: comment.id,
      parent: comment.parent,
      discussion_id: comment.discussion_id,
      created_time: comment.created_time,
      last_edited_time: comment.last_edited_time,
      created_by: comment.created_by,
      rich_text: comment.rich_text,
      display_name: { type: "integration", resolved_name: "Acme internal" }
    }
  }

  // --- file uploads --------------------------------------------------------------------------------------------

  createUpload(body: Json, time: string): UploadRecord | Failure {
    const mode = (body.mode ?? "single_part") as string
    if (!["single_part", "multi_part", "external_url"].includes(mode)) {
      return validation("body.mode should be `single_part`, `multi_part` or `external_url`.")
    }
    const parts = body.number_of_parts as number | undefined
    if (mode === "multi_part" && (typeof parts !== "number" || parts < 1 || parts > 1000)) {
      return validation("body.number_of_parts should be between 1 and 1000 in multi_part mode.")
    }
    if (mode === "multi_part" && typeof body.filename !== "string") {
      return validation("body.filename should be defined in multi_part mode.")
    }
    const record: UploadRecord = {
      id: crypto.randomUUID(),
      created_time: time,
      mode,
      filename: (body.filename as string | undefined) ?? null,
      content_type: (body.content_type as string | undefined) ?? null,
      number_of_parts: mode === "multi_part" ? parts! : null,
      parts: new Map(),
      status: mode === "external_url" ? "uploaded" : "pending",
      expiry_time: new Date(Date.parse(time) + 3_600_000).toISOString()
    }
    this.uploads.set(record.id, record)
    return record
  }

  /** One `send`: the whole file (single part) or part `partNumber`. */
  send(upload: UploadRecord, size: number, partNumber: number | undefined, filename: string | undefined) {
    if (upload.status !== "pending") return validation(`File upload is ${upload.status}, not pending.`)
    if (size > MAX_PART) return validation(`The file or part is larger than ${MAX_PART} bytes.`)
    if (upload.mode === "single_part") {
      if (partNumber !== undefined) return validation("part_number is only for multi_part uploads.")
      upload.parts.set(1, size)
      upload.status = "uploaded"
      return upload
    }
    if (partNumber === undefined || partNumber < 1 || partNumber > upload.number_of_parts!) {
      return validation(`part_number should be between 1 and ${upload.number_of_parts}.`)
    }
    void filename
    upload.parts.set(partNumber, size)
    return upload
  }

  complete(upload: UploadRecord): UploadRecord | Failure {
    if (upload.mode !== "multi_part") return validation("Only multi_part uploads are completed.")
    if (upload.status !== "pending") return validation(`File upload is ${upload.status}, not pending.`)
    const total = upload.number_of_parts!
    for (let n = 1; n <= total; n++) {
      const size = upload.parts.get(n)
      if (size === undefined) return validation(`Part ${n} of ${total} was not sent.`)
      if (n < total && size < MIN_PART) return validation(`Part ${n} is smaller than ${MIN_PART} bytes.`)
    }
    upload.status = "uploaded"
    return upload
  }

  /** `{ type: "file_upload", file_upload: { id } }` → a hosted file, once the upload is `uploaded`. */
  private attach(payload: Json): Json | Failure {
    const id = (payload.file_upload as Json | undefined)?.id as string | undefined
    const upload = id === undefined ? undefined : this.uploads.get(id)
    if (upload === undefined || upload.status !== "uploaded") {
      return validation(`File upload ${id} is not uploaded, or does not exist.`)
    }
    upload.expiry_time = null
    return {
      type: "file",
      file: {
        url: `https://files.notion.test/${upload.id}/${upload.filename ?? "file"}`,
        expiry_time: "2099-01-01T00:00:00.000Z"
      },
      file_upload: undefined,
      name: upload.filename ?? "file",
      caption: []
    }
  }

  uploadJson(upload: UploadRecord): Json {
    return {
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
    }
  }
}

/** The seeded "Tasks" data source (a database with one data source, shared with the internal integration). */
export const TASKS_DATA_SOURCE = "d5000000-0000-4000-8000-000000000001"
export const TASKS_DATABASE = "db000000-0000-4000-8000-000000000001"
/** The seeded Tasks data source's page templates: "Bug report" (the default) and "Meeting". */
export const TASKS_TEMPLATES = {
  bug: "7e000000-0000-4000-8000-000000000001",
  meeting: "7e000000-0000-4000-8000-000000000002"
} as const

export { plain as plainText }

/** Markdown lines as block requests. */
export const markdownBlocks = (markdown: string) =>
  markdown.split("\n").filter((line) => line.trim() !== "").map((line) => {
    const rich = (content: string) => ({ rich_text: [{ text: { content } }] })
    const heading = /^(#{1,3}) (.*)$/.exec(line)
    if (heading) return { type: `heading_${heading[1]!.length}`, [`heading_${heading[1]!.length}`]: rich(heading[2]!) }
    const todo = /^- \[( |x)\] (.*)$/.exec(line)
    if (todo) return { type: "to_do", to_do: { ...rich(todo[2]!), checked: todo[1] === "x" } }
    if (line.startsWith("- ")) return { type: "bulleted_list_item", bulleted_list_item: rich(line.slice(2)) }
    if (line.startsWith("> ")) return { type: "quote", quote: rich(line.slice(2)) }
    if (line === "---") return { type: "divider", divider: {} }
    return { type: "paragraph", paragraph: rich(line) }
  })
