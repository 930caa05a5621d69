/**
 * The AuthLayer: where the bearer token of each request comes from.
 *
 * Precedence, per request: the endpoint's `auth` parameter, then {@link withToken}, then this layer.
 * With no token at all no `Authorization` header is sent (Notion answers 401 `unauthorized`).
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import { globalValue } from "effect/GlobalValue"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { InvalidToken, type NotionError } from "./NotionError.js"

/**
 * The token source of the client. `token` runs for every request, so it may read a store or refresh.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly token: Effect.Effect<Option.Option<Redacted.Redacted<string>>, NotionError>
  /** The token when it never changes (`layer`, `none`): read without running an effect. */
  readonly fixed?: Option.Option<Redacted.Redacted<string>> | undefined
  /**
   * Asked once when Notion answers 401 `unauthorized` to a request that carried a token from {@link token}
   * (not a per-call `auth` nor {@link withToken}'s): a fresh token to retry that request with once, or
   * `None` to return the 401 as is. A refreshing token manager implements it.
   */
  readonly refresh?:
    | ((rejected: Redacted.Redacted<string>) => Effect.Effect<Option.Option<Redacted.Redacted<string>>, NotionError>)
    | undefined
}

/**
 * HTTP Basic client credentials (the OAuth endpoints): sent as `Basic base64(client_id:client_secret)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface BasicCredentials {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
}

/**
 * The AuthLayer's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionAuth extends Context.Tag("@notion-effect/core/NotionAuth")<NotionAuth, Service>() {}

/**
 * Authenticates every request with one token (an integration token or an OAuth access token).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (token: Redacted.Redacted<string>): Layer.Layer<NotionAuth> =>
  Layer.succeed(NotionAuth, { token: Effect.succeed(Option.some(token)), fixed: Option.some(token) })

/**
 * Reads the token from configuration, by default `NOTION_TOKEN`; a missing variable is a `ConfigError`
 * naming it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config<Redacted.Redacted<string>> = Config.redacted("NOTION_TOKEN")
): Layer.Layer<NotionAuth, ConfigError.ConfigError> => Layer.unwrapEffect(Effect.map(config, layer))

/**
 * No client-level token (the official SDK's `new Client()`): pass `auth` per request or use {@link withToken}.
 *
 * @since 0.1.0
 * @category layers
 */
export const none: Layer.Layer<NotionAuth> = Layer.succeed(NotionAuth, {
  token: Effect.succeed(Option.none()),
  fixed: Option.none()
})

/**
 * Takes the token from an effect run for every request (a token store, a refreshing token manager).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerEffect = <E extends NotionError, R>(
  token: Effect.Effect<Redacted.Redacted<string>, E, R>
): Layer.Layer<NotionAuth, never, R> =>
  Layer.effect(
    NotionAuth,
    Effect.map(Effect.context<R>(), (context) => ({
      token: token.pipe(Effect.map(Option.some), Effect.provide(context))
    }))
  )

/**
 * A token source that can refresh: `token` runs for every request, `refresh` once after a 401 to a request
 * that carried its token (see {@link Service.refresh}); the request is then retried once with the new token
 * and a second 401 is returned as is.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerRefreshing = <E extends NotionError, R>(options: {
  readonly token: Effect.Effect<Redacted.Redacted<string>, E, R>
  readonly refresh: (rejected: Redacted.Redacted<string>) => Effect.Effect<Redacted.Redacted<string>, E, R>
}): Layer.Layer<NotionAuth, never, R> =>
  Layer.effect(
    NotionAuth,
    Effect.map(Effect.context<R>(), (context) => ({
      token: options.token.pipe(Effect.map(Option.some), Effect.provide(context)),
      refresh: (rejected: Redacted.Redacted<string>) =>
        options.refresh(rejected).pipe(Effect.map(Option.some), Effect.provide(context))
    }))
  )

/**
 * The token set by {@link withToken} for the current fiber, if any.
 *
 * @since 0.1.0
 * @category fiber refs
 */
export const currentToken: FiberRef.FiberRef<Option.Option<Redacted.Redacted<string>>> = globalValue(
  "@notion-effect/core/NotionAuth/currentToken",
  () => FiberRef.unsafeMake(Option.none<Redacted.Redacted<string>>())
)

/**
 * Runs an effect with another token for every Notion request inside it (it beats the layer, and an
 * endpoint's `auth` parameter beats it).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withToken: {
  (token: Redacted.Redacted<string>): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, token: Redacted.Redacted<string>): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, token: Redacted.Redacted<string>): Effect.Effect<A, E, R> =>
    Effect.locally(self, currentToken, Option.some(token))
)

/**
 * The token for one request: the `auth` parameter, else {@link withToken}'s, else the layer's. An empty
 * token fails with `InvalidToken` before anything is sent.
 *
 * @since 0.1.0
 * @category accessors
 */
export const resolve = (
  service: Service,
  auth: Redacted.Redacted<string> | undefined
): Effect.Effect<Resolved, NotionError> =>
  Effect.flatMap(FiberRef.get(currentToken), (scoped) => {
    const chosen = choose(service, auth, scoped)
    return Effect.flatMap(Effect.isEffect(chosen) ? chosen : Effect.succeed(chosen), (resolved) =>
      Option.isSome(resolved.token) && Redacted.value(resolved.token.value) === ""
        ? Effect.fail(new InvalidToken())
        : Effect.succeed(resolved))
  })

/**
 * The precedence alone, given {@link withToken}'s token of the fiber: the `auth` parameter, else that token, else
 * the layer's — read without running an effect when the layer's token is fixed (the client's hot path uses this).
 *
 * @since 0.1.0
 * @category accessors
 */
export const choose = (
  service: Service,
  auth: Redacted.Redacted<string> | undefined,
  scoped: Option.Option<Redacted.Redacted<string>>
): Resolved | Effect.Effect<Resolved, NotionError> => {
  const chosen = auth !== undefined ? Option.some(auth) : scoped
  if (Option.isSome(chosen)) return { token: chosen, fromSource: false }
  return service.fixed !== undefined
    ? { token: service.fixed, fromSource: true }
    : Effect.map(service.token, (token) => ({ token, fromSource: true }))
}

/**
 * The token chosen for a request, and whether it came from the AuthLayer (only those are refreshed).
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  readonly token: Option.Option<Redacted.Redacted<string>>
  readonly fromSource: boolean
}
