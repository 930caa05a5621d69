/**
 * The command-line library as `Cli` uses it: flags, positional arguments, commands and the runner, over
 * `@effect/cli` (Effect 3). The Effect 4 edition has its own form of this module over `effect/cli` (its flags and
 * arguments have other names, and its runner presents help and usage errors itself): only this module differs.
 *
 * @since 0.1.0
 */
import * as Args from "@effect/cli/Args"
import type * as CliApp from "@effect/cli/CliApp"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import type * as Effect from "effect/Effect"

/** A flag taking a text value, optional (`--name value`). */
export const optionalText = (name: string, description: string) =>
  Options.text(name).pipe(Options.withDescription(description), Options.optional)

/** A flag taking a file path, optional, with a one-letter alias (`--out file`, `-o file`). */
export const optionalFile = (name: string, alias: string, description: string) =>
  Options.file(name).pipe(Options.withAlias(alias), Options.withDescription(description), Options.optional)

/** A flag without a value (`--name`: true; absent: false). */
export const boolean = (name: string, description: string) =>
  Options.boolean(name).pipe(Options.withDescription(description))

/** A positional text argument. */
export const text = (name: string, description: string) => Args.text({ name }).pipe(Args.withDescription(description))

/** A positional text argument given once or more. */
export const atLeastOne = (name: string, description: string) => text(name, description).pipe(Args.atLeast(1))

/** A positional argument naming a file that must exist. */
export const existingFile = (name: string, description: string) =>
  Args.file({ name, exists: "yes" }).pipe(Args.withDescription(description))

/** A command: its name, its flags and arguments, and its handler. */
export const make = Command.make

/** A command's description (shown in its help). */
export const withDescription = Command.withDescription

/** A command grouping subcommands. */
export const group = <
  const Name extends string,
  const Subcommands extends readonly [
    Command.Command<any, any, any, any>,
    ...Array<Command.Command<any, any, any, any>>
  ]
>(name: Name, subcommands: Subcommands) => Command.make(name).pipe(Command.withSubcommands(subcommands))

/**
 * Runs `command` on `argv` (`process.argv`: node, script, arguments). Help (`--help`, or a group without a
 * subcommand) and `--version` are printed and succeed; a usage error (a missing argument, an unknown flag…) is
 * printed and fails with an error {@link isUsageError} recognises; the handler's failures are not printed.
 */
export const run = <Name extends string, R, E, A>(
  command: Command.Command<Name, R, E, A>,
  config: { readonly name: string; readonly version: string }
): (argv: ReadonlyArray<string>) => Effect.Effect<void, E | ValidationError.ValidationError, R | Environment> =>
  Command.run(command, config)

/** What {@link run} needs: the file system, paths, the terminal. */
export type Environment = CliApp.CliApp.Environment

/** Whether a failure of {@link run} is a usage error (already printed). */
export const isUsageError = (error: unknown): error is ValidationError.ValidationError =>
  ValidationError.isValidationError(error)
