/**
 * A raw HTTP/1.1 client on `node:net` keep-alive sockets: a request goes out with its header lines exactly as given
 * (repeated, re-ordered, re-cased), which `fetch` and `node:http` would normalise or refuse. One request at a time
 * per connection; a connection the server closes is replaced.
 */
import * as Net from "node:net"

/** One request: header lines as sent (Host and the framing header are added), and the body. */
export interface RawRequest {
  readonly path: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array
  /** Send the body with `transfer-encoding: chunked` (64 KiB chunks) instead of `content-length`. */
  readonly chunked?: boolean
}

/** The status answered, or 0 when no complete answer came (connection closed, or `timeoutMs` passed). */
export type RawStatus = number

const CHUNK = 64 * 1024
const HEAD_END = Buffer.from("\r\n\r\n")
const LAST_CHUNK = Buffer.from("0\r\n\r\n")

const encode = (host: string, request: RawRequest): ReadonlyArray<Uint8Array> => {
  const lines = [
    `POST ${request.path} HTTP/1.1`,
    `host: ${host}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`)
  ]
  lines.push(request.chunked ? "transfer-encoding: chunked" : `content-length: ${request.body.length}`)
  const head = Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1")
  if (!request.chunked) return [head, request.body]
  const parts: Array<Uint8Array> = [head]
  for (let at = 0; at < request.body.length; at += CHUNK) {
    const chunk = request.body.subarray(at, at + CHUNK)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`, "latin1"), chunk, Buffer.from("\r\n", "latin1"))
  }
  parts.push(LAST_CHUNK)
  return parts
}

/** Where a response read so far ends: its status and whether it is complete and the connection stays open. */
const parseResponse = (
  data: Buffer,
  ended: boolean
): { readonly status: number; readonly reusable: boolean } | undefined => {
  const headEnd = data.indexOf(HEAD_END)
  if (headEnd < 0) return undefined
  const head = data.subarray(0, headEnd).toString("latin1").toLowerCase()
  const status = Number(/^http\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
  const close = /\r\nconnection: *close/.test(head)
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1]
  const body = data.length - headEnd - HEAD_END.length
  if (length !== undefined) return body >= Number(length) ? { status, reusable: !close } : undefined
  if (/\r\ntransfer-encoding: *chunked/.test(head)) {
    return data.subarray(headEnd).indexOf(LAST_CHUNK) >= 0 ? { status, reusable: !close } : undefined
  }
  // no framing: the body runs to the end of the connection
  return ended ? { status, reusable: false } : undefined
}

/** A connection to `port` on 127.0.0.1 that sends one request at a time. */
export class RawConnection {
  private socket: Net.Socket | undefined

  constructor(readonly port: number, readonly timeoutMs: number) {}

  /** Sends a request and waits for its answer's status (0: none). */
  send(request: RawRequest): Promise<RawStatus> {
    return new Promise((resolve) => {
      const socket = this.socket ?? this.connect()
      let data = Buffer.alloc(0)
      let settled = false
      const finish = (status: RawStatus, reusable: boolean) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        socket.off("data", onData)
        socket.off("end", onEnd)
        socket.off("close", onEnd)
        socket.off("error", onError)
        if (!reusable) {
          socket.destroy()
          if (this.socket === socket) this.socket = undefined
        }
        resolve(status)
      }
      const check = (ended: boolean) => {
        const response = parseResponse(data, ended)
        if (response !== undefined) finish(response.status, response.reusable && !ended)
        else if (ended) finish(0, false)
      }
      const onData = (chunk: Buffer) => {
        data = Buffer.concat([data, chunk])
        check(false)
      }
      const onEnd = () => check(true)
      // the server may answer and close before the whole body is written: the answer still counts
      const onError = () => check(true)
      const timer = setTimeout(() => finish(0, false), this.timeoutMs)
      socket.on("data", onData)
      socket.on("end", onEnd)
      socket.on("close", onEnd)
      socket.on("error", onError)
      for (const part of encode(`127.0.0.1:${this.port}`, request)) socket.write(part)
    })
  }

  private connect(): Net.Socket {
    const socket = Net.connect(this.port, "127.0.0.1")
    // head and body go in separate writes: without this, Nagle's algorithm holds the second for the peer's ACK
    socket.setNoDelay(true)
    this.socket = socket
    // between requests too: a connection the server closes is dropped, and its errors are not thrown
    socket.on("error", () => undefined)
    socket.once("close", () => {
      if (this.socket === socket) this.socket = undefined
    })
    return socket
  }

  /** Closes the connection. */
  close(): void {
    this.socket?.destroy()
    this.socket = undefined
  }
}
