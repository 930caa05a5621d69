/**
 * Receiving Notion webhooks in an Effect app: `POST /webhooks` answers the one-time verification handshake,
 * checks `X-Notion-Signature` on every event (401 otherwise), decodes the event into a typed union (unknown event
 * types are kept), and hands it to your code.
 *
 *   NOTION_WEBHOOK_TOKEN=secret_… PORT=8787 tsx examples/webhook-receiver.ts
 *
 * Without `NOTION_WEBHOOK_TOKEN`, the first handshake's token is kept (trust on first use, fine on a laptop with a
 * tunnel); paste it into the connection's settings to activate the subscription. In production, configure it.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Webhook, WebhookHttp } from "@notion-effect/core"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import type * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import * as Routes from "./routes.js"
import { runMainIfEntry } from "./runMain.js"

/**
 * What one event does in this example: a log line (a real app would re-fetch the entity: payloads are signals).
 *
 * @since 0.1.0
 */
export const describe = (event: Webhook.Event): string =>
  Webhook.isKnownEvent(event)
    ? `${event.type} on ${event.entity.type} ${event.entity.id} (attempt ${event.attempt_number})`
    : `an event of a type this SDK does not know yet: ${event.type}`

/**
 * Starts the receiver on `port` (0: any free port) and returns its URL and the events it accepted, in order.
 *
 * @since 0.1.0
 */
export const start = (
  port: number,
  configured: Option.Option<Redacted.Redacted<string>>
): Effect.Effect<{ readonly url: string; readonly events: Queue.Dequeue<Webhook.Event> }, unknown, Scope.Scope> =>
  Effect.gen(function*() {
    const token = yield* Ref.make(configured)
    const events = yield* Queue.unbounded<Webhook.Event>()
    const app = yield* Routes.post({
      "/webhooks": WebhookHttp.handler({
        verificationToken: Ref.get(token),
        onVerification: (received) =>
          Ref.modify(token, (current) =>
            Option.isSome(current)
              ? [Effect.logWarning("A verification request arrived; the configured token is kept"), current]
              : [
                Effect.logInfo("Verification token received: paste it into the connection's webhook settings"),
                Option.some(received)
              ]).pipe(Effect.flatten),
        onEvent: (event) => Effect.zipRight(Effect.logInfo(describe(event)), Queue.offer(events, event))
      })
    })
    const server = yield* NodeHttpServer.make(() => Http.createServer(), { port, host: "127.0.0.1" })
    yield* server.serve(app)
    // a TCP address has a port (Effect 3's TcpAddress, Effect 4's InetAddressV4/V6), a Unix socket's has none
    const address = server.address
    return { url: `http://127.0.0.1:${"port" in address ? address.port : port}/webhooks`, events }
  })

/**
 * The receiver with its port and token from the environment, until interrupted.
 *
 * @since 0.1.0
 */
export const main = Effect.gen(function*() {
  const port = yield* Config.integer("PORT").pipe(Config.withDefault(8787))
  const token = yield* Config.option(Config.redacted("NOTION_WEBHOOK_TOKEN"))
  const { url } = yield* start(port, token)
  yield* Effect.logInfo(`Receiving Notion webhooks at ${url}`)
  return yield* Effect.never
}).pipe(Effect.scoped)

runMainIfEntry(import.meta.url, main)
