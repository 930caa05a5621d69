import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as NotionAuth from "../src/NotionAuth.js"
import * as NotionConfig from "../src/NotionConfig.js"

const env = (vars: Record<string, string>) => ConfigProvider.fromMap(new Map(Object.entries(vars)))

describe("NotionAuth", () => {
  it.effect("precedence: the call's auth, then withToken's (inside it only), then the layer's", () =>
    Effect.gen(function*() {
      const [layer, scoped, call] = ["layer", "scoped", "call"].map((t) => Redacted.make(t))
      const service = yield* Effect.provide(NotionAuth.NotionAuth, NotionAuth.layer(layer!))
      const token = (resolved: NotionAuth.Resolved) => Option.map(resolved.token, Redacted.value)
      const fromLayer = yield* NotionAuth.resolve(service, undefined)
      assert.deepStrictEqual([token(fromLayer), fromLayer.fromSource], [Option.some("layer"), true])
      const fromScope = yield* NotionAuth.withToken(NotionAuth.resolve(service, undefined), scoped!)
      assert.deepStrictEqual([token(fromScope), fromScope.fromSource], [Option.some("scoped"), false])
      const fromCall = yield* NotionAuth.withToken(NotionAuth.resolve(service, call), scoped!)
      assert.deepStrictEqual(token(fromCall), Option.some("call"))
      assert.deepStrictEqual(token(yield* NotionAuth.resolve(service, undefined)), Option.some("layer"))
      const none = yield* Effect.provide(NotionAuth.NotionAuth, NotionAuth.none)
      assert.isTrue(Option.isNone((yield* NotionAuth.resolve(none, undefined)).token))
    }))

  it.effect("an empty token fails with InvalidToken before anything is sent", () =>
    Effect.gen(function*() {
      const service = yield* Effect.provide(NotionAuth.NotionAuth, NotionAuth.none)
      const error = yield* Effect.flip(NotionAuth.resolve(service, Redacted.make("")))
      assert.strictEqual(error._tag, "InvalidToken")
    }))

  it.effect("layerConfig reads NOTION_TOKEN; a missing one is a ConfigError naming it", () =>
    Effect.gen(function*() {
      const service = yield* Effect.provide(NotionAuth.NotionAuth, NotionAuth.layerConfig()).pipe(
        Effect.withConfigProvider(env({ NOTION_TOKEN: "secret_from_env" }))
      )
      assert.deepStrictEqual(Option.map(service.fixed!, Redacted.value), Option.some("secret_from_env"))
      const error = yield* Effect.flip(
        Effect.provide(NotionAuth.NotionAuth, NotionAuth.layerConfig()).pipe(Effect.withConfigProvider(env({})))
      )
      assert.include(String(error), "NOTION_TOKEN")
    }))
})

describe("NotionConfig", () => {
  it.effect("defaults when not provided; layer and layerConfig override them", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* NotionConfig.NotionConfig, NotionConfig.defaults)
      const given = yield* Effect.provide(NotionConfig.NotionConfig, NotionConfig.layer({ timeout: "5 seconds" }))
      assert.strictEqual(Duration.toMillis(given.timeout), 5000)
      const read = yield* Effect.provide(NotionConfig.NotionConfig, NotionConfig.layerConfig({ userAgent: "ua" })).pipe(
        Effect.withConfigProvider(env({ NOTION_BASE_URL: "http://localhost:1/", NOTION_TIMEOUT: "30 seconds" }))
      )
      assert.deepStrictEqual(
        [read.baseUrl, Duration.toMillis(read.timeout), read.userAgent, read.notionVersion],
        ["http://localhost:1", 30000, "ua", NotionConfig.defaults.notionVersion]
      )
    }))
})
