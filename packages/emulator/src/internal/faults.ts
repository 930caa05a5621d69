import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Stream from "effect/Stream"
import type * as Fault from "../Fault.js"
import { fail } from "./respond.js"
import { failure } from "./store.js"

const codeOfStatus: Record<number, string> = {
  400: "validation_error",
  401: "unauthorized",
  403: "restricted_resource",
  404: "object_not_found",
  409: "conflict_error",
  429: "rate_limited",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
  529: "service_overload"
}

/** The fault rules in force, each with what is left of its `times`. */
export class Faults {
  private rules: Array<{ readonly rule: Fault.Rule; remaining: number }> = []

  add(rule: Fault.Rule) {
    this.rules.push({ rule, remaining: rule.times ?? Infinity })
  }

  clear() {
    this.rules = []
  }

  /** The fault to apply to a request on `route`, if a rule matches and its dice say so. */
  pick(route: string): Effect.Effect<Fault.Kind | undefined> {
    return Effect.gen(this, function*() {
      for (const entry of this.rules) {
        if (entry.remaining <= 0 || (entry.rule.route !== undefined && entry.rule.route !== route)) continue
        const roll = yield* Random.next
        if (roll >= (entry.rule.probability ?? 1)) continue
        entry.remaining--
        return entry.rule.kind
      }
      return undefined
    })
  }
}

const partialBody = new TextEncoder().encode(`{"object":"list","results":[{"object":"user","id":"`)

/** The response a fault gives, or undefined when the request should be handled (after any latency). */
export const applyFault = (
  kind: Fault.Kind,
  request: HttpServerRequest.HttpServerRequest,
  requestId: string
): Effect.Effect<HttpServerResponse.HttpServerResponse | undefined> => {
  switch (kind._tag) {
    case "Latency":
      return Effect.as(Effect.sleep(kind.duration), undefined)
    case "Status":
      return Effect.succeed(fail(
        requestId,
        failure(
          kind.status,
          kind.code ?? codeOfStatus[kind.status] ?? "internal_server_error",
          `Injected fault: ${kind.status}.`,
          kind.retryAfter === undefined ? {} : { retryAfter: kind.retryAfter }
        )
      ))
    case "HtmlBadGateway":
      return Effect.succeed(HttpServerResponse.text(
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>" +
          "<hr><center>cloudflare</center></body></html>",
        { status: 502, contentType: "text/html", headers: { "cf-ray": `${requestId.slice(0, 16)}-EMU` } }
      ))
    case "NonJson":
      return Effect.succeed(HttpServerResponse.text("<html><body>OK</body></html>", {
        status: 200,
        contentType: "text/html",
        headers: { "x-notion-request-id": requestId }
      }))
    case "StallHeaders":
      return Effect.never
    case "StallBody":
      return Effect.succeed(HttpServerResponse.stream(Stream.concat(Stream.make(partialBody), Stream.never), {
        contentType: "application/json",
        headers: { "x-notion-request-id": requestId }
      }))
    case "ResetMidBody": {
      const raw = NodeHttpServerRequest.toServerResponse(request)
      // once the partial body has reached the socket, reset the connection
      const reset = Stream.fromEffect(
        Effect.async<void>((resume) => void raw.write("", () => resume(Effect.sync(() => void raw.destroy()))))
      ).pipe(Stream.drain)
      return Effect.succeed(HttpServerResponse.stream(
        Stream.make(partialBody).pipe(Stream.concat(reset), Stream.concat(Stream.never)),
        { contentType: "application/json", headers: { "x-notion-request-id": requestId } }
      ))
    }
  }
}
