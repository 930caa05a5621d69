import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "oauth", include: ["test/**/*.test.ts"] }
})
