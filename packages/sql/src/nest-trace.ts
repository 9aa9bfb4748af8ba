import type { TraceEntry } from "@tablepipe/core";
import type { PlannedStep } from "@tablepipe/core/internal";

/**
 * The trace of a plan's primitive steps (in order) nested as the plan is: a composite's entry spans its
 * steps' rows in and out, and sums their milliseconds.
 */
export function nestTrace(planned: readonly PlannedStep[], flat: readonly TraceEntry[]): TraceEntry[] {
  let next = 0;
  const nest = (steps: readonly PlannedStep[]): TraceEntry[] =>
    steps.map((step) => {
      if (step.children.length === 0) return flat[next++] as TraceEntry;
      const children = nest(step.children);
      return {
        step: step.label,
        transform: step.transform.transformName,
        rowsIn: children[0]?.rowsIn ?? 0,
        rowsOut: children.at(-1)?.rowsOut ?? 0,
        ms: children.reduce((sum, child) => sum + child.ms, 0),
        children,
      };
    });
  return nest(planned);
}
