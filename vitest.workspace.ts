// The single list of test projects. The root vitest.config.ts feeds it to `test.projects`
// (vitest 3.2 deprecates workspace files that it loads by itself).
export default [
  "packages/*/vitest.config.ts",
  "examples/vitest.config.ts",
  "reliability/vitest.config.ts",
  "bench/vitest.config.ts",
  "runtimes/vitest.config.ts"
]
