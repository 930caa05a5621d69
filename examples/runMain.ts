/**
 * Runs an example's program when its file is executed directly (`tsx examples/x.ts`), not when a test
 * imports it.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import type * as Effect from "effect/Effect"
import { pathToFileURL } from "node:url"

/**
 * Runs `program` with `NodeRuntime.runMain` if `moduleUrl` is the entry point of this process.
 *
 * @since 0.1.0
 */
export const runMainIfEntry = (moduleUrl: string, program: Effect.Effect<unknown, unknown>): void => {
  const entry = process.argv[1]
  if (entry !== undefined && pathToFileURL(entry).href === moduleUrl) NodeRuntime.runMain(program)
}
