/**
 * OAuth failures: core's API errors that OAuth endpoints send (re-exported), plus what can go wrong on
 * this side — missing credentials, bad state, a refused or malformed callback.
 *
 * @since 0.1.0
 */
import { NotionError } from "@notion-effect/core"
import * as Schema from "effect/Schema"

/** 401 `invalid_client`: core's class, re-exported (a value and a type). @since 0.1.0 @category api errors */
export const InvalidClient = NotionError.InvalidClient
/** @since 0.1.0 @category api errors */
export type InvalidClient = NotionError.InvalidClient
/** 400 `invalid_grant`: core's class, re-exported. @since 0.1.0 @category api errors */
export const InvalidGrant = NotionError.InvalidGrant
/** @since 0.1.0 @category api errors */
export type InvalidGrant = NotionError.InvalidGrant
/** 400 `invalid_request`: core's class, re-exported. @since 0.1.0 @category api errors */
export const InvalidRequest = NotionError.InvalidRequest
/** @since 0.1.0 @category api errors */
export type InvalidRequest = NotionError.InvalidRequest
/** 400 `invalid_scope`: core's class, re-exported. @since 0.1.0 @category api errors */
export const InvalidScope = NotionError.InvalidScope
/** @since 0.1.0 @category api errors */
export type InvalidScope = NotionError.InvalidScope
/** 400 `unauthorized_client`: core's class, re-exported. @since 0.1.0 @category api errors */
export const UnauthorizedClient = NotionError.UnauthorizedClient
/** @since 0.1.0 @category api errors */
export type UnauthorizedClient = NotionError.UnauthorizedClient
/** 400 `unsupported_grant_type`: core's class, re-exported. @since 0.1.0 @category api errors */
export const UnsupportedGrantType = NotionError.UnsupportedGrantType
/** @since 0.1.0 @category api errors */
export type UnsupportedGrantType = NotionError.UnsupportedGrantType

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
 * A bound state arrived from a browser that did not start the flow: its cookie is missing or holds another
 * nonce (login CSRF: someone handed this browser a callback URL of their own).
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateNotBound extends Schema.TaggedError<StateNotBound>()("StateNotBound", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth state was not issued to this browser"
  }
}

/**
 * A state that was already used once: a replayed or double-submitted callback.
 *
 * @since 0.1.0
 * @category state errors
 */
export class StateReplayed extends Schema.TaggedError<StateReplayed>()("StateReplayed", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The OAuth state was already used"
  }
}

/**
 * Any state failure.
 *
 * @since 0.1.0
 * @category unions
 */
export type StateError = StateMissing | StateMismatch | StateExpired | StateForged | StateNotBound | StateReplayed

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
