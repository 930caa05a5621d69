// The webhook receiver example over a real socket, fed signed events and the changes data-source-rows makes (that
// example alone: examples.test.ts).
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import * as DataSourceRows from "../data-source-rows.js"
import * as Emulator from "../emulator.js"
import * as WebhookReceiver from "../webhook-receiver.js"

describe("webhook example", () => {
  it.scoped("webhook-receiver: handshake, signed events accepted, forged ones refused", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.start(0, Option.none())
      const post = (body: string, headers: Record<string, string> = {}) =>
        Effect.promise(() =>
          fetch(receiver.url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } })
            .then((r) => r.status)
        )
      const emulator = yield* Emulator.make()
      const token = Redacted.make("secret_webhook_verification_token")
      const deliver = { url: receiver.url, verificationToken: token }
      assert.strictEqual(yield* emulator.deliverWebhook({ ...deliver, handshake: true }), 200)
      assert.strictEqual(
        yield* emulator.deliverWebhook({ ...deliver, type: "page.created", entity: { id: "p", type: "page" } }),
        200
      )
      // signed with another token, or not signed at all: refused, and nothing reaches the handler
      const forged = Redacted.make("secret_someone_else")
      assert.strictEqual(yield* emulator.deliverWebhook({ url: receiver.url, verificationToken: forged }), 401)
      assert.strictEqual(yield* post(JSON.stringify({ type: "page.created" })), 401)
      const received = yield* Queue.takeAll(receiver.events)
      assert.deepStrictEqual([...received].map((e) => WebhookReceiver.describe(e)), [
        "page.created on page p (attempt 1)"
      ])
    }))

  it.scoped("webhook-receiver subscribed to the emulator: the changes data-source-rows makes arrive as typed events", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      // no configured token: the receiver keeps the one the subscription's handshake sends
      const receiver = yield* WebhookReceiver.start(0, Option.none())
      const subscription = yield* emulator.subscribeWebhook({ url: receiver.url })
      const env = new Map([
        ["NOTION_TOKEN", Redacted.value(emulator.internalToken)],
        ["NOTION_BASE_URL", emulator.url],
        ["NOTION_DATA_SOURCE_ID", emulator.tasks.dataSourceId]
      ])
      yield* DataSourceRows.program.pipe(
        Effect.provide(DataSourceRows.MainLayer),
        Effect.withConfigProvider(ConfigProvider.fromMap(env))
      )
      yield* subscription.settled
      const received = [...yield* Queue.takeAll(receiver.events)]
      // the row, its first blocks (a heading and a to-do), the upload, the block holding it, the comment
      assert.deepStrictEqual(received.map((e) => e.type), [
        "page.created",
        "page.content_updated",
        "file_upload.created",
        "file_upload.completed",
        "page.content_updated",
        "comment.created"
      ])
      const [page, upload, comment] = [received[0]!.entity.id, received[2]!.entity.id, received[5]!.entity.id]
      assert.deepStrictEqual(received.map((e) => WebhookReceiver.describe(e)), [
        `page.created on page ${page} (attempt 1)`,
        `page.content_updated on page ${page} (attempt 1)`,
        `file_upload.created on file_upload ${upload} (attempt 1)`,
        `file_upload.completed on file_upload ${upload} (attempt 1)`,
        `page.content_updated on page ${page} (attempt 1)`,
        `comment.created on comment ${comment} (attempt 1)`
      ])
      assert.isTrue((yield* subscription.deliveries).every((d) => d.status === 200))
    }))
})
