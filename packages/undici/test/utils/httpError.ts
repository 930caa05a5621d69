/**
 * What kind of `HttpClientError` a test got (`Transport`, `InvalidUrl`, `Decode`, `StatusCode`…): Effect 3 has a
 * reason string on two classes, Effect 4 a reason class on one. The Effect 4 edition has its own version
 * (`effect4/adapters/undici/test/utils/httpError.ts`).
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"

/** The kind of failure. */
export const kindOf = (error: HttpClientError.HttpClientError): string => error.reason
