import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { collect } from "../../src/internal/streams.js"

/** A streamed body read into bytes (so tests can look at what would have been sent). */
const settle = (request: HttpClientRequest.HttpClientRequest) => {
  const body = request.body
  return body._tag !== "Stream"
    ? Effect.succeed(request)
    : Effect.map(collect(body.stream), (parts) => {
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
      let offset = 0
      for (const part of parts) {
        bytes.set(part, offset)
        offset += part.byteLength
      }
      return HttpClientRequest.setBody(request, HttpBody.uint8Array(bytes, body.contentType))
    })
}

/** An in-memory HttpClient: answers each request with `respond`, records every request it saw. */
export const fakeHttp = (
  respond: (request: HttpClientRequest.HttpClientRequest, attempt: number) => Response | Promise<Response>
) => {
  const requests: Array<HttpClientRequest.HttpClientRequest> = []
  const client = HttpClient.make((request) =>
    Effect.gen(function*() {
      const settled = yield* Effect.orDie(settle(request))
      requests.push(settled)
      const response = yield* Effect.promise(async () => respond(settled, requests.length))
      return HttpClientResponse.fromWeb(settled, response)
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

/** The `multipart/form-data` body of a recorded request. */
export const formOf = (request: HttpClientRequest.HttpClientRequest): Promise<FormData> => {
  if (request.body._tag !== "Uint8Array") throw new Error(`not a multipart body: ${request.body._tag}`)
  return new Response(request.body.body as BodyInit, { headers: { "content-type": request.body.contentType } })
    .formData()
}

/** A JSON response. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

/** A Notion error body. */
export const notionError = (status: number, code: string, extra: Record<string, unknown> = {}, headers = {}) =>
  json(status, { object: "error", status, code, message: `message for ${code}`, ...extra }, headers)
