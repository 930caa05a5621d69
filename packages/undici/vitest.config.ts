import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "undici", include: ["test/**/*.test.ts"], testTimeout: 30_000 }
})
