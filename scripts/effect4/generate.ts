/**
 * Generates the Effect 4 edition (`effect4/packages/*`) from the Effect 3 sources (`packages/*`): every module of
 * `src/` and `test/` goes through {@link rewrite}, except the ones `effect4/adapters/<package>/` holds by hand.
 * `vitest.config.ts` and `bin/` (the executables) are copied as they are, the tsconfigs without their references to
 * packages the edition lacks (the emulator stays on Effect 3); each package's `package.json` is hand-written in
 * `effect4/packages/<package>/` (its peers differ). Run: `tsx scripts/effect4/generate.ts`.
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

/** A tsconfig whose project references name only packages of the edition. */
const editionTsconfig = (text: string): string => {
  const config = JSON.parse(text) as { references?: Array<{ path: string }> }
  if (config.references !== undefined) {
    config.references = config.references.filter((ref) =>
      editionPackages.some((pkg) => ref.path === `../${pkg}` || ref.path.startsWith(`../${pkg}/`))
    )
  }
  return JSON.stringify(config, null, 2) + "\n"
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
    const path = relative(from, file)
    const target = join(to, path)
    mkdirSync(dirname(target), { recursive: true })
    const adapter = join(adapters, path)
    if (existsSync(adapter)) copyFileSync(adapter, target)
    else if (file.endsWith(".ts")) writeFileSync(target, rewrite(path, readFileSync(file, "utf8")))
    else copyFileSync(file, target)
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
