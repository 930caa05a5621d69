/**
 * Fault injection: make chosen routes misbehave the way production sometimes does.
 *
 * @since 0.1.0
 */
import type * as Duration from "effect/Duration"

/**
 * What goes wrong.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind =
  /** A Notion error body with this status (code derived from the status unless given). */
  | { readonly _tag: "Status"; readonly status: number; readonly code?: string; readonly retryAfter?: string }
  /** An edge proxy's HTML 502 with a `cf-ray` header. */
  | { readonly _tag: "HtmlBadGateway" }
  /** A 200 whose body is not JSON. */
  | { readonly _tag: "NonJson" }
  /** Wait before handling the request normally. */
  | { readonly _tag: "Latency"; readonly duration: Duration.DurationInput }
  /** Never send headers. */
  | { readonly _tag: "StallHeaders" }
  /** Send status and headers and part of the body, then nothing more. */
  | { readonly _tag: "StallBody" }
  /** Send status and headers and part of the body, then reset the connection. */
  | { readonly _tag: "ResetMidBody" }

/**
 * A rule: which requests it hits and how often.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule {
  /** A route name such as `GET /v1/users/{id}` or `POST /v1/oauth/token`; every route when absent. */
  readonly route?: string
  /** Chance per matching request, 0 to 1 (default 1). */
  readonly probability?: number
  /** How many requests it hits before it stops (default: no limit). */
  readonly times?: number
  readonly kind: Kind
}

/**
 * Answers with a Notion error of this status (`code` derived from the status unless given).
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (
  status: number,
  options: { readonly code?: string; readonly retryAfter?: string } = {}
): Kind => ({ _tag: "Status", status, ...options })

/**
 * An HTML 502 from the edge, with `cf-ray`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const htmlBadGateway: Kind = { _tag: "HtmlBadGateway" }

/**
 * A 200 with a non-JSON body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nonJson: Kind = { _tag: "NonJson" }

/**
 * A delay before the normal answer.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latency = (duration: Duration.DurationInput): Kind => ({ _tag: "Latency", duration })

/**
 * Headers never come.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stallHeaders: Kind = { _tag: "StallHeaders" }

/**
 * Headers come, the body stops half-way.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stallBody: Kind = { _tag: "StallBody" }

/**
 * Headers come, then the connection is reset mid-body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resetMidBody: Kind = { _tag: "ResetMidBody" }
