import * as Redacted from "effect/Redacted"

/** The token used by the core tests; it must never show up in any output. */
export const SECRET = "secret_core_test_token_1234567890"
export const token = Redacted.make(SECRET)
