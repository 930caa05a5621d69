#!/usr/bin/env node
/**
 * The `notion-effect` executable: `notion-effect schema generate|diff|introspect …` (see `Cli`).
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Access from "./Access.js"
import * as Cli from "./Cli.js"

NodeRuntime.runMain(
  Cli.main(process.argv).pipe(Effect.provide([NodeContext.layer, Access.layerNode])),
  {
    disableErrorReporting: true,
    teardown: (exit, onExit) => onExit(Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 2)
  }
)
