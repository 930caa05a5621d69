import * as Effect from "effect/Effect"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

/** What a loopback server saw of one request. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

/** A real `node:http` server on 127.0.0.1 and a free port, closed with the scope. */
export const loopback = (handler: (seen: Seen, res: Http.ServerResponse, req: Http.IncomingMessage) => void) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly seen: Array<Seen> }>((resume) => {
      const seen: Array<Seen> = []
      const server = Http.createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", () => {
          const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body }
          seen.push(entry)
          handler(entry, res, req)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed(Object.assign({ url: `http://127.0.0.1:${port}`, seen }, { server })))
      })
    }),
    (started) =>
      Effect.async<void>((resume) => {
        const server = (started as unknown as { server: Http.Server }).server
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )
