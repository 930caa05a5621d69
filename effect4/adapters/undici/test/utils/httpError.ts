/**
 * Effect 4's form of `packages/undici/test/utils/httpError.ts`: the kind is the reason's tag without `Error`.
 */
import type * as HttpClientError from "effect/http/HttpClientError"

/** The kind of failure. */
export const kindOf = (error: HttpClientError.HttpClientError): string => error.reason._tag.replace(/Error$/, "")
