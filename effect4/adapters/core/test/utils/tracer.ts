// A tracer that records every span (Effect 4 form: Effect 4's tracer makes a span from one options object, whose
// `annotations` are Effect 3's `context`).
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
 * JSON, and a failure's cause pretty-printed too) for scans that no secret shows. Span ids are `s1`, `s2`…, the
 * trace id `t`. Shared by the core, example and reliability tests.
 */
export const recordingTracer = () => {
  const recorded: Array<Recorded> = []
  const tracer = Tracer.make({
    span: ({ annotations, kind, links, name, parent, sampled, startTime }) => {
      const entry: Recorded = { name, attributes: new Map(), events: [] }
      recorded.push(entry)
      return {
        _tag: "Span",
        name,
        spanId: `s${recorded.length}`,
        traceId: "t",
        parent,
        annotations,
        links,
        sampled,
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
    }
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
