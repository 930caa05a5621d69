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
import {
  CheckboxCondition,
  DateCondition,
  ExistenceCondition,
  FormulaCondition,
  MultiSelectCondition,
  NumberCondition,
  type Op,
  PeopleCondition,
  RelationCondition,
  RelativeDate,
  RollupCondition,
  RollupItemCondition,
  SelectCondition,
  StatusCondition,
  StatusGroupCondition,
  TextCondition,
  VerificationCondition
} from "./internal/filterConditions.js"

/**
 * The condition of each property kind and of timestamps (`CheckboxCondition`, `DateCondition`, …): schemas and
 * types.
 *
 * @since 0.1.0
 * @category conditions
 */
export {
  CheckboxCondition,
  DateCondition,
  ExistenceCondition,
  FormulaCondition,
  MultiSelectCondition,
  NumberCondition,
  PeopleCondition,
  RelationCondition,
  RelativeDate,
  RollupCondition,
  RollupItemCondition,
  SelectCondition,
  StatusCondition,
  StatusGroupCondition,
  TextCondition,
  VerificationCondition
}

/**
 * The condition types without a schema of the same name (`Op`: one operator and its value).
 *
 * @since 0.1.0
 * @category conditions
 */
export type { Op }

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

/** `{ and: [items] }` or `{ or: [items] }`. */
type AndOr<Item extends Schema.Schema.Any> = Schema.Union<[
  Schema.Struct<{ and: Schema.Array$<Item> }>,
  Schema.Struct<{ or: Schema.Array$<Item> }>
]>

const andOr = <Item extends Schema.Schema.Any>(item: Item): AndOr<Item> =>
  Schema.Union(Schema.Struct({ and: Schema.Array(item) }), Schema.Struct({ or: Schema.Array(item) }))

/**
 * The inner level of a compound filter: `{ and: [leaves] }` or `{ or: [leaves] }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NestedFilter: AndOr<typeof LeafFilter> = andOr(LeafFilter).annotations({ identifier: "NestedFilter" })

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
export const CompoundFilter: AndOr<typeof CompoundItem> = andOr(CompoundItem).annotations({
  identifier: "CompoundFilter"
})

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
