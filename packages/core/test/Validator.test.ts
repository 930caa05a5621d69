import { assert, describe, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import * as Search from "../src/api/search.js"
import { AsyncTask, Block, DataSource, List, OpenUnion, Page, User } from "../src/index.js"
import { compile } from "../src/internal/validator.js"
import { mutate } from "./utils/mutate.js"
import { forAll } from "./utils/property.js"

const schemas = {
  User: User.User,
  Page: Page.Page,
  Block: Block.Block,
  DataSource: DataSource.DataSource,
  "List(User)": List.List(User.User, "user"),
  "search (results open on object)": Search.search.success,
  AsyncTask: AsyncTask.AsyncTask
} as const

describe("the compiled validator agrees with effect/Schema", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: same verdict on generated and mutated values`, () => {
      const validate = compile(schema.ast)
      assert.isDefined(validate, `${name} must compile (no transformations in response schemas)`)
      const is = Schema.is(schema as Schema.Schema<unknown>)
      forAll(schema as Schema.Schema<unknown>, 300, (value, seed) => {
        let state = seed
        const rng = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
        const json = JSON.parse(JSON.stringify(value))
        const mutated = mutate(json, rng)
        return validate!(json) === is(json) && validate!(mutated) === is(mutated)
      })
    })
  }

  it("unions dispatch on their tag, and a schema with a transformation does not compile", () => {
    const Shape = Schema.Union(
      Schema.Struct({ type: Schema.Literal("a"), a: Schema.Number }),
      Schema.Struct({ type: Schema.Literal("b"), b: Schema.String })
    )
    const validate = compile(Shape.ast)!
    assert.isTrue(validate({ type: "a", a: 1, extra: true }))
    assert.isFalse(validate({ type: "a", b: "x" }))
    assert.isFalse(validate({ type: "c" }))
    assert.isUndefined(compile(Schema.Struct({ at: Schema.Date }).ast))
    assert.isUndefined(compile(Schema.Redacted(Schema.String).ast))
  })

  it("recursive schemas compile through suspend", () => {
    interface Tree {
      readonly value: number
      readonly children: ReadonlyArray<Tree>
    }
    const Tree: Schema.Schema<Tree> = Schema.Struct({
      value: Schema.Number,
      children: Schema.Array(Schema.suspend(() => Tree))
    })
    const validate = compile(Tree.ast)!
    assert.isTrue(validate({ value: 1, children: [{ value: 2, children: [] }] }))
    assert.isFalse(validate({ value: 1, children: [{ value: "2", children: [] }] }))
  })

  it("an open union decodes other tags to its unknown member, never a known tag with a bad payload", () => {
    const Shape = OpenUnion.make({
      tag: "type",
      identifier: "Shape",
      fields: { id: Schema.String },
      members: [
        Schema.Struct({ id: Schema.String, type: Schema.Literal("a"), a: Schema.Number }),
        Schema.Struct({ id: Schema.String, type: Schema.Literal("b"), b: Schema.String })
      ]
    })
    const validate = compile(Shape.schema.ast)!
    const is = Schema.is(Shape.schema)
    const cases: ReadonlyArray<[unknown, boolean]> = [
      [{ id: "1", type: "a", a: 1 }, true],
      [{ id: "1", type: "a", a: "no" }, false],
      [{ id: "1", type: "zeta", zeta: { anything: true } }, true],
      [{ type: "zeta" }, false],
      [{ id: "1" }, false]
    ]
    for (const [value, expected] of cases) {
      assert.strictEqual(validate(value), expected, JSON.stringify(value))
      assert.strictEqual(is(value), expected, JSON.stringify(value))
    }
    const value = Schema.decodeUnknownSync(Shape.schema)({ id: "1", type: "zeta", zeta: 1 })
    assert.isFalse(OpenUnion.isKnown(Shape, value))
    const known = Schema.decodeUnknownSync(Shape.schema)({ id: "1", type: "b", b: "x" })
    if (!OpenUnion.isKnown(Shape, known)) return assert.fail("b is known")
    assert.strictEqual(known.type === "b" ? known.b : known.a, "x")
  })
})
