// Effect 4's form of packages/cli/test/edition.ts.

/** The prefix of the PostgreSQL schemas the tests create (each edition its own, as both run against one server). */
export const schemaPrefix = "cli4_grant"
