/**
 * Responses in the shape the live API answers them (every field it sends, `request_id` included), per API version.
 * Ids, names and URLs are made up; the shapes are not.
 */

const annotations = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: "default"
}

/** A plain text run. */
export const text = (content: string) => ({
  type: "text",
  text: { content, link: null },
  annotations,
  plain_text: content,
  href: null
})

/** A partial user (authors). */
export const author = { object: "user", id: "0f6c8e2b-4f6a-4c1e-9d55-2e6a9f1d2c11" }

/** A person as `users.list` answers it on 2025-09-03 (the email needs the user-information capability). */
export const person = {
  object: "user",
  id: "0f6c8e2b-4f6a-4c1e-9d55-2e6a9f1d2c11",
  name: "Ada Lovelace",
  avatar_url: "https://s3-us-west-2.amazonaws.com/public.notion-static.com/7d3b7c5e-1a2b/ada.png",
  type: "person",
  person: { email: "ada@example.org", email_verified: true }
}

/** A person on 2026-12-01: no name. */
export const namelessPerson = {
  object: "user",
  id: "5b0e7d61-9a4c-4f3e-8b12-6c7d8e9f0a21",
  avatar_url: null,
  type: "person",
  person: { email: "grace@example.org", email_verified: false }
}

/** `users.me` of an internal integration. */
export const me = {
  object: "user",
  id: "2c1b8a7e-3d4f-4e5a-8b6c-7d8e9f0a1b32",
  name: "Roadmap sync",
  avatar_url: null,
  type: "bot",
  bot: {
    owner: { type: "workspace", workspace: true },
    workspace_name: "Acme",
    workspace_id: "8e7d6c5b-4a39-4281-9e0f-1a2b3c4d5e43",
    workspace_limits: { max_file_upload_size_in_bytes: 5368709120 }
  },
  request_id: "3f0d5c4e-8b1a-4d2c-9e7f-6a5b4c3d2e10"
}

/** `users.me` of a public integration: owned by the person who installed it (name null on 2026-12-01). */
export const publicMe = {
  ...me,
  bot: {
    ...me.bot,
    owner: {
      type: "user",
      user: {
        object: "user",
        id: "5b0e7d61-9a4c-4f3e-8b12-6c7d8e9f0a21",
        name: null,
        avatar_url: null,
        type: "person",
        person: { email: "grace@example.org" }
      }
    }
  }
}

const parent = {
  type: "data_source_id",
  data_source_id: "1a2b3c4d-0000-4000-8000-00000000d501",
  database_id: "1a2b3c4d-0000-4000-8000-00000000db01"
}

/** A data source row as `pages.retrieve` answers it on 2025-09-03 (`archived` beside `in_trash`). */
export const page = {
  object: "page",
  id: "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c101",
  created_time: "2026-11-02T09:14:00.000Z",
  last_edited_time: "2026-11-30T16:42:00.000Z",
  created_by: author,
  last_edited_by: author,
  cover: null,
  icon: { type: "emoji", emoji: "🚀" },
  parent,
  archived: false,
  in_trash: false,
  is_archived: false,
  is_locked: false,
  properties: {
    Owner: { id: "%3ApQm", type: "people", people: [person, namelessPerson] },
    Due: { id: "Kx%5Ev", type: "date", date: null },
    Notes: { id: "Qw~b", type: "rich_text", rich_text: [] },
    Tags: { id: "Zt%7Cc", type: "multi_select", multi_select: [] },
    Name: { id: "title", type: "title", title: [text("Launch plan")] }
  },
  url: "https://www.notion.so/Launch-plan-24b1e3c28f0a80d49c1be7a5f3d2c101",
  public_url: null,
  request_id: "7c2e9a1b-4d3f-4b6a-8c5d-0e1f2a3b4c55"
}

/** The same page on 2026-03-11: `in_trash` only. */
export const pageV2026 = (() => {
  const { archived: _, ...rest } = page
  return { ...rest, in_trash: true }
})()

/** The same page in a 2026-12-01 search or query: only the title property. */
export const titleOnlyPage = (() => {
  const { request_id: _, ...rest } = page
  return { ...rest, properties: { Name: page.properties.Name } }
})()

const meetingNotes = {
  title: [text("Weekly sync")],
  status: "notes_ready",
  children: {
    summary_block_id: "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c201",
    notes_block_id: "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c202",
    transcript_block_id: "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c203"
  },
  calendar_event: {
    start_time: "2026-11-30T15:00:00.000Z",
    end_time: "2026-11-30T15:30:00.000Z",
    attendees: [person.id]
  },
  recording: { start_time: "2026-11-30T15:01:12.000Z", end_time: "2026-11-30T15:29:40.000Z" }
}

/** A meeting-notes block as `blocks.retrieve` answers it on 2026-03-11. */
export const meetingNotesBlock = {
  object: "block",
  id: "24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c200",
  parent: { type: "page_id", page_id: page.id },
  created_time: "2026-11-30T15:00:00.000Z",
  last_edited_time: "2026-11-30T15:31:00.000Z",
  created_by: author,
  last_edited_by: author,
  has_children: true,
  in_trash: false,
  type: "meeting_notes",
  meeting_notes: meetingNotes,
  request_id: "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c66"
}

/** The same block on 2025-09-03: `transcription`, and `archived` beside `in_trash`. */
export const transcriptionBlock = (() => {
  const { meeting_notes: _, ...rest } = meetingNotesBlock
  return { ...rest, archived: false, type: "transcription", transcription: meetingNotes }
})()

/** A data source as search and query answer it. */
export const dataSource = {
  object: "data_source",
  id: "1a2b3c4d-0000-4000-8000-00000000d501",
  title: [text("Tasks")],
  description: [],
  parent: { type: "database_id", database_id: "1a2b3c4d-0000-4000-8000-00000000db01" },
  database_parent: { type: "page_id", page_id: "1a2b3c4d-0000-4000-8000-00000000aa01" },
  is_inline: false,
  in_trash: false,
  created_time: "2026-10-01T08:00:00.000Z",
  last_edited_time: "2026-11-30T16:40:00.000Z",
  created_by: author,
  last_edited_by: author,
  properties: {
    Name: { id: "title", name: "Name", description: null, type: "title", title: {} }
  },
  icon: null,
  cover: null,
  url: "https://www.notion.so/1a2b3c4d000040008000000000000d501",
  public_url: null
}

/** A database as an older API version lists it among search results. */
export const legacyDatabase = {
  object: "database",
  id: "1a2b3c4d-0000-4000-8000-00000000db01",
  cover: null,
  icon: null,
  created_time: "2026-10-01T08:00:00.000Z",
  created_by: author,
  last_edited_by: author,
  last_edited_time: "2026-11-30T16:40:00.000Z",
  title: [text("Tasks")],
  description: [],
  is_inline: false,
  properties: { Name: { id: "title", name: "Name", type: "title", title: {} } },
  parent: { type: "page_id", page_id: "1a2b3c4d-0000-4000-8000-00000000aa01" },
  url: "https://www.notion.so/1a2b3c4d000040008000000000000db01",
  public_url: null,
  archived: false,
  in_trash: false
}

/** One page of `search` on 2025-09-03, as recorded: a page, a data source, and the list's own fields. */
export const searchPage = (results: ReadonlyArray<unknown>, next_cursor: string | null = null) => ({
  object: "list",
  results,
  next_cursor,
  has_more: next_cursor !== null,
  type: "page_or_data_source",
  page_or_data_source: {},
  request_id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b77"
})

/** One page of `users.list`. */
export const usersPage = {
  object: "list",
  results: [person, namelessPerson, (({ request_id: _, ...bot }) => ({ ...bot, bot: {} }))(me)],
  next_cursor: null,
  has_more: false,
  type: "user",
  user: {},
  request_id: "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c88"
}

/** One page of `dataSources.query` that stopped at Notion's 10,000-row cap. */
export const cappedQueryPage = {
  ...searchPage([titleOnlyPage]),
  request_status: { type: "incomplete", incomplete_reason: "query_result_limit_reached" }
}

/** `asyncTasks.retrieve` once a markdown update (`allow_async: true`) has succeeded. */
export const markdownTask = {
  object: "async_task",
  id: "9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b99",
  status_url: "https://api.notion.com/v1/async_tasks/9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b99",
  created_time: "2026-12-01T10:02:00.000Z",
  operation: { surface: "rest", name: "update_page_markdown" },
  status: "succeeded",
  result: {
    object: "page_markdown",
    id: page.id,
    markdown: "# Launch plan\n\nShip the beta on Friday.\n\n<unknown url=\"https://www.notion.so/24b1e3c2\"/>",
    truncated: false,
    unknown_block_ids: ["24b1e3c2-8f0a-80d4-9c1b-e7a5f3d2c301"]
  },
  request_id: "1b2c3d4e-5f60-4718-9a0b-c1d2e3f4a5aa"
}
