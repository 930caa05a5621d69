/**
 * The Notion API as data: the tree of endpoint declarations that `NotionClient` derives its methods from,
 * under the official SDK's names (`client.users.list`, `client.blocks.children.list`…).
 *
 * @since 0.1.0
 */
import * as blocks from "./api/blocks.js"
import * as pages from "./api/pages.js"
import * as search from "./api/search.js"
import * as users from "./api/users.js"

/**
 * Every endpoint of the client, by its official name.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = {
  users: { list: users.list, retrieve: users.retrieve, me: users.me },
  pages: { retrieve: pages.retrieve },
  blocks: { children: { list: blocks.childrenList } },
  search: search.search
} as const

/**
 * The endpoint tree's type.
 *
 * @since 0.1.0
 * @category models
 */
export type Endpoints = typeof endpoints
