import { formatWhole, numberFormat } from "../display/format-number";

/** What one step did in one run: rows in and out, time taken, and the steps inside a composed step. */
export interface TraceEntry {
  /** The step's label (the transform's name, or the label given with `step(...).as(label)`). */
  readonly step: string;
  /** The transform's own name. */
  readonly transform: string;
  /**
   * The columns the step's column params name, in param order, when it names any: the full list behind a
   * label such as `dropMissing(12 columns)`. Absent for composites.
   */
  readonly columns?: readonly string[];
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** The steps of a composed transform, in order; empty for a primitive. */
  readonly children: readonly TraceEntry[];
}

const percent = numberFormat({
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

function change(rowsIn: number, rowsOut: number): string {
  if (rowsIn === 0) return "(n/a)";
  const ratio = (rowsOut - rowsIn) / rowsIn;
  return `(${percent(ratio * 100)}%)`;
}

/** The trace flattened depth-first, each entry with its nesting depth. */
export function flattenTrace(
  trace: readonly TraceEntry[],
  depth = 0,
): { entry: TraceEntry; depth: number }[] {
  return trace.flatMap((entry) => [{ entry, depth }, ...flattenTrace(entry.children, depth + 1)]);
}

/**
 * Render a trace as an aligned funnel, one line per step, nested steps indented:
 * `limitHistory  1,000,000 → 612,340  (-38.8%)  120 ms`.
 */
export function formatFunnel(trace: readonly TraceEntry[]): string[] {
  const rows = flattenTrace(trace).map(({ entry, depth }) => ({
    name: `${"  ".repeat(depth)}${entry.step}`,
    rowsIn: formatWhole(entry.rowsIn),
    rowsOut: formatWhole(entry.rowsOut),
    change: change(entry.rowsIn, entry.rowsOut),
    ms: `${formatWhole(entry.ms)} ms`,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string): number =>
    Math.max(0, ...rows.map((row) => pick(row).length));
  const [name, rowsIn, rowsOut, pct, ms] = [
    width((r) => r.name),
    width((r) => r.rowsIn),
    width((r) => r.rowsOut),
    width((r) => r.change),
    width((r) => r.ms),
  ];
  return rows.map(
    (r) =>
      `${r.name.padEnd(name)}  ${r.rowsIn.padStart(rowsIn)} → ${r.rowsOut.padStart(rowsOut)}  ` +
      `${r.change.padStart(pct)}  ${r.ms.padStart(ms)}`,
  );
}
