/**
 * The content store at start: the fixture's pages and blocks as read-only records, and its databases (each with its
 * data source, templates and rows) as ordinary records, all made by the fixture's consenting person.
 */
import type * as Fixture from "../../Fixture.js"
import { isFailure } from "../store.js"
import * as Pages from "./pages.js"
import { names, richText } from "./render.js"
import { type Audit, ContentStore, type Json, type Stamp } from "./store.js"

/** The fixture's pages and blocks: made on 2025-01-01, last edited on 2025-01-02. */
const fixtureAudit = (actor: string): Audit => {
  const author = { object: "user", id: actor }
  return {
    created_time: "2025-01-01T00:00:00.000Z",
    last_edited_time: "2025-01-02T00:00:00.000Z",
    created_by: author,
    last_edited_by: author
  }
}

const loadBlocks = (
  store: ContentStore,
  blocks: ReadonlyArray<Fixture.Block>,
  parent: Json,
  parentId: string,
  workspaceId: string,
  actor: string
) => {
  store.children.set(parentId, blocks.map((b) => b.id))
  for (const block of blocks) {
    store.blocks.set(block.id, {
      id: block.id,
      workspaceId,
      readOnly: true,
      parent,
      type: block.type,
      payload: { rich_text: [richText(block.text)], color: "default" },
      in_trash: false,
      ...fixtureAudit(actor)
    })
    if (block.children !== undefined) {
      loadBlocks(store, block.children, { type: "block_id", block_id: block.id }, block.id, workspaceId, actor)
    }
  }
}

const loadDatabase = (store: ContentStore, database: Fixture.Database, stamp: Stamp) => {
  const author = { object: "user", id: stamp.actor }
  const seeded = { created_time: stamp.time, last_edited_time: stamp.time, created_by: author, last_edited_by: author }
  // a copy: the schema changes (new select options, renames) and the fixture may serve another emulator
  const source = structuredClone(database.dataSource)
  store.dataSources.set(source.id, {
    id: source.id,
    workspaceId: database.workspaceId,
    databaseId: database.id,
    title: [richText(database.title)],
    properties: source.properties as Record<string, Json>,
    in_trash: false,
    templates: source.templates.map((t) => ({
      id: t.id,
      name: t.name,
      is_default: t.isDefault,
      properties: t.properties as Record<string, Json>,
      children: t.children as ReadonlyArray<Json>
    })),
    ...seeded
  })
  store.databases.set(database.id, {
    id: database.id,
    workspaceId: database.workspaceId,
    title: [richText(database.title)],
    parent: { type: "workspace", workspace: true },
    in_trash: false,
    is_inline: false,
    ...seeded
  })
}

/** A content store holding the fixture's pages, blocks and databases. */
export const load = (fixture: Fixture.Fixture): ContentStore => {
  const store = new ContentStore(fixture.workspaces[0]?.id ?? "")
  const actor = fixture.consentingUserId
  for (const page of fixture.pages) {
    store.pages.set(page.id, {
      id: page.id,
      workspaceId: page.workspaceId,
      readOnly: true,
      parent: page.parentId !== undefined
        ? { type: "page_id", page_id: page.parentId }
        : { type: "workspace", workspace: true },
      properties: names({ title: { id: "title", type: "title", title: [richText(page.title)] } }),
      icon: null,
      cover: null,
      in_trash: false,
      is_locked: false,
      ...fixtureAudit(actor)
    })
    loadBlocks(store, page.children ?? [], { type: "page_id", page_id: page.id }, page.id, page.workspaceId, actor)
  }
  const databases = fixture.databases ?? []
  for (const database of databases) loadDatabase(store, database, { time: "2025-01-01T00:00:00.000Z", actor })
  for (const database of databases) {
    for (const properties of database.dataSource.rows) {
      const parent = { data_source_id: database.dataSource.id }
      const row = Pages.create(store, { parent, properties }, store.stamp(undefined, actor))
      if (isFailure(row)) throw new Error(`The fixture's row of ${database.title} is not valid: ${row.message}`)
    }
  }
  return store
}
