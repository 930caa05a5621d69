// Every token store through the conformance suite: a new store is one line here.
import { describe } from "@effect/vitest"
import { conformance, memory } from "./conformance.js"
import { available, postgres } from "./pg.js"
import { sqlite } from "./sqlite.js"
import { asStore } from "./sqlSuite.js"

conformance(memory)
conformance(asStore(sqlite))
describe.skipIf(!available)("PostgreSQL", () => conformance(asStore(postgres)))
