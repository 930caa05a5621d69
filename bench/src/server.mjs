// A minimal static Notion on loopback (keep-alive): client cost alone. It counts TCP connections.
import * as Http from "node:http"
import { page, usersPage } from "./fixtures.mjs"

export const start = (total) =>
  new Promise((resolve) => {
    const firstPage = usersPage(0, total)
    const state = { connections: 0 }
    const server = Http.createServer((req, res) => {
      const url = new URL(req.url, "http://x")
      const body = url.pathname === "/v1/users"
        ? (url.searchParams.get("start_cursor")
          ? usersPage(Number(url.searchParams.get("start_cursor")), total)
          : firstPage)
        : page
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
      res.end(body)
    })
    server.keepAliveTimeout = 60_000
    server.on("connection", () => state.connections++)
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        state,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections()
            server.close(r)
          })
      }))
  })
