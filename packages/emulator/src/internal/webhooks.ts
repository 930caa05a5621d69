// Webhook deliveries: the event envelope, signing and sending (`deliverWebhook`), and subscriptions that send an
// event for every change made through the API (`subscribeWebhook`).
import * as Webhook from "@notion-effect/core/Webhook"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { WebhookDelivery, WebhookSubscription } from "../NotionEmulator.js"
import type { Change, Changes } from "./changes.js"

/** Who sends: the workspace and integration every event names. */
export interface Sender {
  readonly workspaceId: string
  readonly workspaceName: string
  readonly integrationId: string
}

/** A webhook event's JSON: the envelope around a change. */
export const eventOf = (sender: Sender, subscriptionId: string, change: Change): Record<string, unknown> => ({
  id: crypto.randomUUID(),
  timestamp: change.timestamp,
  workspace_id: sender.workspaceId,
  workspace_name: sender.workspaceName,
  subscription_id: subscriptionId,
  integration_id: sender.integrationId,
  type: change.type,
  authors: [change.author],
  attempt_number: 1,
  api_version: "2025-09-03",
  entity: change.entity,
  data: change.data
})

/**
 * POSTs a body to a receiver, signed with the token (`X-Notion-Signature`) unless it is the handshake; gives the
 * receiver's status, or fails with the reason it could not be reached or did not answer in time (real time: the
 * request is a real socket's).
 */
export const post = (
  url: string,
  body: string,
  signWith: Redacted.Redacted<string> | undefined,
  timeout: Duration.DurationInput = "10 seconds"
): Effect.Effect<number, string> =>
  Effect.gen(function*() {
    const signature = signWith === undefined
      ? {}
      : { "x-notion-signature": yield* Webhook.sign({ body, verificationToken: signWith }) }
    return yield* Effect.tryPromise({
      try: () =>
        fetch(url, {
          method: "POST",
          body,
          headers: { "content-type": "application/json", ...signature },
          signal: AbortSignal.timeout(Duration.toMillis(timeout))
        })
          .then((response) => response.status),
      catch: (cause) => `The webhook receiver could not be reached: ${String(cause)}`
    })
  })

/**
 * Sends the handshake to `url`, then, until the scope closes, one signed event per change (of the given types, if
 * any) in the order the changes were made; an event the receiver does not accept (not 2xx, or unreachable) is
 * sent again `retry.times` times, same id, `attempt_number` counting up, after `retry.delay` doubling each time
 * (on the clock). Fails when the handshake cannot reach the receiver.
 */
export const subscribe = (
  changes: Changes,
  sender: Sender,
  options: {
    readonly url: string
    readonly events?: ReadonlyArray<string> | undefined
    readonly retry?: { readonly times: number; readonly delay?: Duration.DurationInput | undefined } | undefined
    readonly timeout?: Duration.DurationInput | undefined
  }
): Effect.Effect<WebhookSubscription, string, Scope.Scope> =>
  Effect.gen(function*() {
    const id = crypto.randomUUID()
    const verificationToken = Redacted.make(`secret_${crypto.randomUUID().replaceAll("-", "")}`)
    const handshake = JSON.stringify({ verification_token: Redacted.value(verificationToken) })
    yield* post(options.url, handshake, undefined, options.timeout)
    const wanted = options.events === undefined ? undefined : new Set(options.events)
    const deliveries: Array<WebhookDelivery> = []
    const sent: Array<Deferred.Deferred<void>> = []
    const queue = yield* Queue.unbounded<{ readonly change: Change; readonly done: Deferred.Deferred<void> }>()
    yield* Effect.acquireRelease(
      Effect.sync(() =>
        changes.listen((change) => {
          if (wanted !== undefined && !wanted.has(change.type)) return
          const done = Deferred.unsafeMake<void>(FiberId.none)
          sent.push(done)
          Queue.unsafeOffer(queue, { change, done })
        })
      ),
      (stop) => Effect.sync(stop)
    )
    const retries = options.retry?.times ?? 0
    const delay = Duration.decode(options.retry?.delay ?? "1 second")
    const deliver = (event: Record<string, unknown>, attempt: number): Effect.Effect<void> => {
      const sent = { ...event, attempt_number: attempt }
      return post(options.url, JSON.stringify(sent), verificationToken, options.timeout).pipe(
        Effect.orElseSucceed(() => 0),
        Effect.flatMap((status) => {
          deliveries.push({ event: sent, status })
          return (status >= 200 && status < 300) || attempt > retries
            ? Effect.void
            : Effect.zipRight(Effect.sleep(Duration.times(delay, 2 ** (attempt - 1))), deliver(event, attempt + 1))
        })
      )
    }
    yield* Queue.take(queue).pipe(
      Effect.flatMap(({ change, done }) =>
        Effect.zipRight(deliver(eventOf(sender, id, change), 1), Deferred.succeed(done, undefined))
      ),
      Effect.forever,
      Effect.forkScoped
    )
    return {
      id,
      verificationToken,
      deliveries: Effect.sync(() => [...deliveries]),
      settled: Effect.suspend(() => Effect.forEach([...sent], Deferred.await, { discard: true }))
    }
  })
