/**
 * PostgreSQL killed mid-refresh. Token managers in this process (each with its own connection pool) and OS
 * processes use one stored grant through `PgTokenStore` and `TokenManager` against the emulator, behind a proxy
 * that holds the token endpoint's answer. The access tokens expire; the first refresh commits its intent and
 * reaches Notion, which rotates the pair; with that answer held, PostgreSQL is killed (`-m immediate`), then the
 * answer is released. While the database is down, every call must end in a success or a typed `NotionError`
 * (never a defect); the participant holding the new pair keeps using it. After PostgreSQL is restarted the pair
 * is written back, every call of every participant succeeds, the emulator counts exactly one refresh and no reuse
 * of a refresh token, and the grant is not revoked.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { NotionConfig } from "@notion-effect/core"
import { NotionEmulator } from "@notion-effect/emulator"
import { NotionOAuth, OAuthCredentials } from "@notion-effect/oauth"
import { TokenCipher, TokenManager, TokenStore } from "@notion-effect/store"
import * as PgTokenStore from "@notion-effect/store/PgTokenStore"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { startWorker } from "./grant-worker-process.js"
import { type HoldingProxy, startHoldingProxy } from "./holding-proxy.js"
import { count, merge, type Tally, tally } from "./outcomes.js"
import { binDir, type PostgresServer, startPostgres } from "./postgres-server.js"
import type { ChaosReport } from "./report.js"

/** Options of one scenario run. */
export interface Options {
  readonly runs: number
  /** Token managers in this process, each with its own connection pool (default 2). */
  readonly managers?: number
  /** OS processes using the grant (default 2). */
  readonly processes?: number
  /** Calls per manager in each phase (default 5). */
  readonly calls?: number
}

const resource = <A>(acquire: () => Promise<A>, release: (a: A) => Promise<void>) =>
  Effect.acquireRelease(Effect.promise(acquire), (a) => Effect.promise(() => release(a)))

/** A manager with its own store connection pool, through the proxy. */
const managerLayer = (
  url: string,
  keys: ReadonlyArray<TokenCipher.Key>,
  emulator: NotionEmulator.Service,
  proxy: HoldingProxy
) =>
  TokenManager.layer().pipe(
    Layer.provideMerge(
      PgTokenStore.layer({ client: { url: Redacted.make(url), connectTimeout: "2 seconds" } }).pipe(
        Layer.provide(TokenCipher.layer(keys))
      )
    ),
    Layer.provideMerge(NotionOAuth.layer()),
    Layer.provideMerge(
      Layer.mergeAll(
        NotionConfig.layer({ baseUrl: proxy.url, timeout: "20 seconds" }),
        OAuthCredentials.layer({
          clientId: emulator.oauthClient.clientId,
          clientSecret: emulator.oauthClient.clientSecret
        })
      )
    )
  )

/** Polls until `effect` succeeds with `true`, up to `within`; the time it took in ms (or -1). */
const waitFor = (effect: Effect.Effect<boolean, unknown>, within: Duration.DurationInput) =>
  Effect.gen(function*() {
    const start = Date.now()
    const deadline = start + Duration.toMillis(within)
    while (Date.now() < deadline) {
      if (yield* Effect.orElseSucceed(effect, () => false)) return Date.now() - start
      yield* Effect.sleep("100 millis")
    }
    return -1
  })

const once = (
  bin: string,
  options: Options
): Effect.Effect<
  { readonly passed: boolean; readonly figures: Record<string, number | string> },
  never,
  Scope.Scope | HttpClient.HttpClient
> =>
  Effect.gen(function*() {
    const fibers = options.managers ?? 2
    const processes = options.processes ?? 2
    const callsEach = options.calls ?? 5
    const server: PostgresServer = yield* resource(() => startPostgres(bin), (server) => server.close())
    const emulator = yield* Effect.orDie(
      NotionEmulator.make({ rateLimit: { requests: 100_000, window: "1 second" } })
    )
    const port = Number(new URL(emulator.url).port)
    const proxy = yield* resource(() => startHoldingProxy(port), (proxy) => proxy.close())
    const keys = [{ id: "k1", secret: yield* TokenCipher.generateKey }]
    const contexts = yield* Effect.forEach(
      Array.from({ length: fibers }),
      () => Effect.orDie(Layer.build(managerLayer(server.url, keys, emulator, proxy)))
    )

    // a user authorizes; the grant is stored
    const first = contexts[0]!
    const consent = `${emulator.url}/v1/oauth/authorize?client_id=${emulator.oauthClient.clientId}` +
      "&response_type=code&owner=user"
    const code = new URL(yield* Effect.orDie(emulator.consent(consent, "allow"))).searchParams.get("code")!
    const grant = yield* Effect.orDie(
      Effect.provide(
        Effect.flatMap(
          NotionOAuth.NotionOAuth,
          (oauth) => oauth.token({ grant_type: "authorization_code", code: Redacted.make(code) })
        ),
        first
      )
    )
    yield* Effect.orDie(Effect.provide(Effect.flatMap(TokenManager.TokenManager, (m) => m.save(grant)), first))

    // the participants: managers in this process (each with its own pool), and OS processes
    const inProcess = yield* Effect.forEach(contexts, (context) =>
      Effect.map(
        Effect.provide(TokenManager.makeClient(grant.bot_id), context),
        (client) => (n: number) =>
          Effect.map(
            Effect.forEach(Array.from({ length: n }), () => Effect.exit(client.users.me()), {
              concurrency: "unbounded"
            }),
            (exits) => {
              const into = tally()
              for (const exit of exits) count(into, exit)
              return into
            }
          )
      ))
    const workers = yield* Effect.forEach(Array.from({ length: processes }), () =>
      Effect.map(
        resource(() =>
          startWorker({
            NOTION_STORE_PG_URL: server.url,
            NOTION_STORE_KEYS: `k1:${Redacted.value(keys[0]!.secret)}`,
            NOTION_BASE_URL: proxy.url,
            NOTION_TIMEOUT: "20 seconds",
            NOTION_OAUTH_CLIENT_ID: emulator.oauthClient.clientId,
            NOTION_OAUTH_CLIENT_SECRET: Redacted.value(emulator.oauthClient.clientSecret),
            GRANT: grant.bot_id
          }), (worker) => worker.close()),
        (worker) => (n: number) => Effect.promise(() => worker.calls(n))
      ), { concurrency: "unbounded" })
    const participants = [...inProcess, ...workers]
    const phase = (into: Tally) =>
      Effect.forEach(participants, (calls) => Effect.map(calls(callsEach), (tally) => merge(into, tally)), {
        concurrency: "unbounded",
        discard: true
      })

    // every manager has loaded the token
    const warm = tally()
    yield* phase(warm)

    // the tokens expire; the first refresh's answer is held after Notion rotated the pair
    yield* emulator.expireAccessTokens
    const held = proxy.holdNextTokenAnswer()
    const inFlight = tally()
    const flight = yield* Effect.fork(phase(inFlight))
    const heldInTime = yield* Effect.promise(() =>
      Promise.race([held.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))])
    )
    yield* Effect.sleep("200 millis") // the other managers reach their refresh and wait on the intent
    const downAt = Date.now()
    yield* Effect.promise(() => server.kill())
    proxy.release()
    yield* Fiber.join(flight)

    // while PostgreSQL is down
    const down = tally()
    yield* phase(down)
    // down for two seconds at least: the kept pair's write-back fails and backs off meanwhile
    yield* Effect.sleep(Duration.millis(Math.max(0, downAt + 2_000 - Date.now())))
    yield* phase(down)
    const downMs = Date.now() - downAt

    // PostgreSQL returns: the kept pair is written back
    yield* Effect.promise(() => server.start())
    const store = Context.get(first, TokenStore.TokenStore)
    const writeBackMs = yield* waitFor(
      Effect.map(store.load(grant.bot_id), (stored) => stored.rotation === 1),
      "20 seconds"
    )
    const after = tally()
    yield* phase(after)
    const stored = yield* Effect.either(store.load(grant.bot_id))
    const stats = yield* emulator.stats
    const revoked = stored._tag === "Left" || stored.right.needsReauthorization ? 1 : 0
    const duringDown = tally()
    merge(duringDown, inFlight)
    merge(duringDown, down)
    const total = participants.length * callsEach
    const passed = heldInTime && warm.ok === total && duringDown.untyped === 0 && after.ok === total &&
      stats.refreshes === 1 && stats.refreshReuses === 0 && revoked === 0 && writeBackMs >= 0
    const figures = {
      "managers in this process": fibers,
      "OS processes": processes,
      "calls while down": duringDown.ok + duringDown.typed + duringDown.untyped,
      "succeeded while down": duringDown.ok,
      "typed errors while down": duringDown.typed,
      "untyped errors or defects while down": duringDown.untyped,
      "error tags while down": [...duringDown.tags].sort().join(" ") || "none",
      "down ms": downMs,
      "write-back after restart ms": writeBackMs,
      "calls after restart": after.ok + after.typed + after.untyped,
      "failed after restart": after.typed + after.untyped,
      "refreshes counted by the emulator": stats.refreshes,
      "refresh-token reuses": stats.refreshReuses,
      "grant revoked": revoked
    }
    return { passed, figures }
  })

/** Runs the scenario `runs` times, each on a fresh private PostgreSQL, emulator and proxy. */
export const run = async (options: Options): Promise<ChaosReport> => {
  const name = "PostgreSQL killed mid-refresh (Notion already rotated the pair)"
  const criterion = "only successes or typed errors while down; after the restart every call succeeds, exactly " +
    "one refresh, no refresh-token reuse, the grant not revoked"
  const bin = binDir()
  if (bin === undefined) throw new Error("PostgreSQL binaries not found: set NOTION_EFFECT_PG_BIN to a bin directory")
  const runs: Array<Record<string, number | string>> = []
  let passed = true
  for (let index = 0; index < options.runs; index++) {
    const { figures, passed: ok } = await Effect.runPromise(
      Effect.scoped(once(bin, options)).pipe(
        Effect.provide(NodeHttpClient.layerUndici),
        // the managers' warnings (the pair kept, then written back) are expected here
        Logger.withMinimumLogLevel(LogLevel.Error)
      )
    )
    passed &&= ok
    runs.push({ ...figures, passed: ok ? "yes" : "no" })
  }
  return { name, criterion, runs, passed }
}
