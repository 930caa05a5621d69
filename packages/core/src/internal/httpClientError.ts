/**
 * What the SDK reads off the platform's `HttpClientError`: Effect 3 has two error classes (`RequestError`,
 * `ResponseError`) with a reason string, Effect 4 one class whose `reason` is the failure itself. The Effect 4
 * edition has its own version of this module (`effect4/adapters/core/src/internal/httpClientError.ts`).
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"

/** A transport failure: on which side it happened, its kind (`Transport`, `Decode`…) and its underlying cause. */
export interface Failure {
  readonly response: boolean
  readonly kind: string
  readonly cause: unknown
}

/** How an `HttpClientError` failed. */
export const describe = (error: HttpClientError.HttpClientError): Failure => ({
  response: error._tag === "ResponseError",
  kind: error.reason,
  cause: error.cause
})

/** Whether an error is the platform's "the response has no body". */
export const isEmptyBody = (error: { readonly _tag: string }): boolean =>
  error._tag === "ResponseError" && (error as HttpClientError.ResponseError).reason === "EmptyBody"
