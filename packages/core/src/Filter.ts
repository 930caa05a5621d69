/**
 * `dataSources.query` filters and sorts (request side): schemas that check a filter before it is sent, and typed
 * constructors that build the JSON Notion expects.
 *
 * ```ts
 * const filter = Filter.and(
 *   Filter.checkbox("Done", { equals: false }),
 *   Filter.or(Filter.date("Due", { before: "2025-01-01" }), Filter.date("Due", { is_empty: true }))
 * )
 * const sorts = [Sort.descending("Due"), Sort.timestamp("created_time", "ascending")]
 * ```
 *
 * Compound filters nest two levels at most: `and`/`or` of leaves and of `and`/`or` of leaves.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

// ---------------------------------------------------------------------------------------------------------------
// conditions
// ---------------------------------------------------------------------------------------------------------------

/** `{}` and nothing else (the value of `this_week`, `past_month`, …). */
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

// ---------------------------------------------------------------------------------------------------------------
// filters
// ---------------------------------------------------------------------------------------------------------------

/** The schema of a filter on one property kind (named, so declarations stay small). */
type PropertyFilterOf<Kind extends string, Condition extends Schema.Schema.All> = Schema.Struct<
  & { readonly property: typeof Schema.String; readonly type: Schema.optional<Schema.Literal<[Kind]>> }
  & { readonly [K in Kind]: Condition }
>

const propertyFilter = <const Kind extends string, Condition extends Schema.Schema.All>(
  kind: Kind,
  condition: Condition
): PropertyFilterOf<Kind, Condition> =>
  Schema.Struct(
    { property: Schema.String, type: Schema.optional(Schema.Literal(kind)), [kind]: condition } as unknown as
      & { readonly property: typeof Schema.String; readonly type: Schema.optional<Schema.Literal<[Kind]>> }
      & { readonly [K in Kind]: Condition }
  )

/**
 * A filter on one property `{ property: <name or id>, <type>: condition }` (`type` may repeat the kind).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PropertyFilter: Schema.Union<[
  PropertyFilterOf<"title", typeof TextCondition>,
  PropertyFilterOf<"rich_text", typeof TextCondition>,
  PropertyFilterOf<"url", typeof TextCondition>,
  PropertyFilterOf<"email", typeof TextCondition>,
  PropertyFilterOf<"phone_number", typeof TextCondition>,
  PropertyFilterOf<"number", typeof NumberCondition>,
  PropertyFilterOf<"unique_id", typeof NumberCondition>,
  PropertyFilterOf<"checkbox", typeof CheckboxCondition>,
  PropertyFilterOf<"select", typeof SelectCondition>,
  PropertyFilterOf<"multi_select", typeof MultiSelectCondition>,
  PropertyFilterOf<"status", typeof StatusCondition>,
  PropertyFilterOf<"date", typeof DateCondition>,
  PropertyFilterOf<"created_time", typeof DateCondition>,
  PropertyFilterOf<"last_edited_time", typeof DateCondition>,
  PropertyFilterOf<"people", typeof PeopleCondition>,
  PropertyFilterOf<"created_by", typeof PeopleCondition>,
  PropertyFilterOf<"last_edited_by", typeof PeopleCondition>,
  PropertyFilterOf<"relation", typeof RelationCondition>,
  PropertyFilterOf<"files", typeof ExistenceCondition>,
  PropertyFilterOf<"formula", typeof FormulaCondition>,
  PropertyFilterOf<"rollup", typeof RollupCondition>,
  PropertyFilterOf<"verification", typeof VerificationCondition>
]> = Schema.Union(
  propertyFilter("title", TextCondition),
  propertyFilter("rich_text", TextCondition),
  propertyFilter("url", TextCondition),
  propertyFilter("email", TextCondition),
  propertyFilter("phone_number", TextCondition),
  propertyFilter("number", NumberCondition),
  propertyFilter("unique_id", NumberCondition),
  propertyFilter("checkbox", CheckboxCondition),
  propertyFilter("select", SelectCondition),
  propertyFilter("multi_select", MultiSelectCondition),
  propertyFilter("status", StatusCondition),
  propertyFilter("date", DateCondition),
  propertyFilter("created_time", DateCondition),
  propertyFilter("last_edited_time", DateCondition),
  propertyFilter("people", PeopleCondition),
  propertyFilter("created_by", PeopleCondition),
  propertyFilter("last_edited_by", PeopleCondition),
  propertyFilter("relation", RelationCondition),
  propertyFilter("files", ExistenceCondition),
  propertyFilter("formula", FormulaCondition),
  propertyFilter("rollup", RollupCondition),
  propertyFilter("verification", VerificationCondition)
).annotations({ identifier: "PropertyFilter" })

/**
 * A filter on one property.
 *
 * @since 0.1.0
 * @category models
 */
export type PropertyFilter = typeof PropertyFilter.Type

/**
 * The page timestamps a filter or sort can use without a property.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Timestamp = Schema.Literal("created_time", "last_edited_time")

/**
 * A page timestamp.
 *
 * @since 0.1.0
 * @category models
 */
export type Timestamp = typeof Timestamp.Type

/**
 * A filter on a page timestamp without a property: `{ timestamp: "created_time", created_time: condition }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TimestampFilter = Schema.Union(
  Schema.Struct({
    timestamp: Schema.Literal("created_time"),
    type: Schema.optional(Schema.Literal("created_time")),
    created_time: DateCondition
  }),
  Schema.Struct({
    timestamp: Schema.Literal("last_edited_time"),
    type: Schema.optional(Schema.Literal("last_edited_time")),
    last_edited_time: DateCondition
  })
).annotations({ identifier: "TimestampFilter" })

/**
 * A filter on a page timestamp.
 *
 * @since 0.1.0
 * @category models
 */
export type TimestampFilter = typeof TimestampFilter.Type

/**
 * A filter that is not compound: a {@link PropertyFilter} or a {@link TimestampFilter}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LeafFilter: Schema.Union<[typeof PropertyFilter, typeof TimestampFilter]> = Schema.Union(
  PropertyFilter,
  TimestampFilter
)

/**
 * A filter that is not compound.
 *
 * @since 0.1.0
 * @category models
 */
export type LeafFilter = typeof LeafFilter.Type

/**
 * The inner level of a compound filter: `{ and: [leaves] }` or `{ or: [leaves] }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NestedFilter: Schema.Union<[
  Schema.Struct<{ and: Schema.Array$<typeof LeafFilter> }>,
  Schema.Struct<{ or: Schema.Array$<typeof LeafFilter> }>
]> = Schema.Union(
  Schema.Struct({ and: Schema.Array(LeafFilter) }),
  Schema.Struct({ or: Schema.Array(LeafFilter) })
).annotations({ identifier: "NestedFilter" })

/**
 * The inner level of a compound filter.
 *
 * @since 0.1.0
 * @category models
 */
export type NestedFilter = typeof NestedFilter.Type

const CompoundItem: Schema.Union<[typeof LeafFilter, Schema.suspend<NestedFilter, NestedFilter, never>]> = Schema
  .Union(LeafFilter, Schema.suspend((): Schema.Schema<NestedFilter> => NestedFilter))

/**
 * A compound filter: `{ and: [...] }` or `{ or: [...] }` of leaves and {@link NestedFilter}s (two levels at most).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CompoundFilter: Schema.Union<[
  Schema.Struct<{ and: Schema.Array$<typeof CompoundItem> }>,
  Schema.Struct<{ or: Schema.Array$<typeof CompoundItem> }>
]> = Schema.Union(
  Schema.Struct({ and: Schema.Array(CompoundItem) }),
  Schema.Struct({ or: Schema.Array(CompoundItem) })
).annotations({ identifier: "CompoundFilter" })

/**
 * A compound filter.
 *
 * @since 0.1.0
 * @category models
 */
export type CompoundFilter = typeof CompoundFilter.Type

// ---------------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------------

const leaf = <const Kind extends string, Condition>(kind: Kind) =>
(
  property: string,
  condition: Condition
): { readonly property: string } & { readonly [K in Kind]: Condition } =>
  ({ property, [kind]: condition }) as { readonly property: string } & { readonly [K in Kind]: Condition }

/**
 * All of the given filters (leaves, or `or`/`and` of leaves): `{ and: [...] }`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const and = <const F extends ReadonlyArray<LeafFilter | NestedFilter>>(...filters: F): { readonly and: F } => ({
  and: filters
})

/**
 * Any of the given filters (leaves, or `and`/`or` of leaves): `{ or: [...] }`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const or = <const F extends ReadonlyArray<LeafFilter | NestedFilter>>(...filters: F): { readonly or: F } => ({
  or: filters
})

/**
 * A filter on a title property: `title("Name", { contains: "x" })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const title = leaf<"title", TextCondition>("title")

/**
 * A filter on a rich text property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const richText = leaf<"rich_text", TextCondition>("rich_text")

/**
 * A filter on a URL property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const url = leaf<"url", TextCondition>("url")

/**
 * A filter on an email property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const email = leaf<"email", TextCondition>("email")

/**
 * A filter on a phone number property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const phoneNumber = leaf<"phone_number", TextCondition>("phone_number")

/**
 * A filter on a number property: `number("Estimate", { greater_than: 3 })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const number = leaf<"number", NumberCondition>("number")

/**
 * A filter on a unique ID property (its number).
 *
 * @since 0.1.0
 * @category constructors
 */
export const uniqueId = leaf<"unique_id", NumberCondition>("unique_id")

/**
 * A filter on a checkbox property: `checkbox("Done", { equals: true })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkbox = leaf<"checkbox", CheckboxCondition>("checkbox")

/**
 * A filter on a select property: `select("Priority", { equals: "High" })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const select = leaf<"select", SelectCondition>("select")

/**
 * A filter on a multi-select property: `multiSelect("Tags", { contains: "urgent" })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const multiSelect = leaf<"multi_select", MultiSelectCondition>("multi_select")

/**
 * A filter on a status property: `status("Status", { does_not_equal: ["Done", "Archived"] })`, or on its group:
 * `status("Status", { group: { equals: "Complete" } })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = leaf<"status", StatusCondition>("status")

/**
 * A filter on a date property: `date("Due", { on_or_before: "2025-06-30" })`, `date("Due", { next_week: {} })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const date = leaf<"date", DateCondition>("date")

/**
 * A filter on a created time property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const createdTime = leaf<"created_time", DateCondition>("created_time")

/**
 * A filter on a last edited time property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const lastEditedTime = leaf<"last_edited_time", DateCondition>("last_edited_time")

/**
 * A filter on a people property: `people("Assignee", { contains: "me" })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const people = leaf<"people", PeopleCondition>("people")

/**
 * A filter on a created by property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const createdBy = leaf<"created_by", PeopleCondition>("created_by")

/**
 * A filter on a last edited by property.
 *
 * @since 0.1.0
 * @category constructors
 */
export const lastEditedBy = leaf<"last_edited_by", PeopleCondition>("last_edited_by")

/**
 * A filter on a relation property: `relation("Project", { contains: pageId })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const relation = leaf<"relation", RelationCondition>("relation")

/**
 * A filter on a files property (emptiness only).
 *
 * @since 0.1.0
 * @category constructors
 */
export const files = leaf<"files", ExistenceCondition>("files")

/**
 * A filter on a formula property's result: `formula("Score", { number: { greater_than: 10 } })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const formula = leaf<"formula", FormulaCondition>("formula")

/**
 * A filter on a rollup property: `rollup("Tasks", { any: { status: { equals: "Done" } } })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rollup = leaf<"rollup", RollupCondition>("rollup")

/**
 * A filter on a verification property: `verification("Verified", { status: "verified" })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const verification = leaf<"verification", VerificationCondition>("verification")

/**
 * A filter on a page timestamp without a property: `timestamp("created_time", { past_week: {} })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timestamp = <T extends Timestamp>(
  kind: T,
  condition: DateCondition
): { readonly timestamp: T } & { readonly [K in T]: DateCondition } =>
  ({ timestamp: kind, [kind]: condition }) as { readonly timestamp: T } & { readonly [K in T]: DateCondition }

const constructors = {
  and,
  or,
  title,
  richText,
  url,
  email,
  phoneNumber,
  number,
  uniqueId,
  checkbox,
  select,
  multiSelect,
  status,
  date,
  createdTime,
  lastEditedTime,
  people,
  createdBy,
  lastEditedBy,
  relation,
  files,
  formula,
  rollup,
  verification,
  timestamp
}

/**
 * A `dataSources.query` filter: a {@link LeafFilter} or a {@link CompoundFilter}. The constructors are also on
 * it: `Filter.and(Filter.title("Name", { contains: "x" }), …)`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Filter: Schema.Schema<Filter, FilterEncoded> & typeof constructors = Object.assign(
  Schema.Union(LeafFilter, CompoundFilter).annotations({ identifier: "Filter" }),
  constructors
)

/**
 * A `dataSources.query` filter. Spelled as a union of the two named unions (not `typeof Filter.Type`) so that
 * declarations using it — every endpoint that takes a filter — print `Filter` instead of its whole expansion.
 *
 * @since 0.1.0
 * @category models
 */
export type Filter = LeafFilter | CompoundFilter

/**
 * A `dataSources.query` filter as JSON.
 *
 * @since 0.1.0
 * @category models
 */
export type FilterEncoded = typeof LeafFilter.Encoded | typeof CompoundFilter.Encoded

// ---------------------------------------------------------------------------------------------------------------
// sorts
// ---------------------------------------------------------------------------------------------------------------

/**
 * `ascending` or `descending`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Direction = Schema.Literal("ascending", "descending")

/**
 * `ascending` or `descending`.
 *
 * @since 0.1.0
 * @category models
 */
export type Direction = typeof Direction.Type

/**
 * Sorts by a property, ascending: `{ property, direction: "ascending" }`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ascending = (property: string): { readonly property: string; readonly direction: "ascending" } => ({
  property,
  direction: "ascending"
})

/**
 * Sorts by a property, descending: `{ property, direction: "descending" }`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const descending = (property: string): { readonly property: string; readonly direction: "descending" } => ({
  property,
  direction: "descending"
})

/**
 * Sorts by a page timestamp: `{ timestamp, direction }` (ascending unless told).
 *
 * @since 0.1.0
 * @category constructors
 */
export const byTimestamp = <T extends Timestamp, D extends Direction = "ascending">(
  timestamp: T,
  direction: D = "ascending" as D
): { readonly timestamp: T; readonly direction: D } => ({ timestamp, direction })

/**
 * A sort: `{ property, direction }` or `{ timestamp, direction }`; in `sorts`, earlier entries win. The
 * constructors are also on it: `Sort.ascending("Due")`, `Sort.descending("Due")`,
 * `Sort.timestamp("created_time", "descending")`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Sort = Object.assign(
  Schema.Union(
    Schema.Struct({ property: Schema.String, direction: Direction }),
    Schema.Struct({ timestamp: Timestamp, direction: Direction })
  ).annotations({ identifier: "Sort" }),
  { ascending, descending, timestamp: byTimestamp }
)

/**
 * A sort.
 *
 * @since 0.1.0
 * @category models
 */
export type Sort = typeof Sort.Type

/**
 * The `sorts` of a query.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Sorts = Schema.Array(Sort)

/**
 * The `sorts` of a query.
 *
 * @since 0.1.0
 * @category models
 */
export type Sorts = typeof Sorts.Type
