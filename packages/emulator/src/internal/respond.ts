import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Html from "@notion-effect/core/Html"
import type { Failure } from "./store.js"

/** A JSON answer carrying the request id in the body and the `x-notion-request-id` header. */
export const ok = (requestId: string, body: Record<string, unknown>, status = 200) =>
  HttpServerResponse.unsafeJson({ ...body, request_id: requestId }, {
    status,
    headers: { "x-notion-request-id": requestId }
  })

/** A Notion error body: `{ object: "error", status, code, message, request_id, additional_data? }`. */
export const fail = (requestId: string, failure: Failure) =>
  HttpServerResponse.unsafeJson({
    object: "error",
    status: failure.status,
    code: failure.code,
    message: failure.message,
    request_id: requestId,
    ...(failure.additionalData ? { additional_data: failure.additionalData } : {})
  }, {
    status: failure.status,
    headers: {
      "x-notion-request-id": requestId,
      ...(failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) })
    }
  })

/** Escapes text for HTML (core's, shared with the OAuth package). */
export const escapeHtml = Html.escape

/** A small HTML page. */
export const page = (status: number, title: string, body: string) =>
  HttpServerResponse.html(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5}` +
      `button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head>` +
      `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  ).pipe(HttpServerResponse.setStatus(status))
