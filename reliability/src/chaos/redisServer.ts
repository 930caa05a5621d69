/**
 * A private redis-server for chaos runs: on a free loopback port, in a temp dir, no persistence (a restart comes
 * back empty, as a crashed cache does). Never the shared instance.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import * as Net from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** Where the binary is: `NOTION_EFFECT_REDIS_SERVER`, default /usr/bin/redis-server. */
export const redisServerPath = process.env.NOTION_EFFECT_REDIS_SERVER ?? "/usr/bin/redis-server"

export interface RedisServer {
  readonly url: string
  /** SIGKILLs it (no shutdown, no save). */
  readonly kill: () => Promise<void>
  /** Starts it again on the same port, empty. */
  readonly restart: () => Promise<void>
  /** Kills it and removes its directory. */
  readonly stop: () => Promise<void>
}

/** A free loopback port (closed again before it is returned). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = Net.createServer()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as Net.AddressInfo
      server.close(() => resolve(port))
    })
  })

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = Net.connect({ host: "127.0.0.1", port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")))
    socket.on("error", () => done(false))
  })

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
  })

/** Starts redis-server on a free port and waits until it answers PING. */
export const startRedisServer = async (): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), "notion-effect-chaos-redis-"))
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(
      redisServerPath,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" }
    )
    const until = Date.now() + 10_000
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`redis-server did not start on ${port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const kill = async () => {
    if (child === undefined) return
    const current = child
    current.kill("SIGKILL")
    await exited(current)
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: start,
    stop: async () => {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
