/**
 * A private PostgreSQL for chaos runs: a fresh cluster in a temporary directory, on a free loopback port, trust
 * authentication, never the machine's shared server. It can be stopped the hard way (`pg_ctl stop -m immediate`:
 * every backend killed, no checkpoint) and started again on the same port and data. As root it runs as the
 * `postgres` user (PostgreSQL refuses root). The binaries come from `NOTION_EFFECT_PG_BIN`, else the newest
 * `/usr/lib/postgresql/<version>/bin`.
 */
import { execFile } from "node:child_process"
import * as FS from "node:fs"
import * as Net from "node:net"
import * as OS from "node:os"
import * as Path from "node:path"
import { promisify } from "node:util"

const run = promisify(execFile)

/** The directory holding `initdb`, `pg_ctl` and `postgres`, or `undefined` when there is none. */
export const binDir = (): string | undefined => {
  const configured = process.env.NOTION_EFFECT_PG_BIN
  if (configured !== undefined) return FS.existsSync(Path.join(configured, "initdb")) ? configured : undefined
  const root = "/usr/lib/postgresql"
  if (!FS.existsSync(root)) return undefined
  const versions = FS.readdirSync(root)
    .filter((version) => FS.existsSync(Path.join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? undefined : Path.join(root, versions[0], "bin")
}

/** A free TCP port on 127.0.0.1. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = Net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as Net.AddressInfo
      server.close(() => resolve(address.port))
    })
  })

/** A running private server. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string
  readonly port: number
  /** Kills the server at once (`-m immediate`); resolves when it is gone. */
  readonly kill: () => Promise<void>
  /** Starts it again on the same port and data; resolves when it accepts connections. */
  readonly start: () => Promise<void>
  /** Kills it if running and removes its directory. */
  readonly close: () => Promise<void>
}

/** Creates a cluster and starts it. */
export const startPostgres = async (bin: string): Promise<PostgresServer> => {
  const root = process.getuid?.() === 0
  const dir = FS.mkdtempSync(Path.join(OS.tmpdir(), "notion-chaos-pg-"))
  const data = Path.join(dir, "data")
  const port = await freePort()
  // as root, every command runs as the postgres user, which owns the directory
  const exec = (command: string, args: ReadonlyArray<string>) =>
    root
      ? run("runuser", ["-u", "postgres", "--", Path.join(bin, command), ...args])
      : run(Path.join(bin, command), [...args])
  try {
    if (root) await run("chown", ["postgres:", dir])
    await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"])
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`
    const start = async () => {
      await exec("pg_ctl", ["-D", data, "-l", Path.join(dir, "log"), "-o", options, "-w", "-t", "30", "start"])
    }
    const kill = async () => {
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"])
    }
    await start()
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      kill,
      start,
      close: async () => {
        await kill().catch(() => undefined)
        FS.rmSync(dir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined)
    FS.rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
