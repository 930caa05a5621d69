// The Effect 4 clients of bench/src/worker.mjs (which measures them exactly as the others): `ours4-lean` (the
// Effect 4 `@notion-effect/core` over its `@notion-effect/undici`), `ours4-fetch` (over `effect/http`'s
// `FetchHttpClient`), and the Effect 4 floor (floor.mjs) over the same two: `floor4-lean`, `floor4`. Ours from the
// built packages (`effect4/packages/*/dist`, with the `notion-effect-dist` condition), as a user of the published
// package runs them. Here, under effect4/, `effect` resolves to 4.1, the version the built packages import.

/**
 * Loads one client; `imported()` is called once its modules are imported (before the client is built), as the worker
 * does for the others. Returns the worker's API: `users`, `page`, `paginate` (ours only), `dispose`.
 */
export const load = async (client, base, imported) => {
  const { Effect, Layer, ManagedRuntime, Redacted, Stream } = await import("effect")
  const lean = client === "ours4-lean" || client === "floor4-lean"
  const http = lean
    ? (await import("../packages/undici/dist/index.js")).UndiciHttpClient.layer
    : (await import("effect/http/FetchHttpClient")).layer
  if (client === "floor4" || client === "floor4-lean") {
    const Floor = await import("./floor.mjs")
    imported()
    const runtime = ManagedRuntime.make(http)
    const notion = await runtime.runPromise(Floor.make(base, "secret_bench"))
    return {
      users: () => runtime.runPromise(notion.users.list()),
      page: () => runtime.runPromise(notion.pages.retrieve({ page_id: "p1" })),
      paginate: undefined,
      dispose: () => runtime.dispose()
    }
  }
  if (client !== "ours4-lean" && client !== "ours4-fetch") throw new Error(`unknown Effect 4 client ${client}`)
  const { NotionAuth, NotionClient, NotionConfig } = await import("../packages/core/dist/index.js")
  imported()
  const runtime = ManagedRuntime.make(NotionClient.layer.pipe(Layer.provide([
    NotionAuth.layer(Redacted.make("secret_bench")),
    NotionConfig.layer({ baseUrl: base }),
    http
  ])))
  const notion = await runtime.runPromise(Effect.service(NotionClient.NotionClient))
  return {
    users: () => runtime.runPromise(notion.users.list()),
    page: () => runtime.runPromise(notion.pages.retrieve({ page_id: "p1" })),
    paginate: () => runtime.runPromise(Stream.runCount(NotionClient.paginate(notion.users.list, {}))),
    dispose: () => runtime.dispose()
  }
}
