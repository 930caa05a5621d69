/**
 * The URL a request goes to (its URL, query parameters and hash): Effect 3 builds it with `UrlParams.makeUrl`,
 * Effect 4 with `Url.make`. The Effect 4 edition has its own version of this module
 * (`effect4/adapters/undici/src/internal/url.ts`).
 */
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"
import type * as Either from "effect/Either"

/** The full URL of a request, or why it is not one. */
export const urlOf = (request: HttpClientRequest.HttpClientRequest): Either.Either<URL, unknown> =>
  UrlParams.makeUrl(request.url, request.urlParams, request.hash)
