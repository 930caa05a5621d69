// Our endpoint declarations against the official SDK's own descriptors (method, path, query and body parameter
// names): migration from @notionhq/client is a rename of the import, and no parameter is dropped or invented.
import { assert, describe, it } from "@effect/vitest"
import { Endpoint, NotionApi } from "@notion-effect/core"
import * as official from "@notionhq/client/build/src/api-endpoints.js"

interface Descriptor {
  readonly method: string
  readonly path: (params: Record<string, string>) => string
  readonly pathParams: ReadonlyArray<string>
  readonly queryParams: ReadonlyArray<string>
  readonly bodyParams: ReadonlyArray<string>
  readonly formDataParams?: ReadonlyArray<string>
}

/** Our name → the official descriptor's export name. */
const names: Record<string, keyof typeof official> = {
  "asyncTasks.retrieve": "getAsyncTask",
  "blocks.retrieve": "getBlock",
  "blocks.update": "updateBlock",
  "blocks.delete": "deleteBlock",
  "blocks.children.list": "listBlockChildren",
  "blocks.children.append": "appendBlockChildren",
  "blocks.meetingNotes.create": "createMeetingNote",
  "blocks.meetingNotes.query": "queryMeetingNotes",
  "comments.create": "createComment",
  "comments.list": "listComments",
  "comments.retrieve": "getComment",
  "comments.update": "updateComment",
  "comments.delete": "deleteComment",
  "customEmojis.list": "listCustomEmojis",
  "dataSources.retrieve": "getDataSource",
  "dataSources.query": "queryDataSource",
  "dataSources.create": "createDataSource",
  "dataSources.update": "updateDataSource",
  "dataSources.listTemplates": "listDataSourceTemplates",
  "databases.retrieve": "getDatabase",
  "databases.create": "createDatabase",
  "databases.update": "updateDatabase",
  "fileUploads.create": "createFileUpload",
  "fileUploads.send": "sendFileUpload",
  "fileUploads.complete": "completeFileUpload",
  "fileUploads.retrieve": "getFileUpload",
  "fileUploads.list": "listFileUploads",
  "pages.create": "createPage",
  "pages.retrieve": "getPage",
  "pages.update": "updatePage",
  "pages.move": "movePage",
  "pages.retrieveMarkdown": "getPageMarkdown",
  "pages.updateMarkdown": "updatePageMarkdown",
  "pages.properties.retrieve": "getPageProperty",
  search: "search",
  "users.list": "listUsers",
  "users.retrieve": "getUser",
  "users.me": "getSelf",
  "views.list": "listDatabaseViews",
  "views.create": "createView",
  "views.retrieve": "getView",
  "views.update": "updateView",
  "views.delete": "deleteView",
  "views.queries.create": "createViewQuery",
  "views.queries.results": "getViewQueryResults",
  "views.queries.delete": "deleteViewQuery"
}

/**
 * The official descriptors of these list no body parameters (its client hard-codes them); the API reference
 * names them (`../shared/NOTION-ENDPOINTS.md`).
 */
const documentedBodies: Record<string, ReadonlyArray<string>> = {
  "views.create": [
    "data_source_id",
    "name",
    "type",
    "database_id",
    "view_id",
    "create_database",
    "filter",
    "sorts",
    "quick_filters",
    "configuration",
    "position",
    "placement"
  ],
  "views.update": ["name", "filter", "sorts", "quick_filters", "configuration"],
  "views.queries.create": ["page_size"]
}

/**
 * Parameters the official SDK 5.26 does not list yet: `markdown_version` (Notion's upgrade guide for
 * `2026-12-01`; the official SDK adds it in 5.29).
 */
const additions: Record<string, { readonly query?: ReadonlyArray<string>; readonly body?: ReadonlyArray<string> }> = {
  "pages.create": { body: ["markdown_version"] },
  "pages.updateMarkdown": { body: ["markdown_version"] },
  "pages.retrieveMarkdown": { query: ["markdown_version"] },
  "comments.create": { body: ["markdown_version"] },
  "comments.update": { body: ["markdown_version"] }
}

const collect = (tree: object, into: Array<Endpoint.Any> = []): Array<Endpoint.Any> => {
  for (const value of Object.values(tree)) {
    if (Endpoint.isEndpoint(value)) into.push(value)
    else collect(value as object, into)
  }
  return into
}

// the three `oauth.*` endpoints are declared in @notion-effect/oauth (`OAuthApi`) and tested there
const ours = collect(NotionApi.endpoints)
const bodyOf = (endpoint: Endpoint.Any): ReadonlyArray<string> => {
  if (endpoint.body !== "rest") return endpoint.body
  const keys = new Set<string>()
  const visit = (ast: any): void => {
    if (ast._tag === "TypeLiteral") { for (const ps of ast.propertySignatures) keys.add(String(ps.name)) }
    else if (ast._tag === "Union") ast.types.forEach(visit)
    else if (ast._tag === "Refinement" || ast._tag === "Transformation") visit(ast.from)
  }
  visit(endpoint.params.ast)
  const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
  return [...keys].filter((k) => !inPath.includes(k) && !endpoint.query.includes(k))
}
const sorted = (keys: ReadonlyArray<string>) => [...keys].sort()

describe("endpoint declarations match the official SDK's descriptors", () => {
  it("every public endpoint is declared once, under its official name (the agents family stays out)", () => {
    assert.deepStrictEqual(sorted(ours.map((e) => e.name)), sorted(Object.keys(names)))
    assert.strictEqual(ours.length, 46)
  })

  for (const endpoint of ours) {
    it(`${endpoint.name}: method, path, query and body parameters`, () => {
      const descriptor = official[names[endpoint.name]!] as unknown as Descriptor
      assert.strictEqual(endpoint.method, descriptor.method.toUpperCase())
      const template = Object.fromEntries(descriptor.pathParams.map((p) => [p, `{${p}}`]))
      assert.strictEqual(endpoint.path, `/v1/${descriptor.path(template)}`)
      const added = additions[endpoint.name] ?? {}
      assert.deepStrictEqual(sorted(endpoint.query), sorted([...descriptor.queryParams, ...(added.query ?? [])]))
      const body = documentedBodies[endpoint.name] ??
        [...descriptor.bodyParams, ...(descriptor.formDataParams ?? []), ...(added.body ?? [])]
      assert.deepStrictEqual(sorted(bodyOf(endpoint)), sorted(body))
      assert.strictEqual(endpoint.encoding, descriptor.formDataParams ? "multipart" : "json")
    })
  }
})
