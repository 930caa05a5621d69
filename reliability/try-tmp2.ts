import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { WebhookHttp } from "@notion-effect/core"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Logger from "effect/Logger"
import * as Http from "node:http"
import { RawConnection } from "./src/chaos/rawHttp.js"
import { signatureOf } from "./src/chaos/webhookMutations.js"
const apps = {
  trivial: Effect.succeed(HttpServerResponse.empty({ status: 401 })),
  arrayBuffer: Effect.flatMap(HttpServerRequest.HttpServerRequest, (r) => Effect.as(r.arrayBuffer, HttpServerResponse.empty({ status: 401 }))),
  handler: WebhookHttp.handler({ verificationToken: Redacted.make("secret_x"), onVerification: () => Effect.void, onEvent: () => Effect.void })
}
await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
  for (const [name, app] of Object.entries(apps)) {
  const server = yield* NodeHttpServer.make(() => Http.createServer(), { port: 0, host: "127.0.0.1" })
  yield* server.serve(app as any)
  const port = (server.address as any).port
  const c = new RawConnection(port, 10000)
  const body = new TextEncoder().encode(JSON.stringify({ a: 1, b: "x".repeat(500) }))
  for (let round = 0; round < 3; round++) {
    const t = performance.now()
    for (let i = 0; i < 200; i++) yield* Effect.promise(() => c.send({ path: "/webhooks", headers: [["x-notion-signature", "sha256=" + "0".repeat(64)]], body }))
    if (round === 2) console.log(name, "per request ms", (performance.now() - t) / 200)
  }
  c.close()
  }
}).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, Logger.none)))))
process.exit(0)
