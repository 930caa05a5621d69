// What changed through the API, as webhook events see it: handlers report each change (`page.created`, …) and
// webhook subscriptions listen (see `webhooks.ts`).

type Json = Record<string, unknown>

/** One change: a webhook event's `type`, `entity`, `data`, when it happened and who made it. */
export interface Change {
  readonly type: string
  readonly entity: { readonly id: string; readonly type: string }
  readonly data: Json
  readonly timestamp: string
  readonly author: { readonly id: string; readonly type: string }
}

/** The changes made through the API, told to whoever listens. */
export class Changes {
  private readonly listeners = new Set<(change: Change) => void>()

  /** Calls `listener` on every change from now on; the returned function stops it. */
  listen(listener: (change: Change) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Tells every listener of a change. */
  emit(change: Change): void {
    for (const listener of this.listeners) listener(change)
  }
}

/**
 * An API record's `parent` as a webhook event's `data.parent`: `{ id, type }` with `space` for the workspace and
 * `database` (plus `data_source_id`) for a row.
 */
export const eventParent = (parent: Json, workspaceId: string): Json =>
  parent.type === "data_source_id"
    ? { id: parent.database_id, type: "database", data_source_id: parent.data_source_id }
    : parent.type === "page_id"
    ? { id: parent.page_id, type: "page" }
    : parent.type === "block_id"
    ? { id: parent.block_id, type: "block" }
    : parent.type === "database_id"
    ? { id: parent.database_id, type: "database" }
    : { id: workspaceId, type: "space" }
