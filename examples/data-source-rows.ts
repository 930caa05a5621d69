/**
 * Working with a data source: create a row, query rows with a filter and a sort as a `Stream`, append blocks to
 * the new page, upload a file and attach it, and comment on the page.
 *
 *   NOTION_TOKEN=secret_… NOTION_DATA_SOURCE_ID=… tsx examples/data-source-rows.ts
 *
 * Set `NOTION_BASE_URL` to point it at the emulator (`pnpm emulator` prints one).
 *
 * @since 0.1.0
 */
import {
  DataSource,
  Filter,
  NotionAuth,
  NotionClient,
  NotionConfig,
  Page,
  PropertyValue,
  Upload
} from "@notion-effect/core"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { runMainIfEntry } from "./runMain.js"

const text = (content: string) => [{ type: "text" as const, text: { content } }]

/**
 * Creates, queries, fills, attaches to and comments on a row of the configured data source.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const notion = yield* NotionClient.NotionClient
  const dataSourceId = yield* Config.string("NOTION_DATA_SOURCE_ID")

  // the schema tells which property is the title
  const dataSource = yield* notion.dataSources.retrieve({ data_source_id: dataSourceId })
  if (!DataSource.isFullDataSource(dataSource)) return yield* Effect.dieMessage("the data source is not shared")
  const titleName = Object.entries(dataSource.properties).find(([, p]) => p.type === "title")?.[0] ?? "Name"

  // 1. a row
  const title = `Launch plan ${new Date().toISOString().slice(0, 10)}`
  const created = yield* notion.pages.create({
    parent: { data_source_id: dataSourceId },
    properties: { [titleName]: { title: text(title) } }
  })
  yield* Console.log(`Created ${created.id}`)

  // 2. rows whose title mentions "Launch", newest first, page after page as a Stream
  const rows = yield* NotionClient.paginate(notion.dataSources.query, {
    data_source_id: dataSourceId,
    filter: Filter.title(titleName, { contains: "Launch" }),
    sorts: [Filter.byTimestamp("created_time", "descending")],
    page_size: 10
  }).pipe(Stream.runCollect, Effect.map((rows) => Array.from(rows)))
  const titles = rows.map((row) => Page.isFullPage(row) ? PropertyValue.title(row) : row.id)
  yield* Console.log(`Rows about launches: ${titles.join(", ")}`)

  // 3. content
  yield* notion.blocks.children.append({
    block_id: created.id,
    children: [
      { type: "heading_2", heading_2: { rich_text: text("Goals") } },
      { type: "to_do", to_do: { rich_text: text("Ship the SDK"), checked: false } }
    ]
  })

  // 4. a file, attached as a file block
  const upload = yield* Upload.bytes(notion, new TextEncoder().encode("launch checklist\n"), {
    filename: "checklist.txt",
    contentType: "text/plain"
  })
  yield* notion.blocks.children.append({
    block_id: created.id,
    children: [{ type: "file", file: Upload.reference(upload) }]
  })

  // 5. a comment
  const comment = yield* notion.comments.create({ parent: { page_id: created.id }, rich_text: text("Looks good!") })
  const blocks = yield* NotionClient.collect(notion.blocks.children.list, { block_id: created.id })
  yield* Console.log(`The page has ${blocks.length} blocks and a comment (${comment.id})`)
  return { page: created, titles, blocks, comment, upload }
})

/**
 * The client with its token and settings from the environment.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([NotionAuth.layerConfig(), NotionConfig.layerConfig(), UndiciHttpClient.layer])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
