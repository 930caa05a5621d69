/**
 * @notion-effect/cli: the `notion-effect` command line, and the generator behind it.
 *
 * @since 0.1.0
 */

/** The commands and their runner. @since 0.1.0 */
export * as Cli from "./Cli.js"

/** How the commands reach Notion: `NOTION_TOKEN`, or an OAuth grant from the token store. @since 0.1.0 */
export * as Access from "./Access.js"

/** The generator's pure part: properties → module text, module text → definitions, drift. @since 0.1.0 */
export * as Codegen from "./Codegen.js"

/** The generator's Notion side: resolving ids and URLs, sampling formula results. @since 0.1.0 */
export * as Live from "./Live.js"

/** Identifiers from Notion names. @since 0.1.0 */
export * as Naming from "./Naming.js"

/** The commands' tagged errors and exit codes. @since 0.1.0 */
export * as CliError from "./CliError.js"
