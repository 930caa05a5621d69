/**
 * What the `notion-effect` commands fail with: each a tagged error whose `message` is what the command prints.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * An argument that is neither a data source id nor a Notion URL holding one.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidReference extends Schema.TaggedError<InvalidReference>()("InvalidReference", {
  input: Schema.String,
  message: Schema.String
}) {}

/**
 * No data source (nor database) with that id is shared with the integration.
 *
 * @since 0.1.0
 * @category errors
 */
export class DataSourceNotFound extends Schema.TaggedError<DataSourceNotFound>()("DataSourceNotFound", {
  id: Schema.String,
  message: Schema.String
}) {}

/**
 * The integration may not read the data source (Notion's `restricted_resource`, or only a partial object).
 *
 * @since 0.1.0
 * @category errors
 */
export class AccessDenied extends Schema.TaggedError<AccessDenied>()("AccessDenied", {
  id: Schema.String,
  message: Schema.String
}) {}

/**
 * A database holding several data sources was given: pick one of them.
 *
 * @since 0.1.0
 * @category errors
 */
export class AmbiguousDatabase extends Schema.TaggedError<AmbiguousDatabase>()("AmbiguousDatabase", {
  id: Schema.String,
  dataSources: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String })),
  message: Schema.String
}) {}

/**
 * No token, or Notion refused it.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthenticationFailed extends Schema.TaggedError<AuthenticationFailed>()("AuthenticationFailed", {
  message: Schema.String
}) {}

/**
 * A property type the generator cannot type (a `button`, `place`, … or a type Notion added later).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnsupportedPropertyType extends Schema.TaggedError<UnsupportedPropertyType>()(
  "UnsupportedPropertyType",
  {
    dataSourceId: Schema.String,
    properties: Schema.Array(Schema.Struct({ name: Schema.String, id: Schema.String, type: Schema.String })),
    message: Schema.String
  }
) {}

/**
 * A module `schema diff` cannot read definitions from.
 *
 * @since 0.1.0
 * @category errors
 */
export class ModuleParseError extends Schema.TaggedError<ModuleParseError>()("ModuleParseError", {
  path: Schema.String,
  message: Schema.String
}) {}

/**
 * The module and the live data source differ (`schema diff`'s exit code 1).
 *
 * @since 0.1.0
 * @category errors
 */
export class SchemaDrift extends Schema.TaggedError<SchemaDrift>()("SchemaDrift", {
  changes: Schema.Array(Schema.String),
  message: Schema.String
}) {}

/**
 * Any other failure of a Notion request or of the file system, with its reason.
 *
 * @since 0.1.0
 * @category errors
 */
export class CommandFailed extends Schema.TaggedError<CommandFailed>()("CommandFailed", {
  message: Schema.String
}) {}

/**
 * Every failure of a command.
 *
 * @since 0.1.0
 * @category models
 */
export type CliError =
  | InvalidReference
  | DataSourceNotFound
  | AccessDenied
  | AmbiguousDatabase
  | AuthenticationFailed
  | UnsupportedPropertyType
  | ModuleParseError
  | SchemaDrift
  | CommandFailed

/**
 * The process exit code for a failure: 1 for drift (so CI can tell drift from trouble), 2 for anything else.
 *
 * @since 0.1.0
 * @category utils
 */
export const exitCode = (error: CliError): number => error._tag === "SchemaDrift" ? 1 : 2
