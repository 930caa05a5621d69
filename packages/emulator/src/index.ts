/**
 * @notion-effect/emulator: a local Notion API for tests and demos.
 *
 * @since 0.1.0
 */

/** The emulator service, its layer and options. @since 0.1.0 */
export * as NotionEmulator from "./NotionEmulator.js"

/** The data the emulator serves, and the default fixture. @since 0.1.0 */
export * as Fixture from "./Fixture.js"

/** Fault injection rules. @since 0.1.0 */
export * as Fault from "./Fault.js"

/** The emulator with a promise API, for programs that do not run Effect 3 (Effect 4 tests, scripts). @since 0.1.0 */
export * as Standalone from "./Standalone.js"
