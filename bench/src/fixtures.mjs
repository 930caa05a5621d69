// Realistic Notion answers for the benchmarks: a users.list page of 100 users, and a page with 12 properties.
const rt = (text) => [{
  type: "text",
  text: { content: text, link: null },
  annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
  plain_text: text,
  href: null
}]

export const user = (i) =>
  i % 3 === 0
    ? {
      object: "user",
      id: `b0000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: `Bot ${i}`,
      avatar_url: null,
      type: "bot",
      bot: {}
    }
    : {
      object: "user",
      id: `u0000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: `Person ${i}`,
      avatar_url: "https://example.com/a.png",
      type: "person",
      person: { email: `p${i}@example.com` }
    }

/** A page of `users.list`: 100 users from `offset`, with the cursor of the next page while `offset < total`. */
export const usersPage = (offset, total) => {
  const next = offset + 100 < total ? String(offset + 100) : null
  return JSON.stringify({
    object: "list",
    results: Array.from({ length: 100 }, (_, i) => user(offset + i)),
    next_cursor: next,
    has_more: next !== null,
    type: "user",
    user: {},
    request_id: "r1"
  })
}

export const page = JSON.stringify({
  object: "page",
  id: "p0000000-0000-4000-8000-000000000001",
  created_time: "2025-01-01T00:00:00.000Z",
  last_edited_time: "2025-01-02T00:00:00.000Z",
  in_trash: false,
  archived: false,
  is_locked: false,
  url: "https://www.notion.so/p1",
  public_url: null,
  parent: { type: "data_source_id", data_source_id: "ds1", database_id: "db1" },
  icon: { type: "emoji", emoji: "🚀" },
  cover: null,
  created_by: { object: "user", id: "u1" },
  last_edited_by: { object: "user", id: "u1" },
  properties: {
    Name: { id: "title", type: "title", title: rt("Hello") },
    Notes: { id: "a", type: "rich_text", rich_text: rt("Some notes here") },
    Count: { id: "b", type: "number", number: 42 },
    Done: { id: "c", type: "checkbox", checkbox: true },
    Status: { id: "d", type: "status", status: { id: "s1", name: "Done", color: "green" } },
    Tag: { id: "e", type: "select", select: { id: "t1", name: "A", color: "red" } },
    Tags: {
      id: "f",
      type: "multi_select",
      multi_select: [{ id: "t1", name: "A", color: "red" }, { id: "t2", name: "B", color: "blue" }]
    },
    Due: { id: "g", type: "date", date: { start: "2025-01-01", end: null, time_zone: null } },
    Owner: { id: "h", type: "people", people: [{ object: "user", id: "u1" }] },
    Link: { id: "i", type: "url", url: "https://example.com" },
    Related: { id: "j", type: "relation", relation: [{ id: "p2" }], has_more: false },
    Created: { id: "k", type: "created_time", created_time: "2025-01-01T00:00:00.000Z" }
  }
})
