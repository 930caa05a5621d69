/**
 * A TCP proxy in front of a loopback server that passes everything through until told to hold the answers:
 * from then on the requests of whoever goes through it reach the server (which counts them) and are never
 * answered, so they stay in flight.
 */
import * as Net from "node:net"

export interface HoldProxy {
  readonly url: string
  /** From now on, answers are held (never passed on). */
  readonly hold: () => void
  readonly stop: () => Promise<void>
}

export const startHoldProxy = async (target: string): Promise<HoldProxy> => {
  const { hostname, port } = new URL(target)
  const sockets = new Set<Net.Socket>()
  let holding = false
  const server = Net.createServer((client) => {
    const upstream = Net.connect({ host: hostname, port: Number(port) })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on("error", () => socket.destroy())
      socket.on("close", () => {
        sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.on("data", (chunk) => upstream.write(chunk))
    upstream.on("data", (chunk) => {
      if (!holding) client.write(chunk)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const { port: at } = server.address() as Net.AddressInfo
  return {
    url: `http://127.0.0.1:${at}`,
    hold: () => void (holding = true),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
