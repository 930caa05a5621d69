// The PostgreSQL store on the machine's server (`NOTION_EFFECT_PG_URL`, default
// postgres://postgres@127.0.0.1:5432/test), each test in a schema of its own, dropped afterwards: the SQL suite (the
// conformance suite runs it in Conformance.test.ts). Without a server the suite is skipped with one line, unless
// NOTION_EFFECT_REQUIRE_SERVICES=1 (CI), which makes it fail.
import { describe } from "@effect/vitest"
import { available, postgres } from "./pg.js"
import { sqlSuite } from "./sqlSuite.js"

describe.skipIf(!available)("PostgreSQL", () => {
  sqlSuite(postgres)
})
