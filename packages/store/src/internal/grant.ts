/**
 * Grants built from token responses and taken apart: shared by `TokenStore` (which exports them) and the protocol.
 */
import type { OAuthResponse } from "@notion-effect/oauth"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Grant, GrantInfo } from "../TokenStore.js"

/** Whether two tokens are the same. */
export const sameToken = (a: Redacted.Redacted<string>, b: Redacted.Redacted<string>): boolean =>
  Redacted.value(a) === Redacted.value(b)

/** What a token response says about its grant's workspace and owner. */
export const described = (response: OAuthResponse.TokenResponse) => ({
  workspaceId: response.workspace_id,
  workspaceName: response.workspace_name,
  workspaceIcon: response.workspace_icon,
  owner: response.owner,
  duplicatedTemplateId: response.duplicated_template_id
})

/** A grant's fields from a token response, at `now`; `previous` keeps the creation time and rotation count. */
export const fromResponse = (
  response: OAuthResponse.TokenResponse,
  now: number,
  previous?: GrantInfo
): Grant => ({
  key: response.bot_id,
  accessToken: response.access_token,
  refreshToken: Option.fromNullable(response.refresh_token),
  ...described(response),
  needsReauthorization: false,
  keyId: previous?.keyId ?? Option.none(),
  rotation: previous?.rotation ?? 0,
  createdAt: previous?.createdAt ?? new Date(now),
  refreshedAt: previous?.refreshedAt ?? Option.none(),
  lastUsedAt: previous?.lastUsedAt ?? Option.none()
})

/** A grant (or a stored record) without its tokens (and without its refresh intent). */
export const info = (
  grant: GrantInfo & { readonly accessToken: unknown; readonly refreshToken: unknown; readonly intent?: unknown }
): GrantInfo => {
  const { accessToken: _a, intent: _i, refreshToken: _r, ...rest } = grant
  return rest
}
