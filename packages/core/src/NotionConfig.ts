/**
 * Client settings: base URL, Notion version, timeout per attempt, user agent and retry policy.
 * It has defaults, so providing it is optional.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as NotionRetry from "./NotionRetry.js"
import * as NotionVersion from "./NotionVersion.js"

/**
 * The settings every request reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Where the API lives, without a trailing slash (default `https://api.notion.com`). */
  readonly baseUrl: string
  /**
   * The `Notion-Version` header (default `2025-09-03`, the official SDK's): requests are shaped and checked for it
   * (see {@link NotionVersion}). Another string is sent as given, with a warning logged once.
   */
  readonly notionVersion: NotionVersion.NotionVersion
  /** Time allowed for one attempt, from sending to the last byte of the body (default 60 s). */
  readonly timeout: Duration.Duration
  /** The `User-Agent` header. */
  readonly userAgent: string
  /** The retry policy of every request (default {@link NotionRetry.defaultSchedule}). */
  readonly retry: NotionRetry.RetrySchedule
  /** The largest response body read, in bytes (default 32 MiB); a larger one fails with `ResponseTooLarge`. */
  readonly maxResponseBytes: number
  /** Headers sent with every request; the SDK's own (`authorization`, `notion-version`…) win over them. */
  readonly headers: Readonly<Record<string, string>>
  /** Send W3C `traceparent` headers of the request's span to Notion (default `false`). */
  readonly tracerPropagation: boolean
  /** Wraps the composed `HttpClient` once, when the client is built (your middleware, logging, a proxy). */
  readonly transformClient: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/**
 * The values used when nothing is configured.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaults: Service = {
  baseUrl: "https://api.notion.com",
  notionVersion: NotionVersion.defaultVersion,
  timeout: Duration.seconds(60),
  userAgent: "notion-effect/0.1.0",
  retry: NotionRetry.defaultSchedule,
  maxResponseBytes: 32 * 1024 * 1024,
  headers: {},
  tracerPropagation: false,
  transformClient: undefined
}

/**
 * The client settings, defaulting to {@link defaults}.
 *
 * @since 0.1.0
 * @category tags
 */
export class NotionConfig extends Context.Reference<NotionConfig>()("@notion-effect/core/NotionConfig", {
  defaultValue: (): Service => defaults
}) {}

/**
 * Settings to override; the rest keeps its default.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly baseUrl?: string
  readonly notionVersion?: NotionVersion.NotionVersion
  readonly timeout?: Duration.DurationInput
  readonly userAgent?: string
  readonly retry?: NotionRetry.RetrySchedule
  readonly maxResponseBytes?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly tracerPropagation?: boolean
  readonly transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
}

/**
 * Builds settings from options over the defaults.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Service => ({
  baseUrl: (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, ""),
  notionVersion: options.notionVersion ?? defaults.notionVersion,
  timeout: options.timeout === undefined ? defaults.timeout : Duration.decode(options.timeout),
  userAgent: options.userAgent ?? defaults.userAgent,
  retry: options.retry ?? defaults.retry,
  maxResponseBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
  headers: options.headers ?? defaults.headers,
  tracerPropagation: options.tracerPropagation ?? defaults.tracerPropagation,
  transformClient: options.transformClient
})

/**
 * Provides settings built from options.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<NotionConfig> => Layer.succeed(NotionConfig, make(options))

/**
 * Provides settings read from `NOTION_BASE_URL`, `NOTION_VERSION` and `NOTION_TIMEOUT` (e.g. `30 seconds`),
 * each falling back to the given options, then to the defaults.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (options: Options = {}): Layer.Layer<NotionConfig, ConfigError.ConfigError> =>
  Layer.effect(
    NotionConfig,
    Effect.gen(function*() {
      const baseUrl = yield* Config.option(Config.string("NOTION_BASE_URL"))
      const notionVersion = yield* Config.option(Config.string("NOTION_VERSION"))
      const timeout = yield* Config.option(Config.duration("NOTION_TIMEOUT"))
      return make({
        ...options,
        ...(baseUrl._tag === "Some" ? { baseUrl: baseUrl.value } : {}),
        ...(notionVersion._tag === "Some" ? { notionVersion: notionVersion.value } : {}),
        ...(timeout._tag === "Some" ? { timeout: timeout.value } : {})
      })
    })
  )
