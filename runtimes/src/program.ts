/**
 * One program, written once, that every runtime test runs (Node, Bun, Deno, Cloudflare's workerd): against a
 * Notion API (the emulator) it retrieves a page, lists every user through the pagination helpers, catches a typed
 * error by its tag, checks a webhook signature and round-trips an OAuth state — the last two on Web Crypto.
 *
 * It needs only an `HttpClient`: each runtime's entry provides the layer that runtime should use.
 *
 * @since 0.1.0
 */
import type { HttpClient } from "@effect/platform/HttpClient"
import { NotionAuth, NotionClient, NotionConfig, Page, PropertyValue, Webhook } from "@notion-effect/core"
import { OAuthState } from "@notion-effect/oauth"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

/**
 * What the program is given: where the API is, the integration token, and the secrets and signed body for the
 * Web Crypto checks. Plain strings, so that every runtime can pass them (environment, bindings, arguments).
 *
 * @since 0.1.0
 */
export interface Input {
  readonly baseUrl: string
  readonly token: string
  /** a page shared with the integration */
  readonly pageId: string
  /** a page that is not shared with it */
  readonly hiddenPageId: string
  /** users per page of the paginated list */
  readonly pageSize: number
  readonly webhookToken: string
  readonly webhookBody: string
  /** `X-Notion-Signature` for `webhookBody`, computed elsewhere */
  readonly webhookSignature: string
  readonly stateKey: string
}

/**
 * The names under which the entries read {@link Input} (environment variables, worker bindings).
 *
 * @since 0.1.0
 */
export const inputNames = {
  baseUrl: "NOTION_BASE_URL",
  token: "NOTION_TOKEN",
  pageId: "RUNTIME_PAGE_ID",
  hiddenPageId: "RUNTIME_HIDDEN_PAGE_ID",
  pageSize: "RUNTIME_PAGE_SIZE",
  webhookToken: "RUNTIME_WEBHOOK_TOKEN",
  webhookBody: "RUNTIME_WEBHOOK_BODY",
  webhookSignature: "RUNTIME_WEBHOOK_SIGNATURE",
  stateKey: "RUNTIME_STATE_KEY"
} as const satisfies Record<keyof Input, string>

/**
 * Reads {@link Input} through a lookup by name (`process.env`, `Deno.env.get`, a worker's `env`).
 *
 * @since 0.1.0
 */
export const readInput = (lookup: (name: string) => string | undefined): Input => {
  const read = (key: keyof Input) => {
    const value = lookup(inputNames[key])
    if (value === undefined) throw new Error(`${inputNames[key]} is not set`)
    return value
  }
  return {
    baseUrl: read("baseUrl"),
    token: read("token"),
    pageId: read("pageId"),
    hiddenPageId: read("hiddenPageId"),
    pageSize: Number(read("pageSize")),
    webhookToken: read("webhookToken"),
    webhookBody: read("webhookBody"),
    webhookSignature: read("webhookSignature"),
    stateKey: read("stateKey")
  }
}

/**
 * What the program found, as JSON.
 *
 * @since 0.1.0
 */
export interface Summary {
  /** `node 20.19.0`, `bun 1.4.5`, `deno 2.9.6` or `workerd` */
  readonly runtime: string
  readonly retrieve: { readonly id: string; readonly title: string }
  readonly list: { readonly userIds: ReadonlyArray<string> }
  readonly typedError: { readonly tag: string; readonly status: number; readonly code: string }
  readonly webhook: {
    /** the given signature of the given body verified */
    readonly verified: boolean
    /** the reason the same signature failed for a changed body */
    readonly tampered: string
    /** the signature this runtime computes for the body */
    readonly signature: string
  }
  readonly oauthState: {
    /** a state signed here, bound to `nonce` */
    readonly state: string
    readonly nonce: string
    /** its single-use id, once verified here */
    readonly verifiedId: string
    /** the tags of the failures for another browser's nonce and for a changed state */
    readonly otherBrowser: string
    readonly forged: string
  }
}

/**
 * The runtime this code runs on, by its own globals.
 *
 * @since 0.1.0
 */
export const runtimeName = (): string => {
  const g = globalThis as {
    readonly Bun?: { readonly version: string }
    readonly Deno?: { readonly version: { readonly deno: string } }
    readonly navigator?: { readonly userAgent?: string }
    readonly process?: { readonly versions?: { readonly node?: string } }
  }
  if (g.Bun !== undefined) return `bun ${g.Bun.version}`
  if (g.Deno !== undefined) return `deno ${g.Deno.version.deno}`
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd"
  return `node ${g.process?.versions?.node ?? "?"}`
}

/**
 * The five checks, in order. Anything unexpected fails the program.
 *
 * @since 0.1.0
 */
export const program = (input: Input) =>
  Effect.gen(function*() {
    const notion = yield* NotionClient.NotionClient

    const page = yield* notion.pages.retrieve({ page_id: input.pageId })
    const retrieve = { id: page.id, title: Page.isFullPage(page) ? PropertyValue.title(page) : "" }

    const users = yield* NotionClient.collect(notion.users.list, { page_size: input.pageSize })
    const list = { userIds: users.map((user) => user.id) }

    const typedError = yield* notion.pages.retrieve({ page_id: input.hiddenPageId }).pipe(
      Effect.flatMap(() => Effect.dieMessage("a page that is not shared was retrieved")),
      Effect.catchTag("ObjectNotFound", (e) => Effect.succeed({ tag: e._tag, status: e.status, code: e.code }))
    )

    const verificationToken = Redacted.make(input.webhookToken)
    yield* Webhook.verifySignature({
      body: input.webhookBody,
      signature: input.webhookSignature,
      verificationToken
    })
    const tampered = yield* Webhook.verifySignature({
      body: `${input.webhookBody} `,
      signature: input.webhookSignature,
      verificationToken
    }).pipe(Effect.flip)
    const signature = yield* Webhook.sign({ body: input.webhookBody, verificationToken })
    const webhook = { verified: true, tampered: tampered.reason, signature }

    const stateKey = Redacted.make(input.stateKey)
    const nonce = yield* OAuthState.nonce
    const state = yield* OAuthState.signBound(stateKey, nonce, "10 minutes")
    const verified = yield* OAuthState.verifyBound(stateKey, state, nonce)
    const otherBrowser = yield* OAuthState.verifyBound(stateKey, state, yield* OAuthState.nonce).pipe(Effect.flip)
    const changed = `${state.startsWith("M") ? "N" : "M"}${state.slice(1)}`
    const forged = yield* OAuthState.verifyBound(stateKey, changed, nonce).pipe(Effect.flip)
    const oauthState = {
      state,
      nonce: Redacted.value(nonce),
      verifiedId: verified.id,
      otherBrowser: otherBrowser._tag,
      forged: forged._tag
    }

    return { runtime: runtimeName(), retrieve, list, typedError, webhook, oauthState } satisfies Summary
  })

/**
 * Runs {@link program} over an `HttpClient` layer, as a promise of its summary.
 *
 * @since 0.1.0
 */
export const run = (input: Input, http: Layer.Layer<HttpClient>): Promise<Summary> =>
  program(input).pipe(
    Effect.provide(
      NotionClient.layer.pipe(
        Layer.provide([NotionAuth.layer(Redacted.make(input.token)), NotionConfig.layer({ baseUrl: input.baseUrl })]),
        Layer.provideMerge(http)
      )
    ),
    Effect.runPromise
  )
