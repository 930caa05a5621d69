/**
 * The entry for Cloudflare's workerd: a Worker module whose `fetch` runs the program with `FetchHttpClient.layer`
 * (the only layer there: Workers have no `node:net`) against the API named in its bindings, and answers with the
 * summary as JSON (500 with the failure otherwise).
 *
 * @since 0.1.0
 */
import { FetchHttpClient } from "@effect/platform"
import { readInput, run } from "./program.js"

export default {
  async fetch(_request: Request, env: Record<string, string | undefined>): Promise<Response> {
    try {
      const summary = await run(readInput((name) => env[name]), FetchHttpClient.layer)
      return Response.json({ layer: "fetch", ...summary })
    } catch (error) {
      return new Response(`failed: ${String(error)}`, { status: 500 })
    }
  }
}
