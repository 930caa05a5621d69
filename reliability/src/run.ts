/**
 * Runs the hostile corpus through the SDK: every case through core's GET and POST endpoints and through the OAuth
 * programs, over the chosen HTTP layers. Each run must end, within its bound, in a success or a member of the
 * SDK's error unions — no defect, no hang, no unhandled rejection — with a bounded message, and no canary secret
 * anywhere an error, a log line or a span (attributes, events, exit) shows.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { NotionAuth, NotionClient, NotionConfig, NotionError, NotionRetry } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials } from "@notion-effect/oauth"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as FS from "node:fs"
import * as OS from "node:os"
import * as Path from "node:path"
import * as V8 from "node:v8"
import * as VM from "node:vm"
import { canaries, type Case, corpus } from "./corpus.js"
// the tests' recording tracer: spans' attributes, events and exits, rendered for the scan
import { recordingTracer } from "../../packages/core/test/utils/tracer.js"
import * as Hostile from "./hostile.js"

/** The HTTP layers the README offers. */
export const layers = {
  // ours (@notion-effect/undici, recommended), then the platform's
  "notion-effect undici": UndiciHttpClient.layer,
  undici: NodeHttpClient.layerUndici,
  fetch: FetchHttpClient.layer,
  "node keep-alive": NodeHttpClient.layerWithoutAgent.pipe(
    Layer.provide(NodeHttpClient.makeAgentLayer({ keepAlive: true }))
  )
} satisfies Record<string, Layer.Layer<HttpClient.HttpClient>>

/** A layer's name. */
export type LayerName = keyof typeof layers

/** The figures of a run of the corpus. */
export interface Report {
  readonly cases: number
  readonly runs: number
  readonly layers: ReadonlyArray<LayerName>
  readonly byCategory: Record<string, number>
  readonly outcomes: Record<string, number>
  /** Runs that ended in a defect, a non-SDK error, or not at all. */
  readonly failures: ReadonlyArray<string>
  /** Places a canary secret was found. */
  readonly leaks: ReadonlyArray<string>
  readonly maxMessageBytes: number
  /** The most heap one case used above where it started (its payloads, parsed and kept while running). */
  readonly maxCaseHeapMb: number
  /** The most heap a case (per-case mode) or a whole layer's run left behind once collected: a leak shows here. */
  readonly maxRetainedMb: number
  readonly unhandledRejections: number
  readonly durationMs: number
}

const TIMEOUT = Duration.millis(300)
/** A run's bound: three attempts of 300 ms and their tiny back-offs fit well within it. */
const WATCHDOG = Duration.seconds(3)

// a full collection between cases, so per-case figures are about the case and not about garbage
V8.setFlagsFromString("--expose-gc")
const gc = VM.runInNewContext("gc") as () => void
const collect = Effect.sync(() => gc())

/** The heap in use after the most thorough collection V8 has: the one a heap snapshot makes. */
const settledHeap = () => {
  const file = V8.writeHeapSnapshot(Path.join(OS.tmpdir(), `reliability-${process.pid}.heapsnapshot`))
  FS.rmSync(file, { force: true })
  return process.memoryUsage().heapUsed
}
const MESSAGE_LIMIT = 2300
const secrets = Object.values(canaries)

const renderings = (error: unknown) => {
  try {
    return [String(error), JSON.stringify(error) ?? "", Inspectable.format(error), Cause.pretty(Cause.fail(error))]
  } catch (e) {
    return [`unrenderable: ${String(e)}`]
  }
}

/** The programs each case runs through. */
const programs = (retried: boolean) => {
  const schedule = retried
    ? NotionRetry.make({ retries: 2, initialDelay: "1 millis", maxDelay: "20 millis" })
    : NotionRetry.disabled
  const retry = retried ? schedule : false
  const auth = Redacted.make(canaries.access)
  const core = (f: (client: NotionClient.Service) => Effect.Effect<unknown, unknown>) =>
    Effect.flatMap(Effect.provide(NotionClient.make, NotionAuth.none), f)
  const oauth = (f: (service: NotionOAuth.Service) => Effect.Effect<unknown, unknown>) =>
    Effect.flatMap(NotionOAuth.make({ retry: schedule }), f)
  return {
    "users.list": core((c) => c.users.list({ auth, retry })),
    "pages.retrieve": core((c) => c.pages.retrieve({ page_id: "p1", auth, retry })),
    "search (POST)": core((c) => c.search({ query: "q", auth, retry })),
    "oauth.token (code)": oauth((o) =>
      o.token({ grant_type: "authorization_code", code: Redacted.make(canaries.code) })
    ),
    "oauth.token (refresh)": oauth((o) =>
      o.token({ grant_type: "refresh_token", refresh_token: Redacted.make(canaries.refresh) })
    ),
    "oauth.introspect": oauth((o) => o.introspect({ token: auth })),
    "oauth.revoke": oauth((o) => o.revoke({ token: auth }))
  } as const
}

const isTyped = (error: unknown) =>
  NotionError.isNotionClientError(error) ||
  (error instanceof Error && "_tag" in error && typeof error._tag === "string")

/**
 * Runs the corpus over the given layers and reports its figures. Memory left behind is measured around the whole
 * run from outside any fiber (a running fiber still references what it built): see {@link measure}.
 */
export const runCorpus = (options: Options): Effect.Effect<Report> => run(options)

/**
 * Runs the corpus as a promise and adds what it left behind on the heap, measured after V8's most thorough
 * collection (the one a heap snapshot makes: `gc()` leaves objects held by weak references and finalization
 * registries — the HTTP client registers every response — for later) once the timers of the last runs (the
 * watchdog's, the pools' keep-alive ones) have lapsed. A leak in the SDK shows here.
 */
export const measure = async (options: Options): Promise<Report> => {
  const before = settledHeap()
  const report = await Effect.runPromise(run(options))
  await new Promise((resolve) => setTimeout(resolve, 4_000))
  const retained = Math.round((settledHeap() - before) / 1024 / 1024)
  return { ...report, maxRetainedMb: Math.max(report.maxRetainedMb, retained) }
}

/** The figures of several runs (one per layer, each in its own process) as one report. */
export const combine = (reports: ReadonlyArray<Report>): Report => {
  const sum = (pick: (r: Report) => Record<string, number>) => {
    const out: Record<string, number> = {}
    for (const r of reports) for (const [k, n] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + n
    return out
  }
  const max = (pick: (r: Report) => number) => Math.max(0, ...reports.map(pick))
  return {
    cases: max((r) => r.cases),
    runs: reports.reduce((n, r) => n + r.runs, 0),
    layers: reports.flatMap((r) => r.layers),
    byCategory: sum((r) => r.byCategory),
    outcomes: sum((r) => r.outcomes),
    failures: reports.flatMap((r) => r.failures),
    leaks: reports.flatMap((r) => r.leaks),
    maxMessageBytes: max((r) => r.maxMessageBytes),
    maxCaseHeapMb: max((r) => r.maxCaseHeapMb),
    maxRetainedMb: max((r) => r.maxRetainedMb),
    unhandledRejections: reports.reduce((n, r) => n + r.unhandledRejections, 0),
    durationMs: reports.reduce((n, r) => n + r.durationMs, 0)
  }
}

/** Options of {@link runCorpus}. */
export interface Options {
  readonly layers: ReadonlyArray<LayerName>
  /** Only these case numbers (all when absent). */
  readonly only?: ReadonlyArray<number>
  /** Collect garbage around every case for per-case memory figures (slow); else only around the whole run. */
  readonly perCaseMemory?: boolean
  /** Say on stderr which layer is running. */
  readonly progress?: boolean
}

const run = (options: Options) =>
  Effect.scoped(Effect.gen(function*() {
    const all = corpus()
    const cases = options.only === undefined ? all : all.map((c, i) => options.only!.includes(i) ? c : undefined)
    const server = yield* Hostile.start(all.map((c) => c.script))
    const failures: Array<string> = []
    let unhandled = 0
    let current = ""
    // an exception or rejection nobody handles is a failure of the run that was going on
    const onUnhandled = (error: unknown) => {
      unhandled++
      failures.push(`${current}: unhandled ${String(error).slice(0, 200)}`)
    }
    process.on("unhandledRejection", onUnhandled)
    process.on("uncaughtException", onUnhandled)
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        process.off("unhandledRejection", onUnhandled)
        process.off("uncaughtException", onUnhandled)
      })
    )
    const outcomes: Record<string, number> = {}
    const byCategory: Record<string, number> = {}
    const leaks: Array<string> = []
    let runs = 0
    let maxMessage = 0
    let maxCaseHeap = 0
    let maxRetained = 0
    const started = Date.now()
    for (const name of options.layers) {
      if (options.progress) console.error(`reliability: the corpus on ${name}…`)
      const http = yield* Layer.build(layers[name])
      for (const [index, testCase] of cases.entries()) {
        if (testCase === undefined) continue
        if (options.perCaseMemory) yield* collect
        const heapBefore = process.memoryUsage().heapUsed
        let heapPeak = heapBefore
        byCategory[testCase.category] = (byCategory[testCase.category] ?? 0) + 1
        for (const [program, effect] of Object.entries(programs(testCase.retried === true))) {
          const label = `[${name}] #${index} ${testCase.category} / ${testCase.name} / ${program}`
          current = label
          const sink: Array<string> = []
          const spans = recordingTracer()
          const logger = Logger.replace(
            Logger.defaultLogger,
            Logger.make((o) => void sink.push(Logger.logfmtLogger.log(o)))
          )
          const exit = yield* effect.pipe(
            Effect.timeoutOption(WATCHDOG),
            Effect.provide(Layer.mergeAll(
              Layer.succeedContext(http),
              logger,
              NotionConfig.layer({
                baseUrl: `${server.url}/case/${index}`,
                timeout: TIMEOUT,
                maxResponseBytes: 64 * 1024
              }),
              OAuthCredentials.layer({ clientId: "client", clientSecret: Redacted.make(canaries.clientSecret) })
            )),
            Effect.withTracer(spans.tracer),
            Logger.withMinimumLogLevel(LogLevel.All),
            Effect.exit
          )
          runs++
          let outcome: string
          if (Exit.isSuccess(exit)) {
            if (Option.isNone(exit.value)) {
              outcome = "hang"
              failures.push(`${label}: no outcome within ${Duration.format(WATCHDOG)}`)
            } else {
              outcome = "success"
            }
          } else {
            const failure = Cause.failureOption(exit.cause)
            if (Option.isSome(failure) && isTyped(failure.value)) {
              const error = failure.value as Error & { _tag: string }
              outcome = error._tag
              maxMessage = Math.max(maxMessage, error.message.length)
              if (error.message.length > MESSAGE_LIMIT) failures.push(`${label}: message of ${error.message.length} B`)
              sink.push(...renderings(error))
            } else {
              outcome = "defect"
              failures.push(`${label}: ${Cause.pretty(exit.cause).slice(0, 300)}`)
            }
          }
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
          const everything = `${sink.join("\n")}\n${spans.dump()}`
          for (const secret of secrets) if (everything.includes(secret)) leaks.push(`${label}: ${secret.slice(0, 12)}…`)
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
        }
        maxCaseHeap = Math.max(maxCaseHeap, heapPeak - heapBefore)
        if (process.env.RELIABILITY_TRACE) {
          console.error(`${index} ${testCase.category}/${testCase.name} ${Math.round(heapPeak / 1048576)} MB`)
        }
        if (options.perCaseMemory && index > 0) {
          yield* collect
          maxRetained = Math.max(maxRetained, process.memoryUsage().heapUsed - heapBefore)
        }
      }
    }
    return {
      cases: cases.filter((c) => c !== undefined).length,
      runs,
      layers: options.layers,
      byCategory,
      outcomes,
      failures,
      leaks,
      maxMessageBytes: maxMessage,
      maxCaseHeapMb: Math.round(maxCaseHeap / 1024 / 1024),
      maxRetainedMb: Math.round(maxRetained / 1024 / 1024),
      unhandledRejections: unhandled,
      durationMs: Date.now() - started
    } satisfies Report
  }))

/** The number of cases in the corpus. */
export const size = (): number => corpus().length

export type { Case }
