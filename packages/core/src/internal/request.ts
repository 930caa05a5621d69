import * as Headers from "@effect/platform/Headers"
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as UrlParams from "@effect/platform/UrlParams"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Stream from "effect/Stream"
import type * as Endpoint from "../Endpoint.js"
import type { BasicCredentials } from "../NotionAuth.js"
import * as NotionError from "../NotionError.js"
import * as NotionVersion from "../NotionVersion.js"
import { type Decoder, formatIssue } from "./response.js"
import * as SchemaAst from "./schemaAst.js"
import * as SchemaIssue from "./schemaIssue.js"
import { compile, type Validator } from "./validator.js"
import { type Rule, ruleOf } from "./versions.js"

const traversal = /(?:\.|%2e){2}/i

/** Fails with `InvalidPathParameter` when a path parameter could escape its route or is empty; else encodes it. */
export const pathParam = (name: string, value: unknown): Either.Either<string, NotionError.InvalidPathParameter> => {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value)
  // "." is a path segment of its own that URLs remove: `/v1/pages/.` would reach `/v1/pages/`
  return traversal.test(text) || text === "" || text === "."
    ? Either.left(new NotionError.InvalidPathParameter({ name, value: text }))
    : Either.right(encodeURIComponent(text))
}

/** Checks a whole path given to the escape hatch. */
export const checkPath = (path: string): Either.Either<string, NotionError.InvalidPathParameter> =>
  traversal.test(path)
    ? Either.left(new NotionError.InvalidPathParameter({ name: "path", value: path }))
    : Either.right(path.startsWith("/") ? path : `/${path}`)

/** The property names a params schema declares (members of unions included). */
const declaredKeys = (ast: AST.AST): Set<string> => {
  const keys = new Set<string>()
  for (const shape of SchemaAst.objectShapes(ast, true)) {
    for (const property of shape) if (typeof property.name === "string") keys.add(property.name)
  }
  return keys
}

type Segment = { readonly literal: string } | { readonly param: string }

/** An endpoint compiled once per client: path segments, key lists, validators. */
export interface Plan {
  readonly endpoint: Endpoint.Any
  readonly segments: ReadonlyArray<Segment>
  readonly query: ReadonlyArray<string>
  readonly body: ReadonlyArray<string>
  readonly checkParams: (params: unknown) => Either.Either<void, NotionError.InvalidParameters>
  readonly decoder: Decoder<unknown>
  readonly spanName: string
  /** What the endpoint sends per Notion version (`internal/versions.ts`); none for most endpoints. */
  readonly rule: Rule | undefined
}

const paramsChecker = (endpoint: Endpoint.Any): Plan["checkParams"] => {
  const fast = compile(endpoint.params.ast)
  const slow = SchemaIssue.decodeUnknownEither(endpoint.params as Schema.Schema<unknown, unknown>, { errors: "all" })
  const invalid = (issue: SchemaIssue.Issue) =>
    new NotionError.InvalidParameters({
      endpoint: endpoint.name,
      message: `${endpoint.name}: invalid parameters:\n${formatIssue(issue, true)}`
    })
  return (params) => {
    if (fast !== undefined && fast(params)) return Either.void
    const result = slow(params)
    return Either.isRight(result) ? Either.void : Either.left(invalid(result.left))
  }
}

/** Compiles an endpoint declaration. */
export const plan = (endpoint: Endpoint.Any): Plan => {
  const segments: Array<Segment> = []
  const pathParams: Array<string> = []
  for (const part of endpoint.path.split(/(\{[a-z_]+\})/)) {
    if (part === "") continue
    const match = /^\{([a-z_]+)\}$/.exec(part)
    if (match) {
      segments.push({ param: match[1]! })
      pathParams.push(match[1]!)
    } else {
      segments.push({ literal: part })
    }
  }
  const body = endpoint.body === "rest"
    ? [...declaredKeys(endpoint.params.ast)].filter((k) => !pathParams.includes(k) && !endpoint.query.includes(k))
    : endpoint.body
  const validate: Validator | undefined = compile(endpoint.success.ast)
  return {
    endpoint,
    segments,
    query: endpoint.query,
    body: endpoint.method === "GET" || endpoint.method === "DELETE" ? [] : body,
    checkParams: paramsChecker(endpoint),
    decoder: { validate, schema: endpoint.success as Schema.Schema<unknown, unknown> },
    spanName: `notion.${endpoint.name}`,
    rule: ruleOf(endpoint)
  }
}

/** `Basic base64(client_id:client_secret)`, UTF-8 encoded (no `btoa`, no `Buffer`). */
export const basicAuthorization = (credentials: BasicCredentials): string =>
  `Basic ${Encoding.encodeBase64(`${credentials.clientId}:${Redacted.value(credentials.clientSecret)}`)}`

/** A request ready to send, with the secrets it carries (to scrub them from anything we keep). */
export interface Built {
  readonly method: Endpoint.Method
  readonly path: string
  readonly request: HttpClientRequest.HttpClientRequest
  readonly secrets: ReadonlyArray<string>
}

const queryValue = (value: unknown): string =>
  typeof value === "string" ? value : Redacted.isRedacted(value) ? Redacted.value(value) as string : String(value)

/** Serialises a body, unwrapping `Redacted` values and collecting them as secrets. */
const bodyJson = (body: unknown, secrets: Array<string>): string =>
  JSON.stringify(body, function(this: Record<string, unknown>, key, value) {
    // `value` has been through `toJSON` already (a Redacted would read "<redacted>"): look at the holder's own
    const raw = key === "" ? value : this[key]
    if (Redacted.isRedacted(raw)) {
      const plain = Redacted.value(raw)
      if (typeof plain === "string") secrets.push(plain)
      return plain
    }
    return value
  })

const isFilePart = (value: unknown): value is {
  readonly data: Uint8Array | Blob | string
  readonly filename?: string
  readonly content_type?: string
} => typeof value === "object" && value !== null && "data" in value

/** A quoted `Content-Disposition` parameter: quotes and line breaks percent-encoded, as browsers do. */
const quoted = (value: string) => `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`

/**
 * A `multipart/form-data` body, encoded here rather than as a `FormData` (which not every HTTP layer can send:
 * undici's dispatcher fails on it): file parts as bytes with their file name and type, anything else as text. The
 * stream is made anew for every attempt, so a retried upload sends its bytes again.
 */
const multipartBody = (fields: Readonly<Record<string, unknown>>): HttpBody.HttpBody => {
  const boundary = `notion-effect-${crypto.randomUUID()}`
  const text = new TextEncoder()
  const pieces: Array<Uint8Array | Blob> = []
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (isFilePart(value)) {
      const type = value.content_type ??
        (value.data instanceof Blob && value.data.type !== "" ? value.data.type : "application/octet-stream")
      pieces.push(text.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(key)}; filename=${
          quoted(value.filename ?? "file")
        }\r\nContent-Type: ${type}\r\n\r\n`
      ))
      pieces.push(typeof value.data === "string" ? text.encode(value.data) : value.data)
      pieces.push(text.encode("\r\n"))
    } else {
      pieces.push(
        text.encode(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(key)}\r\n\r\n${String(value)}\r\n`)
      )
    }
  }
  pieces.push(text.encode(`--${boundary}--\r\n`))
  const length = pieces.reduce((n, p) => n + (p instanceof Blob ? p.size : p.byteLength), 0)
  const stream = Stream.fromIterable(pieces).pipe(
    Stream.flatMap((piece) =>
      piece instanceof Blob
        ? Stream.fromReadableStream(() => piece.stream(), (cause) => cause)
        : Stream.succeed(piece)
    )
  )
  return HttpBody.stream(stream, `multipart/form-data; boundary=${boundary}`, length)
}

/** One request from its parts: authorization set last, so it beats any custom header. */
export const assemble = (
  method: Endpoint.Method,
  path: string,
  urlParams: UrlParams.Input,
  body: unknown,
  headers: Headers.Headers,
  authorization: Redacted.Redacted<string> | BasicCredentials | undefined,
  encoding: Endpoint.Encoding = "json"
): Built => {
  const secrets: Array<string> = []
  let auth: string | undefined
  if (authorization !== undefined) {
    if (Redacted.isRedacted(authorization)) {
      const token = Redacted.value(authorization)
      secrets.push(token)
      auth = `Bearer ${token}`
    } else {
      auth = basicAuthorization(authorization)
      secrets.push(Redacted.value(authorization.clientSecret), auth.slice("Basic ".length))
    }
  }
  const noBody = body === undefined || method === "GET" || method === "DELETE"
  return {
    method,
    path,
    secrets,
    request: HttpClientRequest.make(method)(path, {
      urlParams,
      headers: auth === undefined ? headers : Headers.set(headers, "authorization", auth),
      body: noBody
        ? HttpBody.empty
        : encoding === "multipart"
        ? multipartBody(body as Record<string, unknown>)
        : HttpBody.text(bodyJson(body, secrets), "application/json")
    } as HttpClientRequest.Options.NoUrl)
  }
}

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Query parameters (as the request's input: pairs): arrays as repeated keys, `null` and `undefined` omitted. */
export const urlParamsOf = (
  params: Readonly<Record<string, unknown>>,
  keys: ReadonlyArray<string>
): Array<[string, string]> => {
  const out: Array<[string, string]> = []
  for (const key of keys) {
    const value = params[key]
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      // property ids come URI-encoded in Notion's answers: decoded here so they are encoded once (as the official SDK)
      const decode = key === "filter_properties"
      for (const item of value) {
        if (item !== undefined && item !== null) out.push([key, decode ? decoded(queryValue(item)) : queryValue(item)])
      }
    } else {
      out.push([key, queryValue(value)])
    }
  }
  return out
}

/**
 * Checks and builds the request of one endpoint call for a Notion version: declared path, query and body keys
 * only, shaped by the endpoint's version rule (which may refuse them, or need a `Notion-Beta` header).
 */
export const build = (
  plan: Plan,
  given: Record<string, unknown>,
  givenHeaders: Headers.Headers,
  authorization: Redacted.Redacted<string> | BasicCredentials | undefined,
  version: string
): Either.Either<Built, NotionError.InvalidParameters | NotionError.InvalidPathParameter> => {
  const checked = plan.checkParams(given)
  if (Either.isLeft(checked)) return Either.left(checked.left)
  let params = given
  let headers = givenHeaders
  if (plan.rule !== undefined) {
    const shaped = plan.rule(given, NotionVersion.rulesOf(version), version)
    if (Either.isLeft(shaped)) {
      const name = plan.endpoint.name
      return Either.left(new NotionError.InvalidParameters({ endpoint: name, message: `${name}: ${shaped.left}` }))
    }
    params = shaped.right.params
    if (shaped.right.beta !== undefined && !Headers.has(headers, "notion-beta")) {
      headers = Headers.set(headers, "notion-beta", shaped.right.beta)
    }
  }
  let path = ""
  for (const segment of plan.segments) {
    if ("literal" in segment) {
      path += segment.literal
      continue
    }
    const encoded = pathParam(segment.param, params[segment.param])
    if (Either.isLeft(encoded)) return Either.left(encoded.left)
    path += encoded.right
  }
  let body: Record<string, unknown> | undefined
  for (const key of plan.body) {
    if (params[key] === undefined) continue
    ;(body ??= {})[key] = params[key]
  }
  if (body === undefined && plan.endpoint.method === "POST") body = {}
  return Either.right(
    assemble(
      plan.endpoint.method,
      path,
      urlParamsOf(params, plan.query),
      body,
      headers,
      authorization,
      plan.endpoint.encoding
    )
  )
}
