/**
 * Effect 4's form of `packages/core/src/internal/httpClientError.ts`: one `HttpClientError` class whose `reason` is
 * the failure (`TransportError`, `EmptyBodyError`…); its kind is the reason's tag without `Error`.
 */
import type * as HttpClientError from "effect/http/HttpClientError"

/** A transport failure: on which side it happened, its kind (`Transport`, `Decode`…) and its underlying cause. */
export interface Failure {
  readonly response: boolean
  readonly kind: string
  readonly cause: unknown
}

const responseSide = new Set(["StatusCodeError", "DecodeError", "EmptyBodyError"])

/** How an `HttpClientError` failed. */
export const describe = (error: HttpClientError.HttpClientError): Failure => ({
  response: responseSide.has(error.reason._tag),
  kind: error.reason._tag.replace(/Error$/, ""),
  cause: error.reason.cause
})

/** Whether an error is the platform's "the response has no body". */
export const isEmptyBody = (error: { readonly _tag: string }): boolean =>
  error._tag === "HttpClientError" && (error as HttpClientError.HttpClientError).reason._tag === "EmptyBodyError"
