import type * as HttpClient from "@effect/platform/HttpClient"
import * as Layer from "effect/Layer"
import { NotionAuth, NotionClient, NotionConfig } from "../../src/index.js"
import { token } from "./token.js"

export { SECRET, token } from "./token.js"

export const bot = {
  object: "user",
  id: "bot-1",
  name: "Test bot",
  avatar_url: null,
  type: "bot",
  bot: { workspace_name: "Acme" }
}

export const person = (id: string) => ({
  object: "user",
  id,
  name: `Person ${id}`,
  avatar_url: null,
  type: "person",
  person: { email: `${id}@example.com` }
})

export const page = (id: string) => ({
  object: "page",
  id,
  created_time: "2025-01-01T00:00:00.000Z",
  last_edited_time: "2025-01-02T00:00:00.000Z",
  in_trash: false,
  url: `https://www.notion.so/${id}`,
  public_url: null,
  parent: { type: "workspace", workspace: true },
  properties: { title: { id: "title", type: "title", title: [] } },
  icon: null,
  cover: null,
  created_by: { object: "user", id: "u1" },
  last_edited_by: { object: "user", id: "u1" }
})

/** A NotionClient over the given HttpClient layer, with optional config and auth. */
export const clientLayer = <E>(
  http: Layer.Layer<HttpClient.HttpClient, E>,
  options: NotionConfig.Options = {},
  auth: Layer.Layer<NotionAuth.NotionAuth> = NotionAuth.layer(token)
) => NotionClient.layer.pipe(Layer.provide([http, auth, NotionConfig.layer(options)]))
