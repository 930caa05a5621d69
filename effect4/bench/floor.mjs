// The Effect 4 floor: bench/src/floor.mjs's two requests (`users.list`, `pages.retrieve`, the same compact User and
// Page schemas, a real decode of the same responses) written with `effect` 4.1's `Schema` and `effect/http`'s
// `HttpClient` and nothing else — no SDK. Effect 4's spelling, nothing more: `Schema.Union([...])`,
// `Schema.Record(key, value)`, the tracer disabled through the `HttpClient.TracerDisabledWhen` reference. It lives
// under effect4/ so that `effect` resolves to 4.1 (the bench package's own `effect` is 3.x).
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Schema from "effect/Schema"

const user = {
  object: Schema.Literal("user"),
  id: Schema.String,
  name: Schema.optional(Schema.NullOr(Schema.String)),
  avatar_url: Schema.optional(Schema.NullOr(Schema.String))
}
export const User = Schema.Union([
  Schema.Struct({
    ...user,
    type: Schema.Literal("person"),
    person: Schema.Struct({ email: Schema.optional(Schema.String) })
  }),
  Schema.Struct({ ...user, type: Schema.Literal("bot"), bot: Schema.Struct({}) })
])
export const UserList = Schema.Struct({
  object: Schema.Literal("list"),
  results: Schema.Array(User),
  next_cursor: Schema.NullOr(Schema.String),
  has_more: Schema.Boolean
})

const PartialUser = Schema.Struct({ object: Schema.Literal("user"), id: Schema.String })
const RichText = Schema.Array(Schema.Struct({
  type: Schema.Literal("text"),
  text: Schema.Struct({ content: Schema.String, link: Schema.NullOr(Schema.Struct({ url: Schema.String })) }),
  annotations: Schema.Struct({
    bold: Schema.Boolean,
    italic: Schema.Boolean,
    strikethrough: Schema.Boolean,
    underline: Schema.Boolean,
    code: Schema.Boolean,
    color: Schema.String
  }),
  plain_text: Schema.String,
  href: Schema.NullOr(Schema.String)
}))
const Option = Schema.Struct({ id: Schema.String, name: Schema.String, color: Schema.String })
const property = (type, value, extra = {}) =>
  Schema.Struct({ id: Schema.String, type: Schema.Literal(type), [type]: value, ...extra })
const PropertyValue = Schema.Union([
  property("title", RichText),
  property("rich_text", RichText),
  property("number", Schema.NullOr(Schema.Number)),
  property("checkbox", Schema.Boolean),
  property("status", Schema.NullOr(Option)),
  property("select", Schema.NullOr(Option)),
  property("multi_select", Schema.Array(Option)),
  property(
    "date",
    Schema.NullOr(
      Schema.Struct({
        start: Schema.String,
        end: Schema.NullOr(Schema.String),
        time_zone: Schema.NullOr(Schema.String)
      })
    )
  ),
  property("people", Schema.Array(PartialUser)),
  property("url", Schema.NullOr(Schema.String)),
  property("relation", Schema.Array(Schema.Struct({ id: Schema.String })), {
    has_more: Schema.optional(Schema.Boolean)
  }),
  property("created_time", Schema.String)
])
export const Page = Schema.Struct({
  object: Schema.Literal("page"),
  id: Schema.String,
  created_time: Schema.String,
  last_edited_time: Schema.String,
  in_trash: Schema.optional(Schema.Boolean),
  archived: Schema.optional(Schema.Boolean),
  is_locked: Schema.optional(Schema.Boolean),
  url: Schema.String,
  public_url: Schema.optional(Schema.NullOr(Schema.String)),
  parent: Schema.Struct({ type: Schema.String }),
  icon: Schema.optional(Schema.NullOr(Schema.Union([
    Schema.Struct({ type: Schema.Literal("emoji"), emoji: Schema.String }),
    Schema.Struct({ type: Schema.Literal("external"), external: Schema.Struct({ url: Schema.String }) })
  ]))),
  cover: Schema.optional(Schema.NullOr(Schema.Struct({ type: Schema.String }))),
  created_by: PartialUser,
  last_edited_by: PartialUser,
  properties: Schema.Record(Schema.String, PropertyValue)
})

/** `{ users: { list }, pages: { retrieve } }` over the provided `HttpClient`, like an SDK's client. */
export const make = (baseUrl, token) =>
  Effect.map(Effect.service(HttpClient.HttpClient), (http) => {
    const client = http.pipe(
      HttpClient.mapRequest((request) =>
        request.pipe(
          HttpClientRequest.prependUrl(baseUrl),
          HttpClientRequest.bearerToken(token),
          HttpClientRequest.setHeader("notion-version", "2025-09-03"),
          HttpClientRequest.acceptJson
        )
      ),
      HttpClient.filterStatusOk,
      // no span per request, as ours (the cheapest a hand-written client gets)
      HttpClient.transform((effect) => Effect.provideService(effect, HttpClient.TracerDisabledWhen, () => true))
    )
    const get = (path, schema) => Effect.flatMap(client.get(path), HttpClientResponse.schemaBodyJson(schema))
    return {
      users: { list: () => get("/v1/users", UserList) },
      pages: { retrieve: ({ page_id }) => get(`/v1/pages/${encodeURIComponent(page_id)}`, Page) }
    }
  })
