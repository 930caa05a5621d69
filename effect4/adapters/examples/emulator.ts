/**
 * The emulator the examples run against with `--emulator`, and their tests: a fresh one for a scope.
 *
 * Effect 4's form of `examples/emulator.ts`: the emulator stays on Effect 3, so it is started through its promise
 * API (`Standalone.start()` of `@notion-effect/emulator`), imported when the first one starts and typed here by the
 * part the examples use (its own declarations would bring Effect 3's into this edition's type-check).
 *
 * @since 1.0.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

/**
 * The emulator could not be started, or did not answer a request of the test.
 *
 * @since 1.0.0
 */
export class EmulatorError extends Data.TaggedError("EmulatorError")<{ readonly cause: unknown }> {}

/**
 * What the emulator's `registerRedirectUri`, `injectFault` and `stats` fail with (a promise that rejected).
 *
 * @since 1.0.0
 */
export type CallError = EmulatorError

/**
 * What the emulator has served so far (the part the examples' tests read).
 *
 * @since 1.0.0
 */
export interface Stats {
  readonly requests: Readonly<Record<string, number>>
  readonly tokenGrants: number
  readonly refreshes: number
  readonly revocations: number
  readonly rateLimited: number
  readonly log: ReadonlyArray<{ readonly route: string; readonly status: number; readonly version: string | null }>
}

/**
 * A fault rule (see `Fault.Rule` of `@notion-effect/emulator`).
 *
 * @since 1.0.0
 */
export interface FaultRule {
  readonly route?: string
  readonly probability?: number
  readonly times?: number
  readonly kind: { readonly _tag: string; readonly [field: string]: unknown }
}

/**
 * What the emulator's `deliverWebhook` and `subscribeWebhook` fail with (a promise that rejected: the receiver could
 * not be reached).
 *
 * @since 1.0.0
 */
export type WebhookError = EmulatorError

/**
 * One event sent to a subscription's receiver, and the receiver's status (0: it could not be reached).
 *
 * @since 1.0.0
 */
export interface WebhookDelivery {
  readonly event: Record<string, unknown>
  readonly status: number
}

/**
 * A webhook subscription of the emulator: events are sent until the scope closes.
 *
 * @since 1.0.0
 */
export interface WebhookSubscription {
  /** Every event's `subscription_id`. */
  readonly id: string
  /** What the verification request sent, and what signs every event. */
  readonly verificationToken: Redacted.Redacted<string>
  /** The events sent so far, in order, with the receiver's status. */
  readonly deliveries: Effect.Effect<ReadonlyArray<WebhookDelivery>, EmulatorError>
  /** Waits until every change made so far has been sent. */
  readonly settled: Effect.Effect<void, EmulatorError>
}

interface StartedSubscription {
  readonly id: string
  readonly verificationToken: string
  readonly deliveries: () => Promise<ReadonlyArray<WebhookDelivery>>
  readonly settled: () => Promise<void>
  readonly close: () => Promise<void>
}

interface WebhookEvent {
  readonly url: string
  readonly handshake?: boolean
  readonly type?: string
  readonly entity?: { readonly id: string; readonly type: string }
  readonly data?: Record<string, unknown>
}

interface SubscribeOptions {
  readonly url: string
  readonly events?: ReadonlyArray<string>
  readonly retry?: { readonly times: number; readonly delay?: number }
  /** In milliseconds. */
  readonly timeout?: number
}

/**
 * A running emulator: its URL, the internal integration's token, the OAuth client, the fixture's page ids.
 *
 * @since 1.0.0
 */
export interface Emulator {
  readonly url: string
  readonly internalToken: Redacted.Redacted<string>
  readonly oauthClient: {
    readonly clientId: string
    readonly clientSecret: Redacted.Redacted<string>
    readonly redirectUri: string
  }
  /** A user's answer on the authorize page: the redirect URL (with `code` or `error`). */
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Effect.Effect<string, EmulatorError>
  /** Registers another redirect URI for the OAuth client. */
  readonly registerRedirectUri: (uri: string) => Effect.Effect<void, EmulatorError>
  readonly injectFault: (rule: FaultRule) => Effect.Effect<void, EmulatorError>
  readonly stats: Effect.Effect<Stats, EmulatorError>
  /** Sends one signed webhook event (or, with `handshake`, the verification request): the receiver's status. */
  readonly deliverWebhook: (
    options: WebhookEvent & { readonly verificationToken: Redacted.Redacted<string> }
  ) => Effect.Effect<number, EmulatorError>
  /**
   * Subscribes a webhook receiver (the handshake first, then a signed event for every change made through the API,
   * until the scope closes). `retry.delay` and `timeout` are in milliseconds.
   */
  readonly subscribeWebhook: (
    options: SubscribeOptions
  ) => Effect.Effect<WebhookSubscription, EmulatorError, Scope.Scope>
  /** The fixture's pages (`roadmap` is shared with the internal integration). */
  readonly pages: { readonly roadmap: string }
  /** The fixture's task database and its data source. */
  readonly tasks: { readonly databaseId: string; readonly dataSourceId: string }
}

interface Started {
  readonly url: string
  readonly internalToken: string
  readonly oauthClient: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string }
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Promise<string>
  readonly registerRedirectUri: (uri: string) => Promise<void>
  readonly injectFault: (rule: FaultRule) => Promise<void>
  readonly stats: () => Promise<Stats>
  readonly deliverWebhook: (options: WebhookEvent & { readonly verificationToken: string }) => Promise<number>
  readonly subscribeWebhook: (options: SubscribeOptions) => Promise<StartedSubscription>
  readonly close: () => Promise<void>
}

interface EmulatorModule {
  readonly Standalone: { readonly start: () => Promise<Started> }
  readonly Fixture: {
    readonly pages: { readonly roadmap: string }
    readonly tasks: { readonly databaseId: string; readonly dataSourceId: string }
  }
}

// a specifier TypeScript does not resolve (see the module's comment)
const specifier: string = "@notion-effect/emulator"

const attempt = <A>(promise: () => Promise<A>) =>
  Effect.tryPromise({ try: promise, catch: (cause) => new EmulatorError({ cause }) })

/**
 * Starts an emulator for the scope.
 *
 * @since 1.0.0
 */
export const make = (): Effect.Effect<Emulator, EmulatorError, Scope.Scope> =>
  Effect.gen(function*() {
    const module = yield* attempt(() => import(specifier) as Promise<EmulatorModule>)
    const started = yield* Effect.acquireRelease(
      attempt(() => module.Standalone.start()),
      (running) => Effect.promise(() => running.close())
    )
    return {
      url: started.url,
      internalToken: Redacted.make(started.internalToken),
      oauthClient: { ...started.oauthClient, clientSecret: Redacted.make(started.oauthClient.clientSecret) },
      consent: (authorizeUrl, decision) => attempt(() => started.consent(authorizeUrl, decision)),
      registerRedirectUri: (uri) => attempt(() => started.registerRedirectUri(uri)),
      injectFault: (rule) => attempt(() => started.injectFault(rule)),
      stats: attempt(() => started.stats()),
      deliverWebhook: ({ verificationToken, ...event }) =>
        attempt(() => started.deliverWebhook({ ...event, verificationToken: Redacted.value(verificationToken) })),
      subscribeWebhook: (options) =>
        Effect.map(
          Effect.acquireRelease(
            attempt(() => started.subscribeWebhook(options)),
            (subscription) => Effect.promise(() => subscription.close())
          ),
          (subscription): WebhookSubscription => ({
            id: subscription.id,
            verificationToken: Redacted.make(subscription.verificationToken),
            deliveries: attempt(() => subscription.deliveries()),
            settled: attempt(() => subscription.settled())
          })
        ),
      pages: module.Fixture.pages,
      tasks: module.Fixture.tasks
    }
  })
