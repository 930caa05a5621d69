// An OAuth grant for the CLI tests: a user consents on the emulator, the code is exchanged, and the grant is kept in a
// SQLite token store in a temp directory, as the OAuth example server would keep it.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { NotionConfig } from "@notion-effect/core"
import { NotionOAuth, OAuthCredentials, type OAuthResponse } from "@notion-effect/oauth"
import { SqliteTokenStore, TokenCipher, TokenStore } from "@notion-effect/store"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import * as Emulator from "./emulator.js"

/** The emulator's "Tasks" data source: Name (title), Status (select), Priority (number), Done, Due. */
export const TASKS = "d5000000-0000-4000-8000-000000000001"

/**
 * A running emulator, a stored grant (`grant`, as Notion answered the exchange), the store, and `env`: what the CLI
 * needs to use the grant (the store's file and keys, the OAuth client), without `NOTION_TOKEN`. `secrets` lists
 * every secret the run could print: none may appear in its output.
 */
export const grantSetup = Effect.gen(function*() {
  const emulator = yield* Emulator.emulator
  const dir = yield* Effect.acquireRelease(
    Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "notion-effect-grant-"))),
    (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
  )
  const filename = path.join(dir, "grants.sqlite")
  const key = yield* TokenCipher.generateKey
  const services = yield* Layer.build(Layer.mergeAll(
    SqliteTokenStore.layer({ filename }).pipe(Layer.provide(TokenCipher.layer([{ id: "k1", secret: key }]))),
    NotionOAuth.layer().pipe(
      Layer.provide([
        OAuthCredentials.layer(emulator.oauthClient),
        NotionConfig.layer({ baseUrl: emulator.url }),
        NodeHttpClient.layerUndici
      ])
    )
  ))
  const store = Context.get(services, TokenStore.TokenStore)
  const oauth = Context.get(services, NotionOAuth.NotionOAuth)
  const consented = yield* emulator.consent(
    `${emulator.url}/v1/oauth/authorize?client_id=${emulator.oauthClient.clientId}&response_type=code&owner=user`,
    "allow"
  )
  const code = new URL(consented).searchParams.get("code")!
  const grant = yield* oauth.token({ grant_type: "authorization_code", code: Redacted.make(code) })
  const env: Record<string, string> = {
    NOTION_STORE_SQLITE_PATH: filename,
    NOTION_STORE_KEYS: `k1:${Redacted.value(key)}`,
    NOTION_OAUTH_CLIENT_ID: emulator.oauthClient.clientId,
    NOTION_OAUTH_CLIENT_SECRET: Redacted.value(emulator.oauthClient.clientSecret)
  }
  const secrets = [
    Redacted.value(grant.access_token),
    Redacted.value(grant.refresh_token!),
    Redacted.value(key),
    Redacted.value(emulator.oauthClient.clientSecret)
  ]
  return { emulator, store, oauth, grant, env, secrets }
})

/** The same grant with an access token Notion no longer accepts (it answers 401 `unauthorized`): expired. */
export const expired = (grant: OAuthResponse.TokenResponse): OAuthResponse.TokenResponse => ({
  ...grant,
  access_token: Redacted.make(`ntn_expired${crypto.randomUUID().replaceAll("-", "")}`)
})
