/**
 * The Effect 3 → Effect 4 rewrite of one TypeScript module: the renames Effect 4 made (module paths, functions,
 * Schema's constructors), applied to the syntax tree so that only calls and imports are touched, never strings or
 * comments. Everything here is mechanical; a module whose Effect 4 form differs beyond this is written by hand
 * under `effect4/adapters/` instead (see README.md beside this file).
 */
import ts from "typescript"

/** Module specifiers: exact ones first, then prefixes (`@effect/platform/X` → `effect/http/X`). */
const modules: Record<string, string> = {
  "effect/Either": "effect/Result",
  "effect/TestClock": "effect/testing/TestClock",
  // Effect 3's effect/FastCheck re-exports fast-check; Effect 4 does not ship it (a suite that uses it depends on it)
  "effect/FastCheck": "fast-check",
  "effect/FiberRef": "effect/References",
  "@effect/platform/HttpApp": "effect/http/HttpEffect",
  "@effect/platform/FileSystem": "effect/FileSystem",
  "@effect/platform/Path": "effect/Path",
  "@effect/platform": "effect/http"
}
const modulePrefixes: ReadonlyArray<readonly [string, string]> = [["@effect/platform/", "effect/http/"]]

/** `Namespace.member` renames, by the module the namespace is imported from (its Effect 3 path). */
const members: Record<string, Record<string, string>> = {
  "effect/Either": {
    right: "succeed",
    left: "fail",
    isLeft: "isFailure",
    isRight: "isSuccess",
    Either: "Result",
    void: "succeed(undefined)"
  },
  "effect/Effect": {
    catchAll: "catch",
    catchAllCause: "catchCause",
    catchAllDefect: "catchDefect",
    either: "result",
    zipRight: "andThen",
    async: "callback",
    dieMessage: "die",
    forkDaemon: "forkDetach",
    fork: "forkChild",
    tapErrorTag: "tapErrorTag"
  },
  "effect/Schema": {
    OptionFromSelf: "Option",
    typeSchema: "toType",
    DurationFromSelf: "Duration",
    Uint8ArrayFromSelf: "Uint8Array",
    // v3's Redacted(S) decodes S's value into a Redacted (Effect 4's RedactedFromValue); RedactedFromSelf is the
    // Redacted value itself (Effect 4's Redacted)
    Redacted: "RedactedFromValue",
    RedactedFromSelf: "Redacted",
    Array$: "$Array",
    decodeUnknownEither: "decodeUnknownResult",
    decodeEither: "decodeResult",
    encodeEither: "encodeResult"
  },
  "effect/Context": {},
  "effect/Option": { fromNullable: "fromNullishOr" },
  "effect/Cause": { isInterruptedOnly: "hasInterruptsOnly" },
  // v3's NodeHttpClient.layer is the node:http client
  "@effect/platform-node/NodeHttpClient": { layer: "layerNodeHttp" },
  "effect/Duration": { DurationInput: "Input", decode: "fromInputUnsafe" }
}

// ---------------------------------------------------------------------------------------------------------------
// request pipeline (execute, attemptTimeout, NotionCaller, NotionMetrics): renames, merged into the tables above
// ---------------------------------------------------------------------------------------------------------------
modules["effect/MetricBoundaries"] = "effect/Metric"
// effect/Encoding's functions are namespaces of effect/encoding in Effect 4: Encoding.encodeBase64 → Encoding.Base64.encode
modules["effect/Encoding"] = "effect/encoding"
const pipelineMembers: Record<string, Record<string, string>> = {
  "effect/Effect": { withFiberRuntime: "withFiber" },
  "effect/Fiber": { RuntimeFiber: "Fiber" },
  "effect/Cause": { failureOption: "findErrorOption" },
  "effect/MetricBoundaries": { exponential: "exponentialBoundaries" },
  "effect/Layer": { scoped: "effect" },
  "effect/Exit": { isInterrupted: "hasInterrupts" },
  "effect/Encoding": {
    encodeBase64: "Base64.encode",
    decodeBase64: "Base64.decode",
    decodeBase64String: "Base64.decodeString",
    encodeBase64Url: "Base64Url.encode",
    decodeBase64Url: "Base64Url.decode",
    decodeBase64UrlString: "Base64Url.decodeString",
    encodeHex: "Hex.encode",
    decodeHex: "Hex.decode",
    decodeHexString: "Hex.decodeString",
    DecodeException: "EncodingError.EncodingError"
  }
}
for (const [from, renames] of Object.entries(pipelineMembers)) members[from] = { ...members[from], ...renames }
// --- services and configuration (NotionConfig, NotionAuth, NotionRateLimiter, NotionRetry) -------------------------
// Config's constructors are capitalised, ConfigError lives in Config, Layer's scoped constructors are its plain ones,
// Duration's comparisons are predicates, FiberRefs are Context.References (see `serviceRule` for the call shapes).
Object.assign(modules, { "effect/ConfigError": "effect/Config" })
for (
  const [from, renames] of Object.entries<Record<string, string>>({
    "effect/Config": {
      string: "String",
      nonEmptyString: "NonEmptyString",
      number: "Number",
      integer: "Int",
      boolean: "Boolean",
      duration: "Duration",
      redacted: "Redacted",
      url: "URL",
      date: "Date",
      port: "Port",
      logLevel: "LogLevel"
    },
    "effect/Layer": {
      unwrapEffect: "unwrap",
      scoped: "effect",
      scopedContext: "effectContext",
      scopedDiscard: "effectDiscard"
    },
    "effect/Duration": {
      decode: "fromInputUnsafe",
      lessThan: "isLessThan",
      lessThanOrEqualTo: "isLessThanOrEqualTo",
      greaterThan: "isGreaterThan",
      greaterThanOrEqualTo: "isGreaterThanOrEqualTo"
    },
    "effect/Effect": { locally: "provideService" },
    "effect/Fiber": { RuntimeFiber: "Fiber" },
    "effect/Schedule": { stop: "recurs(0)" }
  })
) members[from] = { ...members[from], ...renames }
// --- core Hardening.test.ts: NodeHttpClient's agent layers ----------------------------------------------------------
// v3's node:http client without its agent and the agent layer of given options are Effect 4's layerNodeHttpNoAgent and
// layerAgentOptions (the README's keep-alive recipe)
members["@effect/platform-node/NodeHttpClient"] = {
  ...members["@effect/platform-node/NodeHttpClient"],
  layerWithoutAgent: "layerNodeHttpNoAgent",
  makeAgentLayer: "layerAgentOptions"
}
/**
 * Modules whose imports are dropped once every use was rewritten away: the ones Effect 4 removed, and ones a rule
 * may leave unused (`effect/Fiber`, `effect/Logger`, `effect/LogLevel`).
 */
const removedModules = new Set([
  "effect/FiberId",
  "effect/FiberRef",
  "effect/GlobalValue",
  "effect/MetricBoundaries",
  "effect/MetricLabel"
])

// --- ratelimit-redis (its tests) ------------------------------------------------------------------------------------
// Scope.extend(effect, scope) is Scope.provide(effect, scope); Fiber.poll(fiber) becomes a call on the fiber (see
// `serviceRule`), which may leave effect/Fiber unused: its import then goes, as a removed module's does.
members["effect/Scope"] = { ...members["effect/Scope"], extend: "provide" }
removedModules.add("effect/Fiber")
// --- emulator (Standalone): Effect 4 has no ExecutionStrategy module (see `visit`) --------------------------------------
removedModules.add("effect/ExecutionStrategy")
// --- reliability: a cause's defects (see `serviceRule` for withMinimumLogLevel, whose LogLevel import then goes) -------
members["effect/Cause"] = { ...members["effect/Cause"], isDie: "hasDies" }
removedModules.add("effect/LogLevel")
removedModules.add("effect/Logger")

/** Schema's v3 filters, as Effect 4 checks: `Schema.maxItems(n)` → `Schema.check(Schema.isMaxLength(n))`. */
const checks: Record<string, (args: ReadonlyArray<string>) => string> = {
  maxItems: (a) => `isMaxLength(${a.join(", ")})`,
  minItems: (a) => `isMinLength(${a.join(", ")})`,
  maxLength: (a) => `isMaxLength(${a.join(", ")})`,
  minLength: (a) => `isMinLength(${a.join(", ")})`,
  pattern: (a) => `isPattern(${a.join(", ")})`,
  between: ([min, max, ...rest]) =>
    `isBetween({ minimum: ${min}, maximum: ${max} }${rest.map((r) => `, ${r}`).join("")})`,
  lessThanOrEqualTo: (a) => `isLessThanOrEqualTo(${a.join(", ")})`,
  greaterThanOrEqualTo: (a) => `isGreaterThanOrEqualTo(${a.join(", ")})`,
  lessThan: (a) => `isLessThan(${a.join(", ")})`,
  greaterThan: (a) => `isGreaterThan(${a.join(", ")})`
}

/** Members Effect 4 moved to another module: v3 module → member → [module, namespace name, member]. */
const moved: Record<string, Record<string, readonly [string, string, string]>> = {
  "effect/Inspectable": { format: ["effect/Formatter", "Formatter", "format"] }
}

const vitestRenames: Record<string, string> = { scoped: "effect", scopedLive: "live" }

// --- store (SqlTokenStore, TokenManager, TokenStore): effect/sql is in effect, Reactivity too; Semaphore is a module ---
Object.assign(modules, {
  "@effect/sql/Migrator": "effect/sql/Migrator",
  "@effect/sql/SqlClient": "effect/sql/SqlClient",
  "@effect/sql/SqlConnection": "effect/sql/SqlConnection",
  "@effect/sql/SqlError": "effect/sql/SqlError",
  "@effect/sql/Statement": "effect/sql/Statement",
  "@effect/experimental/Reactivity": "effect/reactivity/Reactivity"
})
members["effect/Option"] = { ...members["effect/Option"], getEquivalence: "makeEquivalence" }
members["effect/Equivalence"] = { ...members["effect/Equivalence"], string: "String", number: "Number" }
moved["effect/Effect"] = {
  ...moved["effect/Effect"],
  Semaphore: ["effect/Semaphore", "Semaphore", "Semaphore"],
  unsafeMakeSemaphore: ["effect/Semaphore", "Semaphore", "makeUnsafe"]
}

// --- cli (bin.ts): Node's services for a command line are NodeServices (file system, path, terminal, stdio, child
// processes); its `layer` keeps its name ---
modules["@effect/platform-node/NodeContext"] = "@effect/platform-node/NodeServices"

// --- examples (oauth-server, demo, oauth.test): Layer.unwrapScoped is Layer.unwrap (it excludes Scope); the tracer
// switch is the TracerDisabledWhen reference; logfmt is a format logger; runMain's disablePrettyLogger (see
// `serviceRule`) ---
members["effect/Layer"] = { ...members["effect/Layer"], unwrapScoped: "unwrap" }
members["@effect/platform/HttpMiddleware"] = {
  ...members["@effect/platform/HttpMiddleware"],
  currentTracerDisabledWhen: "TracerDisabledWhen"
}
members["effect/Logger"] = { ...members["effect/Logger"], logfmtLogger: "formatLogFmt" }

interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

const specifierOf = (from: string): string => {
  if (from in modules) return modules[from]!
  for (const [prefix, to] of modulePrefixes) if (from.startsWith(prefix)) return to + from.slice(prefix.length)
  return from
}

/** Rewrites one module's text; `file` is only used in error messages. */
export const rewrite = (file: string, text: string): string => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits: Array<Edit> = []
  // local namespace name → the Effect 3 module it was imported from
  const namespaces = new Map<string, string>()
  // the names imported from @effect/vitest (`it`, or `it as vitest`)
  const vitestNames = new Set<string>()
  const replace = (node: ts.Node, replacement: string) =>
    edits.push({ start: node.getStart(source), end: node.getEnd(), text: replacement })
  const textOf = (node: ts.Node) => node.getText(source)

  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const from = statement.moduleSpecifier.text
      const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined
      if (clause?.namedBindings !== undefined && ts.isNamespaceImport(clause.namedBindings)) {
        namespaces.set(clause.namedBindings.name.text, from)
      }
      if (from === "@effect/vitest" && clause?.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements) vitestNames.add(element.name.text)
        vitestNames.add("it") // the `it` that `layer(...)(name, (it) => …)` passes
      }
      const to = specifierOf(from)
      if (to !== from) replace(statement.moduleSpecifier, JSON.stringify(to))
    }
  }

  // namespace → how many of its uses moved to another module (all of them: its import goes)
  const movedUses = new Map<string, number>()
  // a module that builds Eithers, or gets them from Effect.either (Effect 4's Effect.result gives Results)
  const usesEither = [...namespaces.values()].includes("effect/Either") || /\bEffect\.either\b/.test(text)
  const moduleOf = (expression: ts.Expression): string | undefined =>
    ts.isIdentifier(expression) ? namespaces.get(expression.text) : undefined

  /** `Schema.X(...)`: the member name when the callee is `Schema.X` of `effect/Schema`. */
  const schemaCall = (node: ts.CallExpression): string | undefined => {
    const callee = node.expression
    return ts.isPropertyAccessExpression(callee) && moduleOf(callee.expression) === "effect/Schema"
      ? callee.name.text
      : undefined
  }
  const list = (args: ts.NodeArray<ts.Expression>): string =>
    args.length === 1 && ts.isSpreadElement(args[0]!)
      ? rewriteNode(args[0].expression)
      : `[${args.map(rewriteNode).join(", ")}]`

  // --- services and configuration: FiberRef → Context.Reference, Reference classes, Config.validate, config
  // providers, fiber interruption -------------------------------------------------------------------------------
  /** Named imports: local name → [Effect 3 module, imported name]. */
  const named = new Map<string, readonly [string, string]>()
  for (const statement of source.statements.filter(ts.isImportDeclaration)) {
    const bindings = statement.importClause?.namedBindings
    if (bindings !== undefined && ts.isNamedImports(bindings) && ts.isStringLiteral(statement.moduleSpecifier)) {
      for (const e of bindings.elements) {
        named.set(e.name.text, [statement.moduleSpecifier.text, (e.propertyName ?? e.name).text])
      }
    }
  }
  const addedImports = new Map<string, string>()
  /** The local name of a namespace import of `module` (its Effect 4 path), added when the module has none. */
  const typeOnly = new Set(
    source.statements.filter(ts.isImportDeclaration).flatMap((statement) => {
      const bindings = statement.importClause?.namedBindings
      return statement.importClause?.isTypeOnly === true && bindings !== undefined && ts.isNamespaceImport(bindings)
        ? [bindings.name.text]
        : []
    })
  )
  /** The local name of a namespace import of `module` (its Effect 4 path), added (as `name`) when the module has none. */
  const namespaceOf = (module: string, name = module.slice(module.lastIndexOf("/") + 1)): string => {
    for (const [local, from] of namespaces) if (!typeOnly.has(local) && from === module) return local
    for (const [local, from] of namespaces) if (!typeOnly.has(local) && specifierOf(from) === module) return local
    addedImports.set(name, module)
    return name
  }
  const effect = () => namespaceOf("effect/Effect", "Effect")
  const isCallOf = (node: ts.Node, module: string, name: string): boolean =>
    ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
    moduleOf(node.expression.expression) === module && node.expression.name.text === name
  /**
   * This module's own top-level `unsafeX` declarations: renamed `xUnsafe` with their uses here, as the rule below
   * renames every `ns.unsafeX` access (`NotionRateLimiter.unsafeMake` → `NotionRateLimiter.makeUnsafe`).
   */
  const ownUnsafe = new Set(
    source.statements.flatMap((statement) =>
      ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.flatMap((d) => ts.isIdentifier(d.name) ? [d.name.text] : [])
        : ts.isFunctionDeclaration(statement) && statement.name !== undefined
        ? [statement.name.text]
        : []
    ).filter((name) => /^unsafe[A-Z]/.test(name))
  )
  const serviceRule = (node: ts.Node): boolean => {
    if (
      ts.isIdentifier(node) && ownUnsafe.has(node.text) &&
      !((ts.isPropertyAccessExpression(node.parent) || ts.isPropertyAssignment(node.parent) ||
        ts.isPropertySignature(node.parent) || ts.isMethodDeclaration(node.parent)) && node.parent.name === node)
    ) {
      replace(node, `${node.text[6]!.toLowerCase()}${node.text.slice(7)}Unsafe`)
      return true
    }
    // class X extends Context.Reference<X>()(key, { defaultValue }) {} → const X = Context.Reference(key, { defaultValue })
    // and type X = never (a reference is never required)
    if (ts.isClassDeclaration(node) && node.name !== undefined && node.members.length === 0) {
      const base = node.heritageClauses?.[0]?.types[0]?.expression
      if (
        base !== undefined && ts.isCallExpression(base) && isCallOf(base.expression, "effect/Context", "Reference") &&
        (base.expression as ts.CallExpression).arguments.length === 0
      ) {
        const ns = textOf(((base.expression as ts.CallExpression).expression as ts.PropertyAccessExpression).expression)
        const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ? "export " : ""
        const name = node.name.text
        replace(
          node,
          `${exported}const ${name} = ${ns}.Reference(${base.arguments.map(rewriteNode).join(", ")})\n` +
            `${exported}type ${name} = ${ns}.Service.Identifier<typeof ${name}>`
        )
        return true
      }
    }
    if (ts.isCallExpression(node)) {
      const args = node.arguments
      // globalValue(key, () => FiberRef.unsafeMake(init)) → Context.Reference(key, { defaultValue: () => init })
      const callee = ts.isIdentifier(node.expression) ? named.get(node.expression.text) : undefined
      if (callee?.[0] === "effect/GlobalValue" && callee[1] === "globalValue" && args.length === 2) {
        const make = args[1]!
        if (
          ts.isArrowFunction(make) && ts.isCallExpression(make.body) &&
          isCallOf(make.body, "effect/FiberRef", "unsafeMake") &&
          make.body.arguments.length === 1
        ) {
          replace(
            node,
            `${namespaceOf("effect/Context")}.Reference(${rewriteNode(args[0]!)}, { defaultValue: () => ${
              rewriteNode(make.body.arguments[0]!)
            } })`
          )
          return true
        }
      }
      // Fiber.poll(fiber) → Effect.sync(() => Option.fromUndefinedOr(fiber.pollUnsafe()))
      if (isCallOf(node, "effect/Fiber", "poll") && args.length === 1) {
        replace(
          node,
          `${namespaceOf("effect/Effect")}.sync(() => ${namespaceOf("effect/Option")}.fromUndefinedOr(${
            rewriteNode(args[0]!)
          }.pollUnsafe()))`
        )
        return true
      }
      // Metric.taggedWithLabels(metric, [MetricLabel.make(k, v), …]) and Metric.tagged(metric, k, v) →
      // Metric.withAttributes(metric, { k: v, … })
      if (isCallOf(node, "effect/Metric", "taggedWithLabels") || isCallOf(node, "effect/Metric", "tagged")) {
        const pairs = (node.expression as ts.PropertyAccessExpression).name.text === "tagged"
          ? args.length === 3 ? [[args[1]!, args[2]!] as const] : undefined
          : args.length === 2 && ts.isArrayLiteralExpression(args[1]!) &&
              args[1].elements.every((e) => isCallOf(e, "effect/MetricLabel", "make"))
          ? args[1].elements.map((e) => (e as ts.CallExpression).arguments).map(([k, v]) => [k!, v!] as const)
          : undefined
        if (pairs !== undefined) {
          const attributes = pairs.map(([k, v]) =>
            `${ts.isStringLiteral(k) ? textOf(k) : `[${rewriteNode(k)}]`}: ${rewriteNode(v)}`
          )
          replace(
            node,
            `${textOf((node.expression as ts.PropertyAccessExpression).expression)}.withAttributes(${
              rewriteNode(args[0]!)
            }, { ${attributes.join(", ")} })`
          )
          return true
        }
      }
      // MetricBoundaries.exponential/linear(options) → Metric.exponentialBoundaries/linearBoundaries(options)
      for (const kind of ["exponential", "linear"]) {
        if (isCallOf(node, "effect/MetricBoundaries", kind) && args.length === 1) {
          replace(node, `${namespaceOf("effect/Metric")}.${kind}Boundaries(${rewriteNode(args[0]!)})`)
          return true
        }
      }
      // Metric.histogram(name, boundaries, description?) → Metric.histogram(name, { boundaries, description })
      if (isCallOf(node, "effect/Metric", "histogram") && (args.length === 2 || args.length === 3)) {
        const description = args.length === 3 ? `, description: ${rewriteNode(args[2]!)}` : ""
        replace(
          node,
          `${textOf((node.expression as ts.PropertyAccessExpression).expression)}.histogram(${
            rewriteNode(args[0]!)
          }, { boundaries: ${rewriteNode(args[1]!)}${description} })`
        )
        return true
      }
      // globalValue(key, compute) (Effect 4 has no GlobalValue) → the same process-wide value, kept on globalThis
      // under the key (a symbol) or Symbol.for(key)
      if (callee?.[0] === "effect/GlobalValue" && callee[1] === "globalValue" && args.length === 2) {
        replace(
          node,
          `(<A>(key: unknown, compute: () => A): A => ((globalThis as any)[typeof key === "symbol" ? key : Symbol.for(String(key))] ??= compute()))(${
            rewriteNode(args[0]!)
          }, ${rewriteNode(args[1]!)})`
        )
        return true
      }
      // FiberRef.get(ref) → ref (a reference is an effect)
      if (isCallOf(node, "effect/FiberRef", "get") && args.length === 1) {
        replace(node, rewriteNode(args[0]!))
        return true
      }
      // fiber.unsafeInterruptAsFork(FiberId.none) → fiber.interruptUnsafe()
      if (
        ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "unsafeInterruptAsFork" &&
        args.length === 1 && ts.isPropertyAccessExpression(args[0]!) &&
        moduleOf(args[0].expression) === "effect/FiberId" && args[0].name.text === "none"
      ) {
        const dot = node.expression.questionDotToken === undefined ? "." : "?."
        replace(node, `${rewriteNode(node.expression.expression)}${dot}interruptUnsafe()`)
        return true
      }
      // Effect.withConfigProvider(self?, provider) → Effect.provideService(self?, ConfigProvider.ConfigProvider, provider)
      if (isCallOf(node, "effect/Effect", "withConfigProvider")) {
        const key = `${namespaceOf("effect/ConfigProvider")}.ConfigProvider`
        const [first, ...rest] = args.map(rewriteNode)
        replace(
          node,
          `${textOf((node.expression as ts.PropertyAccessExpression).expression)}.provideService(${
            rest.length === 0 ? `${key}, ${first}` : `${first}, ${key}, ${rest.join(", ")}`
          })`
        )
        return true
      }
      // Layer.setConfigProvider(provider) → ConfigProvider.layer(provider)
      if (isCallOf(node, "effect/Layer", "setConfigProvider") && args.length === 1) {
        replace(node, `${namespaceOf("effect/ConfigProvider")}.layer(${rewriteNode(args[0]!)})`)
        return true
      }
      // ConfigProvider.fromMap(map) → ConfigProvider.fromEnvRecord(Object.fromEntries(map))
      if (isCallOf(node, "effect/ConfigProvider", "fromMap") && args.length === 1) {
        replace(
          node,
          `${textOf((node.expression as ts.PropertyAccessExpression).expression)}.fromEnvRecord(Object.fromEntries(${
            rewriteNode(args[0]!)
          }))`
        )
        return true
      }
      // Config.validate(self?, { message, validation }) → Config.mapEffect(self?, (value) => validation(value) ?
      // succeed : fail with a ConfigError of an InvalidValue issue carrying the message)
      if (isCallOf(node, "effect/Config", "validate")) {
        const options = args[args.length - 1]!
        const props = ts.isObjectLiteralExpression(options)
          ? new Map(
            options.properties.filter(ts.isPropertyAssignment).map((p) => [textOf(p.name), p.initializer] as const)
          )
          : undefined
        const message = props?.get("message")
        const validation = props?.get("validation")
        if (message !== undefined && validation !== undefined && args.length <= 2) {
          const ns = textOf((node.expression as ts.PropertyAccessExpression).expression)
          const e = namespaceOf("effect/Effect")
          // `(n) => test` is inlined as `(n) => test ? … : …`, any other predicate is called
          const inline = ts.isArrowFunction(validation) && validation.parameters.length === 1 &&
            ts.isIdentifier(validation.parameters[0]!.name) && !ts.isBlock(validation.body)
          const value = inline ? textOf(validation.parameters[0]!.name) : "value"
          const test = inline ? rewriteNode(validation.body) : `(${rewriteNode(validation)})(value)`
          const error = `new ${ns}.ConfigError(new ${namespaceOf("effect/Schema")}.SchemaError(new ${
            namespaceOf("effect/SchemaIssue")
          }.InvalidValue({ message: ${rewriteNode(message)} }, ${value})))`
          const f = `(${value}) => ${test} ? ${e}.succeed(${value}) : ${e}.fail(${error})`
          replace(node, `${ns}.mapEffect(${args.length === 2 ? `${rewriteNode(args[0]!)}, ` : ""}${f})`)
          return true
        }
      }
    }
    // x.getFiberRef(ref) → x.getRef(ref)
    if (ts.isPropertyAccessExpression(node) && node.name.text === "getFiberRef") {
      replace(node.name, "getRef")
      return false
    }
    // FiberRef.FiberRef<A> → Context.Reference<A>
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "effect/FiberRef" && node.typeName.right.text === "FiberRef" &&
      node.typeArguments?.length === 1
    ) {
      replace(node, `${namespaceOf("effect/Context")}.Reference<${rewriteNode(node.typeArguments[0]!)}>`)
      return true
    }
    return false
  }
  /** Drops the imports of {@link removedModules} whose every use an edit replaced. */
  const dropDeadImports = () => {
    const uses = new Map<string, Array<ts.Identifier>>()
    const collect = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) return
      if (ts.isIdentifier(node)) uses.get(node.text)?.push(node)
      ts.forEachChild(node, collect)
    }
    const candidates: Array<readonly [ts.ImportDeclaration, ReadonlyArray<string>]> = []
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
      if (!removedModules.has(statement.moduleSpecifier.text)) continue
      const bindings = statement.importClause?.namedBindings
      const locals = bindings === undefined
        ? []
        : ts.isNamespaceImport(bindings)
        ? [bindings.name.text]
        : bindings.elements.map((e) => e.name.text)
      for (const local of locals) uses.set(local, [])
      candidates.push([statement, locals])
    }
    if (candidates.length === 0) return
    collect(source)
    const inEdit = (id: ts.Identifier) =>
      edits.some((e) =>
        e.start <= id.getStart(source) && id.getEnd() <= e.end && !new RegExp(`\\b${id.text}\\b`).test(e.text)
      )
    for (const [statement, locals] of candidates) {
      if (locals.every((local) => uses.get(local)!.every(inEdit))) {
        // the module specifier may carry an edit of its own: drop it first
        const at = edits.findIndex((e) => e.start === statement.moduleSpecifier.getStart(source))
        if (at >= 0) edits.splice(at, 1)
        edits.push({ start: statement.getStart(source), end: statement.getEnd() + 1, text: "" })
      }
    }
  }

  const visit = (node: ts.Node): void => {
    if (serviceRule(node)) return
    if (storeRule(node)) return
    // ExecutionStrategy.sequential / .parallel (Scope.fork's strategy) are Effect 4's "sequential" / "parallel"
    if (
      ts.isPropertyAccessExpression(node) && moduleOf(node.expression) === "effect/ExecutionStrategy" &&
      (node.name.text === "sequential" || node.name.text === "parallel")
    ) {
      replace(node, JSON.stringify(node.name.text))
      return
    }
    // new SchemaClass(props, true): v3's "skip validation" flag is Effect 4's `{ disableChecks: true }`
    if (
      ts.isNewExpression(node) && node.arguments?.length === 2 &&
      node.arguments[1]!.kind === ts.SyntaxKind.TrueKeyword &&
      [...namespaces.values()].includes("effect/Schema")
    ) {
      replace(node.arguments[1]!, "{ disableChecks: true }")
    }
    if (ts.isCallExpression(node) && pipelineCall(node)) return
    if (ts.isNewExpression(node) && httpErrorNew(node)) return
    // the types HttpClientError.RequestError / ResponseError → HttpClientError.HttpClientError
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "@effect/platform/HttpClientError" &&
      (node.typeName.right.text === "RequestError" || node.typeName.right.text === "ResponseError")
    ) {
      replace(node.typeName.right, "HttpClientError")
      return
    }
    if (ts.isCallExpression(node)) {
      const member = schemaCall(node)
      const ns = ts.isPropertyAccessExpression(node.expression) ? textOf(node.expression.expression) : ""
      const args = node.arguments
      if (member === "Union" && !(args.length === 1 && ts.isArrayLiteralExpression(args[0]!))) {
        edits.push({ start: args.pos, end: args.end, text: list(args) })
        return
      } else if (member === "Literal" && (args.length > 1 || (args.length === 1 && ts.isSpreadElement(args[0]!)))) {
        replace(node, `${ns}.Literals(${list(args)})`)
        return
      } else if (member === "Record" && args.length === 1 && ts.isObjectLiteralExpression(args[0]!)) {
        replace(node, recordOf(ns, args[0]))
        return
      } else if (
        member === "optionalWith" && args.length === 2 && textOf(args[1]!).replace(/\s/g, "") === "{exact:true}"
      ) {
        replace(node, `${ns}.optionalKey(${rewriteNode(args[0]!)})`)
        return
      } else if (member === "optionalWith" && args.length === 2 && ts.isObjectLiteralExpression(args[1]!)) {
        // optionalWith(X, { default: () => v }) → X.pipe(Schema.withDecodingDefaultType(Effect.succeed(v)))
        const fallback = args[1].properties.find((p) => ts.isPropertyAssignment(p) && textOf(p.name) === "default")
        if (
          args[1].properties.length !== 1 || fallback === undefined || !ts.isPropertyAssignment(fallback) ||
          !ts.isArrowFunction(fallback.initializer) || ts.isBlock(fallback.initializer.body)
        ) throw new Error(`${file}: Schema.optionalWith with options other than { exact: true } or { default }`)
        const value = rewriteNode(fallback.initializer.body)
        replace(
          node,
          `${rewriteNode(args[0]!)}.pipe(${ns}.withDecodingDefaultType(${effect()}.succeed(${value})))`
        )
        return
      } else if (member === "transform" && args.length === 3 && ts.isObjectLiteralExpression(args[2]!)) {
        // transform(A, B, { strict, decode, encode }) → A.pipe(Schema.decodeTo(B, SchemaTransformation.transform({ decode, encode })))
        const functions = args[2].properties.filter((p) => !(ts.isPropertyAssignment(p) && textOf(p.name) === "strict"))
        const transformation = namespaceOf("effect/SchemaTransformation", "SchemaTransformation")
        replace(
          node,
          `${rewriteNode(args[0]!)}.pipe(${ns}.decodeTo(${rewriteNode(args[1]!)}, ${transformation}.transform({ ${
            functions.map(rewriteNode).join(", ")
          } })))`
        )
        return
      } else if (
        member === "withConstructorDefault" && args.length === 1 && ts.isArrowFunction(args[0]!) &&
        !ts.isBlock(args[0].body)
      ) {
        replace(node, `${ns}.withConstructorDefault(${effect()}.succeed(${rewriteNode(args[0].body)}))`)
        return
      } else if (member === "Struct" && args.length > 1) {
        // a struct with index signatures: Schema.Struct(fields, record) → Schema.StructWithRest(Schema.Struct(fields), [record])
        const [fields, ...records] = args.map((arg, i) => i > 0 ? recordOf(ns, arg) : rewriteNode(arg))
        replace(node, `${ns}.StructWithRest(${ns}.Struct(${fields}), [${records.join(", ")}])`)
        return
      } else if (member !== undefined && member in checks) {
        replace(node, `${ns}.check(${ns}.${checks[member]!(args.map(rewriteNode))})`)
        return
      } else if (member === "filter") {
        const [predicate, annotations] = args
        const extra = annotations === undefined ? "" : `, ${filterAnnotations(annotations)}`
        replace(node, `${ns}.check(${ns}.makeFilter(${rewriteNode(predicate!)}${extra}))`)
        return
      }
      // x.pipe(..., Schema.propertySignature, ...): Effect 4 has no property signature step
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "pipe") {
        for (const arg of args) {
          if (
            ts.isPropertyAccessExpression(arg) && moduleOf(arg.expression) === "effect/Schema" &&
            arg.name.text === "propertySignature"
          ) {
            const next = args[args.indexOf(arg) + 1]
            edits.push({
              start: arg.getStart(source),
              end: next === undefined ? arg.getEnd() : next.getStart(source),
              text: ""
            })
          }
        }
      }
      // schema.annotations({...}) → schema.annotate({...})
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "annotations") {
        replace(node.expression.name, "annotate")
      }
    }
    // Context.Tag("id")<Self, Shape>() → Context.Service<Self, Shape>()("id")
    if (
      ts.isCallExpression(node) && ts.isCallExpression(node.expression) && node.typeArguments !== undefined &&
      ts.isPropertyAccessExpression(node.expression.expression) &&
      moduleOf(node.expression.expression.expression) === "effect/Context" &&
      node.expression.expression.name.text === "Tag"
    ) {
      const ns = textOf(node.expression.expression.expression)
      const types = node.typeArguments.map(rewriteNode).join(", ")
      replace(node, `${ns}.Service<${types}>()(${node.expression.arguments.map(rewriteNode).join(", ")})`)
      return
    }
    if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
      const left = ts.isPropertyAccessExpression(node) ? node.expression : node.left
      const right = ts.isPropertyAccessExpression(node) ? node.name : node.right
      const target = ts.isIdentifier(left) ? moved[namespaces.get(left.text) ?? ""]?.[right.text] : undefined
      if (target !== undefined) {
        replace(node, `${namespaceOf(target[0], target[1])}.${target[2]}`)
        movedUses.set((left as ts.Identifier).text, (movedUses.get((left as ts.Identifier).text) ?? 0) + 1)
        return
      }
    }
    if (ts.isPropertyAccessExpression(node)) {
      const from = moduleOf(node.expression)
      const name = node.name.text
      const renamed = from === undefined ? undefined : members[from]?.[name]
      if (renamed !== undefined) {
        replace(node.name, renamed)
        return
      }
      // Schema.Defect is a function in Effect 4
      if (
        from === "effect/Schema" && name === "Defect" &&
        !(ts.isCallExpression(node.parent) && node.parent.expression === node)
      ) {
        replace(node, `${textOf(node)}()`)
        return
      }
      // @effect/vitest 4: every test is scoped (`it.scoped` → `it.effect`, `it.scopedLive` → `it.live`)
      if (ts.isIdentifier(node.expression) && vitestNames.has(node.expression.text) && name in vitestRenames) {
        replace(node.name, vitestRenames[name]!)
        return
      }
      // Effect 4 puts "unsafe" last: unsafeCurrentTimeMillis → currentTimeMillisUnsafe
      const unsafe = /^unsafe([A-Z])(.*)$/.exec(name)
      if (unsafe !== null) replace(node.name, `${unsafe[1]!.toLowerCase()}${unsafe[2]}Unsafe`)
      // Either's fields, on files that use Either
      else if (usesEither && (name === "left" || name === "right")) {
        replace(node.name, name === "left" ? "failure" : "success")
      }
    }
    if (usesEither && ts.isStringLiteral(node) && (node.text === "Left" || node.text === "Right")) {
      replace(node, node.text === "Left" ? `"Failure"` : `"Success"`)
    }
    // Schema.Schema<A, I, R> → Schema.Codec<A, I, R, R>: Effect 4's Schema<T> has the type only, and v3's
    // Schema<A> (encoded A, no services) is Effect 4's Codec<A>
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "effect/Schema" && node.typeName.right.text === "Schema" &&
      node.typeArguments !== undefined
    ) {
      const [a, i, r] = node.typeArguments.map(rewriteNode)
      const services = r === undefined || r === "never" ? "" : `, ${r}, ${r}`
      replace(node, `${node.typeName.left.text}.Codec<${a}${i === undefined ? "" : `, ${i}`}${services}>`)
      return
    }
    // Schema.suspend<A, I, R> → Schema.suspend<Schema.Codec<A, I, R, R>>
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "effect/Schema" && node.typeName.right.text === "suspend" &&
      node.typeArguments !== undefined && node.typeArguments.length > 1
    ) {
      const ns = node.typeName.left.text
      const [a, i, r] = node.typeArguments.map(rewriteNode)
      const services = r === undefined || r === "never" ? "" : `, ${r}, ${r}`
      replace(node, `${ns}.suspend<${ns}.Codec<${a}, ${i}${services}>>`)
      return
    }
    // Schema.Union<[A, B]> → Schema.Union<readonly [A, B]>
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "effect/Schema" && node.typeName.right.text === "Union" &&
      node.typeArguments?.length === 1 && ts.isTupleTypeNode(node.typeArguments[0]!)
    ) {
      replace(node.typeArguments[0], `readonly ${rewriteNode(node.typeArguments[0])}`)
      return
    }
    // HttpApp.Default<E, R> → Effect.Effect<HttpServerResponse, E, R | HttpServerRequest> (Effect 4 has no HttpApp)
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "@effect/platform/HttpApp" && node.typeName.right.text === "Default"
    ) {
      const [e = "never", r] = (node.typeArguments ?? []).map(rewriteNode)
      const response = namespaceOf("effect/http/HttpServerResponse", "HttpServerResponse")
      const request = namespaceOf("effect/http/HttpServerRequest", "HttpServerRequest")
      replace(
        node,
        `${effect()}.Effect<${response}.HttpServerResponse, ${e}, ${
          r === undefined ? "" : `${r} | `
        }${request}.HttpServerRequest>`
      )
      movedUses.set(node.typeName.left.text, (movedUses.get(node.typeName.left.text) ?? 0) + 1)
      return
    }
    // Schema.Literal<[A]> → Schema.Literal<A>; Schema.Literal<[A, B]> → Schema.Literals<[A, B]>
    if (
      ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) &&
      namespaces.get(node.typeName.left.text) === "effect/Schema" && node.typeName.right.text === "Literal" &&
      node.typeArguments?.length === 1 && ts.isTupleTypeNode(node.typeArguments[0]!)
    ) {
      const elements = node.typeArguments[0].elements
      const ns = node.typeName.left.text
      replace(
        node,
        elements.length === 1 && !ts.isRestTypeNode(elements[0]!)
          ? `${ns}.Literal<${rewriteNode(elements[0]!)}>`
          : `${ns}.Literals<${rewriteNode(node.typeArguments[0])}>`
      )
      return
    }
    // a v3 Literal schema's `literals[0]` is Effect 4's `literal`
    if (
      ts.isElementAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "literals" && textOf(node.argumentExpression) === "0"
    ) {
      replace(node, `${rewriteNode(node.expression.expression)}.literal`)
      return
    }
    // Schema.Schema.Any / AnyNoContext / All → Schema.Top; Schema.Schema.Encoded → Schema.Codec.Encoded
    if (
      ts.isQualifiedName(node) && ts.isQualifiedName(node.left) && ts.isIdentifier(node.left.left) &&
      namespaces.get(node.left.left.text) === "effect/Schema" && node.left.right.text === "Schema"
    ) {
      const ns = node.left.left.text
      const name = node.right.text
      if (name === "Any" || name === "AnyNoContext" || name === "All") replace(node, `${ns}.Top`)
      else if (name === "Encoded" || name === "Context") {
        replace(node, `${ns}.Codec.${name === "Context" ? "DecodingServices" : name}`)
      }
      return
    }
    // Schema.Struct.Field → Schema.Top
    if (
      ts.isQualifiedName(node) && ts.isQualifiedName(node.left) && ts.isIdentifier(node.left.left) &&
      namespaces.get(node.left.left.text) === "effect/Schema" && node.left.right.text === "Struct" &&
      node.right.text === "Field"
    ) {
      replace(node, `${node.left.left.text}.Top`)
      return
    }
    if (ts.isQualifiedName(node) && ts.isIdentifier(node.left)) {
      const from = namespaces.get(node.left.text)
      const renamed = from === undefined ? undefined : members[from]?.[node.right.text]
      if (renamed !== undefined) {
        replace(node.right, renamed)
        return
      }
    }
    ts.forEachChild(node, visit)
  }

  // -------------------------------------------------------------------------------------------------------------
  // request pipeline: call shapes Effect 4 changed (true when the call was rewritten)
  // -------------------------------------------------------------------------------------------------------------
  const propsOf = (node: ts.Expression | undefined) =>
    node !== undefined && ts.isObjectLiteralExpression(node) &&
      node.properties.every((p) => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))
      ? new Map(
        node.properties.map((p) =>
          [
            textOf(p.name!),
            ts.isPropertyAssignment(p) ? rewriteNode(p.initializer) : textOf(p.name!)
          ] as const
        )
      )
      : undefined
  const pipelineCall = (node: ts.CallExpression): boolean => {
    const callee = node.expression
    if (!ts.isPropertyAccessExpression(callee)) return false
    const from = moduleOf(callee.expression)
    const ns = textOf(callee.expression)
    const name = callee.name.text
    const args = node.arguments
    // Effect.timeoutFail(self, { duration, onTimeout }) → Effect.timeoutOrElse(self, { duration, orElse })
    if (from === "effect/Effect" && name === "timeoutFail" && (args.length === 1 || args.length === 2)) {
      const props = propsOf(args[args.length - 1])
      if (props === undefined || !props.has("duration") || !props.has("onTimeout")) return false
      const options = `{ duration: ${props.get("duration")}, orElse: () => ${ns}.fail((${props.get("onTimeout")})()) }`
      replace(node, `${ns}.timeoutOrElse(${args.length === 2 ? `${rewriteNode(args[0]!)}, ` : ""}${options})`)
      return true
    }
    // Metric.histogram(name, boundaries, description) → Metric.histogram(name, { boundaries, description })
    if (from === "effect/Metric" && name === "histogram" && (args.length === 2 || args.length === 3)) {
      const [id, boundaries, description] = args.map(rewriteNode)
      const extra = description === undefined ? "" : `, description: ${description}`
      replace(node, `${ns}.histogram(${id}, { boundaries: ${boundaries}${extra} })`)
      return true
    }
    // HttpClient.withTracerDisabledWhen(predicate): Effect 4 reads the `TracerDisabledWhen` reference
    if (from === "@effect/platform/HttpClient" && name === "withTracerDisabledWhen") {
      const predicate = rewriteNode(args[args.length - 1]!)
      const self = args.length === 2 ? `${rewriteNode(args[0]!)}, ` : ""
      replace(
        node,
        `${ns}.transform(${self}(effect) => ${effect()}.provideService(effect, ${ns}.TracerDisabledWhen, ${predicate}))`
      )
      return true
    }
    // Stream.fromReadableStream(evaluate, onError) → Stream.fromReadableStream({ evaluate, onError })
    if (from === "effect/Stream" && name === "fromReadableStream" && args.length === 2) {
      replace(
        node,
        `${ns}.fromReadableStream({ evaluate: ${rewriteNode(args[0]!)}, onError: ${rewriteNode(args[1]!)} })`
      )
      return true
    }
    // Effect.useSpan(name, { captureStackTrace, ... }, f): Effect 4's span options take no stack trace option
    if (from === "effect/Effect" && (name === "useSpan" || name === "makeSpan" || name === "makeSpanScoped")) {
      const options = args[1]
      if (options === undefined || !ts.isObjectLiteralExpression(options)) return false
      const kept = options.properties.filter((p) => !(p.name !== undefined && textOf(p.name) === "captureStackTrace"))
      if (kept.length === options.properties.length) return false
      const rest = args.slice(2).map((a) => `, ${rewriteNode(a)}`).join("")
      replace(node, `${ns}.${name}(${rewriteNode(args[0]!)}, { ${kept.map(rewriteNode).join(", ")} }${rest})`)
      return true
    }
    // ConfigProvider.fromMap(map) → ConfigProvider.fromEnvRecord(Object.fromEntries(map))
    if (from === "effect/ConfigProvider" && name === "fromMap" && args.length === 1) {
      replace(node, `${ns}.fromEnvRecord(Object.fromEntries(${rewriteNode(args[0]!)}))`)
      return true
    }
    // Layer.setConfigProvider(provider) → ConfigProvider.layer(provider)
    if (from === "effect/Layer" && name === "setConfigProvider" && args.length === 1) {
      const provider = [...namespaces].find(([, m]) => m === "effect/ConfigProvider")?.[0]
      if (provider === undefined) return false
      replace(node, `${provider}.layer(${rewriteNode(args[0]!)})`)
      return true
    }
    // --- reliability: Logger.withMinimumLogLevel(LogLevel.X) → Effect.provideService(References.MinimumLogLevel, "X")
    // (Effect 4's levels are strings); Cause.isEmpty(cause) → an Effect 4 cause with no reasons ---
    if (from === "effect/Logger" && name === "withMinimumLogLevel" && args.length === 1) {
      const level = args[0]!
      if (!ts.isPropertyAccessExpression(level) || moduleOf(level.expression) !== "effect/LogLevel") return false
      const references = namespaceOf("effect/References", "References")
      replace(node, `${effect()}.provideService(${references}.MinimumLogLevel, ${JSON.stringify(level.name.text)})`)
      return true
    }
    if (from === "effect/Cause" && name === "isEmpty" && args.length === 1) {
      replace(node, `(${rewriteNode(args[0]!)}.reasons.length === 0)`)
      return true
    }
    // Logger.replace(Logger.defaultLogger, logger) → Logger.layer([logger])
    if (
      from === "effect/Logger" && name === "replace" && args.length === 2 &&
      textOf(args[0]!) === `${ns}.defaultLogger`
    ) {
      replace(node, `${ns}.layer([${rewriteNode(args[1]!)}])`)
      return true
    }
    // --- examples (demo): NodeRuntime.runMain(effect, { disablePrettyLogger }) — Effect 4's runMain installs no
    // pretty logger and has no such option: it is dropped (with the options object when nothing else is in it) ---
    if (from === "@effect/platform-node/NodeRuntime" && name === "runMain" && args.length === 2) {
      const options = args[1]!
      if (!ts.isObjectLiteralExpression(options)) return false
      const kept = options.properties.filter((p) => !(p.name !== undefined && textOf(p.name) === "disablePrettyLogger"))
      if (kept.length === options.properties.length) return false
      const rest = kept.length === 0 ? "" : `, { ${kept.map(rewriteNode).join(", ")} }`
      replace(node, `${ns}.runMain(${rewriteNode(args[0]!)}${rest})`)
      return true
    }
    return false
  }

  /** Effect 4's HttpClientError: one class whose `reason` is the failure (Effect 3's reason strings, as classes). */
  const httpErrorNew = (node: ts.NewExpression): boolean => {
    const callee = node.expression
    if (!ts.isPropertyAccessExpression(callee) || moduleOf(callee.expression) !== "@effect/platform/HttpClientError") {
      return false
    }
    const ns = textOf(callee.expression)
    if (callee.name.text !== "RequestError" && callee.name.text !== "ResponseError") return false
    const arg = node.arguments?.[0]
    if (arg === undefined || !ts.isObjectLiteralExpression(arg)) return false
    const reasonProp = arg.properties.find((p) => p.name !== undefined && textOf(p.name) === "reason")
    if (
      reasonProp === undefined || !ts.isPropertyAssignment(reasonProp) || !ts.isStringLiteral(reasonProp.initializer)
    ) return false
    const rest = arg.properties.filter((p) => p !== reasonProp).map(rewriteNode).join(", ")
    replace(node, `new ${ns}.HttpClientError({ reason: new ${ns}.${reasonProp.initializer.text}Error({ ${rest} }) })`)
    return true
  }

  /** The rewritten text of a sub-tree (for arguments moved around by an edit). */
  const rewriteNode = (node: ts.Node): string => {
    const start = node.getStart(source)
    const end = node.getEnd()
    const before = edits.length
    visit(node)
    const inner = edits.splice(before).filter((e) => e.start >= start && e.end <= end)
    return applyEdits(text.slice(start, end), inner.map((e) => ({ ...e, start: e.start - start, end: e.end - start })))
  }

  /** A v3 record (`Schema.Record({ key, value })`, or a struct's `{ key, value }` index signature) in Effect 4's form. */
  const recordOf = (ns: string, node: ts.Expression): string => {
    const record = ts.isCallExpression(node) && schemaCall(node) === "Record" ? node.arguments[0]! : node
    if (!ts.isObjectLiteralExpression(record)) return rewriteNode(node)
    const props = new Map(
      record.properties.filter(ts.isPropertyAssignment).map((p) => [textOf(p.name), p.initializer] as const)
    )
    const key = props.get("key")
    const value = props.get("value")
    if (key === undefined || value === undefined) throw new Error(`${file}: a record without key and value`)
    return `${ns}.Record(${rewriteNode(key)}, ${rewriteNode(value)})`
  }

  /** v3 filter annotations: `message: () => text` is `message: text` in Effect 4. */
  const filterAnnotations = (node: ts.Expression): string => {
    if (!ts.isObjectLiteralExpression(node)) return rewriteNode(node)
    return `{ ${
      node.properties.map((p) =>
        ts.isPropertyAssignment(p) && textOf(p.name) === "message" && ts.isArrowFunction(p.initializer) &&
          p.initializer.parameters.length === 0 && !ts.isBlock(p.initializer.body)
          ? `message: ${rewriteNode(p.initializer.body)}`
          : rewriteNode(p)
      ).join(", ")
    } }`
  }

  // -------------------------------------------------------------------------------------------------------------
  // store: call shapes Effect 4 changed (true when the call was rewritten)
  // -------------------------------------------------------------------------------------------------------------
  function storeRule(node: ts.Node): boolean {
    // Effect.Effect.Success<T> / Error<T> / Context<T> → Effect.Success<T> / Error<T> / Services<T>
    if (
      ts.isQualifiedName(node) && ts.isQualifiedName(node.left) && ts.isIdentifier(node.left.left) &&
      namespaces.get(node.left.left.text) === "effect/Effect" && node.left.right.text === "Effect" &&
      ["Success", "Error", "Context"].includes(node.right.text)
    ) {
      replace(node, `${node.left.left.text}.${node.right.text === "Context" ? "Services" : node.right.text}`)
      return true
    }
    if (!ts.isCallExpression(node)) return false
    const args = node.arguments
    const ns = ts.isPropertyAccessExpression(node.expression) ? textOf(node.expression.expression) : ""
    // Deferred.unsafeMake<A, E>(FiberId.none) → Deferred.makeUnsafe<A, E>()
    if (
      isCallOf(node, "effect/Deferred", "unsafeMake") && args.length === 1 &&
      ts.isPropertyAccessExpression(args[0]!) && moduleOf(args[0].expression) === "effect/FiberId"
    ) {
      const types = node.typeArguments === undefined ? "" : `<${node.typeArguments.map(rewriteNode).join(", ")}>`
      replace(node, `${ns}.makeUnsafe${types}()`)
      return true
    }
    // Schedule.union(that) (piped) → self ↦ Schedule.min([self, that]); Schedule.union(a, b) → Schedule.min([a, b])
    if (isCallOf(node, "effect/Schedule", "union") && args.length === 1) {
      replace(
        node,
        `(<O, I, E, R>(self: ${ns}.Schedule<O, I, E, R>) => ${ns}.min([self, ${rewriteNode(args[0]!)}]))`
      )
      return true
    }
    if (isCallOf(node, "effect/Schedule", "union") && args.length === 2) {
      replace(node, `${ns}.min([${rewriteNode(args[0]!)}, ${rewriteNode(args[1]!)}])`)
      return true
    }
    // Schedule.upTo(duration) → Schedule.upTo({ duration })
    if (isCallOf(node, "effect/Schedule", "upTo") && args.length === 1 && !ts.isObjectLiteralExpression(args[0]!)) {
      replace(node, `${ns}.upTo({ duration: ${rewriteNode(args[0]!)} })`)
      return true
    }
    // Metric.increment(counter) → Metric.update(counter, 1)
    if (isCallOf(node, "effect/Metric", "increment") && args.length === 1) {
      replace(node, `${ns}.update(${rewriteNode(args[0]!)}, 1)`)
      return true
    }
    return false
  }

  visit(source)
  for (const [name, count] of movedUses) {
    let uses = 0
    const countUses = (node: ts.Node): void => {
      if (
        ts.isIdentifier(node) && node.text === name &&
        ((ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) ||
          (ts.isQualifiedName(node.parent) && node.parent.left === node))
      ) uses++
      ts.forEachChild(node, countUses)
    }
    countUses(source)
    const declaration = source.statements.find((statement) =>
      ts.isImportDeclaration(statement) && statement.importClause?.namedBindings !== undefined &&
      ts.isNamespaceImport(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.name.text === name
    )
    if (uses === count && declaration !== undefined) {
      const [from, to] = [declaration.getFullStart(), declaration.getEnd()]
      for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.start >= from && edits[i]!.end <= to) edits.splice(i, 1)
      edits.push({ start: from, end: to, text: "" })
    }
  }
  dropDeadImports()
  if (addedImports.size > 0) {
    const at = source.statements.find(ts.isImportDeclaration)?.getStart(source) ?? 0
    const imports = [...addedImports].map(([name, module]) => `import * as ${name} from "${module}"\n`).join("")
    edits.push({ start: at, end: at, text: imports })
  }
  try {
    return applyEdits(text, edits)
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`)
  }
}

const applyEdits = (text: string, edits: ReadonlyArray<Edit>): string => {
  const sorted = [...edits].sort((a, b) => a.start - b.start)
  let out = ""
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at) {
      throw new Error(`overlapping edits at ${edit.start}: ${JSON.stringify(edit.text).slice(0, 80)}`)
    }
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + text.slice(at)
}
