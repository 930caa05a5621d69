/**
 * An endpoint as data: one declaration — name, method, path template, which parameters go to the query and
 * which to the body, the parameter and response schemas — from which the client's typed method, the request,
 * the span name and the docs follow. Adding an endpoint to the SDK is one declaration in {@link NotionApi}.
 *
 * @since 0.1.0
 */
import type * as Schema from "effect/Schema"
import type * as NotionError from "./NotionError.js"

/**
 * An HTTP method Notion uses.
 *
 * @since 0.1.0
 * @category models
 */
export type Method = "GET" | "POST" | "PATCH" | "DELETE"

/**
 * How a request authenticates: the AuthLayer's bearer token, or HTTP Basic client credentials (OAuth).
 *
 * @since 0.1.0
 * @category models
 */
export type Security = "bearer" | "basic"

/**
 * One endpoint.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  out Name extends string,
  in out P,
  in out PI,
  in out A,
  in out I,
  out S extends Security = "bearer"
> {
  /** The official SDK's name, e.g. `pages.create`; the span is `notion.<name>`. */
  readonly name: Name
  readonly method: Method
  /** The path template, e.g. `/v1/pages/{page_id}`: each `{param}` is a path parameter. */
  readonly path: string
  /** Parameters sent in the query string (arrays as repeated keys; `null` and `undefined` omitted). */
  readonly query: ReadonlyArray<string>
  /** Parameters sent in the JSON body (`undefined` omitted); `"rest"`: every declared parameter not in the path or query. */
  readonly body: ReadonlyArray<string> | "rest"
  /** Every parameter (path, query and body); input is `PI`, checked before anything is sent. */
  readonly params: Schema.Schema<P, PI>
  /** The 2xx answer. */
  readonly success: Schema.Schema<A, I>
  /** Basic endpoints (OAuth) may fail with the OAuth-only codes; elsewhere those decode as `UnknownApiError`. */
  readonly security: S
  /** Never keep a response body (OAuth: it holds tokens); decoding errors name paths only. */
  readonly sensitive: boolean
  /** How the body is sent: JSON (default), or `multipart/form-data` (file uploads). */
  readonly encoding: Encoding
}

/**
 * How a request body is encoded. In `multipart`, a file part is `{ data, filename?, content_type? }` with `data`
 * a `Uint8Array`, `Blob` or string; any other value is sent as a text field.
 *
 * @since 0.1.0
 * @category models
 */
export type Encoding = "json" | "multipart"

/**
 * Any endpoint.
 *
 * @since 0.1.0
 * @category models
 */
export interface Any {
  readonly name: string
  readonly method: Method
  readonly path: string
  readonly query: ReadonlyArray<string>
  readonly body: ReadonlyArray<string> | "rest"
  readonly params: Schema.Schema.AnyNoContext
  readonly success: Schema.Schema.AnyNoContext
  readonly security: Security
  readonly sensitive: boolean
  readonly encoding: Encoding
}

/**
 * The parameters a caller passes (the params schema's encoded side).
 *
 * @since 0.1.0
 * @category type-level
 */
export type Params<E extends Any> = Schema.Schema.Encoded<E["params"]>

/**
 * The decoded answer.
 *
 * @since 0.1.0
 * @category type-level
 */
export type Success<E extends Any> = Schema.Schema.Type<E["success"]>

/**
 * The error of a call.
 *
 * @since 0.1.0
 * @category type-level
 */
export type Error<E extends Any> = E["security"] extends "basic" ? NotionError.NotionError
  : NotionError.ApiCallError

/**
 * What {@link make} takes: an endpoint's declaration, its defaults left out.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<Name extends string, P, PI, A, I, S extends Security> {
  readonly name: Name
  readonly method: Method
  readonly path: string
  readonly query?: ReadonlyArray<string>
  readonly body?: ReadonlyArray<string> | "rest"
  readonly params: Schema.Schema<P, PI>
  readonly success: Schema.Schema<A, I>
  readonly security?: S
  readonly sensitive?: boolean
  readonly encoding?: Encoding
}

/**
 * Declares an endpoint (bearer auth, no query or body keys unless given).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Name extends string,
  P,
  PI,
  A,
  I,
  const S extends Security = "bearer"
>(options: Options<Name, P, PI, A, I, S>): Endpoint<Name, P, PI, A, I, S> => ({
  query: [],
  body: [],
  security: "bearer" as S,
  sensitive: false,
  encoding: "json",
  ...options
})

/**
 * Whether a value is an endpoint declaration.
 *
 * @since 0.1.0
 * @category guards
 */
export const isEndpoint = (u: unknown): u is Any =>
  typeof u === "object" && u !== null && "path" in u && "method" in u && "params" in u && "success" in u
