import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { NotionAuth, NotionClient, NotionConfig, NotionRetry } from "@notion-effect/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as NotionEmulator from "../src/NotionEmulator.js"

/**
 * Our client of the emulator (the internal token, no retries, undici), built in the test's scope: its connections
 * stay open until the test ends.
 */
export const clientOf = (emulator: NotionEmulator.Service) =>
  Effect.map(
    Layer.build(NotionClient.layer.pipe(Layer.provide([
      NotionAuth.layer(emulator.internalToken),
      NotionConfig.layer({ baseUrl: emulator.url, retry: NotionRetry.disabled }),
      NodeHttpClient.layerUndici
    ]))),
    Context.get(NotionClient.NotionClient)
  )

/** A plain `fetch` against the emulator, answering status, headers and parsed JSON (or text). */
export const call = (
  emulator: NotionEmulator.Service,
  method: string,
  path: string,
  options: {
    readonly token?: string | null
    readonly version?: string | null
    readonly body?: unknown
    readonly rawBody?: string
    readonly basic?: readonly [string, string] | null
  } = {}
) =>
  Effect.promise(async () => {
    const headers: Record<string, string> = {}
    const token = options.token === undefined ? Redacted.value(emulator.internalToken) : options.token
    if (options.basic) headers.authorization = `Basic ${btoa(`${options.basic[0]}:${options.basic[1]}`)}`
    else if (token !== null) headers.authorization = `Bearer ${token}`
    if (options.version !== null) headers["notion-version"] = options.version ?? "2025-09-03"
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    if (body !== undefined) headers["content-type"] = "application/json"
    const response = await fetch(emulator.url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      redirect: "manual"
    })
    const text = await response.text()
    let json: any
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, json, text }
  })

/** Basic credentials of the emulator's OAuth client. */
export const basic = (emulator: NotionEmulator.Service) =>
  [emulator.oauthClient.clientId, Redacted.value(emulator.oauthClient.clientSecret)] as const

/** The authorize URL for the emulator's OAuth client. */
export const authorizeUrl = (emulator: NotionEmulator.Service, extra: Record<string, string> = {}) => {
  const url = new URL("/v1/oauth/authorize", emulator.url)
  url.searchParams.set("client_id", emulator.oauthClient.clientId)
  url.searchParams.set("response_type", "code")
  url.searchParams.set("owner", "user")
  url.searchParams.set("redirect_uri", emulator.oauthClient.redirectUri)
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v)
  return url.toString()
}

/** Consents (Allow) and exchanges the code: the token response. */
export const grant = (emulator: NotionEmulator.Service) =>
  Effect.gen(function*() {
    const location = new URL(yield* emulator.consent(authorizeUrl(emulator, { state: "s1" }), "allow"))
    const answer = yield* call(emulator, "POST", "/v1/oauth/token", {
      basic: basic(emulator),
      body: {
        grant_type: "authorization_code",
        code: location.searchParams.get("code"),
        redirect_uri: emulator.oauthClient.redirectUri
      }
    })
    if (answer.status !== 200) return yield* Effect.die(new Error(`token exchange failed: ${answer.text}`))
    return answer.json as { access_token: string; refresh_token: string; workspace_name: string; bot_id: string }
  })
