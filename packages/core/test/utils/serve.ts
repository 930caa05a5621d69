// Serves an HTTP app on a server of its own and keeps its log lines (one server per app: two apps served on one
// server would both answer each request). How a server's address and a logger look differs between the editions:
// effect4/adapters/core/test/utils/serve.ts is the Effect 4 form of this module.
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpServer from "@effect/platform/HttpServer"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
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
      logs.push(`${logLevel.label} ${String(message)} ${Cause.isEmpty(cause) ? "" : Cause.pretty(cause)}`)
    })
    const services = yield* Layer.build(NodeHttpServer.layer(() => Http.createServer(), { port: 0, host: "127.0.0.1" }))
    const server = Context.get(services, HttpServer.HttpServer)
    yield* server.serve(Effect.provide(app, Logger.replace(Logger.defaultLogger, logger)))
    const address = server.address
    if (address._tag !== "TcpAddress") return yield* Effect.dieMessage("not a TCP address")
    return { url: `http://127.0.0.1:${address.port}${path}`, logs }
  })
