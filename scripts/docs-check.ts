/**
 * The docs check (`npm run docs`, run by `.ci/run`): every export of every published package's public modules has a
 * JSDoc comment, every module says what it is, and every `@example` is a complete program (its own imports) that
 * type-checks against the workspace packages.
 *
 * Public modules are `packages/<name>/src/**\/*.ts` except `internal/` and `bin.ts`. Examples are written to
 * `examples/build/docs/` and checked with the examples' compiler settings; an error names the module and line of
 * the example it comes from.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

const root = path.resolve(import.meta.dirname, "..")
const packages = ["core", "oauth", "undici", "store", "ratelimit-redis", "cli", "emulator"]
const out = path.join(root, "examples/build/docs")

const sourcesOf = (dir: string): Array<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "internal" ? [] : sourcesOf(full)
    return entry.name.endsWith(".ts") && entry.name !== "bin.ts" ? [full] : []
  })

interface Example {
  readonly origin: string
  readonly code: string
}

const problems: Array<string> = []
const examples: Array<Example> = []

const jsDocsOf = (node: ts.Node): ReadonlyArray<ts.JSDoc> => (node as { jsDoc?: Array<ts.JSDoc> }).jsDoc ?? []

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

const nameOf = (node: ts.Statement): string => {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.map((d) => d.name.getText()).join(", ")
  if (ts.isExportDeclaration(node)) return node.exportClause?.getText() ?? `* from ${node.moduleSpecifier?.getText()}`
  const named = node as { name?: ts.Node }
  return named.name?.getText() ?? "(anonymous)"
}

for (const pkg of packages) {
  for (const file of sourcesOf(path.join(root, "packages", pkg, "src"))) {
    const relative = path.relative(root, file)
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true)
    const first = source.statements[0]
    if (first === undefined || jsDocsOf(first).length === 0) problems.push(`${relative}: no module comment`)
    for (const statement of source.statements) {
      // `export * from` re-exports a module that is checked on its own
      const reexportsAll = ts.isExportDeclaration(statement) && statement.exportClause === undefined
      const exported = isExported(statement) || (ts.isExportDeclaration(statement) && !reexportsAll)
      if (!exported && statement !== first) continue
      const docs = jsDocsOf(statement)
      const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1
      // a module's first statement carries the module comment; its own must be a second one
      const own = statement === first ? docs.slice(1) : docs
      if (exported && own.length === 0) problems.push(`${relative}:${line}: ${nameOf(statement)} has no JSDoc`)
      for (const doc of docs) {
        for (const tag of doc.tags ?? []) {
          if (tag.tagName.text !== "example") continue
          const code = (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/^```\w*\n?|```$/gm, "").trim()
          const at = `${relative}:${source.getLineAndCharacterOfPosition(tag.getStart()).line + 1}`
          if (!/^import /m.test(code)) problems.push(`${at}: the @example has no imports (write a complete program)`)
          else examples.push({ origin: at, code })
        }
      }
    }
  }
}

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
const origins = new Map<string, string>()
examples.forEach((example, i) => {
  const name = `example${i + 1}.ts`
  origins.set(name, example.origin)
  fs.writeFileSync(path.join(out, name), `// from ${example.origin}\n${example.code}\nexport {}\n`)
})
fs.writeFileSync(
  path.join(out, "tsconfig.json"),
  JSON.stringify({
    extends: "../../tsconfig.json",
    compilerOptions: { rootDir: ".", noUnusedLocals: false, noUnusedParameters: false },
    include: ["*.ts"],
    exclude: []
  })
)
if (examples.length > 0) {
  try {
    const tsc = path.join(root, "node_modules/typescript/bin/tsc")
    execFileSync(process.execPath, [tsc, "-p", path.join(out, "tsconfig.json")], { cwd: root, stdio: "pipe" })
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? error)
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      const match = line.match(/(example\d+\.ts)\((\d+),\d+\): (.*)/)
      problems.push(
        match === null ? line : `${origins.get(match[1]!)} (@example line ${Number(match[2]) - 1}): ${match[3]}`
      )
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"))
  console.error(`docs check: ${problems.length} problem(s)`)
  process.exit(1)
}
console.log(`docs check: every export documented, ${examples.length} @example(s) type-check`)
