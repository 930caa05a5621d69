/**
 * Any JSON object, in a module of its own so that a list (every paginated endpoint) does not load `Common`'s
 * object model. Public as `Common.JsonObject`.
 */
import * as Schema from "effect/Schema"

/** Any JSON object (not `Schema.Struct({})`, which also accepts strings and numbers). */
export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "JsonObject"
})

/** Any JSON object. */
export type JsonObject = typeof JsonObject.Type
