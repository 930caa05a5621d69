import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as NotionError from "../NotionError.js"
import { parseRetryAfter } from "./retryAfter.js"

/** A response read to the end: what interpretation needs, nothing that could hold a secret. */
export interface RawResponse {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

const BODY_PREFIX_BYTES = 1024

const prefix = (body: string): string => {
  const bytes = new TextEncoder().encode(body)
  return bytes.length <= BODY_PREFIX_BYTES
    ? body
    : new TextDecoder().decode(bytes.subarray(0, BODY_PREFIX_BYTES)).replace(/\uFFFD$/, "")
}

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const optional = <K extends string>(key: K, value: unknown): { readonly [P in K]?: string } =>
  typeof value === "string" && value !== "" ? { [key]: value } as { [P in K]: string } : {}

const notNotion = (raw: RawResponse) =>
  new NotionError.HttpResponseError({
    method: raw.method,
    path: raw.path,
    status: raw.status,
    body: prefix(raw.body),
    ...optional("requestId", raw.headers["x-notion-request-id"]),
    ...optional("cfRay", raw.headers["cf-ray"])
  })

/** The request id: the body's `request_id`, else the `x-notion-request-id` header. */
const requestIdOf = (json: unknown, raw: RawResponse) =>
  optional(
    "requestId",
    Predicate.hasProperty(json, "request_id") && typeof json.request_id === "string"
      ? json.request_id
      : raw.headers["x-notion-request-id"]
  )

/** Reads `{ code, message }` (Notion) or `{ error, error_description }` (RFC 6749) from an error body. */
const errorFields = (json: unknown): { code: string; message: string } | undefined => {
  if (Predicate.hasProperty(json, "code") && typeof json.code === "string") {
    const message = Predicate.hasProperty(json, "message") && typeof json.message === "string"
      ? json.message
      : json.code
    return { code: json.code, message }
  }
  if (Predicate.hasProperty(json, "error") && typeof json.error === "string") {
    const message = Predicate.hasProperty(json, "error_description") && typeof json.error_description === "string"
      ? json.error_description
      : json.error
    return { code: json.error, message }
  }
  return undefined
}

/** Turns a non-2xx response into the matching tagged error. */
export const apiError = (raw: RawResponse): Effect.Effect<NotionError.NotionError> =>
  Effect.gen(function*() {
    const json = parseJson(raw.body)
    const fields = errorFields(json)
    if (fields === undefined) return notNotion(raw)
    const props = {
      status: raw.status,
      message: fields.message,
      ...requestIdOf(json, raw),
      ...(Predicate.hasProperty(json, "additional_data") && json.additional_data !== undefined
        ? { additionalData: json.additional_data }
        : {})
    }
    // own keys only: a code such as "constructor" must not reach Object.prototype
    const Known = Object.hasOwn(NotionError.ApiErrorByCode, fields.code)
      ? (NotionError.ApiErrorByCode as Record<string, new(props: object) => NotionError.ApiError>)[fields.code]
      : undefined
    if (Known === undefined) return new NotionError.UnknownApiError({ ...props, code: fields.code })
    if (fields.code === "rate_limited" || fields.code === "service_overload") {
      const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
      return new Known({ ...props, retryAfter: parseRetryAfter(raw.headers["retry-after"], now) })
    }
    return new Known(props)
  })

/** Decodes a 2xx body with `schema`, keeping fields the schema does not name. */
export const decodeSuccess = <A, I, R>(
  raw: RawResponse,
  schema: Schema.Schema<A, I, R>
): Effect.Effect<A, NotionError.NotionError, R> => {
  const json = parseJson(raw.body)
  if (json === undefined) return Effect.fail(notNotion(raw))
  return Schema.decodeUnknown(schema, { onExcessProperty: "preserve", errors: "all" })(json).pipe(
    Effect.mapError((error) =>
      new NotionError.ResponseDecodeError({
        method: raw.method,
        path: raw.path,
        status: raw.status,
        message: `${raw.method} ${raw.path} answered a body that does not match the expected shape:\n${
          ParseResult.TreeFormatter.formatErrorSync(error)
        }`,
        ...requestIdOf(json, raw)
      })
    )
  )
}
