/** How calls ended in a chaos run: successes, typed `NotionError`s, and anything else (defects, untyped failures). */
import { NotionError } from "@notion-effect/core"
import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"

/** Counts of call outcomes, and the tags seen. */
export interface Tally {
  ok: number
  typed: number
  untyped: number
  tags: Array<string>
}

/** An empty tally. */
export const tally = (): Tally => ({ ok: 0, typed: 0, untyped: 0, tags: [] })

/** Counts one call's exit. */
export const count = (into: Tally, exit: Exit.Exit<unknown, unknown>): void => {
  const tag = (name: string) => void (into.tags.includes(name) || into.tags.push(name))
  if (Exit.isSuccess(exit)) return void into.ok++
  const error = Cause.failureOption(exit.cause)
  if (Option.isSome(error) && NotionError.isNotionClientError(error.value) && !Cause.isDie(exit.cause)) {
    into.typed++
    tag((error.value as { readonly _tag: string })._tag)
  } else {
    into.untyped++
    tag(`untyped: ${Cause.pretty(exit.cause).split("\n")[0]}`)
  }
}

/** Adds `from` into `into`. */
export const merge = (into: Tally, from: Tally): void => {
  into.ok += from.ok
  into.typed += from.typed
  into.untyped += from.untyped
  for (const name of from.tags) if (!into.tags.includes(name)) into.tags.push(name)
}
