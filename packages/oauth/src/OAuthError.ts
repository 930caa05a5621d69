/**
 * OAuth failures: core's API errors that OAuth endpoints send (re-exported), plus what can go wrong on
 * this side — missing credentials, bad state, a refused or malformed callback.
 *
 * @since 0.1.0
 */
import { NotionError } from "@notion-effect/core"
import * as Schema from "effect/Schema"

/**
 * Errors OAuth endpoints answer with, as core's classes.
 *
 * @since 0.1.0
 * @category api errors
 */
export const { InvalidClient, InvalidGrant, InvalidRequest, InvalidScope, UnauthorizedClient, UnsupportedGrantType } =
  NotionError

/**
 * An OAuth error Notion sent (both `{ code, message }` and `{ error, error_description }` bodies).
 *
 * @since 0.1.0
 * @category unions
 */
export type OAuthApiError =
  | NotionError.InvalidGrant
  | NotionError.InvalidClient
  | NotionError.InvalidRequest
  | NotionError.UnauthorizedClient
  | NotionError.UnsupportedGrantType
  | NotionError.InvalidScope

/**
 * No client id or secret: neither passed to the call nor configured (`NOTION_OAUTH_CLIENT_ID`,
 * `NOTION_OAUTH_CLIENT_SECRET`).
 *
 * @since 0.1.0
 * @category client errors
 */
export class MissingCredentials extends Schema.TaggedError<MissingCredentials>()("MissingCredentials", {
  missing: Schema.Array(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `OAuth client credentials are missing: ${this.missing.join(", ")}`
  }
}

/**
 * The callback carried no `state` although one was expected.
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateMissing extends Schema.TaggedError<StateMissing>()("StateMissing", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth callback has no state parameter"
  }
}

/**
 * The callback's `state` is not the one this session issued (a CSRF attempt or a stale tab).
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateMismatch extends Schema.TaggedError<StateMismatch>()("StateMismatch", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth state does not match the one issued"
  }
}

/**
 * A signed state whose lifetime is over.
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateExpired extends Schema.TaggedError<StateExpired>()("StateExpired", {
  expiredAt: Schema.Number
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `The OAuth state expired at ${new Date(this.expiredAt).toISOString()}`
  }
}

/**
 * A signed state that was not signed with our key, or was altered.
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateForged extends Schema.TaggedError<StateForged>()("StateForged", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth state signature is invalid"
  }
}

/**
 * Any state failure.
 *
 * @since 0.1.0
 * @category unions
 */
export type StateError = StateMissing | StateMismatch | StateExpired | StateForged

/**
 * The user pressed Cancel on Notion's consent page (`error=access_denied`).
 *
 * @since 0.1.0
 * @category callback errors
 */
export class AccessDenied extends Schema.TaggedError<AccessDenied>()("AccessDenied", {
  description: Schema.optional(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The user declined to authorize the integration"
  }
}

/**
 * The callback carried another RFC 6749 §4.1.2.1 error (`invalid_request`, `server_error`, …).
 *
 * @since 0.1.0
 * @category callback errors
 */
export class AuthorizationFailed extends Schema.TaggedError<AuthorizationFailed>()("AuthorizationFailed", {
  error: Schema.String,
  description: Schema.optional(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Authorization failed: ${this.error}${this.description ? ` (${this.description})` : ""}`
  }
}

/**
 * The callback carried neither a code nor an error.
 *
 * @since 0.1.0
 * @category callback errors
 */
export class MissingCode extends Schema.TaggedError<MissingCode>()("MissingCode", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth callback has no code parameter"
  }
}

/**
 * Any callback failure.
 *
 * @since 0.1.0
 * @category unions
 */
export type CallbackError = AccessDenied | AuthorizationFailed | MissingCode | StateError
