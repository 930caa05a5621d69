/**
 * @notion-effect/undici: a lean `HttpClient` over undici's connection pools.
 *
 * @since 0.1.0
 */

/** The `HttpClient` over an undici dispatcher, and layers with an `Agent` of their own. @since 0.1.0 */
export * as UndiciHttpClient from "./UndiciHttpClient.js"
