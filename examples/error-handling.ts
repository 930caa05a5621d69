/**
 * The authentication guide's "Error Handling": each code of its table caught by tag, with a clear message for the
 * user. The official SDK's `switch (error.code)` becomes `Effect.catchTags`, checked by the compiler.
 *
 *   NOTION_TOKEN=secret_… NOTION_PAGE_ID=… tsx examples/error-handling.ts
 *
 * @since 0.1.0
 */
import { NotionAuth, NotionClient, NotionConfig, NotionError } from "@notion-effect/core"
import { UndiciHttpClient } from "@notion-effect/undici"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { runMainIfEntry } from "./runMain.js"

/**
 * What the user is told for each failure.
 *
 * @since 0.1.0
 */
export type Outcome =
  | { readonly _tag: "Ok"; readonly title: string }
  | { readonly _tag: "Failed"; readonly reason: string }

/**
 * Retrieves a page and turns every failure into a message: the guide's table by tag, the rest by union.
 *
 * @since 0.1.0
 */
export const retrievePage = (pageId: string): Effect.Effect<Outcome, never, NotionClient.NotionClient> =>
  Effect.gen(function*() {
    const notion = yield* NotionClient.NotionClient
    const page = yield* notion.pages.retrieve({ page_id: pageId })
    return { _tag: "Ok", title: page.id } as const
  }).pipe(
    Effect.catchTags({
      Unauthorized: () =>
        Effect.succeed({ _tag: "Failed", reason: "Invalid or missing authentication token" } as const),
      RestrictedResource: () =>
        Effect.succeed({ _tag: "Failed", reason: "Integration doesn't have access to this resource" } as const),
      RateLimited: (e) =>
        Effect.succeed(
          {
            _tag: "Failed",
            reason: `Too many requests; retry after ${
              Option.match(e.retryAfter, { onNone: () => "a back-off", onSome: Duration.format })
            }`
          } as const
        ),
      InvalidRequest: (e) => Effect.succeed({ _tag: "Failed", reason: `Malformed request: ${e.message}` } as const)
    }),
    Effect.catchAll((error) =>
      Effect.succeed(
        {
          _tag: "Failed",
          reason: NotionError.isApiError(error) ? `API error: ${error.message}` : `Unexpected error: ${error.message}`
        } as const
      )
    )
  )

/**
 * Tries a page that is shared and then one that is not, and a bad token.
 *
 * @since 0.1.0
 */
export const program = Effect.gen(function*() {
  const pageId = yield* Config.string("NOTION_PAGE_ID")
  const outcomes = [
    yield* retrievePage(pageId),
    yield* retrievePage("00000000-0000-4000-8000-000000000000"),
    yield* retrievePage(pageId).pipe(NotionAuth.withToken(Redacted.make("secret_deliberately_invalid")))
  ]
  for (const outcome of outcomes) {
    yield* Console.log(outcome._tag === "Ok" ? `ok: ${outcome.title}` : `failed: ${outcome.reason}`)
  }
  return outcomes
})

/**
 * The client with its token and settings from the environment.
 *
 * @since 0.1.0
 */
export const MainLayer = NotionClient.layer.pipe(
  Layer.provide([NotionAuth.layerConfig(), NotionConfig.layerConfig(), UndiciHttpClient.layer])
)

runMainIfEntry(import.meta.url, Effect.provide(program, MainLayer))
