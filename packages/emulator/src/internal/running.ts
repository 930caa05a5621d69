/**
 * What `internal/server.ts` starts: the service with plain failures, which `NotionEmulator.make` turns into its
 * tagged errors. Its own module, as the Effect 4 edition's server (an adapter over the Effect 3 one) gives the same.
 */
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { Service, WebhookSubscription } from "../NotionEmulator.js"

/** The service with plain failures: `{ status, message }` for consent, a message for webhooks. */
export interface Running extends Omit<Service, "consent" | "deliverWebhook" | "subscribeWebhook"> {
  readonly consent: (
    authorizeUrl: string,
    decision: "allow" | "deny"
  ) => Effect.Effect<string, { readonly status: number; readonly message: string }>
  readonly deliverWebhook: (options: Parameters<Service["deliverWebhook"]>[0]) => Effect.Effect<number, string>
  readonly subscribeWebhook: (
    options: Parameters<Service["subscribeWebhook"]>[0]
  ) => Effect.Effect<WebhookSubscription, string, Scope.Scope>
}
