/**
 * The Notion API as data: the tree of endpoint declarations that `NotionClient` derives its methods from,
 * under the official SDK's names (`client.pages.create`, `client.blocks.children.append`,
 * `client.dataSources.query`…). The OAuth endpoints (`oauth.*`, Basic auth) are declared in
 * `@notion-effect/oauth`'s `OAuthApi`.
 *
 * @since 0.1.0
 */
import * as asyncTasks from "./api/asyncTasks.js"
import * as blocks from "./api/blocks.js"
import * as comments from "./api/comments.js"
import * as customEmojis from "./api/customEmojis.js"
import * as databases from "./api/databases.js"
import * as dataSources from "./api/dataSources.js"
import * as fileUploads from "./api/fileUploads.js"
import * as pages from "./api/pages.js"
import * as search from "./api/search.js"
import * as users from "./api/users.js"
import * as views from "./api/views.js"

/**
 * Every endpoint of the client, by its official name.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints: Endpoints = {
  blocks: {
    retrieve: blocks.retrieve,
    update: blocks.update,
    delete: blocks.del,
    children: { list: blocks.childrenList, append: blocks.childrenAppend },
    meetingNotes: { create: blocks.meetingNotesCreate, query: blocks.meetingNotesQuery }
  },
  comments: {
    create: comments.create,
    list: comments.list,
    retrieve: comments.retrieve,
    update: comments.update,
    delete: comments.del
  },
  customEmojis: { list: customEmojis.list },
  dataSources: {
    retrieve: dataSources.retrieve,
    query: dataSources.query,
    create: dataSources.create,
    update: dataSources.update,
    listTemplates: dataSources.listTemplates
  },
  databases: { retrieve: databases.retrieve, create: databases.create, update: databases.update },
  fileUploads: {
    create: fileUploads.create,
    send: fileUploads.send,
    complete: fileUploads.complete,
    retrieve: fileUploads.retrieve,
    list: fileUploads.list
  },
  pages: {
    create: pages.create,
    retrieve: pages.retrieve,
    update: pages.update,
    move: pages.move,
    retrieveMarkdown: pages.retrieveMarkdown,
    updateMarkdown: pages.updateMarkdown,
    properties: { retrieve: pages.propertiesRetrieve }
  },
  search: search.search,
  users: { list: users.list, retrieve: users.retrieve, me: users.me },
  views: {
    list: views.list,
    create: views.create,
    retrieve: views.retrieve,
    update: views.update,
    delete: views.del,
    queries: { create: views.queriesCreate, results: views.queriesResults, delete: views.queriesDelete }
  },
  asyncTasks: { retrieve: asyncTasks.retrieve }
}

/**
 * The endpoint tree's type (spelled out: the inferred one is too large to emit).
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoints {
  readonly blocks: {
    readonly retrieve: typeof blocks.retrieve
    readonly update: typeof blocks.update
    readonly delete: typeof blocks.del
    readonly children: { readonly list: typeof blocks.childrenList; readonly append: typeof blocks.childrenAppend }
    readonly meetingNotes: {
      readonly create: typeof blocks.meetingNotesCreate
      readonly query: typeof blocks.meetingNotesQuery
    }
  }
  readonly comments: {
    readonly create: typeof comments.create
    readonly list: typeof comments.list
    readonly retrieve: typeof comments.retrieve
    readonly update: typeof comments.update
    readonly delete: typeof comments.del
  }
  readonly customEmojis: { readonly list: typeof customEmojis.list }
  readonly dataSources: {
    readonly retrieve: typeof dataSources.retrieve
    readonly query: typeof dataSources.query
    readonly create: typeof dataSources.create
    readonly update: typeof dataSources.update
    readonly listTemplates: typeof dataSources.listTemplates
  }
  readonly databases: {
    readonly retrieve: typeof databases.retrieve
    readonly create: typeof databases.create
    readonly update: typeof databases.update
  }
  readonly fileUploads: {
    readonly create: typeof fileUploads.create
    readonly send: typeof fileUploads.send
    readonly complete: typeof fileUploads.complete
    readonly retrieve: typeof fileUploads.retrieve
    readonly list: typeof fileUploads.list
  }
  readonly pages: {
    readonly create: typeof pages.create
    readonly retrieve: typeof pages.retrieve
    readonly update: typeof pages.update
    readonly move: typeof pages.move
    readonly retrieveMarkdown: typeof pages.retrieveMarkdown
    readonly updateMarkdown: typeof pages.updateMarkdown
    readonly properties: { readonly retrieve: typeof pages.propertiesRetrieve }
  }
  readonly search: typeof search.search
  readonly users: {
    readonly list: typeof users.list
    readonly retrieve: typeof users.retrieve
    readonly me: typeof users.me
  }
  readonly views: {
    readonly list: typeof views.list
    readonly create: typeof views.create
    readonly retrieve: typeof views.retrieve
    readonly update: typeof views.update
    readonly delete: typeof views.del
    readonly queries: {
      readonly create: typeof views.queriesCreate
      readonly results: typeof views.queriesResults
      readonly delete: typeof views.queriesDelete
    }
  }
  readonly asyncTasks: { readonly retrieve: typeof asyncTasks.retrieve }
}
