/**
 * Every way a Notion call can fail, as tagged errors: one class per API error code (tag = the
 * PascalCase of the code) and a few client-side failures. Catch them with `Effect.catchTag`.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * The error codes Notion documents, keyed like the official SDK's `APIErrorCode` enum
 * (`APIErrorCode.Unauthorized === "unauthorized"`), plus the codes that enum lacks.
 *
 * @since 0.1.0
 * @category codes
 */
export const APIErrorCode = {
  InvalidJson: "invalid_json",
  InvalidRequestUrl: "invalid_request_url",
  InvalidRequest: "invalid_request",
  InvalidGrant: "invalid_grant",
  ValidationError: "validation_error",
  MissingVersion: "missing_version",
  InvalidBeta: "invalid_beta",
  Unauthorized: "unauthorized",
  RestrictedResource: "restricted_resource",
  ObjectNotFound: "object_not_found",
  ConflictError: "conflict_error",
  RateLimited: "rate_limited",
  InternalServerError: "internal_server_error",
  BadGateway: "bad_gateway",
  ServiceUnavailable: "service_unavailable",
  DatabaseConnectionUnavailable: "database_connection_unavailable",
  GatewayTimeout: "gateway_timeout",
  ServiceOverload: "service_overload",
  InvalidClient: "invalid_client",
  UnauthorizedClient: "unauthorized_client",
  UnsupportedGrantType: "unsupported_grant_type",
  InvalidScope: "invalid_scope"
} as const

/**
 * One of the codes in {@link APIErrorCode}.
 *
 * @since 0.1.0
 * @category codes
 */
export type APIErrorCode = typeof APIErrorCode[keyof typeof APIErrorCode]

const apiFields = <Code extends APIErrorCode>(code: Code) => ({
  status: Schema.Number,
  code: Schema.Literal(code).pipe(Schema.propertySignature, Schema.withConstructorDefault(() => code)),
  message: Schema.String,
  requestId: Schema.optional(Schema.String),
  additionalData: Schema.optional(Schema.Unknown)
})

const retryAfter = {
  /** How long the server asked us to wait (`Retry-After`), when it said so in a form we could read. */
  retryAfter: Schema.OptionFromSelf(Schema.DurationFromSelf).pipe(
    Schema.propertySignature,
    Schema.withConstructorDefault(() => Option.none())
  )
}

/** 400 `invalid_json`: the request body could not be decoded as JSON. @since 0.1.0 @category api errors */
export class InvalidJson extends Schema.TaggedError<InvalidJson>()("InvalidJson", apiFields("invalid_json")) {}

/** 400 `invalid_request_url`: the request URL is not valid. @since 0.1.0 @category api errors */
export class InvalidRequestUrl
  extends Schema.TaggedError<InvalidRequestUrl>()("InvalidRequestUrl", apiFields("invalid_request_url"))
{}

/** 400 `invalid_request`: the request is not supported or malformed (e.g. missing OAuth params). @since 0.1.0 @category api errors */
export class InvalidRequest
  extends Schema.TaggedError<InvalidRequest>()("InvalidRequest", apiFields("invalid_request"))
{}

/** 400 `invalid_grant`: the authorization code or refresh token is invalid, expired, revoked or reused. @since 0.1.0 @category api errors */
export class InvalidGrant extends Schema.TaggedError<InvalidGrant>()("InvalidGrant", apiFields("invalid_grant")) {}

/** 400 `validation_error`: the body or parameters do not match the expected schema. @since 0.1.0 @category api errors */
export class ValidationError
  extends Schema.TaggedError<ValidationError>()("ValidationError", apiFields("validation_error"))
{}

/** 400 `missing_version`: the `Notion-Version` header is missing. @since 0.1.0 @category api errors */
export class MissingVersion
  extends Schema.TaggedError<MissingVersion>()("MissingVersion", apiFields("missing_version"))
{}

/** `invalid_beta`: the requested beta feature is not valid. @since 0.1.0 @category api errors */
export class InvalidBeta extends Schema.TaggedError<InvalidBeta>()("InvalidBeta", apiFields("invalid_beta")) {}

/** 401 `unauthorized`: the bearer token is missing, invalid, expired or revoked. @since 0.1.0 @category api errors */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", apiFields("unauthorized")) {}

/** 403 `restricted_resource`: the integration lacks permission for this resource. @since 0.1.0 @category api errors */
export class RestrictedResource
  extends Schema.TaggedError<RestrictedResource>()("RestrictedResource", apiFields("restricted_resource"))
{}

/** 404 `object_not_found`: no such object, or it is not shared with the integration. @since 0.1.0 @category api errors */
export class ObjectNotFound
  extends Schema.TaggedError<ObjectNotFound>()("ObjectNotFound", apiFields("object_not_found"))
{}

/** 409 `conflict_error`: the transaction conflicted with another; safe to retry the whole operation. @since 0.1.0 @category api errors */
export class ConflictError extends Schema.TaggedError<ConflictError>()("ConflictError", apiFields("conflict_error")) {}

/** 429 `rate_limited`: too many requests; `retryAfter` says how long to wait. @since 0.1.0 @category api errors */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  ...apiFields("rate_limited"),
  ...retryAfter
}) {}

/** 500 `internal_server_error`: Notion failed unexpectedly. @since 0.1.0 @category api errors */
export class InternalServerError
  extends Schema.TaggedError<InternalServerError>()("InternalServerError", apiFields("internal_server_error"))
{}

/** 502 `bad_gateway`: Notion could not complete the request upstream. @since 0.1.0 @category api errors */
export class BadGateway extends Schema.TaggedError<BadGateway>()("BadGateway", apiFields("bad_gateway")) {}

/** 503 `service_unavailable`: Notion is unavailable. @since 0.1.0 @category api errors */
export class ServiceUnavailable
  extends Schema.TaggedError<ServiceUnavailable>()("ServiceUnavailable", apiFields("service_unavailable"))
{}

/** 503 `database_connection_unavailable`: Notion's database is unreachable. @since 0.1.0 @category api errors */
export class DatabaseConnectionUnavailable extends Schema.TaggedError<DatabaseConnectionUnavailable>()(
  "DatabaseConnectionUnavailable",
  apiFields("database_connection_unavailable")
) {}

/** 504 `gateway_timeout`: Notion timed out. @since 0.1.0 @category api errors */
export class GatewayTimeout
  extends Schema.TaggedError<GatewayTimeout>()("GatewayTimeout", apiFields("gateway_timeout"))
{}

/** 529 `service_overload`: Notion is overloaded; `retryAfter` says how long to wait. @since 0.1.0 @category api errors */
export class ServiceOverload extends Schema.TaggedError<ServiceOverload>()("ServiceOverload", {
  ...apiFields("service_overload"),
  ...retryAfter
}) {}

/** 401 `invalid_client` (OAuth): the client id or secret in the Basic auth header is wrong. @since 0.1.0 @category oauth errors */
export class InvalidClient extends Schema.TaggedError<InvalidClient>()("InvalidClient", apiFields("invalid_client")) {}

/** 400 `unauthorized_client` (OAuth): the client may not use this grant type. @since 0.1.0 @category oauth errors */
export class UnauthorizedClient
  extends Schema.TaggedError<UnauthorizedClient>()("UnauthorizedClient", apiFields("unauthorized_client"))
{}

/** 400 `unsupported_grant_type` (OAuth): the grant type is not supported. @since 0.1.0 @category oauth errors */
export class UnsupportedGrantType
  extends Schema.TaggedError<UnsupportedGrantType>()("UnsupportedGrantType", apiFields("unsupported_grant_type"))
{}

/** 400 `invalid_scope` (OAuth): the requested scope is invalid. @since 0.1.0 @category oauth errors */
export class InvalidScope extends Schema.TaggedError<InvalidScope>()("InvalidScope", apiFields("invalid_scope")) {}

/** A well-formed Notion error body whose code this SDK does not know yet; `code` keeps it. @since 0.1.0 @category api errors */
export class UnknownApiError extends Schema.TaggedError<UnknownApiError>()("UnknownApiError", {
  status: Schema.Number,
  code: Schema.String,
  message: Schema.String,
  requestId: Schema.optional(Schema.String),
  additionalData: Schema.optional(Schema.Unknown)
}) {}

/** The attempt did not finish (headers and body) within the configured timeout; the socket was closed. @since 0.1.0 @category client errors */
export class RequestTimeout extends Schema.TaggedError<RequestTimeout>()("RequestTimeout", {
  method: Schema.String,
  path: Schema.String,
  timeout: Schema.DurationFromSelf
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} ${this.path} did not complete within ${Duration.format(this.timeout)}`
  }
}

/** A response that is not a Notion answer: non-JSON or unrecognised body (an edge proxy's HTML, an empty body). @since 0.1.0 @category client errors */
export class HttpResponseError extends Schema.TaggedError<HttpResponseError>()("HttpResponseError", {
  method: Schema.String,
  path: Schema.String,
  status: Schema.Number,
  requestId: Schema.optional(Schema.String),
  cfRay: Schema.optional(Schema.String),
  /** The first 1 KiB (at most) of the body. */
  body: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    const ids = [this.requestId && `request id ${this.requestId}`, this.cfRay && `cf-ray ${this.cfRay}`]
      .filter(Boolean).join(", ")
    return `${this.method} ${this.path} answered ${this.status} with a body that is not a Notion response` +
      (ids ? ` (${ids})` : "")
  }
}

/** The request never got an answer: connection refused or reset, DNS failure. @since 0.1.0 @category client errors */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  method: Schema.String,
  path: Schema.String,
  message: Schema.String
}) {}

/** A 2xx body that does not match the expected schema; `message` names the failing path. @since 0.1.0 @category client errors */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  method: Schema.String,
  path: Schema.String,
  status: Schema.Number,
  requestId: Schema.optional(Schema.String),
  message: Schema.String
}) {}

/** A path parameter (an id) that could escape its route (`..`, `%2e%2e`); rejected before any request. @since 0.1.0 @category client errors */
export class InvalidPathParameter extends Schema.TaggedError<InvalidPathParameter>()("InvalidPathParameter", {
  name: Schema.String,
  value: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Path parameter "${this.name}" must not contain "..": ${JSON.stringify(this.value)}`
  }
}

/** An empty token was supplied; Notion accepts any non-empty token format, so nothing else is checked. @since 0.1.0 @category client errors */
export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", {}) {
  /** @since 0.1.0 */
  override get message(): string {
    return "The Notion token is empty"
  }
}

/** The stored OAuth grant `grant` can no longer be refreshed (`invalid_grant`): the user must authorize again. @since 0.1.0 @category client errors */
export class ReauthorizationRequired extends Schema.TaggedError<ReauthorizationRequired>()("ReauthorizationRequired", {
  /** The grant's key (its `bot_id`). */
  grant: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `The Notion grant ${this.grant} was revoked or its refresh token is no longer valid: authorize again`
  }
}

/**
 * An error Notion sent, decoded from its body.
 *
 * @since 0.1.0
 * @category unions
 */
export type ApiError =
  | InvalidJson
  | InvalidRequestUrl
  | InvalidRequest
  | InvalidGrant
  | ValidationError
  | MissingVersion
  | InvalidBeta
  | Unauthorized
  | RestrictedResource
  | ObjectNotFound
  | ConflictError
  | RateLimited
  | InternalServerError
  | BadGateway
  | ServiceUnavailable
  | DatabaseConnectionUnavailable
  | GatewayTimeout
  | ServiceOverload
  | InvalidClient
  | UnauthorizedClient
  | UnsupportedGrantType
  | InvalidScope
  | UnknownApiError

/**
 * A failure detected on this side of the wire.
 *
 * @since 0.1.0
 * @category unions
 */
export type ClientError =
  | RequestTimeout
  | HttpResponseError
  | TransportError
  | ResponseDecodeError
  | InvalidPathParameter
  | InvalidToken
  | ReauthorizationRequired

/**
 * Every failure of a Notion call.
 *
 * @since 0.1.0
 * @category unions
 */
export type NotionError = ApiError | ClientError

/**
 * The API error class for each code in {@link APIErrorCode}.
 *
 * @since 0.1.0
 * @category codes
 */
export const ApiErrorByCode = {
  invalid_json: InvalidJson,
  invalid_request_url: InvalidRequestUrl,
  invalid_request: InvalidRequest,
  invalid_grant: InvalidGrant,
  validation_error: ValidationError,
  missing_version: MissingVersion,
  invalid_beta: InvalidBeta,
  unauthorized: Unauthorized,
  restricted_resource: RestrictedResource,
  object_not_found: ObjectNotFound,
  conflict_error: ConflictError,
  rate_limited: RateLimited,
  internal_server_error: InternalServerError,
  bad_gateway: BadGateway,
  service_unavailable: ServiceUnavailable,
  database_connection_unavailable: DatabaseConnectionUnavailable,
  gateway_timeout: GatewayTimeout,
  service_overload: ServiceOverload,
  invalid_client: InvalidClient,
  unauthorized_client: UnauthorizedClient,
  unsupported_grant_type: UnsupportedGrantType,
  invalid_scope: InvalidScope
} as const

const tags: ReadonlySet<string> = new Set([
  ...Object.values(ApiErrorByCode).map((error) => error._tag),
  "UnknownApiError",
  "RequestTimeout",
  "HttpResponseError",
  "TransportError",
  "ResponseDecodeError",
  "InvalidPathParameter",
  "InvalidToken",
  "ReauthorizationRequired"
])

/**
 * Whether a value is one of this SDK's errors (the brief's `isNotionClientError`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isNotionClientError = (u: unknown): u is NotionError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && tags.has(u._tag) && u instanceof Error

/**
 * Whether a value is an error Notion sent (as opposed to a client-side failure).
 *
 * @since 0.1.0
 * @category guards
 */
export const isApiError = (u: unknown): u is ApiError =>
  isNotionClientError(u) && "code" in u && typeof u.code === "string"
