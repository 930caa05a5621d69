/**
 * A TCP proxy in front of the emulator that can hold the answer to the next OAuth token request: once armed, the
 * connection carrying the next `POST /v1/oauth/token` has everything the emulator sends back buffered until
 * `release` (the emulator has already rotated the pair when the answer is held). Every other byte flows through.
 */
import * as Net from "node:net"

/** A running proxy. */
export interface HoldingProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** Holds the answer to the next token request; resolves when that answer has arrived and is held. */
  readonly holdNextTokenAnswer: () => Promise<void>
  /** Sends the held answer on. */
  readonly release: () => void
  /** Closes the listener and every connection. */
  readonly close: () => Promise<void>
}

/** Starts a proxy to `127.0.0.1:<upstreamPort>` on a free port. */
export const startHoldingProxy = async (upstreamPort: number): Promise<HoldingProxy> => {
  const sockets = new Set<Net.Socket>()
  let armed: (() => void) | undefined
  const held: Array<() => void> = []
  const server = Net.createServer((client) => {
    const upstream = Net.connect(upstreamPort, "127.0.0.1")
    sockets.add(client).add(upstream)
    let holding = false
    let buffered: Array<Buffer> = []
    let onHeld: (() => void) | undefined
    client.on("data", (chunk: Buffer) => {
      if (armed !== undefined && chunk.toString("latin1").startsWith("POST /v1/oauth/token ")) {
        holding = true
        onHeld = armed
        armed = undefined
        held.push(() => {
          holding = false
          for (const part of buffered) client.write(part)
          buffered = []
        })
      }
      upstream.write(chunk)
    })
    upstream.on("data", (chunk: Buffer) => {
      if (!holding) return void client.write(chunk)
      buffered.push(chunk)
      onHeld?.()
      onHeld = undefined
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on("close", end).on("error", end)
    upstream.on("close", end).on("error", end)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as Net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    holdNextTokenAnswer: () => new Promise((resolve) => (armed = resolve)),
    release: () => {
      for (const release of held.splice(0)) release()
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
