// Effect 4's form of packages/core/test/utils/property.ts: values come from Effect 4's own generators
// (`Arbitrary.schema`, sampled with a fixed seed), each checked with a seed of its own.
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"

/** Checks `property` on `runs` values generated from `schema`, each with a seed; fails on the first counterexample. */
export const forAll = <A, I>(
  schema: Schema.Codec<A, I>,
  runs: number,
  property: (value: A, seed: number) => boolean
): void => {
  const values = Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(schema), { count: runs, seed: 20261203 }))
  values.forEach((value, i) => {
    if (!property(value, (i * 2654435761) % 2147483647)) {
      throw new Error(`counterexample (${i}): ${JSON.stringify(value).slice(0, 500)}`)
    }
  })
}
