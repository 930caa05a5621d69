/**
 * GET (or POST) routes as one HTTP app, for the examples' servers.
 *
 * Effect 4's form of `examples/routes.ts`: Effect 4's `HttpRouter` is a layer of routes, turned into an app by
 * `HttpRouter.toHttpEffect` (which builds the router in the scope).
 *
 * @since 1.0.0
 */
import type * as Effect from "effect/Effect"
import * as HttpRouter from "effect/http/HttpRouter"
import type * as HttpServerError from "effect/http/HttpServerError"
import type * as HttpServerRequest from "effect/http/HttpServerRequest"
import type * as HttpServerResponse from "effect/http/HttpServerResponse"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/**
 * An HTTP app: the response of the route for the request's path, or a failure when no route matches.
 *
 * @since 1.0.0
 */
export type App<E, R> = Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  E | HttpServerError.HttpServerError,
  R | HttpServerRequest.HttpServerRequest | Scope.Scope
>

/**
 * Handlers by path.
 *
 * @since 1.0.0
 */
export type Routes = Readonly<Record<`/${string}`, Effect.Effect<HttpServerResponse.HttpServerResponse, any, any>>>

type ErrorOf<T extends Routes> = T[keyof T] extends Effect.Effect<any, infer E, any> ? E : never
type ServicesOf<T extends Routes> = T[keyof T] extends Effect.Effect<any, any, infer R> ? R : never

/** The app answering `method path` with `routes[path]` (built in the scope). */
const routed = (method: "GET" | "POST") =>
<const T extends Routes>(
  routes: T
): Effect.Effect<
  App<ErrorOf<T>, Exclude<ServicesOf<T>, HttpRouter.Provided>>,
  never,
  Scope.Scope
> =>
  HttpRouter.toHttpEffect(
    Layer.mergeAll(
      Layer.empty,
      ...Object.entries(routes).map(([path, handler]) =>
        HttpRouter.add(method, path as `/${string}`, handler as Effect.Effect<HttpServerResponse.HttpServerResponse>)
      )
    )
  ) as Effect.Effect<App<never, never>, never, Scope.Scope>

/**
 * The app answering `GET path` with `routes[path]`.
 *
 * @since 1.0.0
 */
export const get = routed("GET")

/**
 * The app answering `POST path` with `routes[path]`.
 *
 * @since 1.0.0
 */
export const post = routed("POST")
