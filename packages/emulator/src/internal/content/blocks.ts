/** Blocks' rules: appending request blocks under a page or block, and replacing a parent's content. */
import { type Failure, isFailure, validation } from "../store.js"
import { richTextOf } from "./render.js"
import { audit, type BlockRecord, type ContentStore, edited, type Json, type Stamp } from "./store.js"
import { attach } from "./uploads.js"

/** Appends request blocks under a parent, at the end or `after` a child, as `stamp.actor`; the new records. */
export const append = (
  store: ContentStore,
  parentId: string,
  parentType: "page_id" | "block_id",
  children: ReadonlyArray<Json>,
  stamp: Stamp,
  after?: string
): Array<BlockRecord> | Failure => {
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
      const attached = attach(store, payload)
      if (isFailure(attached)) return attached
      Object.assign(payload, attached)
    }
    const record: BlockRecord = {
      id: crypto.randomUUID(),
      workspaceId: store.workspaceId,
      readOnly: false,
      parent: { type: parentType, [parentType]: parentId },
      type,
      payload: { color: "default", ...payload },
      in_trash: false,
      ...audit(stamp)
    }
    store.blocks.set(record.id, record)
    records.push(record)
    if (Array.isArray(nested)) {
      const inner = append(store, record.id, "block_id", nested as Array<Json>, stamp)
      if (isFailure(inner)) return inner
    }
  }
  const list = store.children.get(parentId) ?? []
  const at = after === undefined ? list.length : list.indexOf(after) + 1
  list.splice(at, 0, ...records.map((r) => r.id))
  store.children.set(parentId, list)
  return records
}

/** Trashes every block under `parentId` and empties its list (content replaced). */
export const eraseChildren = (store: ContentStore, parentId: string) => {
  for (const block of store.childrenOf(parentId)) block.in_trash = true
  store.children.set(parentId, [])
}

/** Applies a `blocks.update` body as `stamp.actor`: the type's content merged, trash (`in_trash`, else `archived`). */
export const update = (block: BlockRecord, body: Json, stamp: Stamp) => {
  const payload = body[block.type] as Json | undefined
  if (payload !== undefined) block.payload = { ...block.payload, ...payload }
  if (typeof body.in_trash === "boolean") block.in_trash = body.in_trash
  else if (typeof body.archived === "boolean") block.in_trash = body.archived
  edited(block, stamp)
}

/** Trashes a block as `stamp.actor` (`blocks.delete`). */
export const trash = (block: BlockRecord, _body: Json, stamp: Stamp) => {
  block.in_trash = true
  edited(block, stamp)
}
