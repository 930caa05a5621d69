/**
 * The commands' access to Notion as a service, apart from how `Access` builds it: the commands need only this (and
 * no token store), so `Cli` type-checks and runs with any {@link NotionAccess}.
 *
 * @since 0.1.0
 */
import type * as NotionClient from "@notion-effect/core/NotionClient"
import * as Context from "effect/Context"
import type * as Layer from "effect/Layer"
import type { CliError } from "../CliError.js"

/**
 * Where and as whom to call Notion: a base URL and a grant key (`undefined`: from configuration, else the defaults).
 *
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly baseUrl: string | undefined
  readonly grant: string | undefined
  /** The `Notion-Version` to send (default: `NOTION_VERSION`, else the SDK's default). */
  readonly notionVersion?: string | undefined
}

/**
 * How the commands reach Notion: a client for a {@link Target}.
 *
 * @since 0.1.0
 * @category services
 */
export class NotionAccess extends Context.Tag("@notion-effect/cli/NotionAccess")<NotionAccess, {
  readonly client: (target: Target) => Layer.Layer<NotionClient.NotionClient, CliError>
}>() {}
