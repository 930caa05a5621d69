// Effect 4's form of packages/core/test/utils/serve.ts: the address is an `InetAddressV4`/`V6`, log levels are
// strings, loggers are provided as a layer; as there, each app gets a server of its own.
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as HttpServer from "effect/http/HttpServer"
import type * as HttpServerRequest from "effect/http/HttpServerRequest"
import type * as HttpServerResponse from "effect/http/HttpServerResponse"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Http from "node:http"

/** An HTTP app: a response from the request in context. */
export type App = Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>

/** Serves `app` for the test's scope at `path`; log lines are kept in `logs` as "LEVEL message cause". */
export const serve = (app: App, path: string) =>
  Effect.gen(function*() {
    const logs: Array<string> = []
    const logger = Logger.make(({ cause, logLevel, message }) => {
      logs.push(`${logLevel.toUpperCase()} ${String(message)} ${cause.reasons.length === 0 ? "" : Cause.pretty(cause)}`)
    })
    const services = yield* Layer.build(NodeHttpServer.layer(() => Http.createServer(), { port: 0, host: "127.0.0.1" }))
    const server = Context.get(services, HttpServer.HttpServer)
    yield* server.serve(Effect.provide(app, Logger.layer([logger])))
    const address = server.address
    if (address._tag === "UnixPathAddress") return yield* Effect.die(new Error("not a TCP address"))
    return { url: `http://127.0.0.1:${address.port}${path}`, logs }
  })
