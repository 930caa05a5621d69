/**
 * Every way a Notion call can fail, as tagged errors: one class per API error code (tag = the key of the
 * official SDK's `APIErrorCode`) and the client-side failures. Catch them with `Effect.catchTag`, or switch on
 * `error.code` as the official SDK's users do: every error has one.
 *
 * Adding an API error code is one class and one entry in {@link apiErrors}.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * The brand every error of this SDK carries.
 *
 * @since 0.1.0
 * @category symbols
 */
export const TypeId: unique symbol = Symbol.for("@notion-effect/core/NotionError")

/**
 * The brand's type.
 *
 * @since 0.1.0
 * @category symbols
 */
export type TypeId = typeof TypeId

const ids = {
  /** Notion's request id: the body's `request_id`, else the `x-notion-request-id` header. */
  requestId: Schema.optional(Schema.String),
  /** Cloudflare's `cf-ray` header, which Notion support asks for. */
  cfRay: Schema.optional(Schema.String)
}

// an error's `code` field, built from the code's value (`Code`), not from `typeof ClientErrorCode[K]`: Effect 4's
// `withConstructorDefault` cannot infer its schema from an indexed literal and gives a field of unknown encoding and
// services (every client error, and NotionErrorSchema, then had `unknown` DecodingServices)
const codeField = <Code extends string>(code: Code) => ({
  code: Schema.Literal(code).pipe(Schema.propertySignature, Schema.withConstructorDefault(() => code))
})

const apiFields = <Code extends string>(code: Code) => ({
  status: Schema.Number,
  ...codeField(code),
  message: Schema.String,
  ...ids,
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
export class InvalidJSON extends Schema.TaggedError<InvalidJSON>()("InvalidJSON", apiFields("invalid_json")) {
  readonly [TypeId] = TypeId
}

/** 400 `invalid_request_url`: the request URL is not valid. @since 0.1.0 @category api errors */
export class InvalidRequestURL
  extends Schema.TaggedError<InvalidRequestURL>()("InvalidRequestURL", apiFields("invalid_request_url"))
{
  readonly [TypeId] = TypeId
}

/** 400 `invalid_request`: the request is not supported or malformed (e.g. missing OAuth params). @since 0.1.0 @category api errors */
export class InvalidRequest
  extends Schema.TaggedError<InvalidRequest>()("InvalidRequest", apiFields("invalid_request"))
{
  readonly [TypeId] = TypeId
}

/** 400 `invalid_grant`: the authorization code or refresh token is invalid, expired, revoked or reused. @since 0.1.0 @category api errors */
export class InvalidGrant extends Schema.TaggedError<InvalidGrant>()("InvalidGrant", apiFields("invalid_grant")) {
  readonly [TypeId] = TypeId
}

/** 400 `validation_error`: the body or parameters do not match the expected schema. @since 0.1.0 @category api errors */
export class ValidationError
  extends Schema.TaggedError<ValidationError>()("ValidationError", apiFields("validation_error"))
{
  readonly [TypeId] = TypeId
}

/** 400 `missing_version`: the `Notion-Version` header is missing. @since 0.1.0 @category api errors */
export class MissingVersion
  extends Schema.TaggedError<MissingVersion>()("MissingVersion", apiFields("missing_version"))
{
  readonly [TypeId] = TypeId
}

/** `invalid_beta`: the requested beta feature is not valid. @since 0.1.0 @category api errors */
export class InvalidBeta extends Schema.TaggedError<InvalidBeta>()("InvalidBeta", apiFields("invalid_beta")) {
  readonly [TypeId] = TypeId
}

/** 401 `unauthorized`: the bearer token is missing, invalid, expired or revoked. @since 0.1.0 @category api errors */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", apiFields("unauthorized")) {
  readonly [TypeId] = TypeId
}

/** 403 `restricted_resource`: the integration lacks permission for this resource. @since 0.1.0 @category api errors */
export class RestrictedResource
  extends Schema.TaggedError<RestrictedResource>()("RestrictedResource", apiFields("restricted_resource"))
{
  readonly [TypeId] = TypeId
}

/** 404 `object_not_found`: no such object, or it is not shared with the integration. @since 0.1.0 @category api errors */
export class ObjectNotFound
  extends Schema.TaggedError<ObjectNotFound>()("ObjectNotFound", apiFields("object_not_found"))
{
  readonly [TypeId] = TypeId
}

/** 409 `conflict_error`: the transaction conflicted with another; safe to retry the whole operation. @since 0.1.0 @category api errors */
export class ConflictError extends Schema.TaggedError<ConflictError>()("ConflictError", apiFields("conflict_error")) {
  readonly [TypeId] = TypeId
}

/** 429 `rate_limited`: too many requests; `retryAfter` says how long to wait. @since 0.1.0 @category api errors */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  ...apiFields("rate_limited"),
  ...retryAfter
}) {
  readonly [TypeId] = TypeId
}

/** 500 `internal_server_error`: Notion failed unexpectedly. @since 0.1.0 @category api errors */
export class InternalServerError
  extends Schema.TaggedError<InternalServerError>()("InternalServerError", apiFields("internal_server_error"))
{
  readonly [TypeId] = TypeId
}

/** 502 `bad_gateway`: Notion could not complete the request upstream. @since 0.1.0 @category api errors */
export class BadGateway extends Schema.TaggedError<BadGateway>()("BadGateway", apiFields("bad_gateway")) {
  readonly [TypeId] = TypeId
}

/** 503 `service_unavailable`: Notion is unavailable. @since 0.1.0 @category api errors */
export class ServiceUnavailable
  extends Schema.TaggedError<ServiceUnavailable>()("ServiceUnavailable", apiFields("service_unavailable"))
{
  readonly [TypeId] = TypeId
}

/** 503 `database_connection_unavailable`: Notion's database is unreachable. @since 0.1.0 @category api errors */
export class DatabaseConnectionUnavailable extends Schema.TaggedError<DatabaseConnectionUnavailable>()(
  "DatabaseConnectionUnavailable",
  apiFields("database_connection_unavailable")
) {
  readonly [TypeId] = TypeId
}

/** 504 `gateway_timeout`: Notion timed out. @since 0.1.0 @category api errors */
export class GatewayTimeout
  extends Schema.TaggedError<GatewayTimeout>()("GatewayTimeout", apiFields("gateway_timeout"))
{
  readonly [TypeId] = TypeId
}

/** 529 `service_overload`: Notion is overloaded; `retryAfter` says how long to wait. @since 0.1.0 @category api errors */
export class ServiceOverload extends Schema.TaggedError<ServiceOverload>()("ServiceOverload", {
  ...apiFields("service_overload"),
  ...retryAfter
}) {
  readonly [TypeId] = TypeId
}

/** 401 `invalid_client` (OAuth): the client id or secret in the Basic auth header is wrong. @since 0.1.0 @category oauth errors */
export class InvalidClient extends Schema.TaggedError<InvalidClient>()("InvalidClient", apiFields("invalid_client")) {
  readonly [TypeId] = TypeId
}

/** 400 `unauthorized_client` (OAuth): the client may not use this grant type. @since 0.1.0 @category oauth errors */
export class UnauthorizedClient
  extends Schema.TaggedError<UnauthorizedClient>()("UnauthorizedClient", apiFields("unauthorized_client"))
{
  readonly [TypeId] = TypeId
}

/** 400 `unsupported_grant_type` (OAuth): the grant type is not supported. @since 0.1.0 @category oauth errors */
export class UnsupportedGrantType
  extends Schema.TaggedError<UnsupportedGrantType>()("UnsupportedGrantType", apiFields("unsupported_grant_type"))
{
  readonly [TypeId] = TypeId
}

/** 400 `invalid_scope` (OAuth): the requested scope is invalid. @since 0.1.0 @category oauth errors */
export class InvalidScope extends Schema.TaggedError<InvalidScope>()("InvalidScope", apiFields("invalid_scope")) {
  readonly [TypeId] = TypeId
}

/** A well-formed Notion error body whose code this SDK (or this endpoint) does not know; `code` keeps it. @since 0.1.0 @category api errors */
export class UnknownApiError extends Schema.TaggedError<UnknownApiError>()("UnknownApiError", {
  status: Schema.Number,
  code: Schema.String,
  message: Schema.String,
  ...ids,
  additionalData: Schema.optional(Schema.Unknown)
}) {
  readonly [TypeId] = TypeId
}

/**
 * The error codes this SDK generates itself: the official SDK's `ClientErrorCode` values, plus this SDK's own.
 *
 * @since 0.1.0
 * @category codes
 */
export const ClientErrorCode = {
  RequestTimeout: "notionhq_client_request_timeout",
  ResponseError: "notionhq_client_response_error",
  InvalidPathParameter: "notionhq_client_invalid_path_parameter",
  TransportError: "notion_effect_transport_error",
  ResponseDecodeError: "notion_effect_response_decode_error",
  ResponseTooLarge: "notion_effect_response_too_large",
  InvalidParameters: "notion_effect_invalid_parameters",
  InvalidToken: "notion_effect_invalid_token",
  ReauthorizationRequired: "notion_effect_reauthorization_required",
  CredentialsUnavailable: "notion_effect_credentials_unavailable"
} as const

/**
 * One of the codes in {@link ClientErrorCode}.
 *
 * @since 0.1.0
 * @category codes
 */
export type ClientErrorCode = typeof ClientErrorCode[keyof typeof ClientErrorCode]

const clientCode = <K extends keyof typeof ClientErrorCode>(key: K) => codeField(ClientErrorCode[key])

const where = { method: Schema.String, path: Schema.String }

/** Why the request failed underneath (a socket error, a parse error): never a request or its headers. */
const cause = { cause: Schema.optional(Schema.Defect) }

/** The attempt did not finish (headers, body and decoding) within the configured timeout; the socket was closed. @since 0.1.0 @category client errors */
export class RequestTimeout extends Schema.TaggedError<RequestTimeout>()("RequestTimeout", {
  ...clientCode("RequestTimeout"),
  ...where,
  timeout: Schema.DurationFromSelf
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} ${this.path} did not complete within ${Duration.format(this.timeout)}`
  }
}

const idsText = (e: { readonly requestId?: string | undefined; readonly cfRay?: string | undefined }) => {
  const parts = [e.requestId && `request id ${e.requestId}`, e.cfRay && `cf-ray ${e.cfRay}`].filter(Boolean)
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`
}

/** A response that is not a Notion answer: non-JSON or unrecognised body (an edge proxy's HTML, an empty body). @since 0.1.0 @category client errors */
export class HttpResponseError extends Schema.TaggedError<HttpResponseError>()("HttpResponseError", {
  ...clientCode("ResponseError"),
  ...where,
  status: Schema.Number,
  ...ids,
  /** The first 1 KiB (at most) of the body, secrets we sent scrubbed; empty for OAuth endpoints. */
  body: Schema.String,
  ...cause
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} ${this.path} answered ${this.status} with a body that is not a Notion response${
      idsText(this)
    }`
  }
}

/** The request never got an answer, or the answer could not be read: connection refused or reset, DNS failure. @since 0.1.0 @category client errors */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  ...clientCode("TransportError"),
  ...where,
  /** What went wrong, from the underlying error (e.g. `connect ECONNREFUSED 127.0.0.1:9`). */
  reason: Schema.String,
  ...cause
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} ${this.path} failed: ${this.reason}`
  }
}

/** A 2xx body that does not match the expected schema; `message` names the failing paths (bounded). @since 0.1.0 @category client errors */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  ...clientCode("ResponseDecodeError"),
  ...where,
  status: Schema.Number,
  ...ids,
  message: Schema.String
}) {
  readonly [TypeId] = TypeId
}

/** The response body is larger than `NotionConfig`'s `maxResponseBytes`; it was not read past the limit. @since 0.1.0 @category client errors */
export class ResponseTooLarge extends Schema.TaggedError<ResponseTooLarge>()("ResponseTooLarge", {
  ...clientCode("ResponseTooLarge"),
  ...where,
  status: Schema.Number,
  ...ids,
  limit: Schema.Number
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} ${this.path} answered a body over the ${this.limit}-byte limit${idsText(this)}`
  }
}

/** Request parameters that the endpoint's schema rejects (a missing or mistyped parameter, a page size over 100); nothing was sent. @since 0.1.0 @category client errors */
export class InvalidParameters extends Schema.TaggedError<InvalidParameters>()("InvalidParameters", {
  ...clientCode("InvalidParameters"),
  /** The endpoint, e.g. `pages.create`. */
  endpoint: Schema.String,
  message: Schema.String
}) {
  readonly [TypeId] = TypeId
}

/** A path parameter (an id) that could escape its route (`..`, `%2e%2e`, `.`) or is empty; rejected before any request. @since 0.1.0 @category client errors */
export class InvalidPathParameter extends Schema.TaggedError<InvalidPathParameter>()("InvalidPathParameter", {
  ...clientCode("InvalidPathParameter"),
  name: Schema.String,
  value: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `Path parameter "${this.name}" must be non-empty, not ".", and must not contain "..": ${
      JSON.stringify(this.value.slice(0, 200))
    }`
  }
}

/** An empty token was supplied; Notion accepts any non-empty token format, so nothing else is checked. @since 0.1.0 @category client errors */
export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", clientCode("InvalidToken")) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return "The Notion token is empty"
  }
}

/** The stored OAuth grant `grant` can no longer be refreshed (`invalid_grant`): the user must authorize again. @since 0.1.0 @category client errors */
export class ReauthorizationRequired extends Schema.TaggedError<ReauthorizationRequired>()("ReauthorizationRequired", {
  ...clientCode("ReauthorizationRequired"),
  /** The grant's key (its `bot_id`). */
  grant: Schema.String
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `The Notion grant ${this.grant} was revoked or its refresh token is no longer valid: authorize again`
  }
}

/**
 * The AuthLayer could not produce a token for a reason other than the grant itself (its token store failed, a key
 * is wrong, OAuth client credentials are missing): `reason` says which, `cause` keeps the underlying error.
 *
 * @since 0.1.0
 * @category client errors
 */
export class CredentialsUnavailable extends Schema.TaggedError<CredentialsUnavailable>()("CredentialsUnavailable", {
  ...clientCode("CredentialsUnavailable"),
  reason: Schema.String,
  ...cause
}) {
  readonly [TypeId] = TypeId
  /** @since 0.1.0 */
  override get message(): string {
    return `No Notion token could be obtained: ${this.reason}`
  }
}

/**
 * Every API error class, the single list from which the code tables and unions below are derived.
 *
 * @since 0.1.0
 * @category codes
 */
export const apiErrors = [
  InvalidJSON,
  InvalidRequestURL,
  InvalidRequest,
  InvalidGrant,
  ValidationError,
  MissingVersion,
  InvalidBeta,
  Unauthorized,
  RestrictedResource,
  ObjectNotFound,
  ConflictError,
  RateLimited,
  InternalServerError,
  BadGateway,
  ServiceUnavailable,
  DatabaseConnectionUnavailable,
  GatewayTimeout,
  ServiceOverload,
  InvalidClient,
  UnauthorizedClient,
  UnsupportedGrantType,
  InvalidScope
] as const

/**
 * The codes only the OAuth endpoints answer with; elsewhere they decode as `UnknownApiError`.
 *
 * @since 0.1.0
 * @category codes
 */
export const oauthOnly = [InvalidClient, UnauthorizedClient, UnsupportedGrantType, InvalidScope] as const

type ApiErrorClass = typeof apiErrors[number]

// an instance of each class, for its tag and code (the classes' static `_tag` is not part of Effect 4's API), made
// without validating (validating would compile each class's parser at import)
const sample = (error: ApiErrorClass): InstanceType<ApiErrorClass> => new error({ status: 0, message: "" }, true)

/**
 * The error codes Notion documents, keyed like the official SDK's `APIErrorCode` enum
 * (`APIErrorCode.InvalidJSON === "invalid_json"`), plus the codes that enum lacks.
 *
 * @since 0.1.0
 * @category codes
 */
export const APIErrorCode = Object.fromEntries(
  apiErrors.map((error) => [sample(error)._tag, sample(error).code])
) as { readonly [C in ApiErrorClass as InstanceType<C>["_tag"]]: InstanceType<C>["code"] }

/**
 * One of the codes in {@link APIErrorCode}.
 *
 * @since 0.1.0
 * @category codes
 */
export type APIErrorCode = typeof APIErrorCode[keyof typeof APIErrorCode]

/**
 * The API error class for each code in {@link APIErrorCode} (a null-prototype map: only own codes).
 *
 * @since 0.1.0
 * @category codes
 */
export const ApiErrorByCode: { readonly [code: string]: ApiErrorClass | undefined } = Object.assign(
  Object.create(null),
  Object.fromEntries(apiErrors.map((error) => [sample(error).code, error]))
)

/**
 * The OAuth-only API errors.
 *
 * @since 0.1.0
 * @category unions
 */
export type OAuthApiError = InstanceType<typeof oauthOnly[number]>

/**
 * An error Notion sent, decoded from its body.
 *
 * @since 0.1.0
 * @category unions
 */
export type ApiError = InstanceType<ApiErrorClass> | UnknownApiError

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
  | ResponseTooLarge
  | InvalidParameters
  | InvalidPathParameter
  | InvalidToken
  | ReauthorizationRequired
  | CredentialsUnavailable

/**
 * Every failure of a Notion call.
 *
 * @since 0.1.0
 * @category unions
 */
export type NotionError = ApiError | ClientError

/**
 * What a non-OAuth endpoint can fail with: every error but the OAuth-only codes.
 *
 * @since 0.1.0
 * @category unions
 */
export type ApiCallError = Exclude<NotionError, OAuthApiError>

/**
 * The schema of {@link NotionError}: every error class in one union.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NotionErrorSchema = Schema.Union(
  ...apiErrors,
  UnknownApiError,
  RequestTimeout,
  HttpResponseError,
  TransportError,
  ResponseDecodeError,
  ResponseTooLarge,
  InvalidParameters,
  InvalidPathParameter,
  InvalidToken,
  ReauthorizationRequired,
  CredentialsUnavailable
)

/**
 * Whether a value is one of this SDK's errors (the official SDK's `isNotionClientError`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isNotionClientError = (u: unknown): u is NotionError => Predicate.hasProperty(u, TypeId)

/**
 * Whether a value is an error Notion sent (as opposed to a client-side failure).
 *
 * @since 0.1.0
 * @category guards
 */
export const isApiError = (u: unknown): u is ApiError =>
  isNotionClientError(u) && "status" in u && (u._tag === "UnknownApiError" || Object.hasOwn(APIErrorCode, u._tag))
