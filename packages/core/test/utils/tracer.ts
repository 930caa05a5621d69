import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import * as Tracer from "effect/Tracer"

/** One span as a test tracer saw it. */
export interface Recorded {
  readonly name: string
  readonly attributes: Map<string, unknown>
  readonly events: Array<unknown>
  exit?: Exit.Exit<unknown, unknown>
}

/**
 * A tracer that keeps every span's name, attributes, events and exit, and `dump` to render all of it (the exit as
 * JSON, and a failure's cause pretty-printed too) for scans that no secret shows. Ids have W3C's shape (a
 * `traceparent` carries them as they are in both editions; Effect 4 pads a shorter trace id): span ids are the span's
 * number in 16 hex digits (`0000000000000001`, …), the trace id `4bf92f3577b34da6a3ce929d0e0e4736`. Shared by the
 * core, example and reliability tests.
 */
export const recordingTracer = () => {
  const recorded: Array<Recorded> = []
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const entry: Recorded = { name, attributes: new Map(), events: [] }
      recorded.push(entry)
      return {
        _tag: "Span",
        name,
        spanId: recorded.length.toString(16).padStart(16, "0"),
        traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        parent,
        context,
        links,
        sampled: true,
        kind,
        status: { _tag: "Started", startTime },
        attributes: entry.attributes,
        attribute: (key, value) => void entry.attributes.set(key, value),
        event: (event, _time, attributes) => void entry.events.push([event, attributes]),
        addLinks: () => undefined,
        end: (_time, exit) => {
          entry.exit = exit
        }
      }
    },
    context: (f) => f()
  })
  const dump = () =>
    recorded.map((span) =>
      JSON.stringify([span.name, [...span.attributes], span.events]) +
      (span.exit === undefined
        ? ""
        : String(span.exit) + (Exit.isFailure(span.exit) ? Cause.pretty(span.exit.cause) : ""))
    ).join("\n")
  return { tracer, recorded, dump }
}
