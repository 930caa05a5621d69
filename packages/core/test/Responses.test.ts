import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AsyncTasks from "../src/api/asyncTasks.js"
import * as Blocks from "../src/api/blocks.js"
import * as DataSources from "../src/api/dataSources.js"
import * as Pages from "../src/api/pages.js"
import * as Search from "../src/api/search.js"
import * as Users from "../src/api/users.js"
import { AsyncTask, Block, Common, DataSource, List, NotionClient, Page, PropertyValue, User } from "../src/index.js"
import { compile } from "../src/internal/validator.js"
import { fakeHttp, json } from "./utils/fakeHttp.js"
import { clientLayer } from "./utils/fixtures.js"
import * as live from "./utils/live.js"

/**
 * What the client answers for a response body: the compiled validator accepts it and the body is returned as
 * parsed (effect/Schema must agree).
 */
const decode = <A>(schema: Schema.Schema<A, any>, value: unknown): A => {
  const validate = compile(schema.ast)
  assert.isDefined(validate, "response schemas compile")
  assert.isTrue(validate!(value), "the compiled validator accepts it")
  assert.isTrue(Schema.is(schema)(value), "effect/Schema accepts it")
  return value as A
}

/** The compiled validator and effect/Schema both refuse it. */
const refuses = (schema: Schema.Schema<any, any>, value: unknown) => {
  assert.isFalse(compile(schema.ast)!(value), "the compiled validator refuses it")
  assert.isFalse(Schema.is(schema)(value), "effect/Schema refuses it")
}

describe("users", () => {
  it("the token's bot: owner, workspace limits and request id are typed", () => {
    const me = decode(Users.me.success, live.me)
    if (!User.isKnownUser(me) || me.type !== "bot") return assert.fail("a bot")
    assert.strictEqual(me.request_id, "3f0d5c4e-8b1a-4d2c-9e7f-6a5b4c3d2e10")
    const limit: number | undefined = me.bot.workspace_limits?.max_file_upload_size_in_bytes
    assert.strictEqual(limit, 5 * 1024 ** 3)
    const owner = me.bot.owner
    if (owner === undefined || !User.isKnownBotOwner(owner)) return assert.fail("a known owner")
    assert.deepStrictEqual(owner, { type: "workspace", workspace: true })
  })

  it("a public integration's owner is the person who installed it, whose name may be null", () => {
    const me = decode(Users.me.success, live.publicMe)
    if (
      !User.isKnownUser(me) || me.type !== "bot" || me.bot.owner === undefined || !User.isKnownBotOwner(me.bot.owner)
    ) {
      return assert.fail("a known owner")
    }
    if (me.bot.owner.type !== "user") return assert.fail("a user owner")
    assert.strictEqual(me.bot.owner.user.id, "5b0e7d61-9a4c-4f3e-8b12-6c7d8e9f0a21")
    assert.isTrue(User.isFullUser(me.bot.owner.user))
  })

  it("an owner kind Notion adds later is kept as sent; a malformed known one fails", () => {
    const agentOwned = { ...live.me, bot: { ...live.me.bot, owner: { type: "agent", agent: { id: "ag-1" } } } }
    const me = decode(Users.me.success, agentOwned)
    if (!User.isKnownUser(me) || me.type !== "bot" || me.bot.owner === undefined) return assert.fail("an owner")
    if (User.isKnownBotOwner(me.bot.owner)) return assert.fail("an unknown owner")
    assert.deepStrictEqual(me.bot.owner["agent"], { id: "ag-1" })
    refuses(Users.me.success, { ...live.me, bot: { ...live.me.bot, owner: { type: "user", user: "ada" } } })
    refuses(Users.me.success, {
      ...live.me,
      bot: { ...live.me.bot, workspace_limits: { max_file_upload_size_in_bytes: "5" } }
    })
  })

  it("a person's email_verified is typed; a person without a name (2026-12-01) decodes", () => {
    const ada = decode(Users.retrieve.success, { ...live.person, request_id: "r-1" })
    if (!User.isKnownUser(ada) || ada.type !== "person") return assert.fail("a person")
    assert.isTrue(ada.person.email_verified)
    assert.strictEqual(ada.request_id, "r-1")
    const grace = decode(Users.retrieve.success, live.namelessPerson)
    assert.isUndefined(grace.name)
    assert.strictEqual(decode(Users.retrieve.success, { ...live.namelessPerson, name: null }).name, null)
    refuses(Users.retrieve.success, { ...live.person, person: { email_verified: "yes" } })
  })
})

describe("pages and blocks across API versions", () => {
  it("request_id is typed on single-object answers", () => {
    const page = decode(Pages.retrieve.success, live.page)
    assert.strictEqual(page.request_id, "7c2e9a1b-4d3f-4b6a-8c5d-0e1f2a3b4c55")
    const block = decode(Blocks.retrieve.success, live.meetingNotesBlock)
    assert.strictEqual(block.request_id, "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c66")
    const partial = decode(Pages.retrieve.success, { object: "page", id: "p-1", request_id: "r-2" })
    assert.strictEqual(partial.request_id, "r-2")
    refuses(Pages.retrieve.success, { ...live.page, request_id: 7 })
  })

  it("in trash on every version: in_trash, else archived, else false", () => {
    const v2025 = decode(Page.Page, live.page)
    const v2026 = decode(Page.Page, live.pageV2026)
    assert.isFalse("archived" in v2026)
    assert.isFalse(Common.isInTrash(v2025))
    assert.isTrue(Common.isInTrash(v2026))
    const { in_trash: _, ...archivedOnly } = { ...live.page, archived: true }
    assert.isTrue(Common.isInTrash(decode(Page.Page, archivedOnly)))
    assert.isFalse(Common.isInTrash(decode(Page.PageOrPartial, { object: "page", id: "p-1" })))
    assert.isTrue(Common.isInTrash(decode(Block.Block, { ...live.meetingNotesBlock, in_trash: true })))
  })

  it("meeting notes decode under both names into one content, read through one guard", () => {
    const current = decode(Block.Block, live.meetingNotesBlock)
    const legacy = decode(Block.Block, live.transcriptionBlock)
    assert.strictEqual(current.type, "meeting_notes")
    assert.strictEqual(legacy.type, "transcription")
    for (const block of [current, legacy]) {
      if (!Block.isMeetingNotes(block)) return assert.fail(`meeting notes: ${block.type}`)
      const content = Block.meetingNotesContent(block)
      assert.strictEqual(content.status, "notes_ready")
      assert.strictEqual(content.children?.transcript_block_id, "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c203")
    }
    assert.deepStrictEqual(
      Block.meetingNotesContent(current as Block.MeetingNotesBlock),
      live.meetingNotesBlock.meeting_notes
    )
    assert.isFalse(
      Block.isMeetingNotes(
        decode(Block.Block, {
          ...live.meetingNotesBlock,
          type: "paragraph",
          paragraph: { rich_text: [], color: "default" }
        })
      )
    )
    assert.isFalse(Block.isMeetingNotes({ object: "block", id: "b-1" }))
    refuses(Block.Block, { ...live.transcriptionBlock, transcription: { status: 3 } })
  })

  it("person names may be null or absent in people values and mentions", () => {
    const page = decode(Page.Page, live.page)
    const people = PropertyValue.get(page, "Owner", "people")
    if (people._tag === "None") return assert.fail("people")
    assert.deepStrictEqual(people.value.map((p) => "name" in p ? p.name : "absent"), ["Ada Lovelace", "absent"])
    const mention = {
      type: "mention",
      mention: { type: "user", user: { ...live.namelessPerson, name: null } },
      annotations: live.text("x").annotations,
      plain_text: "@Anonymous",
      href: null
    }
    const withMention = { ...live.page, properties: { Name: { id: "title", type: "title", title: [mention] } } }
    assert.strictEqual(PropertyValue.title(decode(Page.Page, withMention)), "@Anonymous")
  })
})

describe("lists are open on object and type their own fields", () => {
  const future = { object: "form", id: "f-1", title: "Intake", questions: [{ id: "q-1" }] }

  it("search: a database (older API version) and a future kind are kept raw beside pages and data sources", () => {
    const answer = decode(
      Search.search.success,
      live.searchPage([live.page, live.dataSource, live.legacyDatabase, future])
    )
    assert.deepStrictEqual(answer.results.map((r) => r.object), ["page", "data_source", "database", "form"])
    const known = answer.results.filter(List.isKnownResult(DataSource.PageOrDataSource))
    assert.deepStrictEqual(known.map(DataSource.isFullPageOrDataSource), [true, true])
    const unknown = answer.results.filter((r) => !List.isKnownResult(DataSource.PageOrDataSource)(r))
    assert.deepStrictEqual(unknown, [live.legacyDatabase, future])
    assert.deepStrictEqual(answer.page_or_data_source, {})
    assert.strictEqual(answer.type, "page_or_data_source")
    assert.strictEqual(answer.request_id, "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b77")
  })

  it("a result of a known kind with a malformed payload still fails the page", () => {
    refuses(Search.search.success, live.searchPage([{ ...live.page, url: 42 }]))
    refuses(Search.search.success, live.searchPage([{ ...live.dataSource, title: "Tasks" }]))
    refuses(Search.search.success, live.searchPage([{ object: "form" }]))
    refuses(Search.search.success, { ...live.searchPage([]), page_or_data_source: "x" })
  })

  it("users.list: the user payload, the request id, and an unknown object kind among users", () => {
    const group = { object: "group", id: "g-1", name: "Engineering" }
    const answer = decode(Users.list.success, { ...live.usersPage, results: [...live.usersPage.results, group] })
    assert.deepStrictEqual(answer.user, {})
    assert.strictEqual(answer.request_id, "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c88")
    const users = answer.results.filter(List.isKnownResult(User.User))
    assert.deepStrictEqual(users.map((u) => u.name ?? null), ["Ada Lovelace", null, "Roadmap sync"])
    assert.strictEqual(answer.results.length - users.length, 1)
  })

  it("blocks.children.list: full and partial blocks (as the official types allow), the block payload", () => {
    const answer = decode(Blocks.childrenList.success, {
      object: "list",
      results: [live.meetingNotesBlock, { object: "block", id: "b-hidden" }],
      next_cursor: null,
      has_more: false,
      type: "block",
      block: {},
      request_id: "r-3"
    })
    assert.deepStrictEqual(answer.results.map((b) => Block.isFullBlock(b)), [true, false])
    assert.deepStrictEqual(answer.block, {})
  })

  it("dataSources.query: request_status says the query stopped at the cap", () => {
    const answer = decode(DataSources.query.success, live.cappedQueryPage)
    assert.deepStrictEqual(answer.request_status, {
      type: "incomplete",
      incomplete_reason: "query_result_limit_reached"
    })
    refuses(DataSources.query.success, { ...live.cappedQueryPage, request_status: { type: 1 } })
  })

  it.effect("the client streams every page of a search, unknown kinds included, without failing", () =>
    Effect.gen(function*() {
      const http = fakeHttp((_, attempt) =>
        json(200, attempt === 1 ? live.searchPage([live.page, live.legacyDatabase], "c-2") : live.searchPage([future]))
      )
      const results = yield* Effect.provide(
        Effect.flatMap(NotionClient.NotionClient, (c) => NotionClient.collect(c.search, {})),
        clientLayer(http.layer)
      )
      assert.deepStrictEqual(results.map((r) => r.object), ["page", "database", "form"])
      assert.deepStrictEqual(results[1], live.legacyDatabase)
      assert.strictEqual(http.requests.length, 2)
    }))
})

describe("async tasks", () => {
  it("a succeeded markdown task's result is the page as markdown, typed", () => {
    const task = decode(AsyncTasks.retrieve.success, live.markdownTask)
    assert.strictEqual(task.request_id, "1b2c3d4e-5f60-4718-9a0b-c1d2e3f4a5aa")
    if (!AsyncTask.isKnownAsyncTask(task) || task.status !== "succeeded") return assert.fail("a succeeded task")
    if (task.result === undefined || !AsyncTask.isPageMarkdownResult(task.result)) return assert.fail("markdown")
    assert.isFalse(task.result.truncated)
    assert.deepStrictEqual(task.result.unknown_block_ids, ["24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c301"])
    assert.isTrue(task.result.markdown.startsWith("# Launch plan"))
  })

  it("another result is kept as sent; a malformed page_markdown result fails", () => {
    const created = decode(AsyncTasks.retrieve.success, { ...live.markdownTask, result: { page_id: "p-1" } })
    if (!AsyncTask.isKnownAsyncTask(created) || created.status !== "succeeded") return assert.fail("succeeded")
    if (created.result === undefined || AsyncTask.isPageMarkdownResult(created.result)) return assert.fail("other")
    assert.strictEqual(created.result["page_id"], "p-1")
    refuses(AsyncTasks.retrieve.success, {
      ...live.markdownTask,
      result: { ...live.markdownTask.result, truncated: "no" }
    })
    refuses(AsyncTasks.retrieve.success, { ...live.markdownTask, result: "done" })
  })
})

describe("partial properties (2026-12-01 search and query pages)", () => {
  it("a title-only page decodes as it came: the other properties are absent, not empty", () => {
    const answer = decode(Search.search.success, live.searchPage([live.titleOnlyPage]))
    const row = answer.results[0]!
    if (!Page.isFullPage(row)) return assert.fail("a full page")
    assert.deepStrictEqual(Object.keys(row.properties), ["Name"])
    assert.strictEqual(PropertyValue.title(row), "Launch plan")
  })

  it("get: Some of the empty payload when returned empty, None when not returned", () => {
    const full = decode(Page.Page, live.page)
    const partial = decode(Page.Page, live.titleOnlyPage)
    assert.deepStrictEqual(PropertyValue.get(full, "Due", "date"), Option.some(null))
    assert.deepStrictEqual(PropertyValue.get(full, "Notes", "rich_text"), Option.some([]))
    assert.deepStrictEqual(PropertyValue.get(full, "Tags", "multi_select"), Option.some([]))
    assert.deepStrictEqual(PropertyValue.get(partial, "Due", "date"), Option.none())
    assert.deepStrictEqual(PropertyValue.get(partial, "Notes", "rich_text"), Option.none())
    assert.isTrue(Option.isSome(PropertyValue.get(partial, "Name", "title")))
  })

  it("lookup: Returned (by name or id), NotReturned, or Mismatch", () => {
    const full = decode(Page.Page, live.page)
    const partial = decode(Page.Page, live.titleOnlyPage)
    const due = PropertyValue.lookup(full, "Due", "date")
    assert.strictEqual(due._tag, "Returned")
    if (due._tag === "Returned") {
      const value: Common.DateValue | null = due.value
      assert.isNull(value)
      assert.strictEqual(due.property.id, "Kx%5Ev")
    }
    const byId = PropertyValue.lookup(full, "Kx%5Ev", "date")
    assert.strictEqual(byId._tag, "Returned")
    assert.deepStrictEqual(PropertyValue.lookup(partial, "Due", "date"), { _tag: "NotReturned" })
    assert.deepStrictEqual(PropertyValue.lookup(partial, "Kx%5Ev", "date"), { _tag: "NotReturned" })
    assert.deepStrictEqual(PropertyValue.lookup(full, "Due", "number"), {
      _tag: "Mismatch",
      property: live.page.properties.Due
    })
    const broken = { properties: { Due: { id: "Kx%5Ev", type: "date", date: { start: 5 } } } }
    assert.strictEqual(PropertyValue.lookup(broken, "Due", "date")._tag, "Mismatch")
    assert.deepStrictEqual(PropertyValue.get(broken, "Due", "date"), Option.none())
  })
})
