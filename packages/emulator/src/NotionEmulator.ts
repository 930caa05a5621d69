/**
 * A local Notion API on a real loopback socket, for tests, demos and your own test suites.
 *
 * @example
 * ```ts
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { assert, describe, it } from "@effect/vitest"
 * import { NotionAuth, NotionClient, NotionConfig } from "@notion-effect/core"
 * import { NotionEmulator } from "@notion-effect/emulator"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 *
 * // a client pointed at the emulator, with the emulator's own token
 * const ClientLive = Layer.unwrapEffect(
 *   Effect.map(NotionEmulator.NotionEmulator, (emulator) =>
 *     NotionClient.layer.pipe(
 *       Layer.provide([
 *         NotionAuth.layer(emulator.internalToken),
 *         NotionConfig.layer({ baseUrl: emulator.url }),
 *         NodeHttpClient.layerUndici
 *       ])
 *     ))
 * ).pipe(Layer.provideMerge(NotionEmulator.layer()))
 *
 * describe("my app", () => {
 *   it.layer(ClientLive)((it) => {
 *     it.effect("lists users", () =>
 *       Effect.gen(function*() {
 *         const notion = yield* NotionClient.NotionClient
 *         const users = yield* notion.users.list({})
 *         assert.isAbove(users.results.length, 0)
 *       }))
 *   })
 * })
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type * as Fault from "./Fault.js"
import type * as Fixture from "./Fixture.js"
import * as Server from "./internal/server.js"

/**
 * What happened on the server: requests per route, grants, refreshes, 429s, the request log.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stats {
  /** Requests per route name (`GET /v1/users`, `unknown` for unmatched paths). */
  readonly requests: Record<string, number>
  /** Authorization codes exchanged for tokens. */
  readonly tokenGrants: number
  /** Successful refresh-token exchanges. */
  readonly refreshes: number
  /** Reuses of rotated refresh tokens (each revoked its grant). */
  readonly refreshReuses: number
  /** Grants revoked through `/v1/oauth/revoke`. */
  readonly revocations: number
  /** 429 answers sent by the rate limiter. */
  readonly rateLimited: number
  /** Every request in order: route, status, and the `Notion-Version` it sent (`null`: none). */
  readonly log: ReadonlyArray<
    {
      readonly method: string
      readonly path: string
      readonly route: string
      readonly status: number
      readonly version: string | null
    }
  >
}

/**
 * Emulator settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The data to serve (default {@link Fixture.defaultFixture}). */
  readonly fixture?: Fixture.Fixture
  /** Port on 127.0.0.1 (default 0: a free port). */
  readonly port?: number
  /** Budget per integration connection (default 180 requests per 60 s, like Notion). */
  readonly rateLimit?: { readonly requests: number; readonly window: Duration.DurationInput }
  /** An optional budget shared by a whole workspace. */
  readonly workspaceRateLimit?: { readonly requests: number; readonly window: Duration.DurationInput }
  /** How long an authorization code stays valid (default 10 minutes). */
  readonly codeTtl?: Duration.DurationInput
  /** Faults in force from the start. */
  readonly faults?: ReadonlyArray<Fault.Rule>
  /** Seed of the fault dice, for reproducible probabilistic faults. */
  readonly seed?: number
}

/**
 * A consent that could not be given: the authorize page refused the request or did not redirect.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConsentError extends Schema.TaggedError<ConsentError>()("ConsentError", {
  status: Schema.Number,
  message: Schema.String
}) {}

/**
 * A webhook delivery that could not reach its receiver.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookDeliveryError extends Schema.TaggedError<WebhookDeliveryError>()("WebhookDeliveryError", {
  message: Schema.String
}) {}

/**
 * The running emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Base URL, e.g. `http://127.0.0.1:49152` (use it as the SDK's base URL). */
  readonly url: string
  /** The fixture's first internal integration token. */
  readonly internalToken: Redacted.Redacted<string>
  /** The fixture's first public integration. */
  readonly oauthClient: {
    readonly clientId: string
    readonly clientSecret: Redacted.Redacted<string>
    readonly redirectUri: string
  }
  /** The data being served. */
  readonly fixture: Fixture.Fixture
  /** A snapshot of what happened so far. */
  readonly stats: Effect.Effect<Stats>
  /** Forgets the counters and the request log. */
  readonly resetStats: Effect.Effect<void>
  /** Adds a fault rule. */
  readonly injectFault: (rule: Fault.Rule) => Effect.Effect<void>
  /** Registers one more redirect URI for the fixture's OAuth client (e.g. a test server on a random port). */
  readonly registerRedirectUri: (uri: string) => Effect.Effect<void>
  /** Removes every fault rule. */
  readonly clearFaults: Effect.Effect<void>
  /**
   * Expires every OAuth access token issued so far, as time does at Notion: requests with one answer 401
   * `unauthorized` (there is no `expires_in`; expiry is discovered by a 401), refresh tokens still work. Gives how
   * many tokens expired.
   */
  readonly expireAccessTokens: Effect.Effect<number>
  /**
   * Acts as the user on the consent page of an authorize URL: clicks Allow or Cancel and returns the
   * URL Notion redirects to (`redirect_uri?code=…&state=…` or `?error=access_denied&state=…`).
   */
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Effect.Effect<string, ConsentError>
  /**
   * Sends a webhook delivery as Notion does: the event envelope (id, timestamp, workspace, subscription, authors,
   * attempt number, entity, data) POSTed to `url`, signed (`X-Notion-Signature`) with `verificationToken`; or,
   * with `handshake`, the one-time `{ verification_token }` request. Answers the receiver's status.
   */
  readonly deliverWebhook: (options: {
    readonly url: string
    readonly verificationToken: Redacted.Redacted<string>
    readonly handshake?: boolean
    readonly type?: string
    readonly entity?: { readonly id: string; readonly type: string }
    readonly data?: Record<string, unknown>
  }) => Effect.Effect<number, WebhookDeliveryError>
  /**
   * Subscribes a webhook receiver, as a connection's webhook settings do: sends the verification request (a fresh
   * `verification_token`), then, until the scope closes, a signed event for every change made through the API —
   * `page.created`, `page.properties_updated` (the property ids), `page.content_updated` (the blocks),
   * `page.deleted`/`undeleted`, `page.locked`/`unlocked`, `page.moved`, `data_source.created`/`schema_updated`/
   * `deleted`/`undeleted`, `database.created`/`deleted`/`undeleted`, `comment.created`/`updated`/`deleted`,
   * `file_upload.created`/`completed`, `view.created`/`updated`/`deleted` — in the order the changes were made (of
   * the given `events` types only, when given). An event the receiver does not accept (not 2xx, or unreachable) is
   * sent again `retry.times` times (default 0) with the same `id` and `attempt_number` counting up, `retry.delay`
   * (default 1 second, on the clock) doubling between attempts, before the next event. A receiver that does not
   * answer within `timeout` (default 10 seconds, real time) counts as unreachable (status 0).
   */
  readonly subscribeWebhook: (options: {
    readonly url: string
    readonly events?: ReadonlyArray<string>
    readonly retry?: { readonly times: number; readonly delay?: Duration.DurationInput }
    readonly timeout?: Duration.DurationInput
  }) => Effect.Effect<WebhookSubscription, WebhookDeliveryError, Scope.Scope>
}

/**
 * One event sent to a subscription's receiver, and the receiver's status (0: it could not be reached).
 *
 * @since 0.1.0
 * @category models
 */
export interface WebhookDelivery {
  readonly event: Record<string, unknown>
  readonly status: number
}

/**
 * A webhook subscription of the emulator (see {@link Service.subscribeWebhook}).
 *
 * @since 0.1.0
 * @category models
 */
export interface WebhookSubscription {
  /** Every event's `subscription_id`. */
  readonly id: string
  /** What the verification request sent, and what signs every event. */
  readonly verificationToken: Redacted.Redacted<string>
  /** The events sent so far, in order, with the receiver's status. */
  readonly deliveries: Effect.Effect<ReadonlyArray<WebhookDelivery>>
  /** Waits until every change made so far has been sent. */
  readonly settled: Effect.Effect<void>
}

/**
 * The emulator's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionEmulator extends Context.Tag("@notion-effect/emulator/NotionEmulator")<NotionEmulator, Service>() {}

/**
 * Starts the emulator on 127.0.0.1; it stops when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service, HttpServerError.ServeError, Scope.Scope> =>
  Effect.map(Server.start(options), (running): Service => ({
    ...running,
    consent: (authorizeUrl, decision) =>
      Effect.mapError(running.consent(authorizeUrl, decision), (error) => new ConsentError(error)),
    deliverWebhook: (delivery) =>
      Effect.mapError(running.deliverWebhook(delivery), (message) => new WebhookDeliveryError({ message })),
    subscribeWebhook: (subscription) =>
      Effect.mapError(running.subscribeWebhook(subscription), (message) => new WebhookDeliveryError({ message }))
  }))

/**
 * Provides a running emulator (stopped when the layer is released).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<NotionEmulator, HttpServerError.ServeError> =>
  Layer.scoped(NotionEmulator, make(options))
