/**
 * Generates the Effect 4 edition (`effect4/packages/*`) from the Effect 3 sources (`packages/*`): every module of
 * `src/` and `test/` goes through {@link rewrite}, except the ones `effect4/adapters/<package>/` holds by hand.
 * `vitest.config.ts` and `bin/` (the executables) are copied as they are, the tsconfigs without their references to
 * packages the edition lacks; each package's `package.json` is hand-written in `effect4/packages/<package>/` (its
 * peers differ). The emulator's public modules ({@link editionEmulator}) are rewritten into
 * `effect4/packages/emulator` over its Effect 3 server (adapter `effect4/adapters/emulator/src/internal/server.ts`).
 * The examples whose packages exist on Effect 4 ({@link editionExamples}) are rewritten the same way into
 * `effect4/examples/` (adapters in `effect4/adapters/examples/`; its `package.json` and `tsconfig.json` are
 * hand-written); the runtime tests (`runtimes/`), the reliability suite (`reliability/`) and the bench's bundle test
 * into `effect4/<suite>/` (adapters in `effect4/adapters/<suite>/`). Run: `tsx scripts/effect4/generate.ts`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { rewrite } from "./rewrite.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
/** The packages of the Effect 4 edition so far. */
export const editionPackages: ReadonlyArray<string> = ["core", "undici", "oauth", "ratelimit-redis", "store", "cli"]

/**
 * The emulator's modules in the Effect 4 edition (`effect4/packages/emulator`): its public modules, over the server
 * itself, which stays on Effect 3 (the adapter `internal/server.ts` starts it through its promise API), and the test
 * of its promise API.
 */
export const editionEmulator: ReadonlyArray<string> = [
  "src/index.ts",
  "src/NotionEmulator.ts",
  "src/Fixture.ts",
  "src/Fault.ts",
  "src/Standalone.ts",
  "src/internal/running.ts",
  "test/Standalone.test.ts"
]

/**
 * The files of `examples/` in the Effect 4 edition: the examples whose packages exist on Effect 4, and their tests.
 * An example of a package still being ported is one line here once that package is.
 */
export const editionExamples: ReadonlyArray<string> = [
  "runMain.ts",
  "emulator.ts",
  "integration-token.ts",
  "per-request-auth.ts",
  "error-handling.ts",
  "rate-limiting.ts",
  "token-management.ts",
  "oauth-script.ts",
  "generated.ts",
  "typed-data-source.ts",
  "data-source-rows.ts",
  "test/examples.test.ts",
  "test/oauth-script.test.ts",
  "test/typed-data-source-module.test.ts",
  "routes.ts",
  "oauth-server.ts",
  "demo.ts",
  "test/oauth.test.ts",
  "test/browser.test.ts",
  "test/typed-data-source.test.ts",
  "webhook-receiver.ts",
  "cloudflare-worker.ts",
  "test/content.test.ts"
]

/** A tsconfig whose project references name only packages of the edition. */
const editionTsconfig = (text: string): string => {
  const config = JSON.parse(text) as { references?: Array<{ path: string }> }
  if (config.references !== undefined) {
    config.references = config.references.filter((ref) =>
      [...editionPackages, "emulator"].some((pkg) => ref.path === `../${pkg}` || ref.path.startsWith(`../${pkg}/`))
    )
  }
  return JSON.stringify(config, null, 2) + "\n"
}

/** `file` (relative to `from`) written to `to`: its adapter if `adapters` has one, else rewritten (or copied). */
const port = (from: string, to: string, adapters: string, path: string): void => {
  const target = join(to, path)
  mkdirSync(dirname(target), { recursive: true })
  const adapter = join(adapters, path)
  if (existsSync(adapter)) copyFileSync(adapter, target)
  else if (path.endsWith(".ts")) writeFileSync(target, rewrite(path, readFileSync(join(from, path), "utf8")))
  else copyFileSync(join(from, path), target)
}

const walk = (dir: string): Array<string> =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
    : []

for (const pkg of editionPackages) {
  const from = join(root, "packages", pkg)
  const to = join(root, "effect4", "packages", pkg)
  const adapters = join(root, "effect4", "adapters", pkg)
  for (const dir of ["src", "test"]) rmSync(join(to, dir), { recursive: true, force: true })
  copyFileSync(join(from, "vitest.config.ts"), join(to, "vitest.config.ts"))
  for (const file of ["tsconfig.json", "tsconfig.build.json"]) {
    if (existsSync(join(from, file))) {
      writeFileSync(join(to, file), editionTsconfig(readFileSync(join(from, file), "utf8")))
    }
  }
  // a package's executables (plain JavaScript starting its `src/bin.ts`): copied as they are
  rmSync(join(to, "bin"), { recursive: true, force: true })
  for (const file of walk(join(from, "bin"))) {
    mkdirSync(dirname(join(to, relative(from, file))), { recursive: true })
    copyFileSync(file, join(to, relative(from, file)))
  }
  for (const file of [...walk(join(from, "src")), ...walk(join(from, "test"))]) {
    port(from, to, adapters, relative(from, file))
  }
  // an adapter with no Effect 3 counterpart (a module only Effect 4 needs)
  for (const file of walk(adapters)) {
    const target = join(to, relative(adapters, file))
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(file, target)
    }
  }
}

// the emulator: the listed modules and the adapters (its `package.json` is hand-written)
{
  const from = join(root, "packages", "emulator")
  const to = join(root, "effect4", "packages", "emulator")
  const adapters = join(root, "effect4", "adapters", "emulator")
  for (const dir of ["src", "test"]) rmSync(join(to, dir), { recursive: true, force: true })
  copyFileSync(join(from, "vitest.config.ts"), join(to, "vitest.config.ts"))
  writeFileSync(join(to, "tsconfig.json"), editionTsconfig(readFileSync(join(from, "tsconfig.json"), "utf8")))
  for (const path of [...editionEmulator, ...walk(adapters).map((file) => relative(adapters, file))]) {
    port(from, to, adapters, path)
  }
}

// the examples: the listed files only (package.json, tsconfig.json and node_modules in effect4/examples stay)
{
  const from = join(root, "examples")
  const to = join(root, "effect4", "examples")
  rmSync(join(to, "test"), { recursive: true, force: true })
  for (const file of readdirSync(to)) if (file.endsWith(".ts")) rmSync(join(to, file))
  copyFileSync(join(from, "vitest.config.ts"), join(to, "vitest.config.ts"))
  for (const path of editionExamples) port(from, to, join(root, "effect4", "adapters", "examples"), path)
}

// the runtime tests (`runtimes/`), the reliability suite (`reliability/`) and the bench's bundle test: every module of
// `src` and `test` (of the bench, `test/bundle.test.ts` only: its measurements are run by `bench/src` for both
// editions), into `effect4/<suite>/` (adapters in `effect4/adapters/<suite>/`; its `package.json` and `tsconfig.json`
// are hand-written)
for (const [suite, only] of [["runtimes"], ["reliability"], ["bench", ["test/bundle.test.ts"]]] as const) {
  const from = join(root, suite)
  const to = join(root, "effect4", suite)
  for (const dir of ["src", "test"]) rmSync(join(to, dir), { recursive: true, force: true })
  copyFileSync(join(from, "vitest.config.ts"), join(to, "vitest.config.ts"))
  const files = only ?? [...walk(join(from, "src")), ...walk(join(from, "test"))].map((file) => relative(from, file))
  for (const path of files) port(from, to, join(root, "effect4", "adapters", suite), path)
}
