// Building on first use, so importing the SDK builds no schema it does not use: `lazy` memoises a thunk, and
// `endpoint` declares an endpoint (as `Endpoint.make` does) whose params and success schemas are built the first
// time they are read (when the client compiles the endpoint, on its first call).
import type * as Schema from "effect/Schema"
import type { Encoding, Endpoint, Method, Security } from "../Endpoint.js"

/** `f`'s value, computed on the first call and kept. */
export const lazy = <A>(f: () => A): () => A => {
  let state: { readonly value: A } | undefined
  return () => (state ??= { value: f() }).value
}

/** `Endpoint.make` with the two schemas given as functions, each called once, when first read. */
export const endpoint = <
  const Name extends string,
  P,
  PI,
  A,
  I,
  const S extends Security = "bearer"
>(options: {
  readonly name: Name
  readonly method: Method
  readonly path: string
  readonly query?: ReadonlyArray<string>
  readonly body?: ReadonlyArray<string> | "rest"
  readonly params: () => Schema.Schema<P, PI>
  readonly success: () => Schema.Schema<A, I>
  readonly security?: S
  readonly sensitive?: boolean
  readonly encoding?: Encoding
}): Endpoint<Name, P, PI, A, I, S> => {
  const params = lazy(options.params)
  const success = lazy(options.success)
  return {
    name: options.name,
    method: options.method,
    path: options.path,
    query: options.query ?? [],
    body: options.body ?? [],
    get params() {
      return params()
    },
    get success() {
      return success()
    },
    security: options.security ?? "bearer" as S,
    sensitive: options.sensitive ?? false,
    encoding: options.encoding ?? "json"
  }
}
