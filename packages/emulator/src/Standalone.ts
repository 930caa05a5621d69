/**
 * The emulator for programs that do not run Effect 3 — an Effect 4 application's tests, plain Node scripts: started
 * and stopped with promises, its secrets handed over as plain strings (the caller wraps them in its own
 * `Redacted`). It runs the same server as {@link NotionEmulator.make}, on the live clock.
 *
 * @example
 * ```ts
 * import { Standalone } from "@notion-effect/emulator"
 *
 * const emulator = await Standalone.start({ rateLimit: { requests: 1000, window: "1 second" } })
 * const me = await fetch(`${emulator.url}/v1/users/me`, {
 *   headers: { authorization: `Bearer ${emulator.internalToken}`, "notion-version": "2026-12-01" }
 * })
 * console.log(me.status)
 * await emulator.close()
 * ```
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as ExecutionStrategy from "effect/ExecutionStrategy"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import type * as Fault from "./Fault.js"
import type * as Fixture from "./Fixture.js"
import * as NotionEmulator from "./NotionEmulator.js"

/**
 * A running emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string
  /** A valid internal integration token. */
  readonly internalToken: string
  /** The OAuth client registered with the emulator. */
  readonly oauthClient: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string }
  /**
   * A user's answer on the authorize page: resolves to the redirect URL (with `code` or `error`); rejects with the
   * `NotionEmulator.ConsentError` itself.
   */
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Promise<string>
  /** Registers another redirect URI for the OAuth client. */
  readonly registerRedirectUri: (uri: string) => Promise<void>
  /** The data being served. */
  readonly fixture: Fixture.Fixture
  /** Forgets the counters and the request log. */
  readonly resetStats: () => Promise<void>
  /** Adds a fault rule. */
  readonly injectFault: (rule: Fault.Rule) => Promise<void>
  /** Removes every fault rule. */
  readonly clearFaults: () => Promise<void>
  /** Expires every issued OAuth access token (their refresh tokens stay valid); resolves to how many. */
  readonly expireAccessTokens: () => Promise<number>
  /** What the emulator has served so far. */
  readonly stats: () => Promise<NotionEmulator.Stats>
  /**
   * Sends one signed webhook event (or, with `handshake`, the verification request) to `url`: resolves to the
   * receiver's status (see `NotionEmulator.Service.deliverWebhook`); rejects with the
   * `NotionEmulator.WebhookDeliveryError` itself when the receiver cannot be reached.
   */
  readonly deliverWebhook: (options: {
    readonly url: string
    readonly verificationToken: string
    readonly handshake?: boolean
    readonly type?: string
    readonly entity?: { readonly id: string; readonly type: string }
    readonly data?: Record<string, unknown>
  }) => Promise<number>
  /**
   * Subscribes a webhook receiver (see `NotionEmulator.Service.subscribeWebhook`): the handshake is sent before the
   * promise resolves; events are sent until the subscription, or the emulator, is closed.
   */
  readonly subscribeWebhook: (options: {
    readonly url: string
    readonly events?: ReadonlyArray<string>
    readonly retry?: { readonly times: number; readonly delay?: Duration.DurationInput }
    readonly timeout?: Duration.DurationInput
  }) => Promise<WebhookSubscription>
  /** Stops the server (the port is closed when the promise resolves). */
  readonly close: () => Promise<void>
}

/**
 * A webhook subscription of a {@link start}ed emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface WebhookSubscription {
  /** Every event's `subscription_id`. */
  readonly id: string
  /** What the verification request sent, and what signs every event. */
  readonly verificationToken: string
  /** The events sent so far, in order, with the receiver's status. */
  readonly deliveries: () => Promise<ReadonlyArray<NotionEmulator.WebhookDelivery>>
  /** Resolves when every change made so far has been sent. */
  readonly settled: () => Promise<void>
  /** Stops sending events. */
  readonly close: () => Promise<void>
}

/**
 * Starts an emulator on 127.0.0.1 (a free port unless `options.port` says otherwise).
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: NotionEmulator.Options = {}): Promise<Emulator> => {
  const scope = Effect.runSync(Scope.make())
  const close = () => Effect.runPromise(Scope.close(scope, Exit.void))
  // a failure rejects with the error itself (a `ConsentError`, a `WebhookDeliveryError`), not a wrapper of it
  const run = <A, E>(effect: Effect.Effect<A, E>) =>
    Effect.runPromiseExit(effect).then((exit) =>
      Exit.isSuccess(exit) ? exit.value : Promise.reject(Cause.squash(exit.cause))
    )
  const service = await run(Scope.extend(NotionEmulator.make(options), scope)).catch(async (error) => {
    await close()
    throw error
  })
  return {
    url: service.url,
    internalToken: Redacted.value(service.internalToken),
    oauthClient: {
      clientId: service.oauthClient.clientId,
      clientSecret: Redacted.value(service.oauthClient.clientSecret),
      redirectUri: service.oauthClient.redirectUri
    },
    fixture: service.fixture,
    resetStats: () => run(service.resetStats),
    consent: (authorizeUrl, decision) => run(service.consent(authorizeUrl, decision)),
    registerRedirectUri: (uri) => run(service.registerRedirectUri(uri)),
    injectFault: (rule) => run(service.injectFault(rule)),
    clearFaults: () => run(service.clearFaults),
    expireAccessTokens: () => run(service.expireAccessTokens),
    stats: () => run(service.stats),
    deliverWebhook: ({ verificationToken, ...delivery }) =>
      run(service.deliverWebhook({ ...delivery, verificationToken: Redacted.make(verificationToken) })),
    subscribeWebhook: async (options) => {
      const child = Effect.runSync(Scope.fork(scope, ExecutionStrategy.sequential))
      const closeChild = () => Effect.runPromise(Scope.close(child, Exit.void))
      const subscription = await run(Scope.extend(service.subscribeWebhook(options), child)).catch(
        async (error) => {
          await closeChild()
          throw error
        }
      )
      return {
        id: subscription.id,
        verificationToken: Redacted.value(subscription.verificationToken),
        deliveries: () => run(subscription.deliveries),
        settled: () => run(subscription.settled),
        close: closeChild
      }
    },
    close
  }
}
