import { append, eraseChildren } from "../content/blocks.js"
import { markdownBlocks } from "../content/markdown.js"
import { plainText } from "../content/render.js"
import type { BlockRecord } from "../content/store.js"
import type { Api, Context, Route } from "../handler.js"
import { api, bodyOf, isFailure, notFound, pageChanged, paginateQuery, reply, stamp } from "../handler.js"
import { validation } from "../store.js"
import { markdownFormat } from "../versions.js"
import { findPage } from "./pages.js"

/** Markdown of the blocks this emulator renders; anything else is `<unknown>` with its id listed. */
const lineOf = (block: BlockRecord, unknown: Array<string>): string => {
  const text = plainText(block.payload.rich_text)
  switch (block.type) {
    case "paragraph":
      return text
    case "heading_1":
      return `# ${text}`
    case "heading_2":
      return `## ${text}`
    case "heading_3":
      return `### ${text}`
    case "bulleted_list_item":
      return `- ${text}`
    case "numbered_list_item":
      return `1. ${text}`
    case "to_do":
      return `- [${block.payload.checked === true ? "x" : " "}] ${text}`
    case "quote":
      return `> ${text}`
    case "divider":
      return "---"
    default:
      unknown.push(block.id)
      return `<unknown url="${block.id}"/>`
  }
}

/** The page as markdown: `v1` one block a line, `v2` (Notion-flavored) a blank line between blocks. */
const render = (ctx: Context & Api, pageId: string, format: "v1" | "v2") => {
  const unknown: Array<string> = []
  const markdown = ctx.content.childrenOf(pageId).map((b) => lineOf(b, unknown)).join(format === "v2" ? "\n\n" : "\n")
  return { object: "page_markdown", id: pageId, markdown, truncated: false, unknown_block_ids: unknown }
}

const update = (ctx: Context & Api) => {
  const body = bodyOf(ctx)
  if (isFailure(body)) return reply(ctx, body)
  const id = ctx.params.id!
  const found = findPage(ctx, id)
  if (found === undefined) return reply(ctx, notFound("page", id))
  if (found.readOnly) return reply(ctx, validation("The emulator's fixture pages are read-only."))
  const command = body[String(body.type)] as Record<string, unknown> | undefined
  if (command === undefined) return reply(ctx, validation("body.type should name a command given in the body."))
  const format = markdownFormat(ctx.version, body.markdown_version)
  const current = render(ctx, id, format).markdown
  const gap = format === "v2" ? "\n\n" : "\n"
  let next: string
  switch (body.type) {
    case "replace_content":
      next = String(command.new_str ?? "")
      break
    case "insert_content": {
      const content = String(command.content)
      const position = command.position as Record<string, unknown> | undefined
      // after the line where `index` falls
      const insertAt = (index: number) => {
        const end = current.indexOf("\n", index)
        return end < 0 ? `${current}${gap}${content}` : `${current.slice(0, end)}${gap}${content}${current.slice(end)}`
      }
      if (position?.type === "after_content") {
        const anchor = String(position.anchor)
        const at = current.indexOf(anchor)
        if (at < 0) {
          return reply(ctx, validation(`body.insert_content.position.anchor not found: ${anchor.slice(0, 100)}`))
        }
        next = insertAt(at + anchor.length)
      } else if (typeof command.after === "string") {
        // before 2026-12-01 a range "start...end"; from it, the start of one block
        const after = command.after
        if (ctx.version >= "2026-12-01") {
          const lines = current.split("\n")
          const line = lines.findIndex((l) => l !== "" && l.startsWith(after))
          if (line < 0) {
            return reply(ctx, validation("body.insert_content.after should match the start of a single block."))
          }
          next = insertAt(lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0))
        } else {
          const [start = "", end = ""] = after.split("...")
          const from = current.indexOf(start)
          const to = from < 0 ? -1 : current.indexOf(end, from)
          if (from < 0 || to < 0) return reply(ctx, validation("body.insert_content.after not found."))
          next = insertAt(to + end.length)
        }
      } else {
        next = position === undefined || position.type === "end"
          ? `${current}${gap}${content}`
          : `${content}${gap}${current}`
      }
      break
    }
    case "update_content": {
      next = current
      for (const change of (command.content_updates ?? []) as Array<Record<string, unknown>>) {
        const old = String(change.old_str)
        if (!next.includes(old)) return reply(ctx, validation(`old_str not found: ${old.slice(0, 100)}`))
        next = change.replace_all_matches === true
          ? next.split(old).join(String(change.new_str))
          : next.replace(old, String(change.new_str))
      }
      break
    }
    case "replace_content_range": {
      // "start...end": from the first match of `start` to the end of the first match of `end` from there
      const [start = "", end = ""] = String(command.content_range ?? "").split("...")
      const from = current.indexOf(start)
      const to = from < 0 ? -1 : current.indexOf(end, from)
      if (from < 0 || to < 0) return reply(ctx, validation("body.replace_content_range.content_range not found."))
      next = `${current.slice(0, from)}${String(command.content)}${current.slice(to + end.length)}`
      break
    }
    default:
      return reply(ctx, validation(`Unsupported markdown command: ${String(body.type)}`))
  }
  eraseChildren(ctx.content, id)
  const appended = append(ctx.content, id, "page_id", markdownBlocks(next), stamp(ctx))
  if (isFailure(appended)) return reply(ctx, appended)
  pageChanged(ctx, "page.content_updated", id, { updated_blocks: appended.map((b) => ({ id: b.id, type: "block" })) })
  return reply(ctx, render(ctx, id, format))
}

/** One property of a page as a `property_item` (title and rich text as a paginated list of items). */
const property = (ctx: Context & Api) => {
  const found = findPage(ctx, ctx.params.id!)
  if (found === undefined) return reply(ctx, notFound("page", ctx.params.id!))
  const properties = found.properties
  const key = decodeURIComponent(ctx.params.property!)
  const value = Object.values(properties).find((p) => p.id === key || p.id === ctx.params.property)
  if (value === undefined) return reply(ctx, notFound("property", key))
  const type = value.type as string
  if (type !== "title" && type !== "rich_text") return reply(ctx, { object: "property_item", ...value })
  const items = (value[type] as Array<Record<string, unknown>>).map((item, i) => ({
    object: "property_item",
    id: `${value.id}-${i}`,
    type,
    [type]: item
  }))
  const list = paginateQuery(ctx, items, "property_item")
  if (isFailure(list)) return reply(ctx, list)
  return reply(ctx, {
    ...list,
    property_item: { id: value.id, type, next_url: null, [type]: {} }
  })
}

/** `pages.retrieveMarkdown`, `pages.updateMarkdown` (with `allow_async`: an async task), `pages.properties.retrieve`. */
export const routes: ReadonlyArray<Route> = [
  api("GET", "/v1/pages/{id}/markdown", (ctx) =>
    findPage(ctx, ctx.params.id!) === undefined
      ? reply(ctx, notFound("page", ctx.params.id!))
      : reply(
        ctx,
        render(ctx, ctx.params.id!, markdownFormat(ctx.version, ctx.url.searchParams.get("markdown_version")))
      )),
  api("PATCH", "/v1/pages/{id}/markdown", update),
  api("GET", "/v1/pages/{id}/properties/{property}", property)
]
