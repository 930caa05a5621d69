// Webhook subscriptions of the emulator: a real receiver on a loopback socket gets the handshake, then one signed
// event per change made through the API, in order, each one a known event of core's `Webhook` schemas.
import { assert, describe, it } from "@effect/vitest"
import { Webhook } from "@notion-effect/core"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Fixture from "../src/Fixture.js"
import * as NotionEmulator from "../src/NotionEmulator.js"
import { clientOf } from "./utils.js"

const TASKS = Fixture.tasks.dataSourceId

interface Received {
  readonly body: string
  readonly signature: string | undefined
}

/** A receiver answering `status` (the n-th request's, from a list: the last one from then on), keeping what it got. */
const receiver = (status: number | ReadonlyArray<number> = 200) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly received: Array<Received>; readonly server: Http.Server }>(
      (resume) => {
        const received: Array<Received> = []
        const server = Http.createServer((request, response) => {
          let body = ""
          request.on("data", (chunk) => (body += chunk))
          request.on("end", () => {
            received.push({ body, signature: request.headers["x-notion-signature"] as string | undefined })
            const statuses = typeof status === "number" ? [status] : status
            response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]!).end()
          })
        })
        server.listen(0, "127.0.0.1", () =>
          resume(Effect.succeed({
            url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
            received,
            server
          })))
      }
    ),
    ({ server }) => Effect.async<void>((resume) => void server.close(() => resume(Effect.void)))
  )

const setup = Effect.gen(function*() {
  const emulator = yield* NotionEmulator.make()
  const client = yield* clientOf(emulator)
  return { emulator, client }
})

/** Checks each event's signature and decodes it with core's schemas: the known events, in order. */
const events = (received: ReadonlyArray<Received>, token: Redacted.Redacted<string>) =>
  Effect.forEach(received, (delivery) =>
    Effect.gen(function*() {
      yield* Webhook.verifySignature({ body: delivery.body, signature: delivery.signature, verificationToken: token })
      const payload = yield* Webhook.parse(delivery.body)
      assert.strictEqual(payload._tag, "Event")
      const event = (payload as Extract<Webhook.Payload, { _tag: "Event" }>).event
      assert.isTrue(Webhook.isKnownEvent(event), event.type)
      return event as Webhook.KnownEvent
    }))

describe("webhook subscriptions", () => {
  it.scoped("the handshake, then a signed, typed event per change, in order", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup
      const hook = yield* receiver()
      const subscription = yield* emulator.subscribeWebhook({ url: hook.url })
      assert.deepStrictEqual(JSON.parse(hook.received[0]!.body), {
        verification_token: Redacted.value(subscription.verificationToken)
      })
      assert.isUndefined(hook.received[0]!.signature)

      const page = yield* client.pages.create({
        parent: { data_source_id: TASKS },
        properties: { Name: { title: [{ text: { content: "Hooked" } }] } }
      })
      yield* client.pages.update({ page_id: page.id, properties: { Status: { select: { name: "Doing" } } } })
      const appended = yield* client.blocks.children.append({
        block_id: page.id,
        children: [{ paragraph: { rich_text: [{ text: { content: "one" } }] } }]
      })
      const comment = yield* client.comments.create({
        parent: { page_id: page.id },
        rich_text: [{ text: { content: "nice" } }]
      })
      yield* client.dataSources.update({ data_source_id: TASKS, properties: { Priority: { name: "Rank" } } })
      yield* client.pages.update({ page_id: page.id, in_trash: true })
      yield* subscription.settled

      const got = yield* events(hook.received.slice(1), subscription.verificationToken)
      assert.deepStrictEqual(got.map((e) => e.type), [
        "page.created",
        "page.properties_updated",
        "page.content_updated",
        "comment.created",
        "data_source.schema_updated",
        "page.deleted"
      ])
      for (const event of got) {
        assert.strictEqual(event.subscription_id, subscription.id)
        assert.strictEqual(event.attempt_number, 1)
      }
      const [created, updated, content, commented, schema] = got
      assert.deepStrictEqual(created!.entity, { id: page.id, type: "page" })
      assert.deepStrictEqual(created!.data, {
        parent: { id: Fixture.tasks.databaseId, type: "database", data_source_id: TASKS }
      })
      assert.deepStrictEqual((updated!.data as { updated_properties: unknown }).updated_properties, ["st%3A1"])
      assert.deepStrictEqual((content!.data as { updated_blocks: unknown }).updated_blocks, [
        { id: appended.results[0]!.id, type: "block" }
      ])
      assert.deepStrictEqual(commented!.entity, { id: comment.id, type: "comment" })
      assert.deepStrictEqual(commented!.data, { page_id: page.id, parent: { id: page.id, type: "page" } })
      assert.deepStrictEqual(schema!.entity, { id: TASKS, type: "data_source" })
      assert.deepStrictEqual((schema!.data as { updated_properties: unknown }).updated_properties, [
        { id: "pr%3A1", name: "Rank", action: "updated" }
      ])
      assert.deepStrictEqual((yield* subscription.deliveries).map((d) => d.status), [200, 200, 200, 200, 200, 200])
    }))

  it.scoped("only the types asked for; a receiver's failures are recorded; nothing after the scope closes", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup
      const created = yield* receiver()
      const failing = yield* receiver(500)
      const scope = yield* Scope.make()
      const onlyCreated = yield* emulator.subscribeWebhook({ url: created.url, events: ["page.created"] }).pipe(
        Scope.extend(scope)
      )
      const everything = yield* emulator.subscribeWebhook({ url: failing.url })
      const page = yield* client.pages.create({ parent: { data_source_id: TASKS }, properties: {} })
      yield* client.pages.update({ page_id: page.id, is_locked: true })
      yield* Effect.all([onlyCreated.settled, everything.settled])
      assert.deepStrictEqual(
        (yield* events(created.received.slice(1), onlyCreated.verificationToken)).map((e) => e.type),
        ["page.created"]
      )
      assert.deepStrictEqual(
        (yield* everything.deliveries).map((d) => [d.event.type, d.status]),
        [["page.created", 500], ["page.locked", 500]]
      )

      yield* Scope.close(scope, Exit.void)
      yield* client.pages.create({ parent: { data_source_id: TASKS }, properties: {} })
      yield* everything.settled
      assert.strictEqual(created.received.length, 2) // the handshake and one event
      assert.strictEqual((yield* everything.deliveries).length, 3)
    }))

  it.scoped("file uploads and views", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup
      const hook = yield* receiver()
      const subscription = yield* emulator.subscribeWebhook({ url: hook.url })
      const upload = yield* client.fileUploads.create({ mode: "single_part", filename: "a.txt" })
      yield* client.fileUploads.send({ file_upload_id: upload.id, file: { data: new TextEncoder().encode("a") } })
      const view = yield* client.views.create({
        data_source_id: TASKS,
        database_id: Fixture.tasks.databaseId,
        name: "Board",
        type: "board"
      })
      yield* client.views.update({ view_id: view.id, name: "Kanban", sorts: [] })
      yield* client.views.delete({ view_id: view.id })
      yield* subscription.settled
      const got = yield* events(hook.received.slice(1), subscription.verificationToken)
      assert.deepStrictEqual(got.map((e) => [e.type, e.entity.id]), [
        ["file_upload.created", upload.id],
        ["file_upload.completed", upload.id],
        ["view.created", view.id],
        ["view.updated", view.id],
        ["view.deleted", view.id]
      ])
      const database = { id: Fixture.tasks.databaseId, type: "database" }
      assert.deepStrictEqual(got[2]!.data, { parent: database, view_type: "board" })
      assert.deepStrictEqual(got[3]!.data, { parent: database, updated_fields: ["name", "sorts"] })
    }))

  it.scoped("retries: the same event again, attempt_number counting up, the delay doubling on the clock", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup
      // the handshake is accepted, the event refused twice, then accepted
      const hook = yield* receiver([200, 503, 500, 200])
      const subscription = yield* emulator.subscribeWebhook({ url: hook.url, retry: { times: 3, delay: "10 seconds" } })
      const deliveries = (n: number) =>
        Effect.repeat(subscription.deliveries, {
          until: (list) => list.length >= n,
          schedule: Schedule.spaced("10 millis").pipe(Schedule.compose(Schedule.recurs(500)))
        }).pipe(Effect.withClock(Clock.make()))
      const page = yield* client.pages.create({ parent: { data_source_id: TASKS }, properties: {} })
      yield* deliveries(1)
      yield* TestClock.adjust("9 seconds")
      assert.strictEqual((yield* subscription.deliveries).length, 1) // not before the delay
      yield* TestClock.adjust("1 second")
      yield* deliveries(2)
      yield* TestClock.adjust("20 seconds") // doubled
      yield* subscription.settled
      const sent = yield* subscription.deliveries
      assert.deepStrictEqual(sent.map((d) => [d.event.attempt_number, d.status]), [[1, 503], [2, 500], [3, 200]])
      assert.strictEqual(new Set(sent.map((d) => d.event.id)).size, 1)
      const got = yield* events(hook.received.slice(1), subscription.verificationToken)
      assert.deepStrictEqual(got.map((e) => [e.type, e.entity.id, e.attempt_number]), [
        ["page.created", page.id, 1],
        ["page.created", page.id, 2],
        ["page.created", page.id, 3]
      ])
    }))

  it.scoped("a receiver that never answers an event counts as unreachable after the timeout: no hang", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* setup
      let requests = 0
      const server = Http.createServer((_request, response) => {
        // the handshake is answered; events never are
        if (++requests === 1) response.writeHead(200).end()
      })
      yield* Effect.acquireRelease(
        Effect.async<void>((resume) => void server.listen(0, "127.0.0.1", () => resume(Effect.void))),
        () =>
          Effect.async<void>((resume) => {
            server.closeAllConnections()
            server.close(() => resume(Effect.void))
          })
      )
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`
      const subscription = yield* emulator.subscribeWebhook({ url, timeout: "200 millis" })
      yield* client.pages.create({ parent: { data_source_id: TASKS }, properties: {} })
      yield* subscription.settled
      assert.deepStrictEqual((yield* subscription.deliveries).map((d) => [d.event.type, d.status]), [
        ["page.created", 0]
      ])
    }))

  it.scoped("a receiver that cannot be reached fails the subscription with WebhookDeliveryError", () =>
    Effect.gen(function*() {
      const { emulator } = yield* setup
      const error = yield* Effect.flip(emulator.subscribeWebhook({ url: "http://127.0.0.1:1/webhooks" }))
      assert.strictEqual(error._tag, "WebhookDeliveryError")
      assert.include(error.message, "could not be reached")
    }))
})
