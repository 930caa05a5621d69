/**
 * The generator's pure part, one module per step: references ({@link parseReference}), the model
 * ({@link modelOf}), rendering ({@link render}), reading a module back ({@link parse}), drift ({@link diff}) and
 * introspection ({@link table}). This module gathers them under one name.
 *
 * @since 0.1.0
 */

/** Data source references in command arguments. @since 0.1.0 */
export * from "./Reference.js"

/** A data source's properties as typed fields. @since 0.1.0 */
export * from "./Model.js"

/** A model as TypeScript module text. @since 0.1.0 */
export * from "./Render.js"

/** The definitions a module holds, read back as data. @since 0.1.0 */
export * from "./ModuleReader.js"

/** A definition against the live data source. @since 0.1.0 */
export * from "./Drift.js"

/** A data source's properties as a text table. @since 0.1.0 */
export * from "./Introspect.js"
