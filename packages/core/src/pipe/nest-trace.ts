import { flattenPlan } from "./optimize";
import type { PlannedStep } from "./plan";
import type { TraceEntry } from "./trace";

/** A primitive step's trace entry, with the path of the planned step it ran. */
export interface RanStep {
  readonly path: string;
  readonly entry: TraceEntry;
}

interface Slot {
  readonly step: PlannedStep;
  remaining: number;
  readonly ran: RanStep[];
}

const under = (path: string, step: PlannedStep): boolean =>
  path === step.path || path.startsWith(`${step.path} > `);

/**
 * The trace of primitive steps nested as the plan is, whatever order they ran in (an engine or the streamed
 * source may reorder row-local steps): each composite's entry gathers its steps' entries in the order they ran,
 * spans their rows in and out, and sums their milliseconds; composites come in the order their first step ran.
 * @example nestTrace(planSteps(columns, p.steps), flatEntries) // filterData > [dropDuplicates, ...], addFeatures > [...]
 */
export function nestTrace(planned: readonly PlannedStep[], ran: readonly RanStep[]): TraceEntry[] {
  const slots: Slot[] = planned.map((step) => ({ step, remaining: flattenPlan([step]).length, ran: [] }));
  const order: Slot[] = [];
  for (const item of ran) {
    const slot = slots.find((s) => s.remaining > 0 && under(item.path, s.step));
    if (slot === undefined)
      throw new Error(`a trace entry for "${item.path}", a step the plan does not have`);
    slot.remaining--;
    if (slot.ran.length === 0) order.push(slot);
    slot.ran.push(item);
  }
  return order.map(({ step, ran: mine }) => {
    if (step.children.length === 0) return (mine[0] as RanStep).entry;
    const children = nestTrace(step.children, mine);
    return {
      step: step.label,
      transform: step.transform.transformName,
      rowsIn: children[0]?.rowsIn ?? 0,
      rowsOut: children.at(-1)?.rowsOut ?? 0,
      ms: children.reduce((sum, child) => sum + child.ms, 0),
      children,
    };
  });
}
