/**
 * The emulator's data: workspaces, users, pages with block children, and integrations. Use
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
  readonly pages: ReadonlyArray<Page>
  readonly integrations: ReadonlyArray<InternalIntegration | PublicIntegration>
  /** The user who grants consent on the authorize page, and the workspace they grant. */
  readonly consentingUserId: string
}

const paragraph = (id: string, text: string, children?: ReadonlyArray<Block>): Block => ({
  id,
  type: "paragraph",
  text,
  ...(children ? { children } : {})
})

/**
 * A deterministic fixture: the "Acme" workspace, two people and a bot, a page tree with blocks, an
 * internal integration (token `secret_emulator_internal_token`) and a public OAuth integration
 * (client `emulator-oauth-client`, redirect URI `http://localhost:3000/callback`).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const defaultFixture = (options: { readonly redirectUris?: ReadonlyArray<string> } = {}): Fixture => ({
  workspaces: [{ id: "a0000000-0000-4000-8000-000000000001", name: "Acme", icon: null }],
  users: [
    {
      id: "u0000000-0000-4000-8000-000000000001",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      name: "Ada Lovelace",
      type: "person",
      email: "ada@acme.test"
    },
    {
      id: "u0000000-0000-4000-8000-000000000002",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      name: "Grace Hopper",
      type: "person",
      email: "grace@acme.test"
    },
    {
      id: "b0000000-0000-4000-8000-000000000001",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      name: "Acme internal bot",
      type: "bot"
    }
  ],
  pages: [
    {
      id: "p0000000-0000-4000-8000-000000000001",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
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
      id: "p0000000-0000-4000-8000-000000000002",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      title: "Meeting notes",
      parentId: "p0000000-0000-4000-8000-000000000001"
    },
    {
      id: "p0000000-0000-4000-8000-000000000003",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      title: "Private plans"
    }
  ],
  integrations: [
    {
      type: "internal",
      id: "i0000000-0000-4000-8000-000000000001",
      name: "Acme internal",
      botId: "b0000000-0000-4000-8000-000000000001",
      workspaceId: "a0000000-0000-4000-8000-000000000001",
      token: "secret_emulator_internal_token",
      sharedPages: ["p0000000-0000-4000-8000-000000000001"]
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
