/**
 * The emulator's data: workspaces, users, pages with block children, databases with their rows, and integrations. Use
 * {@link defaultFixture} (deterministic) or build your own and pass it to `NotionEmulator.layer`.
 *
 * @since 0.1.0
 */

/**
 * A workspace.
 *
 * @since 0.1.0
 * @category models
 */
export interface Workspace {
  readonly id: string
  readonly name: string
  readonly icon: string | null
}

/**
 * A person or bot, as Notion's user object (without `object`, added on output).
 *
 * @since 0.1.0
 * @category models
 */
export interface User {
  readonly id: string
  readonly workspaceId: string
  /**
   * `null`: a person with no name, answered as `null` from `2026-12-01` and as `""` before (an assumption: Notion
   * documents only that the name may be null from that version).
   */
  readonly name: string | null
  readonly type: "person" | "bot"
  readonly email?: string
}

/**
 * A block (paragraph, heading, …) and its own children.
 *
 * @since 0.1.0
 * @category models
 */
export interface Block {
  readonly id: string
  readonly type: string
  readonly text: string
  readonly children?: ReadonlyArray<Block>
}

/**
 * A page in a workspace, with a title and block children.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page {
  readonly id: string
  readonly workspaceId: string
  readonly title: string
  /** The parent page's id, or the workspace when absent. */
  readonly parentId?: string
  readonly children?: ReadonlyArray<Block>
}

/**
 * A page template of a data source: the property values (as a request gives them) and blocks a new page starts
 * from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Template {
  readonly id: string
  readonly name: string
  /** The template `template: { type: "default" }` picks. */
  readonly isDefault: boolean
  /** Property values by name, request-shaped (`{ Status: { select: { name: "Todo" } } }`). */
  readonly properties: Readonly<Record<string, unknown>>
  /** Blocks, request-shaped (`{ paragraph: { rich_text: [{ text: { content } }] } }`). */
  readonly children: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/**
 * A database with one data source: its schema, page templates and rows. Unlike fixture pages, these are ordinary
 * content: the API can change them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Database {
  readonly id: string
  readonly workspaceId: string
  readonly title: string
  readonly dataSource: {
    readonly id: string
    /** The schema: property name → `{ id, name, type, <type>: configuration }`, as Notion answers it. */
    readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>
    readonly templates: ReadonlyArray<Template>
    /** The rows' property values by name, request-shaped (`{ Name: { title: [{ text: { content } }] } }`). */
    readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>
  }
}

/**
 * An internal integration: one token, one workspace, the pages shared with it.
 *
 * @since 0.1.0
 * @category models
 */
export interface InternalIntegration {
  readonly type: "internal"
  readonly id: string
  readonly name: string
  readonly botId: string
  readonly workspaceId: string
  readonly token: string
  /** Ids of the pages shared with the integration (their descendants are visible too). */
  readonly sharedPages: ReadonlyArray<string>
  /** Without it, user endpoints answer 403 `restricted_resource` (default true). */
  readonly readUsers?: boolean
}

/**
 * A public (OAuth) integration.
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicIntegration {
  readonly type: "public"
  readonly id: string
  readonly name: string
  readonly clientId: string
  readonly clientSecret: string
  readonly redirectUris: ReadonlyArray<string>
}

/**
 * Everything the emulator serves.
 *
 * @since 0.1.0
 * @category models
 */
export interface Fixture {
  readonly workspaces: ReadonlyArray<Workspace>
  readonly users: ReadonlyArray<User>
  /** Read-only pages (the API refuses to change them or their blocks). */
  readonly pages: ReadonlyArray<Page>
  /** Databases created at start (none when absent). */
  readonly databases?: ReadonlyArray<Database>
  readonly integrations: ReadonlyArray<InternalIntegration | PublicIntegration>
  /** The user who grants consent on the authorize page, and the workspace they grant. */
  readonly consentingUserId: string
}

/**
 * The ids of the default fixture's pages: "Roadmap" (shared with the internal integration), its child "Meeting
 * notes", and "Private plans" (shared with no integration).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const pages = {
  roadmap: "p0000000-0000-4000-8000-000000000001",
  meetingNotes: "p0000000-0000-4000-8000-000000000002",
  privatePlans: "p0000000-0000-4000-8000-000000000003"
} as const

/**
 * The ids of the default fixture's "Tasks" database: its data source (Name, Status, Priority, Done, Due; three
 * rows) and that data source's page templates, "Bug report" (the default) and "Meeting".
 *
 * @since 0.1.0
 * @category fixtures
 */
export const tasks = {
  databaseId: "db000000-0000-4000-8000-000000000001",
  dataSourceId: "d5000000-0000-4000-8000-000000000001",
  templates: {
    bug: "7e000000-0000-4000-8000-000000000001",
    meeting: "7e000000-0000-4000-8000-000000000002"
  }
} as const

const WORKSPACE = "a0000000-0000-4000-8000-000000000001"

const text = (content: string) => ({ rich_text: [{ text: { content } }] })

const tasksDatabase = (): Database => ({
  id: tasks.databaseId,
  workspaceId: WORKSPACE,
  title: "Tasks",
  dataSource: {
    id: tasks.dataSourceId,
    properties: {
      Name: { id: "title", name: "Name", type: "title", title: {} },
      Status: {
        id: "st%3A1",
        name: "Status",
        type: "select",
        select: {
          options: ["Todo", "Doing", "Done"].map((name, i) => ({ id: `opt-${i}`, name, color: "default" }))
        }
      },
      Priority: { id: "pr%3A1", name: "Priority", type: "number", number: { format: "number" } },
      Done: { id: "dn%3A1", name: "Done", type: "checkbox", checkbox: {} },
      Due: { id: "du%3A1", name: "Due", type: "date", date: {} }
    },
    templates: [
      {
        id: tasks.templates.bug,
        name: "Bug report",
        isDefault: true,
        properties: { Status: { select: { name: "Todo" } }, Priority: { number: 1 } },
        children: [
          { heading_2: text("Steps to reproduce") },
          { to_do: { ...text("Write a failing test"), checked: false } }
        ]
      },
      {
        id: tasks.templates.meeting,
        name: "Meeting",
        isDefault: false,
        properties: {},
        children: [{ paragraph: text("Agenda") }]
      }
    ],
    rows: ([
      ["Write the README", "Done", 1, true],
      ["Ship the SDK", "Doing", 2, false],
      ["Plan the launch", "Todo", 3, false]
    ] as const).map(([name, status, priority, done], i) => ({
      Name: { title: [{ text: { content: name } }] },
      Status: { select: { name: status } },
      Priority: { number: priority },
      Done: { checkbox: done },
      Due: { date: { start: `2026-0${i + 1}-15` } }
    }))
  }
})

const paragraph = (id: string, text: string, children?: ReadonlyArray<Block>): Block => ({
  id,
  type: "paragraph",
  text,
  ...(children ? { children } : {})
})

/**
 * A deterministic fixture: the "Acme" workspace, two people and a bot, a page tree with blocks (see {@link pages}),
 * the "Tasks" database (see {@link tasks}), an
 * internal integration (token `secret_emulator_internal_token`) and a public OAuth integration
 * (client `emulator-oauth-client`, redirect URI `http://localhost:3000/callback`).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const defaultFixture = (options: { readonly redirectUris?: ReadonlyArray<string> } = {}): Fixture => ({
  workspaces: [{ id: WORKSPACE, name: "Acme", icon: null }],
  users: [
    {
      id: "u0000000-0000-4000-8000-000000000001",
      workspaceId: WORKSPACE,
      name: "Ada Lovelace",
      type: "person",
      email: "ada@acme.test"
    },
    {
      id: "u0000000-0000-4000-8000-000000000002",
      workspaceId: WORKSPACE,
      name: "Grace Hopper",
      type: "person",
      email: "grace@acme.test"
    },
    {
      id: "b0000000-0000-4000-8000-000000000001",
      workspaceId: WORKSPACE,
      name: "Acme internal bot",
      type: "bot"
    }
  ],
  pages: [
    {
      id: pages.roadmap,
      workspaceId: WORKSPACE,
      title: "Roadmap",
      children: [
        paragraph("k0000000-0000-4000-8000-000000000001", "Ship the SDK"),
        paragraph("k0000000-0000-4000-8000-000000000002", "Write the docs", [
          paragraph("k0000000-0000-4000-8000-000000000003", "Quick start first")
        ]),
        paragraph("k0000000-0000-4000-8000-000000000004", "Celebrate")
      ]
    },
    {
      id: pages.meetingNotes,
      workspaceId: WORKSPACE,
      title: "Meeting notes",
      parentId: pages.roadmap
    },
    {
      id: pages.privatePlans,
      workspaceId: WORKSPACE,
      title: "Private plans"
    }
  ],
  databases: [tasksDatabase()],
  integrations: [
    {
      type: "internal",
      id: "i0000000-0000-4000-8000-000000000001",
      name: "Acme internal",
      botId: "b0000000-0000-4000-8000-000000000001",
      workspaceId: WORKSPACE,
      token: "secret_emulator_internal_token",
      sharedPages: [pages.roadmap]
    },
    {
      type: "public",
      id: "i0000000-0000-4000-8000-000000000002",
      name: "Acme public app",
      clientId: "emulator-oauth-client",
      clientSecret: "emulator-oauth-secret",
      redirectUris: options.redirectUris ?? ["http://localhost:3000/callback"]
    }
  ],
  consentingUserId: "u0000000-0000-4000-8000-000000000001"
})
