/**
 * A hostile HTTP server on a raw `node:net` socket: each case of the corpus answers under `/case/<n>/…` with
 * exactly the bytes it scripts — broken status lines, lying lengths, stalls, resets, echoes of what it was sent —
 * things a real HTTP server library would refuse to produce.
 */
import * as Effect from "effect/Effect"
import * as Net from "node:net"

/** What a case does with one request. */
export interface Behavior {
  /** Chunks written in order (a string is written as UTF-8), each optionally after a delay. */
  readonly chunks: ReadonlyArray<string | Uint8Array>
  /** After the chunks: close cleanly, reset the socket, or never write again. */
  readonly then: "end" | "reset" | "stall"
}

/** One request as the server saw it: enough for a case to echo it back. */
export interface Seen {
  readonly method: string
  readonly path: string
  /** The raw request: head and body, as text. */
  readonly raw: string
}

/** A case: from the request to the behaviour. */
export type Script = (seen: Seen, base: string) => Behavior

const headEnd = (buffer: Buffer) => buffer.indexOf("\r\n\r\n")

/**
 * Starts the server on 127.0.0.1 and a free port; closed (every socket destroyed) with the scope. `scripts` is
 * looked up by the case number in the path; an unknown case answers 404.
 */
export const start = (scripts: ReadonlyArray<Script>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly server: Net.Server; readonly sockets: Set<Net.Socket> }>((resume) => {
      const sockets = new Set<Net.Socket>()
      const server = Net.createServer((socket) => {
        sockets.add(socket)
        socket.on("close", () => sockets.delete(socket))
        socket.on("error", () => undefined)
        let buffer = Buffer.alloc(0)
        socket.on("data", (data) => {
          buffer = Buffer.concat([buffer, data])
          const end = headEnd(buffer)
          if (end < 0) return
          const head = buffer.subarray(0, end).toString("latin1")
          const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
          if (buffer.length < end + 4 + length) return
          const raw = buffer.subarray(0, end + 4 + length).toString("utf8")
          buffer = buffer.subarray(end + 4 + length)
          const [method = "GET", path = "/"] = head.split("\r\n")[0]!.split(" ")
          const match = /^\/case\/(\d+)(\/.*)?$/.exec(path)
          const script = match ? scripts[Number(match[1])] : undefined
          const base = `http://127.0.0.1:${(server.address() as Net.AddressInfo).port}/case/${match?.[1] ?? "x"}`
          const behavior: Behavior = script
            ? script({ method, path: match?.[2] ?? "/", raw }, base)
            : { chunks: ["HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"], then: "end" }
          for (const chunk of behavior.chunks) socket.write(chunk)
          if (behavior.then === "end") socket.end()
          else if (behavior.then === "reset") socket.resetAndDestroy()
        })
      })
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({
          url: `http://127.0.0.1:${(server.address() as Net.AddressInfo).port}`,
          server,
          sockets
        })))
    }),
    ({ server, sockets }) =>
      Effect.async<void>((resume) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resume(Effect.void))
      })
  )

/** An HTTP/1.1 response head and body with a correct `content-length` (unless `headers` says otherwise). */
export const response = (
  status: number | string,
  body: string | Uint8Array,
  headers: Record<string, string> = { "content-type": "application/json" }
): string | Uint8Array => {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body
  const statusLine = typeof status === "number" ? `HTTP/1.1 ${status} X` : status
  const all = { "content-length": String(bytes.length), connection: "close", ...headers }
  const head = `${statusLine}\r\n${
    Object.entries(all).filter(([, v]) => v !== "").map(([k, v]) => `${k}: ${v}`).join("\r\n")
  }\r\n\r\n`
  const out = new Uint8Array(head.length + bytes.length)
  out.set(new TextEncoder().encode(head))
  out.set(bytes, head.length)
  return out
}
