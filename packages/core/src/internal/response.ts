import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as NotionError from "../NotionError.js"
import { concat } from "./bytes.js"
import * as HttpFailure from "./httpClientError.js"
import type { Built } from "./request.js"
import { parseRetryAfter } from "./retryAfter.js"
import * as SchemaIssue from "./schemaIssue.js"
import type { Validator } from "./validator.js"

/** A response read to the end: what interpretation needs, nothing that could hold a secret we sent. */
export interface RawResponse {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
  /** Values we sent that must never be kept (tokens, codes, client secrets). */
  readonly secrets: ReadonlyArray<string>
  /** An OAuth answer: its body is never kept, decoding errors name paths only. */
  readonly sensitive: boolean
}

const BODY_PREFIX_BYTES = 1024
const MESSAGE_MAX = 2048
const ISSUES_SHOWN = 8
const ADDITIONAL_DATA_MAX = 8192

const truncate = (text: string, max: number) => text.length <= max ? text : `${text.slice(0, max - 1)}…`

const prefix = (body: string): string => {
  const bytes = new TextEncoder().encode(body.slice(0, BODY_PREFIX_BYTES))
  return bytes.length <= BODY_PREFIX_BYTES
    ? body.slice(0, BODY_PREFIX_BYTES)
    : new TextDecoder().decode(bytes.subarray(0, BODY_PREFIX_BYTES)).replace(/\uFFFD$/, "")
}

/** Notion's token formats (integration, OAuth access and refresh tokens) and JSON fields that hold secrets. */
const tokenLike = /\b(?:secret|ntn|nrt)_[A-Za-z0-9_-]{8,}/g
const secretField = /("(?:access_token|refresh_token|token|client_secret)"\s*:\s*)"[^"]*"/g

/**
 * Replaces every secret we sent with `[redacted]`, and anything that looks like a Notion token or sits in a
 * secret-named JSON field (a body we keep may hold tokens Notion sent to us).
 */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join("[redacted]")
  }
  return out.replace(tokenLike, "[redacted]").replace(secretField, "$1\"[redacted]\"")
}

/** Parses JSON, skipping a UTF-8 byte order mark; `undefined` when it is not JSON. */
export const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body)
  } catch {
    return undefined
  }
}

const header = (raw: RawResponse, name: string) => {
  const value = raw.headers[name]
  return value === undefined || value === "" ? {} : { [name === "cf-ray" ? "cfRay" : "requestId"]: value }
}

/** `cf-ray` and the request id: the body's `request_id`, else the `x-notion-request-id` header. */
const idsOf = (json: unknown, raw: RawResponse): { requestId?: string; cfRay?: string } => ({
  ...(Predicate.hasProperty(json, "request_id") && typeof json.request_id === "string" && json.request_id !== ""
    ? { requestId: json.request_id }
    : header(raw, "x-notion-request-id")),
  ...header(raw, "cf-ray")
})

/** A response that is not a Notion answer. */
export const notNotion = (raw: RawResponse, cause?: unknown) =>
  new NotionError.HttpResponseError({
    method: raw.method,
    path: raw.path,
    status: raw.status,
    body: raw.sensitive ? "" : scrub(prefix(raw.body), raw.secrets),
    ...idsOf(undefined, raw),
    ...(cause === undefined ? {} : { cause })
  })

const stringField = (json: object, key: string): string | undefined =>
  Predicate.hasProperty(json, key) && typeof json[key] === "string" ? json[key] : undefined

/** Reads `{ code, message }` (Notion) or `{ error, error_description }` (RFC 6749) from an error body. */
const errorFields = (json: unknown): { code: string; message: string } | undefined => {
  if (typeof json !== "object" || json === null) return undefined
  const code = stringField(json, "code")
  if (code !== undefined) return { code, message: stringField(json, "message") ?? code }
  const error = stringField(json, "error")
  if (error !== undefined) return { code: error, message: stringField(json, "error_description") ?? error }
  return undefined
}

const additionalData = (json: unknown) => {
  if (!Predicate.hasProperty(json, "additional_data") || json.additional_data === undefined) return {}
  // bounded: a hostile body must not make every log line of this error megabytes long
  return JSON.stringify(json.additional_data).length <= ADDITIONAL_DATA_MAX
    ? { additionalData: json.additional_data }
    : {}
}

/** Turns a non-2xx response into the matching tagged error; OAuth-only codes only where `oauth`. */
export const apiError = (raw: RawResponse, oauth: boolean): Effect.Effect<NotionError.NotionError> =>
  Effect.suspend(() => {
    const body = scrub(raw.body, raw.secrets)
    const json = parseJson(body)
    const fields = errorFields(json)
    if (fields === undefined) return Effect.succeed(notNotion(raw))
    const props = {
      status: raw.status,
      message: truncate(fields.message, MESSAGE_MAX),
      ...idsOf(json, raw),
      ...additionalData(json)
    }
    const Known = NotionError.ApiErrorByCode[fields.code]
    if (Known === undefined || (!oauth && (NotionError.oauthOnly as ReadonlyArray<unknown>).includes(Known))) {
      return Effect.succeed(new NotionError.UnknownApiError({ ...props, code: truncate(fields.code, 200) }))
    }
    if (Known === NotionError.RateLimited || Known === NotionError.ServiceOverload) {
      return Effect.map(
        Effect.clockWith((clock) => clock.currentTimeMillis),
        (now) => new Known({ ...props, retryAfter: parseRetryAfter(raw.headers["retry-after"], now) })
      )
    }
    return Effect.succeed(new (Known as typeof NotionError.Unauthorized)(props as any) as NotionError.NotionError)
  })

const pathText = (path: ReadonlyArray<PropertyKey>) => path.map((k) => `[${JSON.stringify(String(k))}]`).join("")

const preview = (actual: unknown): string => {
  if (actual === undefined) return "undefined"
  try {
    return truncate(JSON.stringify(actual) ?? String(actual), 60)
  } catch {
    return typeof actual
  }
}

/**
 * A decoding failure as a bounded message: the first issues with their paths, then how many more. With
 * `sensitive`, actual values are never shown (they may be tokens).
 */
export const formatIssue = (issue: SchemaIssue.Issue, sensitive: boolean): string => {
  const lines: Array<string> = []
  let total = 0
  SchemaIssue.leaves(issue, (path, text, actual) => {
    total++
    if (lines.length < ISSUES_SHOWN) {
      const got = sensitive || actual === undefined ? "" : `, got ${preview(actual.value)}`
      lines.push(truncate(`at ${pathText(path) || "the root"}: ${text}${got}`, 240))
    }
  })
  const more = total > lines.length ? `\n…and ${total - lines.length} more issues` : ""
  return truncate(lines.join("\n") + more, MESSAGE_MAX)
}

/** A compiled response decoder: the validator's fast path, `effect/Schema` for transforms and errors. */
export interface Decoder<A> {
  readonly validate: Validator | undefined
  readonly schema: Schema.Schema<A, any>
}

/**
 * Decodes a 2xx body, keeping fields the schema does not name. A failure is explained from the first issue
 * (per union member): fast and small whatever the payload (100,000 wrong items fail in milliseconds).
 */
export const decodeSuccess = <A>(raw: RawResponse, decoder: Decoder<A>): Effect.Effect<A, NotionError.NotionError> => {
  const json = parseJson(raw.body)
  if (json === undefined) return Effect.fail(notNotion(raw))
  if (decoder.validate !== undefined && decoder.validate(json)) return Effect.succeed(json as A)
  return SchemaIssue.decodeUnknown(decoder.schema, { onExcessProperty: "preserve", errors: "first" })(json).pipe(
    Effect.mapError((error) =>
      new NotionError.ResponseDecodeError({
        method: raw.method,
        path: raw.path,
        status: raw.status,
        message: `${raw.method} ${raw.path} answered a body that does not match the expected shape:\n${
          scrub(formatIssue(error, raw.sensitive), raw.secrets)
        }`,
        ...idsOf(json, raw)
      })
    )
  )
}

// ---------------------------------------------------------------------------------------------------------------
// reading the answer
// ---------------------------------------------------------------------------------------------------------------

const reasonOf = (cause: unknown, secrets: ReadonlyArray<string>): string => {
  const parts: Array<string> = []
  let current: unknown = cause
  for (let depth = 0; depth < 4 && Predicate.isObject(current); depth++) {
    const message = "message" in current && typeof current.message === "string" ? current.message : ""
    const code = "code" in current && typeof current.code === "string" ? current.code : ""
    const text = message.includes(code) ? message : [code, message].filter(Boolean).join(" ")
    if (text !== "" && !parts.includes(text)) parts.push(text)
    current = "cause" in current ? current.cause : undefined
  }
  return scrub(parts.join(": ").slice(0, 500), secrets) || "unknown transport failure"
}

/** A transport failure as the SDK reports it: the underlying cause and its scrubbed reason, never the request. */
export const transportError = (built: Built, error: HttpClientError.HttpClientError) => {
  // keep the underlying error, never the platform error: it holds the request and its headers
  const failure = HttpFailure.describe(error)
  const cause = failure.cause
  const reason = reasonOf(cause, built.secrets)
  return new NotionError.TransportError({
    method: built.method,
    path: built.path,
    reason: failure.response
      ? `the response could not be read: ${reason}`
      : failure.kind === "Transport"
      ? reason
      : `${failure.kind}: ${reason}`,
    ...(cause instanceof Error ? { cause } : {})
  })
}

/** Reads the whole body, never past `limit` bytes: a larger body fails with `ResponseTooLarge`, unread. */
export const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  declared: string | undefined,
  limit: number,
  tooLarge: () => NotionError.ResponseTooLarge
): Effect.Effect<string, NotionError.ResponseTooLarge | HttpClientError.HttpClientError> => {
  // the runtime enforces a declared length, so a body declared within the limit is read whole; any other is
  // streamed, counting bytes, and abandoned (the request aborted) as soon as it goes past the limit
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) <= limit) return response.text
  return Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return Stream.runForEach(response.stream, (chunk) => {
      size += chunk.length
      if (size > limit) return Effect.fail(tooLarge())
      chunks.push(chunk)
      return Effect.void
    }).pipe(
      Effect.map(() => new TextDecoder().decode(concat(chunks, size))),
      // a response without a body (204, or an empty error) reads as ""
      Effect.catchIf(HttpFailure.isEmptyBody, () => Effect.succeed(""))
    )
  })
}
