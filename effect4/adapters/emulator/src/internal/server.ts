/**
 * Effect 4's form of the emulator's `internal/server.ts`: the server itself stays on Effect 3 (`packages/emulator`),
 * so this edition starts it through its promise API (`Standalone.start()` of the Effect 3 package, installed as
 * `@notion-effect/emulator-effect3`) and gives its promises back as Effect 4 effects, with the same plain failures as
 * the Effect 3 module (`{ status, message }` for consent, a message for webhooks). Durations are handed over in
 * milliseconds and secrets as plain strings (each edition's `Duration` and `Redacted` are its own). The server runs on
 * the live clock, not a test's.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpServerError from "effect/http/HttpServerError"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type * as Fault from "../Fault.js"
import type { Options, WebhookSubscription } from "../NotionEmulator.js"
import type * as Standalone from "../Standalone.js"
import type { Running } from "./running.js"

/** The Effect 3 package's `Standalone` (its promise API has the shape of this edition's `Standalone.Emulator`). */
interface Server {
  readonly Standalone: { readonly start: (options: object) => Promise<Standalone.Emulator> }
}

// a specifier TypeScript does not resolve: the Effect 3 package's declarations stay out of this edition's type-check
const server: string = "@notion-effect/emulator-effect3"

const millis = (duration: Duration.Input): number => Duration.toMillis(Duration.fromInputUnsafe(duration))
const millisOf = (duration: Duration.Input | undefined) => duration === undefined ? undefined : millis(duration)
const budget = (limit: Options["rateLimit"]) => limit && { requests: limit.requests, window: millis(limit.window) }
const rule = (rule: Fault.Rule): Fault.Rule =>
  rule.kind._tag === "Latency" ? { ...rule, kind: { ...rule.kind, duration: millis(rule.kind.duration) } } : rule

const messageOf = (error: unknown) => error instanceof Error ? error.message : String(error)
/** A refused consent's status (the Effect 3 `ConsentError` carries it; 0: the page could not be reached). */
const statusOf = (error: unknown) => {
  const status = typeof error === "object" && error !== null ? (error as { readonly status?: unknown }).status : 0
  return typeof status === "number" ? status : 0
}

/** Starts the emulator on 127.0.0.1 in the scope (see `NotionEmulator.make`). */
export const start = (options: Options): Effect.Effect<Running, HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const started = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: async () =>
          ((await import(/* @vite-ignore */ server)) as Server).Standalone.start({
            ...options,
            rateLimit: budget(options.rateLimit),
            workspaceRateLimit: budget(options.workspaceRateLimit),
            codeTtl: millisOf(options.codeTtl),
            faults: options.faults?.map(rule)
          }),
        catch: (cause) => new HttpServerError.ServeError({ cause })
      }),
      (running) => Effect.promise(() => running.close())
    )
    const call = <A>(promise: () => Promise<A>) => Effect.promise(promise)
    const running: Running = {
      url: started.url,
      internalToken: Redacted.make(started.internalToken),
      oauthClient: { ...started.oauthClient, clientSecret: Redacted.make(started.oauthClient.clientSecret) },
      fixture: started.fixture,
      stats: call(() => started.stats()),
      resetStats: call(() => started.resetStats()),
      injectFault: (fault) => call(() => started.injectFault(rule(fault))),
      clearFaults: call(() => started.clearFaults()),
      expireAccessTokens: call(() => started.expireAccessTokens()),
      registerRedirectUri: (uri) => call(() => started.registerRedirectUri(uri)),
      consent: (authorizeUrl, decision) =>
        Effect.tryPromise({
          try: () => started.consent(authorizeUrl, decision),
          catch: (error) => ({ status: statusOf(error), message: messageOf(error) })
        }),
      deliverWebhook: ({ verificationToken, ...delivery }) =>
        Effect.tryPromise({
          try: () => started.deliverWebhook({ ...delivery, verificationToken: Redacted.value(verificationToken) }),
          catch: messageOf
        }),
      subscribeWebhook: ({ retry, timeout, ...subscription }) =>
        Effect.map(
          Effect.acquireRelease(
            Effect.tryPromise({
              try: () =>
                started.subscribeWebhook({
                  ...subscription,
                  ...(retry && {
                    retry: { times: retry.times, ...(retry.delay !== undefined && { delay: millis(retry.delay) }) }
                  }),
                  ...(timeout !== undefined && { timeout: millis(timeout) })
                }),
              catch: messageOf
            }),
            (subscribed) => Effect.promise(() => subscribed.close())
          ),
          (subscribed): WebhookSubscription => ({
            id: subscribed.id,
            verificationToken: Redacted.make(subscribed.verificationToken),
            deliveries: call(() => subscribed.deliveries()),
            settled: call(() => subscribed.settled())
          })
        )
    }
    return running
  })
