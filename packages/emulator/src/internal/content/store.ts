/**
 * The content store: one map per kind of record (pages, blocks, data sources, databases, comments, uploads, views,
 * async tasks), the record types, and the `Stamp` (time and actor) every change is made with. The rules of each
 * resource are in its own module (`pages.ts`, `blocks.ts`, …), the JSON of every record in `render.ts`, the fixture's
 * records are loaded by `load.ts`.
 */
import { Changes } from "../changes.js"

export type Json = Record<string, unknown>

/** The four audit fields every record carries. */
export interface Audit {
  readonly created_time: string
  last_edited_time: string
  readonly created_by: Json
  last_edited_by: Json
}

/**
 * When a change is made and who makes it (a user id: the calling integration's bot, or the fixture's person for
 * what the fixture seeds). Every function that creates or edits a record takes one.
 */
export interface Stamp {
  readonly time: string
  readonly actor: string
}

export interface PageRecord extends Audit {
  readonly id: string
  readonly workspaceId: string
  /** A fixture page: visible to the integrations it is shared with, and not changed by the API. */
  readonly readOnly: boolean
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
  /** A fixture block: not changed by the API (blocks may still be appended under it). */
  readonly readOnly: boolean
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

/** A view of a data source (a database's table, board, …) with its own filter and sorts. */
export interface ViewRecord {
  readonly id: string
  readonly parent: Json
  name: unknown
  readonly type: string
  readonly data_source_id: string
  readonly created_time: string
  last_edited_time: string
  readonly url: string
  filter: unknown
  sorts: unknown
  quick_filters: unknown
  configuration: unknown
}

/** A view query's rows, kept until `expires` (epoch milliseconds). */
export interface ViewQueryRecord {
  readonly viewId: string
  readonly ids: Array<string>
  readonly expires: number
}

/** The audit fields of a record made with `stamp`. */
export const audit = (stamp: Stamp): Audit => {
  const author = { object: "user", id: stamp.actor }
  return { created_time: stamp.time, last_edited_time: stamp.time, created_by: author, last_edited_by: author }
}

/** Records an edit: `last_edited_time` and `last_edited_by` from the stamp. */
export const edited = (record: Audit, stamp: Stamp) => {
  record.last_edited_time = stamp.time
  record.last_edited_by = { object: "user", id: stamp.actor }
}

/** Every record, by kind. Lookups only: the rules that change records live in each resource's module. */
export class ContentStore {
  readonly pages = new Map<string, PageRecord>()
  readonly blocks = new Map<string, BlockRecord>()
  /** The blocks under a parent (page or block, fixture or created), in order. */
  readonly children = new Map<string, Array<string>>()
  readonly dataSources = new Map<string, DataSourceRecord>()
  readonly comments = new Map<string, CommentRecord>()
  readonly uploads = new Map<string, UploadRecord>()
  readonly databases = new Map<string, DatabaseRecord>()
  readonly views = new Map<string, ViewRecord>()
  readonly viewQueries = new Map<string, ViewQueryRecord>()
  readonly tasks = new Map<string, Json>()
  /** The changes made through the API, for webhook subscriptions. */
  readonly changes = new Changes()
  private clock = 0

  /** `workspaceId`: the workspace of what the API creates. */
  constructor(readonly workspaceId: string) {}

  /** A stamp for a change `actor` makes at `now`: its time strictly increases, so sorts by time are stable. */
  stamp(now: number | undefined, actor: string): Stamp {
    this.clock = Math.max(this.clock + 1000, now ?? 0, Date.parse("2026-01-01T00:00:00.000Z"))
    return { time: new Date(this.clock).toISOString(), actor }
  }

  /** The data source whose rows a parent makes (or none for a page parent). */
  schemaFor(parent: Json): DataSourceRecord | undefined {
    const id = (parent.data_source_id ?? parent.database_id) as string | undefined
    return id === undefined ? undefined : [...this.dataSources.values()].find((d) => d.id === id || d.databaseId === id)
  }

  rowsOf(source: DataSourceRecord): Array<PageRecord> {
    return [...this.pages.values()].filter((p) => p.parent.data_source_id === source.id && !p.in_trash)
  }

  /** The blocks under a parent, in order. */
  childrenOf(parentId: string): Array<BlockRecord> {
    return (this.children.get(parentId) ?? []).map((id) => this.blocks.get(id)!).filter((b) => !b.in_trash)
  }

  /** The page a block belongs to (its nearest page ancestor), or `id` itself when it is not a block. */
  pageOf(id: string): string {
    let current = id
    for (let block = this.blocks.get(current); block !== undefined; block = this.blocks.get(current)) {
      current = String(block.parent.page_id ?? block.parent.block_id)
    }
    return current
  }
}
