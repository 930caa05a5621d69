/**
 * GET (or POST) routes as one HTTP app, for the examples' servers. Effect 4's routers are layers of routes, Effect 3's are
 * values: `effect4/adapters/examples/routes.ts` is this module's Effect 4 form (the same app through Effect 4's
 * `HttpRouter`).
 *
 * @since 0.1.0
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

/**
 * An HTTP app: the response of the route for the request's path, or a failure when no route matches.
 *
 * @since 0.1.0
 */
export type App<E, R> = Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  E | HttpServerError.RouteNotFound,
  R | HttpServerRequest.HttpServerRequest
>

/**
 * Handlers by path.
 *
 * @since 0.1.0
 */
export type Routes = Readonly<Record<`/${string}`, Effect.Effect<HttpServerResponse.HttpServerResponse, any, any>>>

type ErrorOf<T extends Routes> = T[keyof T] extends Effect.Effect<any, infer E, any> ? E : never
type ServicesOf<T extends Routes> = T[keyof T] extends Effect.Effect<any, any, infer R> ? R : never

/** The app answering `method path` with `routes[path]` (built in the scope: Effect 4 builds its router there). */
const routed = (method: "GET" | "POST") =>
<const T extends Routes>(
  routes: T
): Effect.Effect<
  App<ErrorOf<T>, Exclude<ServicesOf<T>, HttpServerRequest.HttpServerRequest>>,
  never,
  Scope.Scope
> =>
  Effect.succeed(
    Object.entries(routes).reduce(
      (router, [path, handler]) => HttpRouter.route(method)(path as `/${string}`, handler)(router),
      HttpRouter.empty as HttpRouter.HttpRouter<unknown, unknown>
    ) as App<never, never>
  )

/**
 * The app answering `GET path` with `routes[path]`.
 *
 * @since 0.1.0
 */
export const get = routed("GET")

/**
 * The app answering `POST path` with `routes[path]`.
 *
 * @since 0.1.0
 */
export const post = routed("POST")
