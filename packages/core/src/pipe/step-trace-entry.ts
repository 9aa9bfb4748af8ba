import type { PlannedStep } from "./plan";
import type { TraceEntry } from "./trace";

/** The columns a step's column params name, in param order (a list param's columns in its order). */
export function stepColumns(step: PlannedStep): string[] {
  return Object.keys(step.transform.columnParams).flatMap((key) => {
    const value = step.resolved[key];
    if (typeof value === "string") return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  });
}

/** The trace entry of a primitive step that ran: its label and transform, the columns it names, rows and time. */
export function primitiveTraceEntry(
  step: PlannedStep,
  counts: { readonly rowsIn: number; readonly rowsOut: number; readonly ms: number },
): TraceEntry {
  const columns = stepColumns(step);
  return {
    step: step.label,
    transform: step.transform.transformName,
    ...(columns.length > 0 ? { columns } : {}),
    rowsIn: counts.rowsIn,
    rowsOut: counts.rowsOut,
    ms: counts.ms,
    children: [],
  };
}
