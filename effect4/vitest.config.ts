import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "examples/vitest.config.ts",
      "runtimes/vitest.config.ts",
      "reliability/vitest.config.ts",
      "bench/vitest.config.ts"
    ],
    // the JSON report lets .ci/run print a plain "N passed, N failed" line
    reporters: ["default", "json"],
    outputFile: { json: "artifacts/vitest.json" }
  }
})
