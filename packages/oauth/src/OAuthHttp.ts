/**
 * Helpers for an OAuth callback server on `@effect/platform`'s `HttpServer`: the cookie that binds a state to the
 * browser, a tracer middleware whose spans never carry the `code`, the `state` or a token, and HTML escaping for
 * the pages such a server renders.
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Html from "@notion-effect/core/Html"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

/**
 * The state cookie's name: `__Host-notion_oauth` over https (host-only, `Secure`, path `/`), `notion_oauth` over
 * plain http (browsers refuse `__Host-` cookies there).
 *
 * @since 0.1.0
 * @category cookies
 */
export const cookieName = (secure: boolean): string => secure ? "__Host-notion_oauth" : "notion_oauth"

/**
 * Sets the browser's nonce cookie: `HttpOnly`, `SameSite=Lax` (it must come back on Notion's top-level redirect),
 * `Secure` over https, path `/`, living as long as the state.
 *
 * @since 0.1.0
 * @category cookies
 */
export const setNonceCookie = (
  response: HttpServerResponse.HttpServerResponse,
  nonce: Redacted.Redacted<string>,
  options: { readonly secure: boolean; readonly ttl: Duration.DurationInput }
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.unsafeSetCookie(response, cookieName(options.secure), Redacted.value(nonce), {
    httpOnly: true,
    secure: options.secure,
    sameSite: "lax",
    path: "/",
    maxAge: Duration.decode(options.ttl)
  })

/**
 * The nonce cookie of the current request, if any.
 *
 * @since 0.1.0
 * @category cookies
 */
export const nonceCookie = (
  request: HttpServerRequest.HttpServerRequest,
  secure: boolean
): Redacted.Redacted<string> | undefined => {
  const value = request.cookies[cookieName(secure)]
  return value === undefined || value === "" ? undefined : Redacted.make(value)
}

/**
 * Query parameters never recorded: OAuth codes and states, tokens, secrets.
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactedParams: ReadonlySet<string> = new Set([
  "code",
  "state",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "client_secret",
  "password",
  "verification_token"
])

/**
 * A URL (or path with query) with every sensitive query value replaced by `REDACTED`.
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactUrl = (input: string | URL): string => {
  const url = new URL(input, "http://redacted.invalid")
  for (const key of [...url.searchParams.keys()]) {
    if (redactedParams.has(key.toLowerCase()) || /token|secret|code/i.test(key)) url.searchParams.set(key, "REDACTED")
  }
  if (url.username !== "" || url.password !== "") {
    url.username = "REDACTED"
    url.password = ""
  }
  return typeof input === "string" && !/^[a-z]+:\/\//i.test(input)
    ? `${url.pathname}${url.search}`
    : url.toString()
}

/**
 * A server tracer middleware like `@effect/platform`'s, whose `http.server` span carries the URL with
 * {@link redactUrl} and ends without the response (a redirect holds a state, a cookie holds a nonce): wrap your app
 * with it and disable the built-in tracer (`Effect.locally(HttpMiddleware.currentTracerDisabledWhen, () => true)`
 * around `serve`).
 *
 * @since 0.1.0
 * @category middleware
 */
export const tracer = <E, R>(
  app: HttpApp.Default<E, R>
): HttpApp.Default<E, R | HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const url = Option.getOrUndefined(HttpServerRequest.toURL(request))
    const redacted = url === undefined ? undefined : new URL(redactUrl(url))
    return Effect.flatMap(
      Effect.makeSpan(`http.server ${request.method}`, { kind: "server", captureStackTrace: false }),
      (span) => {
        span.attribute("http.request.method", request.method)
        if (redacted !== undefined) {
          span.attribute("url.full", redacted.toString())
          span.attribute("url.path", redacted.pathname)
          if (redacted.search !== "") span.attribute("url.query", redacted.search.slice(1))
          span.attribute("url.scheme", redacted.protocol.slice(0, -1))
        }
        return Effect.withParentSpan(app, span).pipe(
          Effect.onExit((exit) =>
            Effect.flatMap(Clock.currentTimeNanos, (now) =>
              Effect.sync(() => {
                if (Exit.isSuccess(exit)) span.attribute("http.response.status_code", exit.value.status)
                // the span ends with the outcome only: never the response (headers, cookies) nor an error's data
                span.end(now, Exit.isSuccess(exit) ? Exit.void : Exit.fail("failed"))
              }))
          )
        )
      }
    )
  })

/**
 * Escapes text for HTML content and attribute values (core's `Html.escape`).
 *
 * @since 0.1.0
 * @category html
 */
export const escapeHtml: (text: string) => string = Html.escape
