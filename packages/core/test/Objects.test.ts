import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Blocks from "../src/api/blocks.js"
import * as AsyncTask from "../src/AsyncTask.js"
import * as Block from "../src/Block.js"
import * as Comment from "../src/Comment.js"
import * as CustomEmoji from "../src/CustomEmoji.js"
import * as Database from "../src/Database.js"
import * as DataSource from "../src/DataSource.js"
import * as FileUpload from "../src/FileUpload.js"
import { appendableTypes, knownTypes, updatableTypes } from "../src/internal/blockTypes.js"
import { compile } from "../src/internal/validator.js"
import * as Page from "../src/Page.js"
import * as PropertyItem from "../src/PropertyItem.js"
import * as User from "../src/User.js"
import * as View from "../src/View.js"
import { mutate } from "./utils/mutate.js"

// ---------------------------------------------------------------------------------------------------------------
// fixtures (shapes from the official SDK's declarations)
// ---------------------------------------------------------------------------------------------------------------

const T0 = "2025-09-03T10:00:00.000Z"
const T1 = "2025-09-04T11:30:00.000Z"
const partialUser = { object: "user", id: "9a1f2c3d-0000-4000-8000-000000000001" }
const person = {
  object: "user",
  id: "9a1f2c3d-0000-4000-8000-000000000002",
  name: "Ada Lovelace",
  avatar_url: null,
  type: "person",
  person: { email: "ada@example.com" }
}
const annotations = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: "default"
}
const text = (content: string) => ({
  type: "text",
  text: { content, link: null },
  annotations,
  plain_text: content,
  href: null
})
const mention = {
  type: "mention",
  mention: { type: "user", user: partialUser },
  annotations,
  plain_text: "@Ada",
  href: null
}
const equation = {
  type: "equation",
  equation: { expression: "E = mc^2" },
  annotations,
  plain_text: "E = mc^2",
  href: null
}
const rich = [text("Hello "), mention, equation]
const hosted = { url: "https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/c.png", expiry_time: T1 }

const block = (type: string, content: unknown, extra: Record<string, unknown> = {}) => ({
  object: "block",
  id: `b-${type}`,
  parent: { type: "page_id", page_id: "p-1" },
  created_time: T0,
  created_by: partialUser,
  last_edited_time: T1,
  last_edited_by: partialUser,
  has_children: false,
  in_trash: false,
  archived: false,
  type,
  [type]: content,
  ...extra
})

const meetingNotes = {
  title: [text("Weekly sync")],
  status: "notes_ready",
  children: { summary_block_id: "b-s", notes_block_id: "b-n", transcript_block_id: "b-t" },
  calendar_event: { start_time: T0, end_time: T1, attendees: [partialUser.id] },
  recording: { start_time: T0, end_time: T1 }
}

/** One fixture per block type of the API (37). */
const blocks: Record<string, unknown> = {
  paragraph: block("paragraph", { rich_text: rich, color: "default" }),
  heading_1: block("heading_1", { rich_text: [text("Title")], color: "default", is_toggleable: false }),
  heading_2: block("heading_2", { rich_text: [text("Part")], color: "blue", is_toggleable: true }, {
    has_children: true
  }),
  heading_3: block("heading_3", { rich_text: [text("Section")], color: "default", is_toggleable: false }),
  heading_4: block("heading_4", { rich_text: [text("Detail")], color: "default", is_toggleable: false }),
  bulleted_list_item: block("bulleted_list_item", { rich_text: [text("One")], color: "default" }),
  numbered_list_item: block("numbered_list_item", {
    rich_text: [text("First")],
    color: "default",
    list_start_index: 1,
    list_format: "numbers"
  }),
  quote: block("quote", { rich_text: [text("To be")], color: "gray" }),
  to_do: block("to_do", { rich_text: [text("Ship it")], color: "default", checked: true }),
  toggle: block("toggle", { rich_text: [text("More")], color: "default" }, { has_children: true }),
  template: block("template", { rich_text: [text("New task")] }),
  synced_block: block("synced_block", { synced_from: null }, { has_children: true }),
  child_page: block("child_page", { title: "Meeting notes" }),
  child_database: block("child_database", { title: "Tasks" }),
  equation: block("equation", { expression: "\\int_0^1 x\\,dx" }),
  code: block("code", { rich_text: [text("const x = 1")], caption: [], language: "typescript" }),
  callout: block("callout", {
    rich_text: [text("Note")],
    color: "gray_background",
    icon: { type: "emoji", emoji: "💡" }
  }),
  divider: block("divider", {}),
  breadcrumb: block("breadcrumb", {}),
  table_of_contents: block("table_of_contents", { color: "default" }),
  tab: block("tab", {}, { has_children: true }),
  column_list: block("column_list", {}, { has_children: true }),
  column: block("column", { width_ratio: 0.5 }, { parent: { type: "block_id", block_id: "b-column_list" } }),
  link_to_page: block("link_to_page", { type: "page_id", page_id: "p-2" }),
  table: block("table", { table_width: 2, has_column_header: true, has_row_header: false }, { has_children: true }),
  table_row: block("table_row", { cells: [[text("a")], [text("b")]] }),
  meeting_notes: block("meeting_notes", meetingNotes, { has_children: true }),
  transcription: block("transcription", { title: [text("Old sync")], status: "transcription_paused" }),
  embed: block("embed", { url: "https://www.youtube.com/watch?v=x", caption: [] }),
  bookmark: block("bookmark", { url: "https://effect.website", caption: [text("Effect")] }),
  image: block("image", { type: "external", external: { url: "https://example.com/a.png" }, caption: [] }),
  video: block("video", { type: "file", file: hosted, caption: [text("Demo")] }),
  pdf: block("pdf", { type: "external", external: { url: "https://example.com/a.pdf" }, caption: [] }),
  file: block("file", { type: "file", file: hosted, caption: [], name: "report.pdf" }),
  audio: block("audio", { type: "external", external: { url: "https://example.com/a.mp3" }, caption: [] }),
  link_preview: block("link_preview", { url: "https://github.com/Effect-TS/effect/pull/1" }),
  unsupported: block("unsupported", { block_type: "ai_block" })
}

const blockVariants = [
  block("paragraph", { rich_text: [], color: "default", icon: { type: "external", external: { url: "https://x" } } }),
  block("synced_block", { synced_from: { type: "block_id", block_id: "b-original" } }),
  block("link_to_page", { type: "database_id", database_id: "d-1" }),
  block("link_to_page", { type: "comment_id", comment_id: "c-1" }),
  block("callout", { rich_text: [], color: "default", icon: null }),
  block("image", { type: "file_upload", file_upload: { id: "f-1" }, caption: [] }),
  // older API versions: no `in_trash`, no authors
  (({ created_by: _c, in_trash: _i, last_edited_by: _l, ...rest }) => rest)(
    block("divider", {}) as { created_by: unknown; in_trash: unknown; last_edited_by: unknown }
  )
]

const unknownBlock = block("kanban_widget", { columns: 3, nested: { lanes: [{ id: "l1", wip: null }] } })

const malformedBlocks = [
  block("paragraph", { rich_text: "not an array", color: "default" }),
  block("to_do", { rich_text: [], color: "default" }),
  block("heading_1", { rich_text: [{ type: "text", plain_text: "x" }], color: "default" }),
  block("image", { type: "external", caption: [] }),
  block("table", { table_width: "2", has_column_header: true, has_row_header: false }),
  block("divider", "not an object"),
  { ...block("quote", { rich_text: [], color: "default" }), quote: undefined },
  { ...block("paragraph", { rich_text: [], color: "default" }), id: 42 }
]

const partialBlock = { object: "block", id: "b-partial" }

const isAppendable = (type: string) => (appendableTypes as ReadonlyArray<string>).includes(type)
const isUpdatable = (type: string) => (updatableTypes as ReadonlyArray<string>).includes(type)

const properties = {
  Name: { id: "title", type: "title", title: [text("Roadmap")] },
  Notes: { id: "n%3Ab", type: "rich_text", rich_text: rich },
  Estimate: { id: "e%3Ac", type: "number", number: 3 },
  Stage: { id: "s%3Ad", type: "select", select: { id: "opt-1", name: "Build", color: "blue" } },
  Tags: { id: "t%3Ae", type: "multi_select", multi_select: [{ id: "opt-2", name: "api", color: "red" }] },
  Status: { id: "st%3Af", type: "status", status: { id: "opt-3", name: "In progress", color: "yellow" } },
  Due: { id: "d%3Ag", type: "date", date: { start: "2025-10-01", end: null, time_zone: null } },
  Done: { id: "c%3Ah", type: "checkbox", checkbox: false },
  Link: { id: "u%3Ai", type: "url", url: null },
  Owner: { id: "p%3Aj", type: "people", people: [person] },
  Specs: { id: "f%3Ak", type: "files", files: [{ name: "spec.pdf", type: "file", file: hosted }] },
  Related: { id: "r%3Al", type: "relation", relation: [{ id: "p-9" }], has_more: false },
  Score: { id: "fo%3Am", type: "formula", formula: { type: "number", number: 42 } },
  Count: { id: "ro%3An", type: "rollup", rollup: { type: "number", number: 2, function: "count" } },
  Created: { id: "ct", type: "created_time", created_time: T0 },
  Creator: { id: "cb", type: "created_by", created_by: partialUser },
  ID: { id: "ui", type: "unique_id", unique_id: { prefix: "TASK", number: 12 } },
  Later: { id: "zz", type: "some_future_type", some_future_type: { anything: true } }
}

const page = {
  object: "page",
  id: "p-1",
  created_time: T0,
  last_edited_time: T1,
  created_by: partialUser,
  last_edited_by: partialUser,
  in_trash: false,
  archived: false,
  is_archived: false,
  is_locked: false,
  url: "https://www.notion.so/Roadmap-p1",
  public_url: null,
  parent: { type: "data_source_id", data_source_id: "ds-1", database_id: "db-1" },
  properties,
  icon: { type: "emoji", emoji: "🗺️" },
  cover: { type: "external", external: { url: "https://example.com/cover.png" } }
}

const workspacePage = {
  ...page,
  id: "p-2",
  parent: { type: "workspace", workspace: true },
  properties: { title: { id: "title", type: "title", title: [] } },
  icon: null,
  cover: null
}

const partialPage = { object: "page", id: "p-3" }

const pageMarkdown = {
  object: "page_markdown",
  id: "p-1",
  markdown: "# Roadmap\n\n<unknown id=\"b-9\"/>",
  truncated: false,
  unknown_block_ids: ["b-9"]
}

const database = {
  object: "database",
  id: "db-1",
  title: [text("Tasks")],
  description: [],
  parent: { type: "page_id", page_id: "p-1" },
  is_inline: false,
  in_trash: false,
  archived: false,
  is_locked: false,
  created_time: T0,
  last_edited_time: T1,
  data_sources: [{ id: "ds-1", name: "Tasks" }],
  icon: null,
  cover: null,
  url: "https://www.notion.so/db1",
  public_url: null
}

const partialDatabase = { object: "database", id: "db-2" }

const schemaProperties = {
  Name: { id: "title", name: "Name", description: null, type: "title", title: {} },
  Estimate: { id: "e%3Ac", name: "Estimate", description: null, type: "number", number: { format: "number" } },
  Stage: {
    id: "s%3Ad",
    name: "Stage",
    description: "Where it is",
    type: "select",
    select: { options: [{ id: "opt-1", name: "Build", color: "blue", description: null }] }
  },
  Related: {
    id: "r%3Al",
    name: "Related",
    description: null,
    type: "relation",
    relation: { database_id: "db-1", data_source_id: "ds-1", type: "single_property", single_property: {} }
  }
}

const dataSource = {
  object: "data_source",
  id: "ds-1",
  title: [text("Tasks")],
  description: [],
  properties: schemaProperties,
  parent: { type: "database_id", database_id: "db-1" },
  database_parent: { type: "page_id", page_id: "p-1" },
  is_inline: false,
  in_trash: false,
  archived: false,
  created_time: T0,
  last_edited_time: T1,
  created_by: partialUser,
  last_edited_by: partialUser,
  icon: null,
  cover: null,
  url: "https://www.notion.so/ds1",
  public_url: null
}

const partialDataSource = { object: "data_source", id: "ds-2", properties: schemaProperties }
const barePartialDataSource = { object: "data_source", id: "ds-3" }

const comment = {
  object: "comment",
  id: "c-1",
  parent: { type: "page_id", page_id: "p-1" },
  discussion_id: "d-1",
  created_time: T0,
  last_edited_time: T1,
  created_by: partialUser,
  rich_text: [text("Looks good")],
  display_name: { type: "integration", resolved_name: "Roadmap bot" },
  attachments: [{ category: "image", file: hosted }]
}

const blockComment = {
  ...comment,
  id: "c-2",
  parent: { type: "block_id", block_id: "b-paragraph" },
  display_name: undefined,
  attachments: undefined
}
delete (blockComment as Record<string, unknown>).display_name
delete (blockComment as Record<string, unknown>).attachments

const partialComment = { object: "comment", id: "c-3" }

const fileUploadBase = {
  object: "file_upload",
  id: "f-1",
  created_time: T0,
  last_edited_time: T0,
  created_by: { id: partialUser.id, type: "bot" },
  in_trash: false,
  archived: false,
  expiry_time: T1,
  filename: "report.pdf",
  content_type: "application/pdf",
  content_length: null
}

const fileUploads = {
  pending: {
    ...fileUploadBase,
    status: "pending",
    upload_url: "https://api.notion.com/v1/file_uploads/f-1/send"
  },
  multiPart: {
    ...fileUploadBase,
    id: "f-2",
    status: "pending",
    upload_url: "https://api.notion.com/v1/file_uploads/f-2/send",
    complete_url: "https://api.notion.com/v1/file_uploads/f-2/complete",
    number_of_parts: { total: 3, sent: 1 }
  },
  uploaded: { ...fileUploadBase, id: "f-3", status: "uploaded", expiry_time: null, content_length: 1024 },
  failed: {
    ...fileUploadBase,
    id: "f-4",
    status: "failed",
    file_import_result: {
      imported_time: T1,
      type: "error",
      error: {
        type: "download_error",
        code: "file_download_failed",
        message: "The URL answered 404",
        parameter: "external_url",
        status_code: 404
      }
    }
  },
  imported: {
    ...fileUploadBase,
    id: "f-5",
    status: "uploaded",
    file_import_result: { imported_time: T1, type: "success", success: {} }
  },
  futureStatus: { ...fileUploadBase, id: "f-6", status: "quarantined" }
}

const view = {
  object: "view",
  id: "v-1",
  parent: { type: "database_id", database_id: "db-1" },
  name: "All tasks",
  type: "table",
  created_time: T0,
  last_edited_time: T1,
  url: "https://www.notion.so/db1?v=v1",
  data_source_id: "ds-1",
  created_by: partialUser,
  last_edited_by: null,
  filter: { property: "Done", checkbox: { equals: false } },
  sorts: [{ property: "Due", direction: "ascending" }, { timestamp: "created_time", direction: "descending" }],
  quick_filters: { Stage: { select: { equals: "Build" } } },
  configuration: {
    type: "table",
    properties: [{ property_id: "title", visible: true, width: 240 }],
    wrap_cells: false
  }
}

const dashboardView = {
  ...view,
  id: "v-2",
  name: "Overview",
  type: "dashboard",
  data_source_id: null,
  filter: null,
  sorts: null,
  quick_filters: null,
  configuration: { type: "dashboard", rows: [{ id: "r1", widgets: [{ id: "w1", view_id: "v-1" }] }] }
}

const partialView = { object: "view", id: "v-3", parent: { type: "database_id", database_id: "db-1" }, type: "board" }
const viewReference = { object: "view", id: "v-4" }

const viewQuery = {
  object: "view_query",
  id: "q-1",
  view_id: "v-1",
  expires_at: T1,
  total_count: 2,
  results: [{ object: "page", id: "p-1" }, { object: "page", id: "p-2" }],
  next_cursor: null,
  has_more: false,
  request_status: { type: "complete" }
}

const deletedViewQuery = { object: "view_query", id: "q-1", deleted: true }

const emoji = { id: "e-1", name: "shipit", url: "https://s3.amazonaws.com/emoji/shipit.png" }

const taskBase = {
  object: "async_task",
  id: "t-1",
  status_url: "https://api.notion.com/v1/async_tasks/t-1",
  created_time: T0,
  operation: { surface: "rest", name: "pages.updateMarkdown" }
}

const asyncTasks = {
  queued: { ...taskBase, status: "queued", poll_after_seconds: 2 },
  running: { ...taskBase, status: "running", poll_after_seconds: 1 },
  succeeded: {
    ...taskBase,
    status: "succeeded",
    result: { object: "page_markdown", id: "p-1", markdown: "# Plan", truncated: false, unknown_block_ids: [] }
  },
  failed: {
    ...taskBase,
    status: "failed",
    error: { object: "error", status: 409, code: "conflict_error", message: "Conflict occurred while saving" }
  },
  cancelled: { ...taskBase, status: "cancelled", reason: "superseded" }
}

const item = (type: string, value: unknown) => ({ object: "property_item", id: "prop", type, [type]: value })

const propertyItems = [
  item("number", 3),
  item("select", { id: "opt-1", name: "Build", color: "blue" }),
  item("date", { start: "2025-10-01", end: "2025-10-03", time_zone: null }),
  item("checkbox", true),
  item("formula", { type: "string", string: "hello" }),
  item("created_by", person),
  item("unique_id", { prefix: null, number: 7 }),
  item("files", [{ name: "a.png", type: "external", external: { url: "https://example.com/a.png" } }]),
  item("verification", null),
  item("button", {}),
  item("title", text("Roadmap")),
  item("rich_text", mention),
  item("people", person),
  item("relation", { id: "p-9" }),
  item("rollup", { type: "incomplete", incomplete: {}, function: "sum" }),
  item("future_kind", { opaque: [1, 2, 3] })
]

const list = (info: Record<string, unknown>, results: ReadonlyArray<unknown>) => ({
  object: "list",
  type: "property_item",
  property_item: { id: "prop", next_url: null, ...info },
  results,
  next_cursor: null,
  has_more: false
})

const propertyLists = [
  list({ type: "title", title: {} }, [item("title", text("Road")), item("title", text("map"))]),
  list({ type: "people", people: {} }, [item("people", person), item("people", partialUser)]),
  list({ type: "relation", relation: {} }, [item("relation", { id: "p-1" })]),
  list(
    { type: "rollup", rollup: { type: "number", number: 5, function: "sum" } },
    [item("rollup", { type: "number", number: 5, function: "sum" })]
  )
]

// ---------------------------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------------------------

const decodes = <A>(schema: Schema.Schema<A>, value: unknown): A => Schema.decodeUnknownSync(schema)(value)

const fails = (schema: Schema.Schema<any>, value: unknown, label: string) =>
  assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(schema)(value)), `${label} should fail`)

/** Every response schema, with the fixtures it must accept and values it must reject. */
const cases: ReadonlyArray<{
  readonly name: string
  readonly schema: Schema.Schema<any>
  readonly good: ReadonlyArray<unknown>
  readonly bad: ReadonlyArray<unknown>
}> = [
  {
    name: "Block",
    schema: Block.Block,
    good: [...Object.values(blocks), ...blockVariants, unknownBlock],
    bad: [...malformedBlocks, partialBlock]
  },
  {
    name: "BlockOrPartial",
    schema: Block.BlockOrPartial,
    good: [...Object.values(blocks), unknownBlock, partialBlock],
    bad: [...malformedBlocks, { object: "block" }]
  },
  { name: "Page", schema: Page.Page, good: [page, workspacePage], bad: [partialPage, { ...page, url: 1 }] },
  {
    name: "PageOrPartial",
    schema: Page.PageOrPartial,
    good: [page, workspacePage, partialPage],
    bad: [{ ...page, created_time: undefined }, { ...page, properties: { x: { id: "1", type: "number" } } }]
  },
  {
    name: "PageMarkdown",
    schema: Page.PageMarkdown,
    good: [pageMarkdown],
    bad: [{ ...pageMarkdown, truncated: "no" }]
  },
  {
    name: "DatabaseOrPartial",
    schema: Database.DatabaseOrPartial,
    good: [database, partialDatabase],
    bad: [{ ...database, title: "Tasks" }, { ...database, data_sources: [{ name: "x" }] }]
  },
  {
    name: "DataSource",
    schema: DataSource.DataSource,
    good: [dataSource, partialDataSource, barePartialDataSource],
    bad: [{ ...dataSource, properties: { Name: { id: "title", type: "title" } } }, { ...dataSource, title: null }]
  },
  {
    name: "PageOrDataSource",
    schema: DataSource.PageOrDataSource,
    good: [page, partialPage, dataSource, partialDataSource],
    bad: [database, { ...dataSource, parent: "db-1" }]
  },
  {
    name: "CommentOrPartial",
    schema: Comment.CommentOrPartial,
    good: [comment, blockComment, partialComment],
    bad: [{ ...comment, rich_text: "Looks good" }, { ...comment, discussion_id: undefined }]
  },
  {
    name: "FileUpload",
    schema: FileUpload.FileUpload,
    good: Object.values(fileUploads),
    bad: [{ ...fileUploads.pending, status: 1 }, { ...fileUploads.failed, file_import_result: { type: "error" } }]
  },
  {
    name: "ViewOrPartial",
    schema: View.ViewOrPartial,
    good: [view, dashboardView, partialView, viewReference],
    bad: [{ ...view, created_time: 0 }, { ...view, configuration: { rows: [] } }]
  },
  { name: "ViewQuery", schema: View.ViewQuery, good: [viewQuery], bad: [{ ...viewQuery, results: [{ id: 1 }] }] },
  {
    name: "DeletedViewQuery",
    schema: View.DeletedViewQuery,
    good: [deletedViewQuery],
    bad: [{ object: "view_query", id: "q" }]
  },
  { name: "CustomEmoji", schema: CustomEmoji.CustomEmoji, good: [emoji], bad: [{ id: "e-1", name: "x" }] },
  {
    name: "AsyncTask",
    schema: AsyncTask.AsyncTask,
    good: Object.values(asyncTasks),
    bad: [{ ...asyncTasks.failed, error: undefined }, { ...asyncTasks.queued, operation: "x" }]
  },
  {
    name: "PropertyItemResponse",
    schema: PropertyItem.PropertyItemResponse,
    good: [...propertyItems, ...propertyLists],
    bad: [item("number", "3"), item("title", [text("x")]), { ...propertyLists[0]!, property_item: undefined }]
  },
  {
    name: "User",
    schema: User.User,
    good: [person, { ...person, id: "a-1", type: "agent", agent: {} }],
    bad: [partialUser, { ...person, person: "ada" }]
  }
]

// ---------------------------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------------------------

describe("blocks", () => {
  it("has a fixture for each of the 37 block types, and each decodes as a known block", () => {
    assert.strictEqual(Object.keys(blocks).length, 37)
    for (const [type, fixture] of Object.entries(blocks)) {
      const decoded = decodes(Block.Block, fixture)
      assert.strictEqual(decoded.type, type)
      assert.isTrue(Block.isKnownBlock(decoded), type)
      assert.isTrue(Block.isFullBlock(decoded), type)
      assert.deepStrictEqual((decoded as Record<string, unknown>)[type], (fixture as Record<string, unknown>)[type])
    }
    for (const variant of blockVariants) assert.isTrue(Block.isKnownBlock(decodes(Block.Block, variant)))
  })

  it("the table of block types is what the response union knows, in the same order", () => {
    assert.deepStrictEqual([...knownTypes], Object.keys(blocks))
    for (const type of knownTypes) {
      const decoded = decodes(Block.Block, blocks[type])
      assert.isTrue(Block.isKnownBlock(decoded), type)
      // the same content under a type the table does not have is an unknown block
      const renamed = { ...(blocks[type] as object), type: `${type}_v2`, [`${type}_v2`]: {} }
      assert.isFalse(Block.isKnownBlock(decodes(Block.Block, renamed)), `${type}_v2`)
    }
  })

  it("narrows a known block on its type", () => {
    const decoded = decodes(Block.Block, blocks.to_do)
    if (!Block.isKnownBlock(decoded) || decoded.type !== "to_do") return assert.fail("a to_do")
    assert.isTrue(decoded.to_do.checked)
    const content: Block.ContentOf<"to_do"> = decoded.to_do
    const type: Block.BlockType = decoded.type
    assert.deepStrictEqual([content.checked, type], [true, "to_do"])
    const file = decodes(Block.Block, blocks.file)
    if (!Block.isKnownBlock(file) || file.type !== "file") return assert.fail("a file")
    if (!Block.isKnownNamedMediaFile(file.file) || file.file.type !== "file") return assert.fail("a hosted file")
    assert.strictEqual(file.file.file.expiry_time, T1)
    assert.strictEqual(file.file.name, "report.pdf")
  })

  it("an unknown block type decodes to the unknown member and keeps its raw payload", () => {
    const decoded = decodes(Block.Block, unknownBlock)
    assert.isTrue(Block.isFullBlock(decoded))
    if (Block.isKnownBlock(decoded)) return assert.fail("an unknown block")
    assert.strictEqual(decoded.type, "kanban_widget")
    assert.deepStrictEqual(decoded["kanban_widget"], { columns: 3, nested: { lanes: [{ id: "l1", wip: null }] } })
    assert.strictEqual(decoded.parent.type, "page_id")
  })

  it("a known block with a malformed payload fails (it never becomes unknown or partial)", () => {
    malformedBlocks.forEach((value, i) => {
      fails(Block.Block, value, `malformed block ${i}`)
      fails(Block.BlockOrPartial, value, `malformed block ${i} (or partial)`)
    })
  })

  it("partial blocks decode, and the guards tell them apart", () => {
    const partial = decodes(Block.BlockOrPartial, partialBlock)
    assert.isFalse(Block.isFullBlock(partial))
    fails(Block.Block, partialBlock, "a partial block as a full one")
    const full = decodes(Block.BlockOrPartial, blocks.paragraph)
    assert.isTrue(Block.isFullBlock(full))
    if (Block.isFullBlock(full)) assert.strictEqual(full.has_children, false)
  })
})

describe("pages, databases, data sources", () => {
  it("a full page decodes its property values; a partial page is told apart", () => {
    const decoded = decodes(Page.PageOrPartial, page)
    if (!Page.isFullPage(decoded)) return assert.fail("a full page")
    assert.strictEqual(decoded.properties.Estimate?.type, "number")
    assert.strictEqual(decoded.properties.Later?.type, "some_future_type")
    assert.isFalse(Page.isFullPage(decodes(Page.PageOrPartial, partialPage)))
    fails(Page.Page, partialPage, "a partial page as a full one")
    assert.deepStrictEqual(decodes(Page.PageMarkdown, pageMarkdown).unknown_block_ids, ["b-9"])
  })

  it("databases and data sources, full and partial", () => {
    assert.isTrue(Database.isFullDatabase(decodes(Database.DatabaseOrPartial, database)))
    assert.isFalse(Database.isFullDatabase(decodes(Database.DatabaseOrPartial, partialDatabase)))
    const ds = decodes(DataSource.DataSource, dataSource)
    if (!DataSource.isFullDataSource(ds)) return assert.fail("a full data source")
    assert.strictEqual(ds.properties.Stage?.type, "select")
    assert.isFalse(DataSource.isFullDataSource(decodes(DataSource.DataSource, partialDataSource)))
    assert.isFalse(DataSource.isFullDataSource(decodes(DataSource.DataSource, barePartialDataSource)))
  })

  it("search results: pages and data sources, full or partial", () => {
    const results = [page, partialPage, dataSource, partialDataSource].map((v) =>
      decodes(DataSource.PageOrDataSource, v)
    )
    assert.deepStrictEqual(results.map(DataSource.isFullPageOrDataSource), [true, false, true, false])
    assert.deepStrictEqual(results.map(Page.isFullPage), [true, false, false, false])
    assert.deepStrictEqual(results.map(DataSource.isFullDataSource), [false, false, true, false])
  })
})

describe("comments, uploads, views, emojis, tasks, property items, users", () => {
  it("comments, full and partial", () => {
    const full = decodes(Comment.CommentOrPartial, comment)
    assert.isTrue(Comment.isFullComment(full))
    if (Comment.isFullComment(full)) assert.strictEqual(full.display_name?.resolved_name, "Roadmap bot")
    assert.isTrue(Comment.isFullComment(decodes(Comment.CommentOrPartial, blockComment)))
    assert.isFalse(Comment.isFullComment(decodes(Comment.CommentOrPartial, partialComment)))
  })

  it("file uploads in every status, including one Notion adds later", () => {
    for (const fixture of Object.values(fileUploads)) decodes(FileUpload.FileUpload, fixture)
    const failed = decodes(FileUpload.FileUpload, fileUploads.failed)
    const result = failed.file_import_result
    if (result === undefined || !FileUpload.isKnownFileImportResult(result) || result.type !== "error") {
      return assert.fail("an import error")
    }
    assert.strictEqual(result.error.status_code, 404)
    assert.strictEqual(decodes(FileUpload.FileUpload, fileUploads.futureStatus).status, "quarantined")
  })

  it("views, view references and view queries", () => {
    assert.isTrue(View.isFullView(decodes(View.ViewOrPartial, view)))
    assert.isTrue(View.isFullView(decodes(View.ViewOrPartial, dashboardView)))
    assert.isFalse(View.isFullView(decodes(View.ViewOrPartial, partialView)))
    assert.isFalse(View.isFullView(decodes(View.ViewOrPartial, viewReference)))
    assert.strictEqual(decodes(View.ViewQuery, viewQuery).total_count, 2)
    assert.isTrue(decodes(View.DeletedViewQuery, deletedViewQuery).deleted)
  })

  it("custom emojis and async tasks", () => {
    assert.strictEqual(decodes(CustomEmoji.CustomEmoji, emoji).name, "shipit")
    const failed = decodes(AsyncTask.AsyncTask, asyncTasks.failed)
    if (!AsyncTask.isKnownAsyncTask(failed) || failed.status !== "failed") return assert.fail("a failed task")
    assert.strictEqual(failed.error.code, "conflict_error")
    const cancelled = decodes(AsyncTask.AsyncTask, asyncTasks.cancelled)
    if (AsyncTask.isKnownAsyncTask(cancelled)) return assert.fail("an unknown status")
    assert.strictEqual(cancelled["reason"], "superseded")
    assert.isFalse(AsyncTask.isDone(decodes(AsyncTask.AsyncTask, asyncTasks.queued)))
    assert.isTrue(AsyncTask.isDone(failed))
  })

  it("property items: single items and paginated lists", () => {
    for (const fixture of propertyItems) {
      const decoded = decodes(PropertyItem.PropertyItemResponse, fixture)
      assert.isFalse(PropertyItem.isPropertyItemList(decoded))
    }
    const unknown = decodes(PropertyItem.PropertyItem, propertyItems.at(-1))
    assert.isFalse(PropertyItem.isKnownPropertyItem(unknown))
    for (const fixture of propertyLists) {
      const decoded = decodes(PropertyItem.PropertyItemResponse, fixture)
      if (!PropertyItem.isPropertyItemList(decoded)) return assert.fail("a list")
      assert.isTrue(decoded.results.every(PropertyItem.isKnownPropertyItem))
    }
  })

  it("users are open on type; partial users are told apart", () => {
    const agent = decodes(User.User, { ...person, id: "a-1", type: "agent", agent: {} })
    assert.isFalse(User.isKnownUser(agent))
    assert.isTrue(User.isFullUser(agent))
    assert.isFalse(User.isFullUser(decodes(User.PartialUser, partialUser)))
  })
})

describe("every response schema compiles and agrees with effect/Schema", () => {
  for (const { bad, good, name, schema } of cases) {
    it(name, () => {
      const validate = compile(schema.ast)
      assert.isDefined(validate, `${name} must compile`)
      const is = Schema.is(schema)
      for (const value of good) {
        assert.isTrue(is(value), `${name} accepts ${JSON.stringify(value).slice(0, 120)}`)
        assert.isTrue(validate!(value), `${name} (compiled) accepts ${JSON.stringify(value).slice(0, 120)}`)
      }
      for (const value of bad) {
        assert.isFalse(is(value), `${name} rejects ${JSON.stringify(value).slice(0, 120)}`)
        assert.isFalse(validate!(value), `${name} (compiled) rejects ${JSON.stringify(value).slice(0, 120)}`)
      }
      let state = 7
      const rng = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
      for (const value of good) {
        for (let i = 0; i < 40; i++) {
          const mutated = mutate(JSON.parse(JSON.stringify(value)), rng)
          assert.strictEqual(validate!(mutated), is(mutated), `${name}: ${JSON.stringify(mutated).slice(0, 200)}`)
        }
      }
    })
  }
})

describe("block requests", () => {
  const rt = [{ type: "text", text: { content: "Hi" } }]
  const requests: Record<string, unknown> = {
    paragraph: { paragraph: { rich_text: rt, icon: { emoji: "👋" } } },
    heading_1: { type: "heading_1", heading_1: { rich_text: rt, is_toggleable: true, children: [{ divider: {} }] } },
    heading_2: { heading_2: { rich_text: rt } },
    heading_3: { heading_3: { rich_text: rt, color: "red" } },
    heading_4: { object: "block", heading_4: { rich_text: rt } },
    bulleted_list_item: { bulleted_list_item: { rich_text: rt, children: [{ paragraph: { rich_text: rt } }] } },
    numbered_list_item: { numbered_list_item: { rich_text: rt } },
    quote: {
      quote: { rich_text: [{ text: { content: "q", link: { url: "https://x" } }, annotations: { bold: true } }] }
    },
    to_do: { to_do: { rich_text: rt, checked: false } },
    toggle: { toggle: { rich_text: rt } },
    template: { template: { rich_text: rt } },
    synced_block: { synced_block: { synced_from: null, children: [{ paragraph: { rich_text: rt } }] } },
    equation: { equation: { expression: "a^2" } },
    code: { code: { rich_text: rt, language: "typescript" } },
    callout: { callout: { rich_text: [{ mention: { user: { id: "u1" } } }], icon: { type: "emoji", emoji: "💡" } } },
    divider: { type: "divider", divider: {} },
    breadcrumb: { breadcrumb: {} },
    table_of_contents: { table_of_contents: {} },
    tab: { tab: { children: [{ paragraph: { rich_text: rt } }] } },
    column_list: {
      column_list: { children: [{ column: { children: [{ divider: {} }] } }, { column: { children: [] } }] }
    },
    column: { column: { children: [{ paragraph: { rich_text: rt } }], width_ratio: 0.3 } },
    link_to_page: { link_to_page: { type: "page_id", page_id: "p-1" } },
    table: { table: { table_width: 1, children: [{ table_row: { cells: [rt] } }] } },
    table_row: { table_row: { cells: [rt, []] } },
    embed: { embed: { url: "https://x" } },
    bookmark: { bookmark: { url: "https://x", caption: rt } },
    image: { image: { external: { url: "https://x/a.png" } } },
    video: { video: { type: "file_upload", file_upload: { id: "f-1" } } },
    pdf: { pdf: { file: hosted } },
    file: { file: { file_upload: { id: "f-1" }, name: "a.pdf" } },
    audio: { audio: { external: { url: "https://x/a.mp3" }, caption: [{ equation: { expression: "x" } }] } }
  }

  it("accepts every appendable type (31), with the compiled validator agreeing", () => {
    assert.strictEqual(Object.keys(requests).length, 31)
    const validate = compile(Block.Children.ast)!
    assert.isDefined(validate)
    const all = Object.values(requests)
    decodes(Block.Children, all)
    assert.isTrue(validate(all))
    for (const request of all) assert.isTrue(Schema.is(Block.BlockRequest)(request), JSON.stringify(request))
  })

  it("checks the type, the rich text and nested children", () => {
    const validate = compile(Block.BlockRequest.ast)!
    const is = Schema.is(Block.BlockRequest)
    const bad = [
      { type: "heading_1", paragraph: { rich_text: rt } },
      { child_page: { title: "x" } },
      { type: "child_page", child_page: { title: "x" } },
      { paragraph: { rich_text: "Hi" } },
      { paragraph: { rich_text: [{ text: { content: 1 } }] } },
      { paragraph: { rich_text: [{ type: "mention", text: { content: "x" } }] } },
      { paragraph: { rich_text: [{ text: { content: "x".repeat(2001) } }] } },
      { paragraph: { rich_text: Array.from({ length: 101 }, () => rt[0]) } },
      { paragraph: { rich_text: rt, children: [{ paragraph: { rich_text: 1 } }] } },
      { toggle: { rich_text: rt, children: [{ toggle: { rich_text: rt, children: [{ bogus: {} }] } }] } },
      { code: { rich_text: rt } },
      { table: { children: [] } },
      { image: { url: "https://x" } },
      {}
    ]
    for (const value of bad) {
      assert.isFalse(is(value), JSON.stringify(value).slice(0, 100))
      assert.isFalse(validate(value), JSON.stringify(value).slice(0, 100))
    }
  })

  it("the request union takes exactly the types the table gives a request content", () => {
    assert.deepStrictEqual([...appendableTypes], Object.keys(requests))
    const is = Schema.is(Block.BlockRequest)
    const validate = compile(Block.BlockRequest.ast)!
    for (const type of knownTypes) {
      if (isAppendable(type)) {
        assert.isTrue(is(requests[type]), type)
        continue
      }
      // a type only Notion makes: refused with its response content, with or without `type`
      const content = (blocks[type] as Record<string, unknown>)[type]
      for (const value of [{ [type]: content }, { type, [type]: content }]) {
        assert.isFalse(is(value), type)
        assert.isFalse(validate(value), type)
      }
    }
    assert.deepStrictEqual(
      knownTypes.filter((type) => !isAppendable(type)),
      ["child_page", "child_database", "meeting_notes", "transcription", "link_preview", "unsupported"]
    )
  })

  it("blocks.update takes exactly the types the table marks updatable", () => {
    const decode = Schema.decodeUnknownEither(Blocks.update.params, { onExcessProperty: "error" })
    for (const type of knownTypes) {
      const updatable = isUpdatable(type)
      assert.strictEqual(Either.isRight(decode({ block_id: "b-1", type, [type]: {} })), updatable, type)
      assert.strictEqual(Either.isRight(decode({ block_id: "b-1", [type]: {} })), updatable, `${type} (no type)`)
    }
    assert.isTrue(Either.isLeft(decode({ block_id: "b-1", type: "kanban_widget" })))
    // every type a request can create but a column_list
    assert.deepStrictEqual(
      knownTypes.filter(isUpdatable),
      appendableTypes.filter((type) => type !== "column_list")
    )
  })

  it("Children takes at most 100 blocks", () => {
    const divider = { divider: {} }
    const validate = compile(Block.Children.ast)!
    const hundred = Array.from({ length: 100 }, () => divider)
    assert.isTrue(Schema.is(Block.Children)(hundred))
    assert.isTrue(validate(hundred))
    fails(Block.Children, [...hundred, divider], "101 children")
    assert.isFalse(validate([...hundred, divider]))
  })
})
