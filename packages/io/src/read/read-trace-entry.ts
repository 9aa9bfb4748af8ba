import type { TraceEntry } from "@tablepipe/core";
import type { ReadReport } from "./types";

/**
 * A read as the first entry of a funnel: `read` with the rows read in and out, so a pipe on a table read whole
 * and a pipe streamed from files (`pipeFrom`) show the same shape.
 * @example formatFunnel([readTraceEntry(report), ...pipe(table).run().trace])
 */
export function readTraceEntry(report: ReadReport, ms: number = report.ms): TraceEntry {
  return {
    step: "read",
    transform: "readTable",
    rowsIn: report.rows,
    rowsOut: report.rows,
    ms,
    children: [],
  };
}
