/**
 * The conditions of `dataSources.query` filters, one schema per property kind and per timestamp: what `Filter`'s
 * constructors take and its schemas check. Public through `Filter`.
 */
import * as Schema from "effect/Schema"

/** Exactly `{}` (the relative date conditions take no settings). */
const NoSettings = Schema.Record({ key: Schema.String, value: Schema.Never })

const one = <const Key extends string, Value extends Schema.Schema.All>(key: Key, value: Value) =>
  Schema.Struct({ [key]: value } as unknown as { readonly [K in Key]: Value })

/**
 * One operator and its operand: `Op<"equals", string>` is `{ readonly equals: string }`; several operators give a
 * union, one object each (`Op<"before" | "after", string>`). The condition types below are written as unions of
 * these (not `typeof X.Type`) so that they keep their names in declarations and hovers.
 *
 * @since 0.1.0
 * @category models
 */
export type Op<K extends string, V> = K extends string ? { readonly [P in K]: V } : never

const existence = [one("is_empty", Schema.Literal(true)), one("is_not_empty", Schema.Literal(true))] as const

/**
 * `{ is_empty: true }` or `{ is_not_empty: true }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExistenceCondition: Schema.Schema<ExistenceCondition> = Schema.Union(...existence)

/**
 * `{ is_empty: true }` or `{ is_not_empty: true }`.
 *
 * @since 0.1.0
 * @category models
 */
export type ExistenceCondition = Op<"is_empty", true> | Op<"is_not_empty", true>

/**
 * A condition on text (title, rich_text, url, email, phone_number): `equals`, `does_not_equal`, `contains`,
 * `does_not_contain`, `starts_with`, `ends_with`, or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TextCondition: Schema.Schema<TextCondition> = Schema.Union(
  one("equals", Schema.String),
  one("does_not_equal", Schema.String),
  one("contains", Schema.String),
  one("does_not_contain", Schema.String),
  one("starts_with", Schema.String),
  one("ends_with", Schema.String),
  ...existence
)

/**
 * A condition on text.
 *
 * @since 0.1.0
 * @category models
 */
export type TextCondition =
  | Op<"equals" | "does_not_equal" | "contains" | "does_not_contain" | "starts_with" | "ends_with", string>
  | ExistenceCondition

/**
 * A condition on a number (number, unique_id): `equals`, `does_not_equal`, `greater_than`, `less_than`,
 * `greater_than_or_equal_to`, `less_than_or_equal_to`, or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberCondition: Schema.Schema<NumberCondition> = Schema.Union(
  one("equals", Schema.Number),
  one("does_not_equal", Schema.Number),
  one("greater_than", Schema.Number),
  one("less_than", Schema.Number),
  one("greater_than_or_equal_to", Schema.Number),
  one("less_than_or_equal_to", Schema.Number),
  ...existence
)

/**
 * A condition on a number.
 *
 * @since 0.1.0
 * @category models
 */
export type NumberCondition =
  | Op<
    "equals" | "does_not_equal" | "greater_than" | "less_than" | "greater_than_or_equal_to" | "less_than_or_equal_to",
    number
  >
  | ExistenceCondition

/**
 * A condition on a checkbox: `equals` or `does_not_equal`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CheckboxCondition: Schema.Schema<CheckboxCondition> = Schema.Union(
  one("equals", Schema.Boolean),
  one("does_not_equal", Schema.Boolean)
)

/**
 * A condition on a checkbox.
 *
 * @since 0.1.0
 * @category models
 */
export type CheckboxCondition = Op<"equals", boolean> | Op<"does_not_equal", boolean>

const OneOrMany = Schema.Union(Schema.String, Schema.Array(Schema.String))

/**
 * A condition on a select or status: `equals` or `does_not_equal` an option name (or any of several), or
 * emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SelectCondition: Schema.Schema<SelectCondition> = Schema.Union(
  one("equals", OneOrMany),
  one("does_not_equal", OneOrMany),
  ...existence
)

/**
 * A condition on a select or status.
 *
 * @since 0.1.0
 * @category models
 */
export type SelectCondition =
  | Op<"equals", string | ReadonlyArray<string>>
  | Op<"does_not_equal", string | ReadonlyArray<string>>
  | ExistenceCondition

/**
 * A condition on a status group's name (`To-do`, `In progress`, `Complete`…): `equals` or `does_not_equal`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StatusGroupCondition: Schema.Schema<StatusGroupCondition> = Schema.Union(
  one("equals", Schema.String),
  one("does_not_equal", Schema.String)
)

/**
 * A condition on a status group's name.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusGroupCondition = Op<"equals", string> | Op<"does_not_equal", string>

/**
 * A condition on a status: an option name (as {@link SelectCondition}), or its group (`{ group: { equals } }`).
 * From `2026-12-01` `equals` matches option names only; group filters need the
 * `Notion-Beta: status-group-filters-2026-10-06` preview before that version, which the SDK adds.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StatusCondition: Schema.Schema<StatusCondition> = Schema.Union(
  SelectCondition,
  one("group", StatusGroupCondition)
)

/**
 * A condition on a status.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusCondition = SelectCondition | Op<"group", StatusGroupCondition>

/**
 * A condition on a multi-select: `contains` or `does_not_contain` an option name (or several), or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MultiSelectCondition: Schema.Schema<MultiSelectCondition> = Schema.Union(
  one("contains", OneOrMany),
  one("does_not_contain", OneOrMany),
  ...existence
)

/**
 * A condition on a multi-select.
 *
 * @since 0.1.0
 * @category models
 */
export type MultiSelectCondition =
  | Op<"contains", string | ReadonlyArray<string>>
  | Op<"does_not_contain", string | ReadonlyArray<string>>
  | ExistenceCondition

/**
 * The relative dates Notion accepts in place of an ISO date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RelativeDate = Schema.Literal(
  "today",
  "tomorrow",
  "yesterday",
  "one_week_ago",
  "one_week_from_now",
  "one_month_ago",
  "one_month_from_now"
)

/**
 * A relative date.
 *
 * @since 0.1.0
 * @category models
 */
export type RelativeDate = typeof RelativeDate.Type

/**
 * A condition on a date (date, created_time, last_edited_time, timestamps): `equals`, `before`, `after`,
 * `on_or_before`, `on_or_after` an ISO 8601 date or datetime (or a {@link RelativeDate}); `this_week`,
 * `past_week`, `past_month`, `past_year`, `next_week`, `next_month`, `next_year` (value `{}`); or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateCondition: Schema.Schema<DateCondition> = Schema.Union(
  one("equals", Schema.String),
  one("before", Schema.String),
  one("after", Schema.String),
  one("on_or_before", Schema.String),
  one("on_or_after", Schema.String),
  one("this_week", NoSettings),
  one("past_week", NoSettings),
  one("past_month", NoSettings),
  one("past_year", NoSettings),
  one("next_week", NoSettings),
  one("next_month", NoSettings),
  one("next_year", NoSettings),
  ...existence
)

/**
 * A condition on a date.
 *
 * @since 0.1.0
 * @category models
 */
export type DateCondition =
  | Op<"equals" | "before" | "after" | "on_or_before" | "on_or_after", string>
  | Op<
    "this_week" | "past_week" | "past_month" | "past_year" | "next_week" | "next_month" | "next_year",
    typeof NoSettings.Type
  >
  | ExistenceCondition

/**
 * A condition on people (people, created_by, last_edited_by): `contains` or `does_not_contain` a user id (or
 * `"me"`), or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PeopleCondition: Schema.Schema<PeopleCondition> = Schema.Union(
  one("contains", Schema.String),
  one("does_not_contain", Schema.String),
  ...existence
)

/**
 * A condition on people.
 *
 * @since 0.1.0
 * @category models
 */
export type PeopleCondition = Op<"contains", string> | Op<"does_not_contain", string> | ExistenceCondition

/**
 * A condition on a relation: `contains` or `does_not_contain` a page id, or emptiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RelationCondition: Schema.Schema<RelationCondition> = Schema.Union(
  one("contains", Schema.String),
  one("does_not_contain", Schema.String),
  ...existence
)

/**
 * A condition on a relation.
 *
 * @since 0.1.0
 * @category models
 */
export type RelationCondition = Op<"contains", string> | Op<"does_not_contain", string> | ExistenceCondition

/**
 * A condition on a formula's result, by result type: `{ string | checkbox | number | date: condition }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FormulaCondition: Schema.Schema<FormulaCondition> = Schema.Union(
  one("string", TextCondition),
  one("checkbox", CheckboxCondition),
  one("number", NumberCondition),
  one("date", DateCondition)
)

/**
 * A condition on a formula's result.
 *
 * @since 0.1.0
 * @category models
 */
export type FormulaCondition =
  | Op<"string", TextCondition>
  | Op<"checkbox", CheckboxCondition>
  | Op<"number", NumberCondition>
  | Op<"date", DateCondition>

/**
 * A condition on each item of a rollup (after `any`, `none` or `every`): `{ <type>: condition }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RollupItemCondition: Schema.Schema<RollupItemCondition> = Schema.Union(
  one("rich_text", TextCondition),
  one("number", NumberCondition),
  one("checkbox", CheckboxCondition),
  one("select", SelectCondition),
  one("multi_select", MultiSelectCondition),
  one("relation", RelationCondition),
  one("date", DateCondition),
  one("people", PeopleCondition),
  one("files", ExistenceCondition),
  one("status", StatusCondition)
)

/**
 * A condition on each item of a rollup.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupItemCondition =
  | Op<"rich_text", TextCondition>
  | Op<"number", NumberCondition>
  | Op<"checkbox", CheckboxCondition>
  | Op<"select", SelectCondition>
  | Op<"multi_select", MultiSelectCondition>
  | Op<"relation", RelationCondition>
  | Op<"date", DateCondition>
  | Op<"people", PeopleCondition>
  | Op<"files", ExistenceCondition>
  | Op<"status", StatusCondition>

/**
 * A condition on a rollup: `any`, `none` or `every` item matching a {@link RollupItemCondition}, or a condition on
 * an aggregated `date` or `number`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RollupCondition: Schema.Schema<RollupCondition> = Schema.Union(
  one("any", RollupItemCondition),
  one("none", RollupItemCondition),
  one("every", RollupItemCondition),
  one("date", DateCondition),
  one("number", NumberCondition)
)

/**
 * A condition on a rollup.
 *
 * @since 0.1.0
 * @category models
 */
export type RollupCondition =
  | Op<"any" | "none" | "every", RollupItemCondition>
  | Op<"date", DateCondition>
  | Op<"number", NumberCondition>

const VerificationState = Schema.Literal("verified", "expired", "none")

/**
 * A condition on a verification: `{ status }` or `{ does_not_equal }` (`verified`, `expired` or `none`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const VerificationCondition: Schema.Schema<VerificationCondition> = Schema.Union(
  one("status", VerificationState),
  one("does_not_equal", VerificationState)
)

/**
 * A condition on a verification.
 *
 * @since 0.1.0
 * @category models
 */
export type VerificationCondition =
  | Op<"status", "verified" | "expired" | "none">
  | Op<"does_not_equal", "verified" | "expired" | "none">
