/**
 * Effect 4's form of `packages/undici/src/internal/url.ts`: `Url.make` builds the URL (the hash is an `Option`).
 */
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Url from "effect/http/Url"
import * as Option from "effect/Option"
import type * as Result from "effect/Result"

/** The full URL of a request, or why it is not one. */
export const urlOf = (request: HttpClientRequest.HttpClientRequest): Result.Result<URL, unknown> =>
  Url.make(request.url, request.urlParams, Option.getOrUndefined(request.hash))
