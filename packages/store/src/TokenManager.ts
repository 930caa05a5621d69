/**
 * A valid access token for a stored grant, refreshed when Notion says it expired, as core's AuthLayer: a
 * `NotionClient` for grant X is one layer away ({@link layerClient}).
 *
 * - The access token is read from the `TokenStore` once per process and kept; a request answered 401
 *   `unauthorized` asks for a refresh, the request is retried once, and a second 401 is returned as is (core's
 *   client does that for any AuthLayer with `refresh`).
 * - Single flight: every fiber of the process that needs a grant's token while it is being loaded or refreshed
 *   waits for that one load or refresh. Across processes the store's `rotate` takes a lock on the grant and
 *   re-reads it: when another process already rotated the pair, its pair is used and Notion is not called.
 * - Notion refusing the refresh token (`invalid_grant`) marks the grant as needing re-authorization and fails with
 *   core's `ReauthorizationRequired` carrying the grant key; later calls fail the same way at once, without
 *   calling Notion. {@link Service.revoke} revokes the grant at Notion and deletes it.
 * - A refresh runs to its end even when the request that started it is interrupted: Notion rotates the pair before
 *   it answers, so an answer that is not persisted is a lost grant.
 * - A new pair the store fails to write (`Rotation` `Unsaved`: database down, connection lost, COMMIT refused) is
 *   kept: this process uses it and writes it back in the background, retried with exponential back-off (100 ms
 *   doubling, at most 2 seconds apart) until the store answers. Meanwhile the store keeps the refresh intent, so
 *   other processes wait instead of sending the superseded refresh token; a 401 to the kept token fails with a
 *   `StoreFailure` instead of refreshing it. Store failures are typed errors on every path, never defects. A kept
 *   pair still unwritten when the manager's scope closes is lost with it, as with a process that dies.
 *
 * `notion_token_refreshes_total{result}` counts the refreshes this manager sent to Notion (`ok`, `reauthorize`,
 * `error`).
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { NotionAuth, NotionClient, NotionError, NotionMetrics } from "@notion-effect/core"
import { NotionOAuth, type OAuthResponse } from "@notion-effect/oauth"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import { type StoreError, StoreFailure } from "./StoreError.js"
import * as TokenStore from "./TokenStore.js"

/**
 * Every failure of the manager: the store's, `ReauthorizationRequired`, and the OAuth call's (core's errors and
 * `MissingCredentials`).
 *
 * @since 0.1.0
 * @category models
 */
export type ManagerError = StoreError | NotionError.ReauthorizationRequired | NotionOAuth.OAuthCallError

/**
 * The manager.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The grant's current access token (from memory, else the store). */
  readonly token: (grant: string) => Effect.Effect<Redacted.Redacted<string>, ManagerError>
  /**
   * A token to use instead of `rejected`, which Notion answered 401 to: the pair someone already rotated, else a
   * refresh (one per grant at a time, in this process and across processes sharing the store).
   */
  readonly refresh: (
    grant: string,
    rejected: Redacted.Redacted<string>
  ) => Effect.Effect<Redacted.Redacted<string>, ManagerError>
  /** Stores a token response (a code exchange's answer) and uses its access token from now on. */
  readonly save: (response: OAuthResponse.TokenResponse) => Effect.Effect<TokenStore.Grant, StoreError>
  /** Revokes the grant at Notion (already revoked is fine) and deletes it from the store. */
  readonly revoke: (grant: string) => Effect.Effect<void, StoreError | NotionOAuth.OAuthCallError>
}

/**
 * The manager's tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class TokenManager extends Context.Tag("@notion-effect/store/TokenManager")<TokenManager, Service>() {}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How often at most a grant's `lastUsedAt` is written (default 1 minute). */
  readonly touchInterval?: Duration.DurationInput
}

type Restore = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>

interface Entry {
  /** The access token this process believes current. */
  current: Option.Option<Redacted.Redacted<string>>
  /** A load or refresh in flight: every fiber that needs the token waits for it. */
  pending: Deferred.Deferred<Redacted.Redacted<string>, ManagerError> | undefined
  /** A rotated pair the store failed to write is being written back: `current` is its access token. */
  unsaved: boolean
  touchedAt: number
}

/** How an unsaved pair's write-back is retried: 100 ms doubling, then every 2 seconds, jittered. */
const writeBackSchedule = Schedule.exponential(Duration.millis(100), 2).pipe(
  Schedule.union(Schedule.spaced(Duration.seconds(2))),
  Schedule.jittered
)

const counter = (result: "ok" | "reauthorize" | "error") =>
  Metric.increment(Metric.tagged(NotionMetrics.refreshes, "result", result))

/**
 * Builds the manager on the `TokenStore` and `NotionOAuth` in context; refreshes in flight end with the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<Service, never, TokenStore.TokenStore | NotionOAuth.NotionOAuth | Scope.Scope> =>
  Effect.gen(function*() {
    const store = yield* TokenStore.TokenStore
    const oauth = yield* NotionOAuth.NotionOAuth
    const scope = yield* Effect.scope
    const touchInterval = Duration.toMillis(options.touchInterval ?? Duration.minutes(1))
    const entries = new Map<string, Entry>()
    const entryOf = (grant: string) => {
      let entry = entries.get(grant)
      if (entry === undefined) {
        entries.set(grant, entry = { current: Option.none(), pending: undefined, unsaved: false, touchedAt: -Infinity })
      }
      return entry
    }

    /**
     * Starts `work` as the grant's flight (call it in the same synchronous step as the check that no flight is
     * pending): it runs in the manager's scope, so it ends even if the fiber that started it is interrupted.
     */
    const startFlight = (
      grant: string,
      entry: Entry,
      work: Effect.Effect<Redacted.Redacted<string>, ManagerError>,
      restore: Restore
    ): Effect.Effect<Redacted.Redacted<string>, ManagerError> => {
      const deferred = Deferred.unsafeMake<Redacted.Redacted<string>, ManagerError>(FiberId.none)
      entry.pending = deferred
      const settle = Effect.flatMap(Effect.exit(work), (exit) =>
        Effect.suspend(() => {
          if (entries.get(grant) === entry && entry.pending === deferred) {
            entry.pending = undefined
            entry.current = Exit.isSuccess(exit) ? Option.some(exit.value) : Option.none()
          }
          return Deferred.done(deferred, exit)
        }))
      // the caller is uninterruptible up to here (a flight that never starts would leave its waiters waiting)
      return Effect.zipRight(Effect.forkIn(settle, scope), restore(Deferred.await(deferred)))
    }

    const load = (grant: string) =>
      Effect.flatMap(
        store.load(grant),
        (stored) =>
          stored.needsReauthorization
            ? Effect.fail(new NotionError.ReauthorizationRequired({ grant }))
            : Effect.succeed(stored.accessToken)
      )

    const touch = (grant: string, entry: Entry) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        if (now - entry.touchedAt < touchInterval) return Effect.void
        entry.touchedAt = now
        return Effect.asVoid(Effect.forkIn(Effect.ignore(store.touch(grant)), scope))
      })

    const token = (grant: string): Effect.Effect<Redacted.Redacted<string>, ManagerError> =>
      Effect.uninterruptibleMask((restore) =>
        Effect.suspend(() => {
          const entry = entryOf(grant)
          if (entry.pending !== undefined) return restore(Deferred.await(entry.pending))
          if (Option.isSome(entry.current)) return Effect.as(touch(grant, entry), entry.current.value)
          return Effect.tap(startFlight(grant, entry, load(grant), restore), () => touch(grant, entry))
        })
      )

    /** Writes an unsaved pair back until the store takes it (or says it never will), in the manager's scope. */
    const writeBack = (
      grant: string,
      entry: Entry,
      token: Redacted.Redacted<string>,
      save: Effect.Effect<unknown, StoreError>
    ) =>
      Effect.suspend(() => {
        entry.unsaved = true
        entry.current = Option.some(token)
        return save.pipe(
          Effect.retry({ schedule: writeBackSchedule, while: (error) => error._tag === "StoreFailure" }),
          Effect.matchCauseEffect({
            onSuccess: () => Effect.logInfo("Notion grant's rotated pair stored after the store recovered"),
            onFailure: (cause) =>
              Effect.zipRight(
                Effect.sync(() => {
                  // the store's record decides from now on (unless something newer replaced the kept token)
                  if (Option.isSome(entry.current) && TokenStore.sameToken(entry.current.value, token)) {
                    entry.current = Option.none()
                  }
                }),
                Effect.logWarning("Notion grant's rotated pair dropped: it can no longer be stored", cause)
              )
          }),
          Effect.ensuring(Effect.sync(() => void (entry.unsaved = false))),
          Effect.annotateLogs("notion.grant", grant),
          Effect.forkIn(scope)
        )
      })

    const refreshOnce = (grant: string, entry: Entry, rejected: Redacted.Redacted<string>) =>
      store.rotate(
        grant,
        rejected,
        (refreshToken) =>
          oauth.token({ grant_type: "refresh_token", refresh_token: refreshToken }).pipe(
            Effect.map(Option.some),
            Effect.catchTag("InvalidGrant", () => Effect.succeedNone),
            Effect.tapError(() => counter("error"))
          )
      ).pipe(
        Effect.uninterruptible,
        Effect.flatMap((rotation): Effect.Effect<Redacted.Redacted<string>, ManagerError> => {
          switch (rotation._tag) {
            case "Rotated":
              return Effect.as(
                Effect.zipRight(counter("ok"), Effect.logDebug("Notion grant refreshed")),
                rotation.grant.accessToken
              )
            case "Current":
              return Effect.as(
                Effect.logDebug("Notion grant already refreshed elsewhere (another process or manager)"),
                rotation.grant.accessToken
              )
            case "Unsaved":
              return Effect.as(
                Effect.all([
                  counter("ok"),
                  Effect.logWarning(
                    "Notion grant refreshed; the store failed to write the new pair: it is used from memory and " +
                      `written back when the store answers (${rotation.error.message})`
                  ),
                  writeBack(grant, entry, rotation.grant.accessToken, rotation.save)
                ]),
                rotation.grant.accessToken
              )
            case "Revoked":
              return Effect.zipRight(
                rotation.refused
                  ? Effect.zipRight(counter("reauthorize"), Effect.logWarning("Notion refused the refresh token"))
                  : Effect.void,
                Effect.fail(new NotionError.ReauthorizationRequired({ grant }))
              )
          }
        }),
        Effect.annotateLogs("notion.grant", grant),
        Effect.withSpan("TokenManager.refresh", { attributes: { "notion.grant": grant } })
      )

    const refresh = (
      grant: string,
      rejected: Redacted.Redacted<string>
    ): Effect.Effect<Redacted.Redacted<string>, ManagerError> =>
      Effect.uninterruptibleMask((restore) =>
        Effect.suspend(() => {
          const entry = entryOf(grant)
          if (entry.pending !== undefined) {
            // a load or a refresh is in flight: its token is newer than the rejected one, unless it was a load that
            // read the same token (then refresh after it)
            return Effect.flatMap(
              restore(Deferred.await(entry.pending)),
              (fresh) => TokenStore.sameToken(fresh, rejected) ? refresh(grant, rejected) : Effect.succeed(fresh)
            )
          }
          if (Option.isSome(entry.current) && !TokenStore.sameToken(entry.current.value, rejected)) {
            return Effect.succeed(entry.current.value)
          }
          if (entry.unsaved) {
            // its refresh token is only in memory, and the store's is superseded: neither may be sent now
            return Effect.fail(
              new StoreFailure({
                operation: "refresh a grant whose rotated pair is not stored yet",
                cause: new Error("Notion rejected the rotated access token before the store took the pair")
              })
            )
          }
          return startFlight(grant, entry, refreshOnce(grant, entry, rejected), restore)
        })
      )

    const save = (response: OAuthResponse.TokenResponse) =>
      Effect.tap(store.save(response), (grant) =>
        Effect.sync(() => {
          const entry = entryOf(grant.key)
          entry.current = Option.some(grant.accessToken)
        }))

    const revoke = (grant: string) =>
      Effect.gen(function*() {
        const stored = yield* store.load(grant)
        yield* oauth.revoke({ token: stored.accessToken }).pipe(
          Effect.catchTags({ InvalidGrant: () => Effect.void, Unauthorized: () => Effect.void })
        )
        yield* store.delete(grant)
        yield* Effect.sync(() => entries.delete(grant))
      }).pipe(Effect.withSpan("TokenManager.revoke", { attributes: { "notion.grant": grant } }))

    return { token, refresh, save, revoke }
  })

/**
 * Provides the manager; requires a `TokenStore` and `NotionOAuth` (itself over an `HttpClient`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<TokenManager, never, TokenStore.TokenStore | NotionOAuth.NotionOAuth> =>
  Layer.scoped(TokenManager, make(options))

/**
 * Provides the manager with options from configuration: `NOTION_STORE_TOUCH_INTERVAL` (a duration, e.g.
 * `5 minutes`; default 1 minute).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (): Layer.Layer<
  TokenManager,
  ConfigError.ConfigError,
  TokenStore.TokenStore | NotionOAuth.NotionOAuth
> =>
  Layer.unwrapEffect(
    Effect.map(
      Config.option(Config.duration("NOTION_STORE_TOUCH_INTERVAL")),
      (interval) =>
        layer(Option.match(interval, { onNone: () => ({}), onSome: (touchInterval) => ({ touchInterval }) }))
    )
  )

/**
 * The manager's failure as core's `NotionError`, the only failure an AuthLayer may have: a grant that is not stored
 * reads as `ReauthorizationRequired`; a store that fails (database down, wrong key) or missing OAuth credentials
 * read as `CredentialsUnavailable`, with the `StoreError` or `MissingCredentials` as its `cause`.
 */
const asNotionError = <A>(
  grant: string,
  effect: Effect.Effect<A, ManagerError>
): Effect.Effect<A, NotionError.NotionError> =>
  Effect.catchAll(effect, (error) =>
    NotionError.isNotionClientError(error)
      ? Effect.fail(error)
      : error._tag === "GrantNotFound"
      ? Effect.fail(new NotionError.ReauthorizationRequired({ grant }))
      : Effect.fail(new NotionError.CredentialsUnavailable({ reason: error.message, cause: error })))

/**
 * Core's AuthLayer for one stored grant: every request carries its current access token; a 401 refreshes it once
 * and the request is retried once.
 *
 * @since 0.1.0
 * @category layers
 */
export const authLayer = (grant: string): Layer.Layer<NotionAuth.NotionAuth, never, TokenManager> =>
  Layer.unwrapEffect(
    Effect.map(TokenManager, (manager) =>
      NotionAuth.layerRefreshing({
        token: asNotionError(grant, manager.token(grant)),
        refresh: (rejected) => asNotionError(grant, manager.refresh(grant, rejected))
      }))
  )

/**
 * A `NotionClient` for one stored grant (`NotionConfig` is optional, as for any client).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  grant: string
): Layer.Layer<NotionClient.NotionClient, never, TokenManager | HttpClient.HttpClient> =>
  NotionClient.layer.pipe(Layer.provide(authLayer(grant)))

/**
 * Builds a client for one stored grant, e.g. per tenant in a server handling many grants (build it once per grant
 * and keep it: building compiles nothing up front, but each client compiles its endpoints on first use).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeClient = (
  grant: string
): Effect.Effect<NotionClient.Service, never, TokenManager | HttpClient.HttpClient> =>
  Effect.provide(NotionClient.make, authLayer(grant))
