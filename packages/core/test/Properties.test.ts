import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Common from "../src/Common.js"
import { Filter, Sort } from "../src/Filter.js"
import * as Filters from "../src/Filter.js"
import { compile } from "../src/internal/validator.js"
import * as Property from "../src/Property.js"
import * as PropertyValue from "../src/PropertyValue.js"
import * as RichText from "../src/RichText.js"
import { mutate } from "./utils/mutate.js"
import { forAll } from "./utils/property.js"

// ---------------------------------------------------------------------------------------------------------------
// fixtures (shapes from @notionhq/client 5.26.0 common.d.ts / pages.d.ts / data-sources.d.ts)
// ---------------------------------------------------------------------------------------------------------------

const annotations = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: "default"
}

const text = (content: string, link: string | null = null) => ({
  type: "text",
  text: { content, link: link === null ? null : { url: link } },
  annotations,
  plain_text: content,
  href: link
})

const mention = (mention: unknown, plain_text: string, href: string | null = null) => ({
  type: "mention",
  mention,
  annotations: { ...annotations, bold: true, color: "red_background" },
  plain_text,
  href
})

const person = {
  object: "user",
  id: "u-person",
  name: "Ada",
  avatar_url: null,
  type: "person",
  person: { email: "ada@example.com" }
}
const bot = { object: "user", id: "u-bot", name: "Bot", avatar_url: null, type: "bot", bot: {} }
const partialUser = { object: "user", id: "u-partial" }
const dateValue = { start: "2025-03-01", end: "2025-03-05", time_zone: null }
const datetimeValue = { start: "2025-03-01T09:00:00.000+01:00", end: null }

const richTextItems = {
  text: text("Hello "),
  link: text("docs", "https://developers.notion.com"),
  equation: {
    type: "equation",
    equation: { expression: "e^{i\\pi}+1=0" },
    annotations,
    plain_text: "e^{i\\pi}+1=0",
    href: null
  },
  user: mention({ type: "user", user: person }, "@Ada"),
  partialUser: mention({ type: "user", user: partialUser }, "@Anonymous"),
  date: mention({ type: "date", date: dateValue }, "March 1, 2025 → March 5, 2025"),
  page: mention({ type: "page", page: { id: "p-1" } }, "Roadmap", "https://www.notion.so/p1"),
  database: mention({ type: "database", database: { id: "db-1" } }, "Tasks", "https://www.notion.so/db1"),
  linkPreview: mention({ type: "link_preview", link_preview: { url: "https://github.com/x/y/pull/1" } }, "PR 1"),
  linkMention: mention(
    {
      type: "link_mention",
      link_mention: { href: "https://example.com", title: "Example", icon_url: "https://example.com/i.png", height: 80 }
    },
    "Example",
    "https://example.com"
  ),
  templateDate: mention(
    { type: "template_mention", template_mention: { type: "template_mention_date", template_mention_date: "today" } },
    "@Today"
  ),
  templateUser: mention(
    { type: "template_mention", template_mention: { type: "template_mention_user", template_mention_user: "me" } },
    "@Me"
  ),
  customEmoji: mention(
    { type: "custom_emoji", custom_emoji: { id: "ce-1", name: "party", url: "https://s3/party.png" } },
    ":party:"
  )
}

const hosted = { url: "https://prod-files.s3.amazonaws.com/a.pdf?X-Amz=1", expiry_time: "2025-03-01T10:00:00.000Z" }

const propertyValues = {
  Name: { id: "title", type: "title", title: [richTextItems.text, richTextItems.user, richTextItems.equation] },
  Notes: { id: "a%3Bb", type: "rich_text", rich_text: Object.values(richTextItems) },
  Estimate: { id: "n1", type: "number", number: 3.5 },
  EmptyNumber: { id: "n2", type: "number", number: null },
  Link: { id: "u1", type: "url", url: "https://example.com" },
  Priority: { id: "s1", type: "select", select: { id: "opt-1", name: "High", color: "red" } },
  NoPriority: { id: "s2", type: "select", select: null },
  Tags: {
    id: "m1",
    type: "multi_select",
    multi_select: [{ id: "t1", name: "bug", color: "orange" }, { id: "t2", name: "ui", color: "default" }]
  },
  Status: { id: "st", type: "status", status: { id: "st-2", name: "In progress", color: "blue" } },
  Due: { id: "d1", type: "date", date: dateValue },
  Meeting: { id: "d2", type: "date", date: datetimeValue },
  NoDate: { id: "d3", type: "date", date: null },
  Email: { id: "e1", type: "email", email: "ada@example.com" },
  Phone: { id: "ph", type: "phone_number", phone_number: null },
  Done: { id: "c1", type: "checkbox", checkbox: true },
  Attachments: {
    id: "f1",
    type: "files",
    files: [
      { name: "a.pdf", type: "file", file: hosted },
      { name: "logo", type: "external", external: { url: "https://example.com/logo.png" } }
    ]
  },
  Assignees: {
    id: "pp",
    type: "people",
    people: [person, bot, partialUser, { object: "group", id: "g-1", name: "Design" }]
  },
  Project: { id: "r1", type: "relation", relation: [{ id: "p-1" }, { id: "p-2" }], has_more: false },
  TaskCount: { id: "ro1", type: "rollup", rollup: { type: "number", number: 4, function: "count" } },
  LastDue: { id: "ro2", type: "rollup", rollup: { type: "date", date: dateValue, function: "latest_date" } },
  Owners: {
    id: "ro3",
    type: "rollup",
    rollup: {
      type: "array",
      function: "show_original",
      array: [
        { type: "people", people: [partialUser] },
        { type: "title", title: [text("Sub task")] },
        { type: "number", number: 2 },
        { type: "some_future_type", some_future_type: { x: 1 } }
      ]
    }
  },
  Partial: { id: "ro4", type: "rollup", rollup: { type: "incomplete", incomplete: {}, function: "sum" } },
  Weird: { id: "ro5", type: "rollup", rollup: { type: "unsupported", unsupported: {}, function: "median" } },
  Label: { id: "fo1", type: "formula", formula: { type: "string", string: "P1 · High" } },
  Score: { id: "fo2", type: "formula", formula: { type: "number", number: null } },
  Overdue: { id: "fo3", type: "formula", formula: { type: "boolean", boolean: false } },
  NextReview: { id: "fo4", type: "formula", formula: { type: "date", date: dateValue } },
  Legacy: { id: "fo5", type: "formula", formula: { type: "unsupported", unsupported: {} } },
  "Created by": { id: "cb", type: "created_by", created_by: partialUser },
  Created: { id: "ct", type: "created_time", created_time: "2025-01-01T00:00:00.000Z" },
  "Edited by": { id: "eb", type: "last_edited_by", last_edited_by: person },
  Edited: { id: "et", type: "last_edited_time", last_edited_time: "2025-01-02T00:00:00.000Z" },
  Run: { id: "bt", type: "button", button: {} },
  ID: { id: "uid", type: "unique_id", unique_id: { prefix: "TASK", number: 12 } },
  Verified: {
    id: "vf1",
    type: "verification",
    verification: {
      state: "verified",
      date: { start: "2025-01-01", end: "2025-04-01", time_zone: null },
      verified_by: partialUser
    }
  },
  Unverified: { id: "vf2", type: "verification", verification: { state: "unverified", date: null, verified_by: null } },
  Office: {
    id: "pl",
    type: "place",
    place: { lat: 48.8584, lon: 2.2945, name: "Eiffel Tower", address: "Champ de Mars, Paris", google_place_id: "ChIJ" }
  }
} as const

const page = {
  object: "page",
  id: "page-1",
  created_time: "2025-01-01T00:00:00.000Z",
  last_edited_time: "2025-01-02T00:00:00.000Z",
  in_trash: false,
  archived: false,
  url: "https://www.notion.so/page1",
  public_url: null,
  parent: { type: "data_source_id", data_source_id: "ds-1", database_id: "db-1" },
  properties: propertyValues,
  icon: { type: "emoji", emoji: "🚀" },
  cover: { type: "external", external: { url: "https://example.com/cover.png" } },
  created_by: partialUser,
  last_edited_by: partialUser
}

const option = (id: string, name: string, color: string) => ({ id, name, color, description: null })

const schemaProperties = {
  Name: { id: "title", name: "Name", type: "title", title: {}, description: null },
  Notes: { id: "rt", name: "Notes", type: "rich_text", rich_text: {}, description: "Free text" },
  Estimate: { id: "n", name: "Estimate", type: "number", number: { format: "number_with_commas" } },
  Priority: { id: "s", name: "Priority", type: "select", select: { options: [option("o1", "High", "red")] } },
  Tags: {
    id: "m",
    name: "Tags",
    type: "multi_select",
    multi_select: { options: [option("t1", "bug", "orange"), { id: "t2", name: "ui", color: "default" }] }
  },
  Status: {
    id: "st",
    name: "Status",
    type: "status",
    status: {
      options: [
        option("a", "Not started", "default"),
        option("b", "In progress", "blue"),
        option("c", "Done", "green")
      ],
      groups: [
        { id: "g1", name: "To-do", color: "gray", option_ids: ["a"] },
        { id: "g2", name: "In progress", color: "blue", option_ids: ["b"] },
        { id: "g3", name: "Complete", color: "green", option_ids: ["c"] }
      ]
    }
  },
  Due: { id: "d", name: "Due", type: "date", date: {} },
  Assignees: { id: "p", name: "Assignees", type: "people", people: {} },
  Attachments: { id: "f", name: "Attachments", type: "files", files: {} },
  Done: { id: "c", name: "Done", type: "checkbox", checkbox: {} },
  Link: { id: "u", name: "Link", type: "url", url: {} },
  Email: { id: "e", name: "Email", type: "email", email: {} },
  Phone: { id: "ph", name: "Phone", type: "phone_number", phone_number: {} },
  Score: { id: "fo", name: "Score", type: "formula", formula: { expression: "prop(\"Estimate\") * 2" } },
  Project: {
    id: "r",
    name: "Project",
    type: "relation",
    relation: {
      database_id: "db-2",
      data_source_id: "ds-2",
      type: "dual_property",
      dual_property: { synced_property_id: "xyz", synced_property_name: "Tasks" }
    }
  },
  Parent: {
    id: "r2",
    name: "Parent",
    type: "relation",
    relation: { database_id: "db-1", data_source_id: "ds-1", type: "single_property", single_property: {} }
  },
  TaskCount: {
    id: "ro",
    name: "TaskCount",
    type: "rollup",
    rollup: {
      function: "count",
      relation_property_name: "Project",
      relation_property_id: "r",
      rollup_property_name: "Name",
      rollup_property_id: "title"
    }
  },
  Created: { id: "ct", name: "Created", type: "created_time", created_time: {} },
  "Created by": { id: "cb", name: "Created by", type: "created_by", created_by: {} },
  Edited: { id: "et", name: "Edited", type: "last_edited_time", last_edited_time: {} },
  "Edited by": { id: "eb", name: "Edited by", type: "last_edited_by", last_edited_by: {} },
  ID: { id: "uid", name: "ID", type: "unique_id", unique_id: { prefix: "TASK" } },
  NoPrefix: { id: "uid2", name: "NoPrefix", type: "unique_id", unique_id: { prefix: null } },
  Run: { id: "bt", name: "Run", type: "button", button: {} },
  Where: { id: "lo", name: "Where", type: "location", location: {} },
  Verified: { id: "vf", name: "Verified", type: "verification", verification: {} },
  Visited: { id: "lv", name: "Visited", type: "last_visited_time", last_visited_time: {} },
  Office: { id: "pl", name: "Office", type: "place", place: {} }
} as const

const parents = [
  { type: "page_id", page_id: "p-1" },
  { type: "database_id", database_id: "db-1" },
  { type: "data_source_id", data_source_id: "ds-1", database_id: "db-1" },
  { type: "block_id", block_id: "b-1" },
  { type: "workspace", workspace: true },
  { type: "agent_id", agent_id: "a-1" }
]

const icons = [
  { type: "emoji", emoji: "🚀" },
  { type: "external", external: { url: "https://example.com/i.png" } },
  { type: "file", file: hosted },
  { type: "custom_emoji", custom_emoji: { id: "ce-1", name: "party", url: "https://s3/party.png" } },
  { type: "icon", icon: { name: "rocket", color: "lightgray" } },
  { type: "file_upload", file_upload: { id: "fu-1" } }
]

const covers = [
  { type: "external", external: { url: "https://example.com/c.png" } },
  { type: "file", file: hosted },
  { type: "file_upload", file_upload: { id: "fu-1" } }
]

/** Asserts that `schema` accepts every value, with the compiled validator and `Schema.is` agreeing. */
const accepts = (schema: Schema.Schema<any>, values: ReadonlyArray<unknown>, name: string) => {
  const validate = compile(schema.ast)
  assert.isDefined(validate, `${name} must compile`)
  const is = Schema.is(schema)
  for (const value of values) {
    const label = `${name}: ${JSON.stringify(value).slice(0, 160)}`
    assert.isTrue(is(value), label)
    assert.isTrue(validate!(value), label)
    assert.isTrue(Either.isRight(Schema.decodeUnknownEither(schema)(value)), label)
  }
}

/** Asserts that `schema` rejects every value, with the compiled validator and `Schema.is` agreeing. */
const rejects = (schema: Schema.Schema<any>, values: ReadonlyArray<unknown>, name: string) => {
  const validate = compile(schema.ast)!
  const is = Schema.is(schema)
  for (const value of values) {
    const label = `${name}: ${JSON.stringify(value).slice(0, 160)}`
    assert.isFalse(is(value), label)
    assert.isFalse(validate(value), label)
    assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(schema)(value)), label)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// response schemas
// ---------------------------------------------------------------------------------------------------------------

const responseSchemas: Record<string, Schema.Schema<any>> = {
  Parent: Common.Parent,
  FileObject: Common.FileObject,
  Icon: Common.Icon,
  Cover: Common.Cover,
  DateValue: Common.DateValue,
  UserValue: Common.UserValue,
  RichTextItem: RichText.RichTextItem,
  RichText: RichText.RichText,
  Mention: RichText.Mention,
  PropertyValue: PropertyValue.PropertyValue,
  PropertyValues: PropertyValue.PropertyValues,
  FormulaValue: PropertyValue.FormulaValue,
  RollupValue: PropertyValue.RollupValue,
  NamedFile: PropertyValue.NamedFile,
  Property: Property.Property,
  Properties: Property.Properties
}

describe("Common", () => {
  it("every response schema compiles (no transformations)", () => {
    for (const [name, schema] of Object.entries(responseSchemas)) assert.isDefined(compile(schema.ast), name)
  })

  it("decodes parents, icons, covers, dates and user values", () => {
    accepts(Common.Parent, parents, "Parent")
    accepts(Common.Icon, icons, "Icon")
    accepts(Common.Cover, covers, "Cover")
    accepts(Common.FileObject, covers, "FileObject")
    accepts(
      Common.DateValue,
      [dateValue, datetimeValue, { start: "2025-01-01", end: null, time_zone: "Europe/Paris" }],
      "DateValue"
    )
    accepts(Common.UserValue, [person, bot, partialUser], "UserValue")
    for (const p of parents) assert.isTrue(Common.isKnownParent(Schema.decodeUnknownSync(Common.Parent)(p)))
    for (const i of icons) assert.isTrue(Common.isKnownIcon(Schema.decodeUnknownSync(Common.Icon)(i)))
  })

  it("keeps unknown kinds as sent, and rejects known kinds with a bad payload", () => {
    const future = { type: "team_id", team_id: "t-1", extra: { nested: [1, 2] } }
    const parent = Schema.decodeUnknownSync(Common.Parent)(future)
    assert.deepStrictEqual(parent, future)
    assert.isFalse(Common.isKnownParent(parent))
    const icon = Schema.decodeUnknownSync(Common.Icon)({ type: "sticker", sticker: { id: "s" } })
    assert.isFalse(Common.isKnownIcon(icon))
    rejects(Common.Parent, [{ type: "page_id" }, { type: "page_id", page_id: 1 }, { page_id: "p" }, null], "Parent")
    rejects(Common.Icon, [{ type: "emoji", emoji: null }, { type: "file", file: { url: "u" } }], "Icon")
    rejects(Common.DateValue, [{ start: "2025-01-01" }, { start: null, end: null }], "DateValue")
  })
})

describe("RichText", () => {
  it("decodes every item and mention kind", () => {
    accepts(RichText.RichTextItem, Object.values(richTextItems), "RichTextItem")
    for (const item of Object.values(richTextItems)) {
      const decoded = Schema.decodeUnknownSync(RichText.RichTextItem)(item)
      assert.isTrue(RichText.isKnownRichTextItem(decoded))
      if (RichText.isKnownRichTextItem(decoded) && decoded.type === "mention") {
        assert.isTrue(RichText.isKnownMention(decoded.mention))
      }
    }
  })

  it("keeps unknown item and mention kinds, rejects malformed known ones", () => {
    const future = { type: "footnote", footnote: { n: 1 }, annotations, plain_text: "[1]", href: null }
    const item = Schema.decodeUnknownSync(RichText.RichTextItem)(future)
    assert.deepStrictEqual(item, future)
    assert.isFalse(RichText.isKnownRichTextItem(item))
    assert.strictEqual(item.plain_text, "[1]")
    const futureMention = mention({ type: "meeting", meeting: { id: "m" } }, "Standup")
    accepts(RichText.RichTextItem, [futureMention], "RichTextItem")
    const m = Schema.decodeUnknownSync(RichText.RichTextItem)(futureMention)
    if (!RichText.isKnownRichTextItem(m) || m.type !== "mention") return assert.fail("a mention is known")
    assert.isFalse(RichText.isKnownMention(m.mention))
    rejects(RichText.RichTextItem, [
      { ...richTextItems.text, text: { content: 1, link: null } },
      { ...richTextItems.text, annotations: { ...annotations, bold: "yes" } },
      { type: "footnote", footnote: {}, annotations, href: null },
      mention({ type: "page", page: {} }, "x"),
      mention({ type: "date", date: { end: null } }, "x")
    ], "RichTextItem")
  })

  it("plainText joins the runs", () => {
    const items = Schema.decodeUnknownSync(RichText.RichText)([richTextItems.text, richTextItems.link])
    assert.strictEqual(RichText.plainText(items), "Hello docs")
    assert.strictEqual(RichText.plainText([]), "")
  })
})

describe("PropertyValue", () => {
  it("decodes every property value type", () => {
    accepts(PropertyValue.PropertyValue, Object.values(propertyValues), "PropertyValue")
    accepts(PropertyValue.PropertyValues, [propertyValues], "PropertyValues")
    const types = new Set(Object.values(propertyValues).map((v) => v.type))
    assert.strictEqual(types.size, 24)
    for (const value of Object.values(propertyValues)) {
      assert.isTrue(PropertyValue.isKnownPropertyValue(Schema.decodeUnknownSync(PropertyValue.PropertyValue)(value)))
    }
  })

  it("decodes formula and rollup results, keeping unknown kinds", () => {
    const formulas = Object.values(propertyValues).flatMap((v) => v.type === "formula" ? [v.formula] : [])
    accepts(PropertyValue.FormulaValue, formulas, "FormulaValue")
    const unsupported = Schema.decodeUnknownSync(PropertyValue.FormulaValue)({ type: "unsupported", unsupported: {} })
    assert.isFalse(PropertyValue.isKnownFormulaValue(unsupported))
    const rollups = Object.values(propertyValues).flatMap((v) => v.type === "rollup" ? [v.rollup] : [])
    accepts(PropertyValue.RollupValue, rollups, "RollupValue")
    for (const r of rollups) {
      assert.isTrue(PropertyValue.isKnownRollupValue(Schema.decodeUnknownSync(PropertyValue.RollupValue)(r)))
    }
    const future = { type: "histogram", histogram: [1, 2], function: "count_per_group" }
    assert.deepStrictEqual(Schema.decodeUnknownSync(PropertyValue.RollupValue)(future), future)
    rejects(PropertyValue.RollupValue, [
      { type: "number", number: 1 },
      { type: "number", number: "1", function: "sum" },
      { type: "array", array: [{ type: "number", number: "2" }], function: "show_original" }
    ], "RollupValue")
  })

  it("an unknown type decodes and keeps its raw payload", () => {
    const future = { id: "ai", type: "ai_summary", ai_summary: { text: "A summary", model: { name: "x" } } }
    accepts(PropertyValue.PropertyValue, [future], "PropertyValue")
    const value = Schema.decodeUnknownSync(PropertyValue.PropertyValue)(future)
    assert.deepStrictEqual(value, future)
    assert.isFalse(PropertyValue.isKnownPropertyValue(value))
    assert.strictEqual(value.id, "ai")
  })

  it("a known type with a malformed payload fails", () => {
    rejects(PropertyValue.PropertyValue, [
      { id: "n", type: "number", number: "42" },
      { id: "t", type: "title", title: "Plain string" },
      { id: "c", type: "checkbox", checkbox: null },
      { id: "s", type: "select", select: { id: "o" } },
      { id: "d", type: "date", date: { end: null } },
      { id: "p", type: "people", people: [{ id: "u" }] },
      { id: "r", type: "relation", relation: [{}] },
      { id: "f", type: "files", files: [{ type: "file", file: hosted }] },
      { id: "fo", type: "formula", formula: { type: "number", number: "1" } },
      { id: "u", type: "unique_id", unique_id: { prefix: "T" } },
      { id: "pl", type: "place", place: { lat: "48", lon: 2 } },
      { type: "number", number: 1 },
      { id: "x" }
    ], "PropertyValue")
  })

  it("get narrows to the requested type", () => {
    const due: Option.Option<Common.DateValue | null> = PropertyValue.get(page, "Due", "date")
    assert.deepStrictEqual(due, Option.some(dateValue))
    assert.deepStrictEqual(PropertyValue.get(page, "NoDate", "date"), Option.some(null))
    const estimate: Option.Option<number | null> = PropertyValue.get(page, "Estimate", "number")
    assert.deepStrictEqual(estimate, Option.some(3.5))
    const done: Option.Option<boolean> = PropertyValue.get(page, "Done", "checkbox")
    assert.deepStrictEqual(done, Option.some(true))
    const priority = PropertyValue.get(page, "Priority", "select").pipe(Option.flatMap(Option.fromNullable))
    assert.deepStrictEqual(Option.map(priority, (o) => o.name), Option.some("High"))
    const tags = PropertyValue.get(page, "Tags", "multi_select")
    assert.deepStrictEqual(Option.map(tags, (ts) => ts.map((t) => t.name)), Option.some(["bug", "ui"]))
    const label = PropertyValue.get(page, "Label", "formula")
    assert.deepStrictEqual(
      label.pipe(Option.map((f) => f.type === "string" ? f.string : null)),
      Option.some("P1 · High")
    )
    // by id
    assert.deepStrictEqual(PropertyValue.get(page, "uid", "unique_id"), Option.some({ prefix: "TASK", number: 12 }))
    // wrong type, missing, malformed
    assert.isTrue(Option.isNone(PropertyValue.get(page, "Due", "number")))
    assert.isTrue(Option.isNone(PropertyValue.get(page, "Nope", "date")))
    const broken = { properties: { Due: { id: "d", type: "date", date: { start: 1 } } } }
    assert.isTrue(Option.isNone(PropertyValue.get(broken, "Due", "date")))
    // the whole value
    const found = PropertyValue.find(page, "Project", "relation")
    assert.deepStrictEqual(
      Option.map(found, (r) => [r.id, r.relation.length, r.has_more]),
      Option.some(["r1", 2, false])
    )
  })

  it("title reads the title property as plain text", () => {
    assert.strictEqual(PropertyValue.title(page), "Hello @Adae^{i\\pi}+1=0")
    assert.strictEqual(PropertyValue.title({ properties: { Task: { id: "title", type: "title", title: [] } } }), "")
    assert.strictEqual(PropertyValue.title({ properties: {} }), "")
  })
})

describe("Property", () => {
  it("decodes every schema property type", () => {
    accepts(Property.Property, Object.values(schemaProperties), "Property")
    accepts(Property.Properties, [schemaProperties], "Properties")
    const types = new Set(Object.values(schemaProperties).map((p) => p.type))
    assert.strictEqual(types.size, 26)
    for (const p of Object.values(schemaProperties)) {
      assert.isTrue(Property.isKnownProperty(Schema.decodeUnknownSync(Property.Property)(p)))
    }
    const status = Schema.decodeUnknownSync(Property.Property)(schemaProperties.Status)
    if (!Property.isKnownProperty(status) || status.type !== "status") return assert.fail("status is known")
    assert.deepStrictEqual(status.status.groups.map((g) => g.option_ids.length), [1, 1, 1])
  })

  it("keeps unknown types, rejects malformed known ones", () => {
    const future = {
      id: "x",
      name: "Summary",
      type: "ai_autofill",
      ai_autofill: { prompt: "Summarize" },
      description: null
    }
    const value = Schema.decodeUnknownSync(Property.Property)(future)
    assert.deepStrictEqual(value, future)
    assert.isFalse(Property.isKnownProperty(value))
    rejects(Property.Property, [
      { id: "n", name: "N", type: "number", number: {} },
      { id: "s", name: "S", type: "select", select: { options: [{ name: "x" }] } },
      { id: "s", name: "S", type: "status", status: { options: [] } },
      { id: "f", name: "F", type: "formula", formula: {} },
      { id: "r", name: "R", type: "rollup", rollup: { function: "count" } },
      { id: "t", type: "title", title: {} },
      { id: "x", name: "X", type: "ai_autofill", description: 5 }
    ], "Property")
  })
})

describe("the compiled validator agrees with Schema.is", () => {
  const fixtures: Record<string, ReadonlyArray<unknown>> = {
    PropertyValue: Object.values(propertyValues),
    Property: Object.values(schemaProperties),
    RichTextItem: Object.values(richTextItems),
    Parent: parents,
    Icon: icons
  }

  it("on mutated fixtures", () => {
    let state = 7
    const rng = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
    for (const [name, values] of Object.entries(fixtures)) {
      const schema = responseSchemas[name]!
      const validate = compile(schema.ast)!
      const is = Schema.is(schema)
      for (const value of values) {
        for (let i = 0; i < 30; i++) {
          const mutated = mutate(value, rng)
          assert.strictEqual(validate(mutated), is(mutated), `${name}: ${JSON.stringify(mutated).slice(0, 200)}`)
        }
      }
    }
  })

  for (const name of ["PropertyValue", "Property", "RichTextItem", "Parent", "Icon", "FormulaValue"]) {
    it(`${name}: on generated values`, () => {
      const schema = responseSchemas[name]!
      const validate = compile(schema.ast)!
      const is = Schema.is(schema)
      forAll(schema, 100, (value, seed) => {
        let state = seed
        const rng = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
        const json = JSON.parse(JSON.stringify(value))
        const mutated = mutate(json, rng)
        return validate(json) === is(json) && validate(mutated) === is(mutated)
      })
    })
  }
})

// ---------------------------------------------------------------------------------------------------------------
// filters and sorts
// ---------------------------------------------------------------------------------------------------------------

describe("Filter", () => {
  it("constructors produce the JSON Notion expects", () => {
    const cases: ReadonlyArray<[unknown, unknown]> = [
      [Filter.title("Name", { contains: "x" }), { property: "Name", title: { contains: "x" } }],
      [Filter.richText("Notes", { is_empty: true }), { property: "Notes", rich_text: { is_empty: true } }],
      [Filter.url("Link", { starts_with: "https" }), { property: "Link", url: { starts_with: "https" } }],
      [Filter.email("Email", { ends_with: "@x.com" }), { property: "Email", email: { ends_with: "@x.com" } }],
      [Filter.phoneNumber("Phone", { equals: "1" }), { property: "Phone", phone_number: { equals: "1" } }],
      [Filter.number("Estimate", { greater_than: 3 }), { property: "Estimate", number: { greater_than: 3 } }],
      [Filter.uniqueId("ID", { less_than_or_equal_to: 10 }), {
        property: "ID",
        unique_id: { less_than_or_equal_to: 10 }
      }],
      [Filter.checkbox("Done", { equals: true }), { property: "Done", checkbox: { equals: true } }],
      [Filter.select("Priority", { equals: "High" }), { property: "Priority", select: { equals: "High" } }],
      [
        Filter.status("Status", { does_not_equal: ["Done", "Archived"] }),
        { property: "Status", status: { does_not_equal: ["Done", "Archived"] } }
      ],
      [Filter.multiSelect("Tags", { contains: "bug" }), { property: "Tags", multi_select: { contains: "bug" } }],
      [Filter.date("Due", { on_or_before: "2025-06-30" }), { property: "Due", date: { on_or_before: "2025-06-30" } }],
      [Filter.date("Due", { next_week: {} }), { property: "Due", date: { next_week: {} } }],
      [Filter.date("Due", { after: "today" }), { property: "Due", date: { after: "today" } }],
      [Filter.createdTime("Created", { past_month: {} }), { property: "Created", created_time: { past_month: {} } }],
      [Filter.lastEditedTime("Edited", { before: "2025-01-01T00:00:00Z" }), {
        property: "Edited",
        last_edited_time: { before: "2025-01-01T00:00:00Z" }
      }],
      [Filter.people("Assignees", { contains: "me" }), { property: "Assignees", people: { contains: "me" } }],
      [Filter.createdBy("Created by", { does_not_contain: "u-1" }), {
        property: "Created by",
        created_by: { does_not_contain: "u-1" }
      }],
      [Filter.lastEditedBy("Edited by", { is_not_empty: true }), {
        property: "Edited by",
        last_edited_by: { is_not_empty: true }
      }],
      [Filter.relation("Project", { contains: "p-1" }), { property: "Project", relation: { contains: "p-1" } }],
      [Filter.files("Attachments", { is_not_empty: true }), { property: "Attachments", files: { is_not_empty: true } }],
      [Filter.formula("Score", { number: { greater_than: 10 } }), {
        property: "Score",
        formula: { number: { greater_than: 10 } }
      }],
      [
        Filter.rollup("Tasks", { any: { status: { equals: "Done" } } }),
        { property: "Tasks", rollup: { any: { status: { equals: "Done" } } } }
      ],
      [Filter.rollup("Total", { number: { equals: 0 } }), { property: "Total", rollup: { number: { equals: 0 } } }],
      [Filter.verification("Verified", { status: "verified" }), {
        property: "Verified",
        verification: { status: "verified" }
      }],
      [
        Filter.timestamp("created_time", { past_week: {} }),
        { timestamp: "created_time", created_time: { past_week: {} } }
      ],
      [
        Filter.timestamp("last_edited_time", { on_or_after: "2025-01-01" }),
        { timestamp: "last_edited_time", last_edited_time: { on_or_after: "2025-01-01" } }
      ]
    ]
    const validate = compile(Filter.ast)!
    for (const [built, expected] of cases) {
      assert.deepStrictEqual(built, expected)
      assert.isTrue(Schema.is(Filter)(built), JSON.stringify(built))
      assert.isTrue(validate(built), JSON.stringify(built))
    }
  })

  it("compound filters nest two levels, not three", () => {
    const done = Filter.checkbox("Done", { equals: false })
    const due = Filter.date("Due", { before: "2025-01-01" })
    const filter = Filter.and(
      done,
      Filter.or(due, Filter.date("Due", { is_empty: true })),
      Filter.timestamp("created_time", { this_week: {} })
    )
    assert.deepStrictEqual(filter, {
      and: [
        { property: "Done", checkbox: { equals: false } },
        { or: [{ property: "Due", date: { before: "2025-01-01" } }, { property: "Due", date: { is_empty: true } }] },
        { timestamp: "created_time", created_time: { this_week: {} } }
      ]
    })
    const typed: Filters.Filter = filter
    const validate = compile(Filter.ast)!
    assert.isTrue(Schema.is(Filter)(typed))
    assert.isTrue(validate(typed))
    assert.deepStrictEqual(Filters.or(done), { or: [done] })
    assert.isTrue(Schema.is(Filter)(Filter.or(Filter.and(done, due), Filter.and(due))))

    // @ts-expect-error: three levels
    const tooDeep = Filter.and(Filter.or(Filter.and(done)))
    const raw = { and: [{ or: [{ and: [done] }] }] }
    assert.deepStrictEqual<unknown>(tooDeep, raw)
    assert.isFalse(Schema.is(Filter)(raw))
    assert.isFalse(validate(raw))
  })

  it("rejects malformed filters, and conditions of the wrong kind do not type-check", () => {
    const bad: ReadonlyArray<unknown> = [
      { property: "Estimate", number: { greater_than: "3" } },
      { property: "Name", title: { greater_than: 3 } },
      { property: "Due", date: { next_week: { days: 7 } } },
      { property: "Done", checkbox: { equals: "true" } },
      { property: "Status", status: { equals: [1] } },
      { property: "Verified", verification: { status: "maybe" } },
      { timestamp: "created_time", last_edited_time: { past_week: {} } },
      { title: { contains: "x" } },
      { and: "x" }
    ]
    const validate = compile(Filter.ast)!
    for (const b of bad) {
      assert.isFalse(Schema.is(Filter)(b), JSON.stringify(b))
      assert.isFalse(validate(b), JSON.stringify(b))
    }
    // @ts-expect-error: numbers have no `contains`
    Filter.number("Estimate", { contains: "3" })
    // @ts-expect-error: checkboxes take booleans
    Filter.checkbox("Done", { equals: "yes" })
    // @ts-expect-error: `this_week` takes `{}`
    Filter.date("Due", { this_week: 7 })
    // @ts-expect-error: not a timestamp
    Filter.timestamp("deleted_time", { past_week: {} })
  })
})

describe("Sort", () => {
  it("constructors produce the JSON Notion expects", () => {
    const sorts = [
      Sort.ascending("Due"),
      Sort.descending("Priority"),
      Sort.timestamp("created_time"),
      Sort.timestamp("last_edited_time", "descending")
    ]
    assert.deepStrictEqual(sorts, [
      { property: "Due", direction: "ascending" },
      { property: "Priority", direction: "descending" },
      { timestamp: "created_time", direction: "ascending" },
      { timestamp: "last_edited_time", direction: "descending" }
    ])
    const typed: Filters.Sorts = sorts
    assert.isTrue(Schema.is(Filters.Sorts)(typed))
    assert.isTrue(compile(Filters.Sorts.ast)!(typed))
    assert.isFalse(Schema.is(Sort)({ property: "Due", direction: "up" }))
    assert.isFalse(Schema.is(Sort)({ timestamp: "deleted_time", direction: "ascending" }))
    assert.deepStrictEqual(Filters.ascending("Due"), Sort.ascending("Due"))
  })
})
