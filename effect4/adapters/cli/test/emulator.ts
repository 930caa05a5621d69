// The emulator as the CLI's tests use it (Effect 4 form): the emulator stays on Effect 3, so it is started with its
// promise API, `Standalone.start()`, and its promises are wrapped as Effect 4 effects (as the store's tests do). Its
// module is imported at run time from the Effect 3 workspace (its types are Effect 3's and stay out of this
// edition's type-check: the shape used here is declared below).
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

/** What the emulator has served (the fields the CLI's tests read). */
export interface Stats {
  readonly requests: Record<string, number>
  readonly refreshes: number
}

/** A running emulator: what the CLI's tests read and do with it. */
export interface Emulator {
  readonly url: string
  readonly internalToken: Redacted.Redacted<string>
  readonly oauthClient: { readonly clientId: string; readonly clientSecret: Redacted.Redacted<string> }
  readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Effect.Effect<string>
  readonly stats: Effect.Effect<Stats>
}

/** `Standalone` of `@notion-effect/emulator`, as far as it is used here. */
interface Standalone {
  readonly start: () => Promise<{
    readonly url: string
    readonly internalToken: string
    readonly oauthClient: { readonly clientId: string; readonly clientSecret: string }
    readonly consent: (authorizeUrl: string, decision: "allow" | "deny") => Promise<string>
    readonly stats: () => Promise<Stats>
    readonly close: () => Promise<void>
  }>
}

/** The emulator's module in the Effect 3 workspace (a computed specifier: TypeScript does not follow it). */
const standalone = new URL("../../../../packages/emulator/src/Standalone.ts", import.meta.url).href

/** An emulator stopped with the scope. */
export const emulator: Effect.Effect<Emulator, never, Scope.Scope> = Effect.map(
  Effect.acquireRelease(
    Effect.promise(async () => {
      const { start } = (await import(/* @vite-ignore */ standalone)) as Standalone
      return start()
    }),
    (running) => Effect.promise(() => running.close())
  ),
  (running): Emulator => ({
    url: running.url,
    internalToken: Redacted.make(running.internalToken),
    oauthClient: {
      clientId: running.oauthClient.clientId,
      clientSecret: Redacted.make(running.oauthClient.clientSecret)
    },
    consent: (authorizeUrl, decision) => Effect.promise(() => running.consent(authorizeUrl, decision)),
    stats: Effect.promise(() => running.stats())
  })
)
