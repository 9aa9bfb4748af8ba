import type { TraceEntry } from "@tablepipe/core";

/** One step of the trace, flattened, with its nesting and a label unique within the report. */
export interface FunnelRow {
  /** The step's path, unique: `filterData › limitHistory` (a repeated path gets ` (2)`, ` (3)`, …). */
  readonly label: string;
  /** The step's own label. */
  readonly step: string;
  readonly transform: string;
  /** The columns the step names (every one, where the label abbreviates: `dropMissing(12 columns)`); empty for a composite. */
  readonly columns: readonly string[];
  /** 0 for a top-level step, 1 for a step inside a composed step, … */
  readonly depth: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly ms: number;
  /** True when the step is composed of other steps. */
  readonly composite: boolean;
}

/** The separator between a composed step and the steps inside it. */
export const PATH_SEPARATOR = " › ";

/**
 * Flatten a trace into rows labelled by their path (`filterData › limitHistory`), in the order rows flow: a
 * composed step comes after the steps inside it, as their total.
 */
export function funnelRows(trace: readonly TraceEntry[]): FunnelRow[] {
  const rows: FunnelRow[] = [];
  const used = new Set<string>();
  const visit = (entries: readonly TraceEntry[], path: readonly string[]): void => {
    for (const entry of entries) {
      const own = [...path, entry.step];
      const base = own.join(PATH_SEPARATOR);
      let label = base;
      for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
      used.add(label);
      visit(entry.children, own);
      rows.push({
        label,
        step: entry.step,
        transform: entry.transform,
        columns: entry.columns ?? [],
        depth: path.length,
        rowsIn: entry.rowsIn,
        rowsOut: entry.rowsOut,
        ms: entry.ms,
        composite: entry.children.length > 0,
      });
    }
  };
  visit(trace, []);
  return rows;
}
