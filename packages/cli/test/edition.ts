// What the CLI's tests name differently in each edition (the Effect 4 edition has its own form of this module).

/** The prefix of the PostgreSQL schemas the tests create (each edition its own, as both run against one server). */
export const schemaPrefix = "cli_grant"
