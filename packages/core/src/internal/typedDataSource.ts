/**
 * The typed data source service over the Notion client: `TypedDataSource.make`'s implementation.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { NotionClient } from "../NotionClient.js"
import * as NotionVersion from "../NotionVersion.js"
import { isFullPage, type Page } from "../Page.js"
import * as Pagination from "../Pagination.js"
import type {
  DecodeOptions,
  Definition,
  Fields,
  MakeOptions,
  QueryOptions,
  TypedDataSource
} from "../TypedDataSource.js"
import * as Results from "./results.js"
import * as Streams from "./streams.js"
import { decodePage, encodeInput, RowDecodeError, sortBy, where } from "./typedRows.js"

const notFull = (page: { readonly id: string }, why: string) =>
  new RowDecodeError({
    pageId: page.id,
    issues: [],
    page,
    message: `Page ${page.id} ${why}`
  })

/** A typed data source over the Notion client (see `TypedDataSource.make`). */
export const make = <F extends Fields>(
  definition: Definition<F>,
  dataSourceId: string = definition.dataSourceId,
  options: MakeOptions = {}
): Effect.Effect<TypedDataSource<F>, never, NotionClient> =>
  Effect.map(NotionClient, (client): TypedDataSource<F> => {
    const version = options.notionVersion ?? client.notionVersion
    // every call carries the version when one is given; the client's own is sent anyway
    const call = options.notionVersion === undefined ? {} : { notionVersion: options.notionVersion }
    const propertyIds = NotionVersion.atLeast(version, "2026-12-01")
      ? { filter_properties: Object.values(definition.fields as Fields).map((spec) => spec.id) }
      : {}
    const whereF = where(definition)
    const sortF = sortBy(definition)
    const decode = (page: Page, options: DecodeOptions = {}) =>
      decodePage(definition, page, { ...options, dataSourceId })

    const toRow = (answer: { readonly object: string; readonly id: string }, options: DecodeOptions = {}) =>
      answer.object !== "page"
        ? Effect.fail(notFull(answer, `is not a page (${answer.object}): the request is still running`))
        : isFullPage(answer)
        ? Results.toEffect(decode(answer, options))
        : Effect.fail(notFull(answer, "is partial: the integration cannot read it"))

    const query = (options: QueryOptions<F> = {}) => {
      const filter = typeof options.filter === "function" ? options.filter(whereF) : options.filter
      const sorts = typeof options.sorts === "function" ? options.sorts(sortF) : options.sorts
      const strict = options.strict === true
      const pages = Pagination.stream(client.dataSources.query, {
        ...call,
        ...propertyIds,
        data_source_id: dataSourceId,
        ...(filter === undefined ? {} : { filter }),
        ...(sorts === undefined ? {} : { sorts }),
        ...(options.pageSize === undefined ? {} : { page_size: options.pageSize })
      })
      return Streams.mapGroupsEffect(pages, (items) =>
        Effect.suspend(() => {
          const out: Array<unknown> = []
          for (const item of items) {
            if (item.object !== "page") continue
            const decoded = isFullPage(item)
              ? decode(item, { strict })
              : Either.left(notFull(item, "is partial: the integration cannot read it"))
            if (Either.isRight(decoded)) out.push(strict ? decoded.right : decoded)
            else if (decoded.left._tag === "PropertyNotFound" || strict) return Effect.fail(decoded.left)
            else out.push(decoded)
          }
          return Effect.succeed(out)
        }))
    }

    return {
      definition,
      dataSourceId,
      where: whereF,
      sort: sortF,
      query: query as TypedDataSource<F>["query"],
      decode,
      retrieve: (pageId, options) =>
        Effect.flatMap(client.pages.retrieve({ ...call, page_id: pageId }), (page) => toRow(page, options)),
      create: (values) =>
        Effect.flatMap(Results.toEffect(encodeInput(definition, values)), (properties) =>
          Effect.flatMap(
            client.pages.create({ ...call, parent: { data_source_id: dataSourceId }, properties }),
            (page) => toRow(page)
          )),
      update: (pageId, values) =>
        Effect.flatMap(
          Results.toEffect(encodeInput(definition, values)),
          (properties) =>
            Effect.flatMap(client.pages.update({ ...call, page_id: pageId, properties }), (page) => toRow(page))
        ),
      trash: (pageId) => Effect.asVoid(client.pages.update({ ...call, page_id: pageId, in_trash: true }))
    }
  })
