/**
 * Mutated webhook deliveries: the real `WebhookHttp.handler` on a loopback port, subscribed to the emulator (whose
 * handshake and signed events give the real event shapes), then ten thousand deliveries built from those events
 * — each with its own id, signed — and mutated (see `webhookMutations.ts`), sent over raw keep-alive sockets at
 * bounded concurrency. No mutated delivery may reach the user's handler, no answer may be a 5xx, every mutated one
 * is answered 400 or 401, and a mutation that leaves a delivery valid (a header order change, a re-cased name)
 * must reach the handler like any valid delivery.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { NotionAuth, NotionClient, NotionConfig, NotionRetry, WebhookHttp } from "@notion-effect/core"
import { Fixture, NotionEmulator } from "@notion-effect/emulator"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Http from "node:http"
import { RawConnection, type RawRequest } from "./rawHttp.js"
import type { ChaosReport } from "./report.js"
import {
  type Context,
  isStillValid,
  type Mutation,
  mutations,
  seeded,
  signatureOf,
  type Signed
} from "./webhookMutations.js"

/** Options of {@link run}: `deliveries` per run (10,000 by default), sent over `concurrency` connections. */
export interface Options {
  readonly runs: number
  readonly deliveries?: number | undefined
  readonly concurrency?: number | undefined
}

const TASKS = Fixture.tasks.dataSourceId
const NAME = "10,000 mutated webhook deliveries"
const CRITERION =
  "0 mutated deliveries reach the handler, 0 answers are 5xx, every mutated delivery is answered 400 or 401, " +
  "every still-valid one reaches the handler, and no log line carries a stack trace"

/** The real event shapes: the emulator's deliveries for a page's life, a comment and a schema change. */
const seedEvents = (emulator: NotionEmulator.Service, url: string) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(Layer.mergeAll(
      UndiciHttpClient.layer,
      NotionAuth.layer(emulator.internalToken),
      NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled })
    ))
    const client = yield* Effect.provide(NotionClient.make, context)
    const subscription = yield* emulator.subscribeWebhook({ url })
    const page = yield* client.pages.create({
      parent: { data_source_id: TASKS },
      properties: { Name: { title: [{ text: { content: "Chaos" } }] } }
    })
    yield* client.pages.update({ page_id: page.id, properties: { Status: { select: { name: "Doing" } } } })
    yield* client.blocks.children.append({
      block_id: page.id,
      children: [{ paragraph: { rich_text: [{ text: { content: "mutated" } }] } }]
    })
    yield* client.comments.create({ parent: { page_id: page.id }, rich_text: [{ text: { content: "hm" } }] })
    yield* client.dataSources.update({ data_source_id: TASKS, properties: { Priority: { name: "Rank" } } })
    yield* client.pages.update({ page_id: page.id, in_trash: true })
    yield* subscription.settled
    const deliveries = yield* subscription.deliveries
    return { token: subscription.verificationToken, events: deliveries.map((delivery) => delivery.event) }
  })

const pick = (random: () => number): Mutation => {
  const total = mutations.reduce((sum, mutation) => sum + mutation.weight, 0)
  let at = random() * total
  for (const mutation of mutations) if ((at -= mutation.weight) < 0) return mutation
  return mutations[mutations.length - 1]!
}

const idOf = (run: number, i: number) =>
  `c4a05000-${run.toString(16).padStart(4, "0")}-4000-8000-${i.toString(16).padStart(12, "0")}`

/** One run: the figures of `deliveries` mutated deliveries. */
const runOnce = (run: number, deliveries: number, concurrency: number) =>
  Effect.gen(function*() {
    const reachedEvents: Array<string> = []
    let verifications = 0
    let setupEvents = 0
    let chaos = false
    let logLines = 0
    let logLinesWithStack = 0
    const token = { current: Option.none<Redacted.Redacted<string>>() }

    const counting = Logger.make(({ cause, message }) => {
      logLines++
      const text = `${String(message)}${Cause.isEmpty(cause) ? "" : Cause.pretty(cause)}`
      if (!Cause.isEmpty(cause) || /\n\s+at /.test(text)) logLinesWithStack++
    })
    const handler = WebhookHttp.handler({
      verificationToken: Effect.sync(() => token.current),
      onVerification: (received) =>
        Effect.sync(() => {
          if (chaos) verifications++
          else if (Option.isNone(token.current)) token.current = Option.some(received)
        }),
      onEvent: (event) =>
        Effect.sync(() => {
          if (chaos) reachedEvents.push(event.id)
          else setupEvents++
        })
    })
    const server = yield* NodeHttpServer.make(() => Http.createServer(), { port: 0, host: "127.0.0.1" })
    yield* Effect.provide(
      server.serve(handler), // every path: the deliveries go to /webhooks
      Logger.replace(Logger.defaultLogger, counting)
    )
    const port = "port" in server.address ? server.address.port : 0

    const emulator = yield* NotionEmulator.make()
    const seeds = yield* seedEvents(emulator, `http://127.0.0.1:${port}/webhooks`)
    if (Option.isNone(token.current) || setupEvents !== seeds.events.length || seeds.events.length === 0) {
      return yield* Effect.dieMessage("The emulator's handshake and events did not reach the handler")
    }
    const secret = Redacted.value(seeds.token)
    const encoder = new TextEncoder()
    const signed = (i: number): Signed => {
      const body = encoder.encode(JSON.stringify({ ...seeds.events[i % seeds.events.length], id: idOf(run, i) }))
      return { body, signature: signatureOf(secret, body) }
    }

    const random = seeded(run * 7919 + 17)
    const stillValid = new Set<string>()
    const statuses = new Map<string, number>()
    let mutatedNot400or401 = 0
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1)
    const classOf = (status: number) =>
      status === 0 ? "unanswered" : status === 400 || status === 401 ? String(status) : `${Math.floor(status / 100)}xx`

    // built up front, so the sending measures the receiver, not the mutations
    const requests: Array<{ readonly request: RawRequest; readonly valid: boolean; readonly id: string }> = []
    for (let i = 0; i < deliveries; i++) {
      const original = signed(i)
      const context: Context = { random, token: secret, other: signed(i + deliveries) }
      const request = pick(random).apply(original, context)
      requests.push({ request, valid: isStillValid(request, original, secret), id: idOf(run, i) })
    }

    chaos = true
    const started = Date.now()
    let next = 0
    const connections = Array.from({ length: concurrency }, () => new RawConnection(port, 10_000))
    yield* Effect.promise(() =>
      Promise.all(connections.map(async (connection) => {
        while (next < requests.length) {
          const { id, request, valid } = requests[next++]!
          const status = await connection.send(request)
          count(classOf(status))
          if (valid) stillValid.add(id)
          else if (status !== 400 && status !== 401) mutatedNot400or401++
        }
      }))
    ).pipe(Effect.ensuring(Effect.sync(() => connections.forEach((connection) => connection.close()))))
    const durationMs = Date.now() - started

    const stillValidReached = reachedEvents.filter((id) => stillValid.has(id)).length
    const mutatedReached = reachedEvents.length - stillValidReached + verifications
    const figures = {
      deliveries,
      mutated: deliveries - stillValid.size,
      "still valid": stillValid.size,
      "mutated, reached the handler": mutatedReached,
      "still valid, reached the handler": stillValidReached,
      "answered 2xx": statuses.get("2xx") ?? 0,
      "answered 400": statuses.get("400") ?? 0,
      "answered 401": statuses.get("401") ?? 0,
      "answered other 4xx": statuses.get("4xx") ?? 0,
      "answered 5xx": statuses.get("5xx") ?? 0,
      unanswered: statuses.get("unanswered") ?? 0,
      "mutated, not answered 400 or 401": mutatedNot400or401,
      "log lines": logLines,
      "log lines with a stack trace": logLinesWithStack,
      "mutation kinds": mutations.length,
      "duration ms": durationMs
    }
    const passed = mutatedReached === 0 && figures["answered 5xx"] === 0 && mutatedNot400or401 === 0 &&
      stillValidReached === stillValid.size && logLinesWithStack === 0
    return { figures, passed }
  }).pipe(Effect.scoped)

/**
 * Runs the scenario `runs` times (each with its own server, emulator and seed) and reports its figures.
 *
 * @since 0.1.0
 */
export const run = async (options: Options): Promise<ChaosReport> => {
  const deliveries = options.deliveries ?? 10_000
  const results: Array<{ readonly figures: Record<string, number>; readonly passed: boolean }> = []
  for (let i = 0; i < options.runs; i++) {
    results.push(await Effect.runPromise(runOnce(i + 1, deliveries, options.concurrency ?? 16)))
  }
  return {
    name: deliveries === 10_000 ? NAME : `${deliveries.toLocaleString("en")} mutated webhook deliveries`,
    criterion: CRITERION,
    runs: results.map((result) => result.figures),
    passed: results.every((result) => result.passed)
  }
}
