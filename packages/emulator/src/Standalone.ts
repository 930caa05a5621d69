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
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import type * as Fault from "./Fault.js"
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
  /** A user's answer on the authorize page: resolves to the redirect URL (with `code` or `error`). */
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Promise<string>
  /** Registers another redirect URI for the OAuth client. */
  readonly registerRedirectUri: (uri: string) => Promise<void>
  /** Adds a fault rule. */
  readonly injectFault: (rule: Fault.Rule) => Promise<void>
  /** Removes every fault rule. */
  readonly clearFaults: () => Promise<void>
  /** Expires every issued OAuth access token (their refresh tokens stay valid); resolves to how many. */
  readonly expireAccessTokens: () => Promise<number>
  /** What the emulator has served so far. */
  readonly stats: () => Promise<NotionEmulator.Stats>
  /** Stops the server (the port is closed when the promise resolves). */
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
  const service = await Effect.runPromise(Scope.extend(NotionEmulator.make(options), scope)).catch(async (error) => {
    await close()
    throw error
  })
  const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
  return {
    url: service.url,
    internalToken: Redacted.value(service.internalToken),
    oauthClient: {
      clientId: service.oauthClient.clientId,
      clientSecret: Redacted.value(service.oauthClient.clientSecret),
      redirectUri: service.oauthClient.redirectUri
    },
    consent: (authorizeUrl, decision) => run(service.consent(authorizeUrl, decision)),
    registerRedirectUri: (uri) => run(service.registerRedirectUri(uri)),
    injectFault: (rule) => run(service.injectFault(rule)),
    clearFaults: () => run(service.clearFaults),
    expireAccessTokens: () => run(service.expireAccessTokens),
    stats: () => run(service.stats),
    close
  }
}
