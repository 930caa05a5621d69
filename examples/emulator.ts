/**
 * The emulator the examples run against with `--emulator`, and their tests: a fresh one for a scope. Effect 4's
 * edition of this module (`effect4/adapters/examples/emulator.ts`) starts the same emulator, which stays on Effect 3,
 * through its promise API.
 *
 * @since 0.1.0
 */
import type * as HttpServerError from "@effect/platform/HttpServerError"
import { Fixture, NotionEmulator } from "@notion-effect/emulator"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

/**
 * A running emulator: the part of `NotionEmulator.Service` the examples use, and the fixture's page ids.
 *
 * @since 0.1.0
 */
export interface Emulator extends
  Pick<
    NotionEmulator.Service,
    | "url"
    | "internalToken"
    | "oauthClient"
    | "consent"
    | "registerRedirectUri"
    | "injectFault"
    | "stats"
    | "deliverWebhook"
    | "subscribeWebhook"
  >
{
  /** The fixture's pages (`roadmap` is shared with the internal integration). */
  readonly pages: typeof Fixture.pages
  /** The fixture's task database and its data source. */
  readonly tasks: typeof Fixture.tasks
}

/**
 * What the emulator's `registerRedirectUri`, `injectFault` and `stats` fail with: nothing here (it runs in process).
 *
 * @since 0.1.0
 */
export type CallError = never

/**
 * What the emulator's `deliverWebhook` and `subscribeWebhook` fail with (the receiver could not be reached).
 *
 * @since 0.1.0
 */
export type WebhookError = NotionEmulator.WebhookDeliveryError

/**
 * Starts an emulator for the scope.
 *
 * @since 0.1.0
 */
export const make = (): Effect.Effect<Emulator, HttpServerError.ServeError, Scope.Scope> =>
  Effect.map(NotionEmulator.make(), (emulator) => ({ ...emulator, pages: Fixture.pages, tasks: Fixture.tasks }))
