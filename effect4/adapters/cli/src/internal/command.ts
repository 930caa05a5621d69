/**
 * Effect 4's form of `packages/cli/src/internal/command.ts`: the command-line library as `Cli` uses it, over
 * `effect/cli` (`Flag` and `Argument` for `@effect/cli`'s `Options` and `Args`, `Command.runWith` for `Command.run`).
 * The runner behaves as the Effect 3 one: `--help` and a group without a subcommand print the help and succeed,
 * `--version` prints the version alone, a usage error prints its message (and no help) on standard error and fails
 * with an error {@link isUsageError} recognises.
 *
 * @since 1.0.0
 */
import * as Argument from "effect/cli/Argument"
import * as CliError from "effect/cli/CliError"
import * as CliOutput from "effect/cli/CliOutput"
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/** A flag taking a text value, optional (`--name value`). */
export const optionalText = (name: string, description: string) =>
  Flag.String(name).pipe(Flag.withDescription(description), Flag.optional)

/** A flag taking a file path, optional, with a one-letter alias (`--out file`, `-o file`). */
export const optionalFile = (name: string, alias: string, description: string) =>
  Flag.File(name).pipe(Flag.withAlias(alias), Flag.withDescription(description), Flag.optional)

/** A flag without a value (`--name`: true; absent: false: Effect 4's boolean flags are required otherwise). */
export const boolean = (name: string, description: string) =>
  Flag.Boolean(name).pipe(Flag.withDescription(description), Flag.withDefault(false))

/** A positional text argument. */
export const text = (name: string, description: string) =>
  Argument.String(name).pipe(Argument.withDescription(description))

/** A positional text argument given once or more. */
export const atLeastOne = (name: string, description: string) => text(name, description).pipe(Argument.atLeast(1))

/** A positional argument naming a file that must exist. */
export const existingFile = (name: string, description: string) =>
  Argument.File(name, { mustExist: true }).pipe(Argument.withDescription(description))

/** A command: its name, its flags and arguments, and its handler. */
export const make = Command.make

/** A command's description (shown in its help). */
export const withDescription = Command.withDescription

/** A command grouping subcommands. */
export const group = <const Name extends string, const Subcommands extends ReadonlyArray<Command.Command.Any>>(
  name: Name,
  subcommands: Subcommands
) => Command.make(name).pipe(Command.withSubcommands(subcommands))

/** Help on standard output; a usage error's messages alone on standard error (as `@effect/cli` does); the version. */
const presenter: CliOutput.Presenter = {
  present: (event) => {
    switch (event._tag) {
      case "Help":
        return CliOutput.defaultPresenter.present(event)
      case "InvalidInvocation":
        return Console.error(event.errors.map((error) => error.message).join("\n"))
      case "Version":
        return Console.log(event.version)
    }
  }
}

const isShowHelp = (error: unknown): error is CliError.ShowHelp =>
  CliError.isCliError(error) && error._tag === "ShowHelp"

/**
 * Runs `command` on `argv` (`process.argv`: node, script, arguments). Help (`--help`, or a group without a
 * subcommand) and `--version` are printed and succeed; a usage error (a missing argument, an unknown flag…) is
 * printed and fails with an error {@link isUsageError} recognises; the handler's failures are not printed.
 */
export const run = <Name extends string, Input, E, R, ContextInput>(
  command: Command.Command<Name, Input, ContextInput, E, R>,
  config: { readonly name: string; readonly version: string }
) =>
(argv: ReadonlyArray<string>): Effect.Effect<void, E | CliError.CliError, R | Environment> =>
  Command.runWith(command, { version: config.version })(argv.slice(2)).pipe(
    // help without an error (asked for, or a group run alone) is not a failure
    Effect.catchIf(
      (error): error is CliError.ShowHelp => isShowHelp(error) && error.errors.length === 0,
      () => Effect.void
    ),
    Effect.provideService(CliOutput.Presenter, presenter)
  ) as Effect.Effect<void, E | CliError.CliError, R | Environment>

/** What {@link run} needs: the file system, paths, the terminal, standard I/O, child processes. */
export type Environment = Command.Environment

/** Whether a failure of {@link run} is a usage error (already printed). */
export const isUsageError = (error: unknown): error is CliError.CliError => CliError.isCliError(error)
