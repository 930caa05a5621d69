import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** An in-memory HttpClient: answers each request with `respond`, records every request it saw. */
export const fakeHttp = (respond: (request: HttpClientRequest.HttpClientRequest, attempt: number) => Response) => {
  const requests: Array<HttpClientRequest.HttpClientRequest> = []
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      requests.push(request)
      return HttpClientResponse.fromWeb(request, respond(request, requests.length))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

/** A JSON response. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

/** A Notion error body. */
export const notionError = (status: number, code: string, extra: Record<string, unknown> = {}, headers = {}) =>
  json(status, { object: "error", status, code, message: `message for ${code}`, ...extra }, headers)
