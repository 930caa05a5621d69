// Building on first use, so importing the SDK builds no schema it does not use: `lazy` memoises a thunk, and
// `endpoint` declares an endpoint (as `Endpoint.make` does) whose params and success schemas are built the first
// time they are read (when the client compiles the endpoint, on its first call), and which carries its Notion
// version rule (`internal/versions.ts`), if it has one.
import type * as Schema from "effect/Schema"
import { type Endpoint, make, type Options, type Security } from "../Endpoint.js"
import { type Rule, RuleKey } from "./versions.js"

/** `f`'s value, computed on the first call and kept. */
export const lazy = <A>(f: () => A): () => A => {
  let state: { readonly value: A } | undefined
  return () => (state ??= { value: f() }).value
}

/** `Endpoint.make` with the two schemas given as functions, each called once, when first read, and a version rule. */
export const endpoint = <
  const Name extends string,
  P,
  PI,
  A,
  I,
  const S extends Security = "bearer"
>(
  options: Omit<Options<Name, P, PI, A, I, S>, "params" | "success"> & {
    readonly params: () => Schema.Schema<P, PI>
    readonly success: () => Schema.Schema<A, I>
    readonly rule?: Rule
  }
): Endpoint<Name, P, PI, A, I, S> => {
  const params = lazy(options.params)
  const success = lazy(options.success)
  const { rule, ...declaration } = options
  // the declaration with its defaults, its two schemas read through getters
  return Object.defineProperties(make<Name, P, PI, A, I, S>(declaration as unknown as Options<Name, P, PI, A, I, S>), {
    params: { get: params, enumerable: true },
    success: { get: success, enumerable: true },
    [RuleKey]: { value: rule }
  })
}
