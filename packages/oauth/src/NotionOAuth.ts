/**
 * Notion's OAuth endpoints — token (both grants), introspect, revoke — with Basic auth built from the
 * client credentials, Schema-decoded answers, typed errors and a rate-limit retry schedule.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Endpoint, NotionAuth, NotionClient, type NotionError, NotionRetry } from "@notion-effect/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { basicCredentials, type ClientParams, resolve } from "./internal/credentials.js"
import * as OAuthApi from "./OAuthApi.js"
import { OAuthCredentials } from "./OAuthCredentials.js"
import type { MissingCredentials } from "./OAuthError.js"
import type { IntrospectResponse, RevokeResponse, TokenResponse } from "./OAuthResponse.js"

/**
 * Options every OAuth call accepts: per-call credentials (as the official SDK takes them) and a retry policy.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions extends ClientParams {
  /** Replaces the service's schedule for this call (`false`: no retries). */
  readonly retry?: NotionRetry.RetrySchedule | false
}

/**
 * `token` parameters: the authorization-code grant or the refresh-token grant.
 *
 * @since 0.1.0
 * @category models
 */
export type TokenParams =
  | CallOptions & {
    readonly grant_type: "authorization_code"
    readonly code: Redacted.Redacted<string>
    /** Required when it was in the authorize URL or several redirect URIs are registered. */
    readonly redirect_uri?: string
    readonly external_account?: { readonly key: string; readonly name: string }
  }
  | CallOptions & {
    readonly grant_type: "refresh_token"
    readonly refresh_token: Redacted.Redacted<string>
  }

/**
 * `introspect` and `revoke` parameters.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenOnlyParams extends CallOptions {
  readonly token: Redacted.Redacted<string>
}

/**
 * Every failure of an OAuth call: core's errors (the OAuth codes included) and missing credentials.
 *
 * @since 0.1.0
 * @category models
 */
export type OAuthCallError = NotionError.NotionError | MissingCredentials

/**
 * The OAuth programs.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** `POST /v1/oauth/token`: exchange a code, or refresh (Notion rotates the refresh token). */
  readonly token: (params: TokenParams) => Effect.Effect<TokenResponse, OAuthCallError>
  /** `POST /v1/oauth/introspect`: is the token active, and since when. */
  readonly introspect: (params: TokenOnlyParams) => Effect.Effect<IntrospectResponse, OAuthCallError>
  /** `POST /v1/oauth/revoke`: afterwards the token answers `Unauthorized`. */
  readonly revoke: (params: TokenOnlyParams) => Effect.Effect<RevokeResponse, OAuthCallError>
}

/**
 * The OAuth service's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionOAuth extends Context.Tag("@notion-effect/oauth/NotionOAuth")<NotionOAuth, Service>() {}

const status = (error: NotionError.NotionError) => "status" in error ? error.status : undefined

/**
 * The default schedule of OAuth calls: only 429 `rate_limited` and 529 `service_overload` (the request was
 * not processed), honouring `Retry-After`, 2 retries, never `public_api_request_blocked`.
 *
 * @since 0.1.0
 * @category schedules
 */
export const rateLimitSchedule: NotionRetry.RetrySchedule = NotionRetry.make({
  retryable: (input) => {
    const code = status(input.error)
    return (code === 429 || code === 529) && NotionRetry.isRetryable(input)
  }
})

/**
 * Whether an attempt of an authorization-code exchange may be repeated: never after a 5xx, a timeout or a
 * transport failure (the single-use code may already be consumed), never after `invalid_grant`.
 *
 * @since 0.1.0
 * @category schedules
 */
export const isSafeToRepeatCodeExchange = ({ error }: NotionRetry.RetryInput): boolean => {
  if (error._tag === "InvalidGrant" || error._tag === "RequestTimeout" || error._tag === "TransportError") return false
  const code = status(error) ?? 0
  return code < 500 || code === 529
}

/**
 * Options of {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The retry policy of every OAuth call (default {@link rateLimitSchedule}). */
  readonly retry?: NotionRetry.RetrySchedule
}

/**
 * Builds the OAuth programs on core's client (with no bearer token: these endpoints use Basic auth).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<Service, never, HttpClient.HttpClient | OAuthCredentials> =>
  Effect.gen(function*() {
    const client = yield* Effect.provide(NotionClient.make, NotionAuth.none)
    const credentials = yield* OAuthCredentials
    const schedule = (params: CallOptions, guard?: (input: NotionRetry.RetryInput) => boolean) => {
      const chosen = params.retry === false ? NotionRetry.disabled : params.retry ?? options.retry ?? rateLimitSchedule
      return NotionRetry.restrict(
        chosen,
        (input) => input.error._tag !== "InvalidGrant" && (guard === undefined || guard(input))
      )
    }
    const call = <E extends Endpoint.Any>(
      endpoint: E,
      params: CallOptions,
      body: Endpoint.Params<E>,
      guard?: (input: NotionRetry.RetryInput) => boolean
    ): Effect.Effect<Endpoint.Success<E>, OAuthCallError> =>
      Effect.flatMap(
        Effect.provideService(basicCredentials(params), OAuthCredentials, credentials),
        (auth) => client.call(endpoint, { ...(body as object), auth, retry: schedule(params, guard) } as any)
      )

    return {
      token: (params) =>
        params.grant_type === "authorization_code"
          ? call(OAuthApi.token, params, {
            grant_type: "authorization_code",
            code: params.code,
            ...Option.match(resolve(params, credentials).redirectUri, {
              onNone: () => ({}),
              onSome: (uri) => ({ redirect_uri: uri })
            }),
            ...(params.external_account === undefined ? {} : { external_account: params.external_account })
          }, isSafeToRepeatCodeExchange)
          : call(OAuthApi.token, params, { grant_type: "refresh_token", refresh_token: params.refresh_token }),
      introspect: (params) => call(OAuthApi.introspect, params, { token: params.token }),
      revoke: (params) => call(OAuthApi.revoke, params, { token: params.token })
    }
  })

/**
 * Provides the OAuth programs; requires an `HttpClient` and `OAuthCredentials` (`OAuthCredentials.none` when every
 * call passes its own); per-call credentials win. The base URL comes from `NotionConfig` (optional).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<NotionOAuth, never, HttpClient.HttpClient | OAuthCredentials> => Layer.effect(NotionOAuth, make(options))
