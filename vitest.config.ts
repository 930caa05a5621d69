import { defineConfig } from "vitest/config"
import projects from "./vitest.workspace.js"

export default defineConfig({
  test: {
    projects,
    // the JSON report lets .ci/run print a plain "N passed, N failed" line
    reporters: ["default", "json"],
    outputFile: { json: "artifacts/vitest.json" }
  }
})
