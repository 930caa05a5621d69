/**
 * The implementation of `NotionEmulator.make`: loads the fixture into the stores, serves the routes on a loopback
 * socket, and answers the service's operations. Its failures are plain values; the public module makes them its
 * tagged errors.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Http from "node:http"
import * as Fixture from "../Fixture.js"
import type { Options } from "../NotionEmulator.js"
import { load } from "./content/load.js"
import { Faults } from "./faults.js"
import { app } from "./routes.js"
import type { Running } from "./running.js"
import { Store } from "./store.js"
import * as Webhooks from "./webhooks.js"

const budget = (limit: Options["rateLimit"]) =>
  limit && { requests: limit.requests, windowMillis: Duration.toMillis(limit.window) }

const consent = (authorizeUrl: string, decision: "allow" | "deny") =>
  Effect.tryPromise({
    try: async () => {
      const url = new URL(authorizeUrl)
      const shown = await fetch(url)
      if (shown.status !== 200) return { status: shown.status, location: null }
      const form = new URLSearchParams(url.searchParams)
      form.set("decision", decision)
      const answer = await fetch(new URL("/v1/oauth/authorize", url), {
        method: "POST",
        body: form,
        redirect: "manual"
      })
      return { status: answer.status, location: answer.headers.get("location") }
    },
    catch: (cause) => ({ status: 0, message: `The consent page could not be reached: ${String(cause)}` })
  }).pipe(
    Effect.flatMap(({ location, status }) =>
      location === null
        ? Effect.fail({ status, message: `The consent page answered ${status} without a redirect` })
        : Effect.succeed(location)
    )
  )

/** Starts the emulator on 127.0.0.1 in the scope (see `NotionEmulator.make`). */
export const start = (options: Options) =>
  Effect.gen(function*() {
    const fixture = options.fixture ?? Fixture.defaultFixture()
    const content = load(fixture)
    const store = new Store(fixture, {
      rateLimit: budget(options.rateLimit) ?? { requests: 180, windowMillis: 60_000 },
      workspaceRateLimit: budget(options.workspaceRateLimit),
      codeTtlMillis: Duration.toMillis(options.codeTtl ?? Duration.minutes(10))
    }, content.pages)
    const faults = new Faults()
    for (const rule of options.faults ?? []) faults.add(rule)
    const server = yield* NodeHttpServer.make(() => Http.createServer(), { port: options.port ?? 0, host: "127.0.0.1" })
    const workspaceId = fixture.workspaces[0]?.id ?? ""
    const served = app(store, content, faults)
    yield* server.serve(options.seed === undefined ? served : Effect.withRandom(served, Random.make(options.seed)))
    const address = server.address
    const port = address._tag === "TcpAddress" ? address.port : 0
    const internal = fixture.integrations.find((i): i is Fixture.InternalIntegration => i.type === "internal")
    const oauth = fixture.integrations.find((i): i is Fixture.PublicIntegration => i.type === "public")
    const sender: Webhooks.Sender = {
      workspaceId,
      workspaceName: fixture.workspaces[0]?.name ?? "",
      integrationId: internal?.id ?? ""
    }
    const running: Running = {
      url: `http://127.0.0.1:${port}`,
      internalToken: Redacted.make(internal?.token ?? ""),
      oauthClient: {
        clientId: oauth?.clientId ?? "",
        clientSecret: Redacted.make(oauth?.clientSecret ?? ""),
        redirectUri: oauth?.redirectUris[0] ?? ""
      },
      fixture,
      stats: Effect.sync(() => store.stats()),
      resetStats: Effect.sync(() => store.resetStats()),
      injectFault: (rule) => Effect.sync(() => faults.add(rule)),
      clearFaults: Effect.sync(() => faults.clear()),
      expireAccessTokens: Effect.sync(() => store.expireAccessTokens()),
      registerRedirectUri: (uri) => Effect.sync(() => store.registerRedirectUri(oauth?.clientId ?? "", uri)),
      consent,
      deliverWebhook: (delivery) =>
        Effect.gen(function*() {
          const body = delivery.handshake === true
            ? { verification_token: Redacted.value(delivery.verificationToken) }
            : Webhooks.eventOf(sender, "s0000000-0000-4000-8000-000000000001", {
              type: delivery.type ?? "page.created",
              entity: delivery.entity ?? { id: fixture.pages[0]?.id ?? "", type: "page" },
              data: delivery.data ?? { parent: { id: workspaceId, type: "space" } },
              timestamp: new Date(yield* Clock.currentTimeMillis).toISOString(),
              author: { id: fixture.consentingUserId, type: "person" }
            })
          return yield* Webhooks.post(
            delivery.url,
            JSON.stringify(body),
            delivery.handshake === true ? undefined : delivery.verificationToken
          )
        }),
      subscribeWebhook: (options) => Webhooks.subscribe(content.changes, sender, options)
    }
    return running
  })
