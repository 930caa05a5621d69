// Property checks over values generated from a schema. Effect 3 generates with fast-check (`Arbitrary.make`);
// Effect 4 has its own generators: effect4/adapters/core/test/utils/property.ts is the Effect 4 form of this module.
import * as Arbitrary from "effect/Arbitrary"
import * as FastCheck from "effect/FastCheck"
import type * as Schema from "effect/Schema"

/** Checks `property` on `runs` values generated from `schema`, each with a seed; fails on the first counterexample. */
export const forAll = <A, I>(
  schema: Schema.Schema<A, I>,
  runs: number,
  property: (value: A, seed: number) => boolean
): void =>
  FastCheck.assert(FastCheck.property(Arbitrary.make(schema), FastCheck.integer(), property), { numRuns: runs })
