/**
 * The hostile corpus: a generated list of more than 200 misbehaving answers, by category. Canary secrets are
 * what the runner sends; several cases echo the whole request back, so a secret we sent would surface in any
 * error that keeps a body or a message.
 */
import { type Behavior, response, type Script } from "./hostile.js"

/** Secrets the runner sends; none may appear anywhere an error, a log or a span shows. */
export const canaries = {
  access: "ntn_canary_access_5f0e3c1d2b4a69788796a5b4c3d2e1f0",
  refresh: "nrt_canary_refresh_0f1e2d3c4b5a69788796a5b4c3d2e1f",
  code: "canary_code_7e6d5c4b3a29180f1e2d3c4b5a697887",
  clientSecret: "canary_client_secret_1a2b3c4d5e6f708192a3b4c5d6e7f8"
} as const

/** One case: a name, a category and its script. */
export interface Case {
  readonly name: string
  readonly category: string
  readonly script: Script
  /** Whether the runner retries it (with a tiny schedule): Retry-After and rate-limit cases. */
  readonly retried?: boolean
}

const once = (chunks: ReadonlyArray<string | Uint8Array>, then: Behavior["then"] = "end"): Script => () => ({
  chunks,
  then
})

const user = (id: string) => ({ object: "user", id, name: "U", avatar_url: null, type: "person", person: {} })
const userList = JSON.stringify({
  object: "list",
  results: [user("u1"), user("u2")],
  next_cursor: null,
  has_more: false
})
const page = JSON.stringify({
  object: "page",
  id: "p1",
  created_time: "2025-01-01T00:00:00.000Z",
  last_edited_time: "2025-01-01T00:00:00.000Z",
  url: "https://www.notion.so/p1",
  parent: { type: "workspace", workspace: true },
  properties: {},
  created_by: { object: "user", id: "u1" },
  last_edited_by: { object: "user", id: "u1" }
})
const token = JSON.stringify({
  access_token: canaries.access,
  token_type: "bearer",
  refresh_token: canaries.refresh,
  bot_id: "b",
  workspace_id: "w"
})
const notionError = (status: number, code: string, message = "m", extra: object = {}) =>
  JSON.stringify({ object: "error", status, code, message, ...extra })

/** Builds the corpus. */
export const corpus = (): ReadonlyArray<Case> => {
  const cases: Array<Case> = []
  const add = (category: string, name: string, script: Script, retried = false) =>
    cases.push({ category, name, script, retried })

  // non-JSON bodies at many statuses
  const junk = [
    "<html><body>oops</body></html>",
    "plain text",
    "",
    "{",
    "[1,2",
    "\u0000\u0001\u0002",
    "𝒳 ünïcode",
    "null"
  ]
  for (const status of [200, 201, 400, 401, 404, 429, 500, 502, 503]) {
    for (const body of junk) {
      add("non-JSON body", `${status} ${JSON.stringify(body).slice(0, 20)}`, once([response(status, body)]))
    }
  }
  // truncated JSON, at several cut points of valid answers
  for (const [label, body] of [["users", userList], ["page", page], ["token", token]] as const) {
    for (const fraction of [0.1, 0.3, 0.5, 0.8, 0.99]) {
      add(
        "truncated JSON",
        `${label} cut at ${fraction}`,
        once([response(200, body.slice(0, Math.floor(body.length * fraction)))])
      )
    }
  }
  // a UTF-8 byte order mark before valid JSON
  for (const [label, body] of [["users", userList], ["page", page], ["token", token]] as const) {
    for (const status of [200, 400]) {
      const bytes = new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode(status === 200 ? body : notionError(400, "validation_error"))
      ])
      add("BOM", `${label} ${status}`, once([response(status, bytes)]))
    }
  }
  // wrong types and wrong kinds in 2xx bodies
  const wrong = [
    ["results not an array", { object: "list", results: "x", next_cursor: null, has_more: false }],
    ["id a number", { object: "list", results: [{ ...user("u"), id: 5 }], next_cursor: null, has_more: false }],
    ["a page where a user is expected", {
      object: "list",
      results: [JSON.parse(page)],
      next_cursor: null,
      has_more: false
    }],
    ["has_more a string", { object: "list", results: [], next_cursor: null, has_more: "no" }],
    ["a list where a page is expected", JSON.parse(userList)],
    ["an array", [1, 2, 3]],
    ["a number", 42],
    ["a string", "ok"],
    ["true", true],
    ["object missing everything", {}],
    ["token without access_token", { token_type: "bearer", bot_id: "b", workspace_id: "w" }],
    ["token with an object access_token", { access_token: { v: canaries.access }, bot_id: "b", workspace_id: "w" }],
    ["token with numeric ids", { access_token: canaries.access, bot_id: 1, workspace_id: 2 }],
    ["deeply nested", JSON.parse("[".repeat(2000) + "]".repeat(2000))],
    ["10,000 wrong items", {
      object: "list",
      results: Array.from({ length: 10_000 }, (_, i) => ({ id: i })),
      next_cursor: null,
      has_more: false
    }],
    ["has_more without cursor", { object: "list", results: [user("u")], next_cursor: null, has_more: true }],
    ["null results", { object: "list", results: null, next_cursor: null, has_more: false }],
    [
      "__proto__ keys",
      JSON.parse(`{"__proto__":{"polluted":true},"object":"list","results":[],"next_cursor":null,"has_more":false}`)
    ],
    ["a huge string field", { ...JSON.parse(page), url: "x".repeat(300_000) }],
    ["introspect active a string", { active: "yes" }]
  ] as const
  for (const [name, body] of wrong) add("wrong type or kind", name, once([response(200, JSON.stringify(body))]))
  // HTML error pages, with and without cf-ray
  for (const status of [403, 502, 503, 520, 524]) {
    for (const ray of [true, false]) {
      add(
        "HTML error page",
        `${status}${ray ? " with cf-ray" : ""}`,
        once([response(status, `<html><h1>${status}</h1>cloudflare</html>`, {
          "content-type": "text/html",
          ...(ray ? { "cf-ray": "8f00ba11-LHR" } : {})
        })])
      )
    }
  }
  // empty bodies
  for (const status of [200, 204, 400, 429, 500, 502]) add("empty body", String(status), once([response(status, "")]))
  // wrong content types around valid answers
  for (const contentType of ["text/html", "application/xml", ""]) {
    for (
      const [label, body] of [["users", userList], ["page", page], [
        "error",
        notionError(404, "object_not_found")
      ]] as const
    ) {
      add(
        "wrong content type",
        `${label} as ${contentType || "none"}`,
        once([response(label === "error" ? 404 : 200, body, { "content-type": contentType })])
      )
    }
  }
  // bodies past the size limit (the runner sets 64 KiB)
  const big = JSON.stringify({ ...JSON.parse(page), padding: "x".repeat(200_000) })
  add("past the size limit", "declared length", once([response(200, big)]))
  add(
    "past the size limit",
    "chunked",
    once([
      "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
      ...Array.from({ length: 20 }, () => `2710\r\n${"x".repeat(10_000)}\r\n`),
      "0\r\n\r\n"
    ])
  )
  add(
    "past the size limit",
    "a lying huge content-length",
    once(["HTTP/1.1 200 OK\r\ncontent-length: 999999999\r\n\r\n{}"], "stall")
  )
  add(
    "past the size limit",
    "an error body of 1 MB",
    once([response(500, "y".repeat(1_000_000), { "content-type": "text/plain" })])
  )
  // stalls
  add("stall", "no headers at all", once([], "stall"))
  add("stall", "half a status line", once(["HTTP/1.1 20"], "stall"))
  add("stall", "headers, then no body", once(["HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n"], "stall"))
  add(
    "stall",
    "part of the body",
    once(["HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{\"object\":\"list\",\"res"], "stall")
  )
  add(
    "stall",
    "chunked body that never ends",
    once(["HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{\"obj\r\n"], "stall")
  )
  // resets
  add("reset", "before anything", once([], "reset"))
  add("reset", "mid headers", once(["HTTP/1.1 200 OK\r\ncontent-ty"], "reset"))
  add("reset", "mid body", once(["HTTP/1.1 200 OK\r\ncontent-length: 500\r\n\r\n{\"object\":\"li"], "reset"))
  add("reset", "after a 500's headers", once(["HTTP/1.1 500 X\r\ncontent-length: 50\r\n\r\n"], "reset"))
  // redirects
  for (const status of [301, 302, 303, 307, 308]) {
    add(
      "redirect",
      `${status} to a closed port`,
      once([response(status, "", { location: "http://127.0.0.1:9/v1/users" })])
    )
  }
  add(
    "redirect",
    "loop to itself",
    (seen, base) => ({ chunks: [response(302, "", { location: `${base}${seen.path}` })], then: "end" })
  )
  add("redirect", "to a data: URL", once([response(302, "", { location: "data:text/plain,hi" })]))
  add("redirect", "without a location", once([response(302, "")]))
  // compressed garbage
  for (const encoding of ["gzip", "br", "deflate"]) {
    for (const status of [200, 500]) {
      add(
        "encoding garbage",
        `${encoding} ${status}`,
        once([
          response(status, "not compressed at all", {
            "content-type": "application/json",
            "content-encoding": encoding
          })
        ])
      )
    }
  }
  add(
    "encoding garbage",
    "bad chunk size",
    once(["HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"])
  )
  add(
    "encoding garbage",
    "chunk longer than announced",
    once(["HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nabcdef\r\n0\r\n\r\n"])
  )
  // Retry-After: negative, huge, past dates, garbage — on 429 and 529
  for (const status of [429, 529]) {
    const code = status === 429 ? "rate_limited" : "service_overload"
    for (
      const value of [
        "-5",
        "99999999",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "garbage",
        "1.5",
        "",
        "0",
        "86400",
        "Thu, 01 Jan 2099 00:00:00 GMT"
      ]
    ) {
      add(
        "Retry-After",
        `${status} ${JSON.stringify(value)}`,
        once([
          response(status, notionError(status, code), { "content-type": "application/json", "retry-after": value })
        ]),
        true
      )
    }
  }
  // Notion error bodies that echo what we sent, or are oversized, or odd
  for (const status of [400, 401, 500]) {
    add("echo", `${status} validation_error echoing the request`, (seen) => ({
      chunks: [
        response(
          status,
          notionError(status, "validation_error", `bad request: ${seen.raw}`, {
            additional_data: { request: seen.raw }
          })
        )
      ],
      then: "end"
    }))
    add("echo", `${status} HTML echoing the request`, (seen) => ({
      chunks: [response(status, `<html><pre>${seen.raw}</pre></html>`, { "content-type": "text/html" })],
      then: "end"
    }))
    add("echo", `${status} RFC 6749 error echoing the request`, (seen) => ({
      chunks: [response(status, JSON.stringify({ error: "invalid_request", error_description: seen.raw }))],
      then: "end"
    }))
  }
  add("echo", "200 wrong shape echoing the request", (seen) => ({
    chunks: [response(200, JSON.stringify({ object: "list", results: [{ echoed: seen.raw }], next_cursor: 5 }))],
    then: "end"
  }))
  add(
    "odd error body",
    "1 MB message",
    once([response(400, notionError(400, "validation_error", "m".repeat(1_000_000)))])
  )
  add(
    "odd error body",
    "huge additional_data",
    once([response(400, notionError(400, "validation_error", "m", { additional_data: { x: "d".repeat(500_000) } }))])
  )
  for (const code of ["constructor", "__proto__", "toString", 42, null]) {
    add(
      "odd error body",
      `code ${JSON.stringify(code)}`,
      once([response(400, JSON.stringify({ object: "error", status: 400, code, message: "m" }))])
    )
  }
  // broken status lines and headers
  add("protocol", "status 999", once([response("HTTP/1.1 999 Weird", userList)]))
  add("protocol", "status not a number", once([response("HTTP/1.1 abc Weird", userList)]))
  add("protocol", "not HTTP at all", once(["garbage\r\n\r\n"]))
  add("protocol", "HTTP/0.9-style body only", once([userList]))
  add(
    "protocol",
    "a 100 KB header",
    once([response(200, userList, { "content-type": "application/json", "x-big": "h".repeat(100_000) })])
  )
  add(
    "protocol",
    "duplicate content-length",
    once(["HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 40\r\n\r\n{}"])
  )
  return cases
}
