/** One step of an engine's report of where each step ran (`placement` of DuckDB's and Spark's results). */
interface StepPlace {
  readonly step: string;
  readonly engine: string;
}

function isPlacement(value: unknown): value is readonly StepPlace[] {
  return (
    Array.isArray(value) &&
    value.every(
      (p: unknown) =>
        typeof p === "object" &&
        p !== null &&
        typeof (p as StepPlace).step === "string" &&
        typeof (p as StepPlace).engine === "string",
    )
  );
}

/**
 * The line a job logs after a pipe ran on an engine: its name, and which steps ran on the engine and which in
 * process, from the result's `placement` (an engine that reports none is said to).
 * @example placementLine("transform", "duckdb", { placement: [{ step: "sortRows", engine: "duckdb" }] }) // "transform: on engine duckdb: sortRows; in process: none"
 */
export function placementLine(name: string, engine: string, result: object): string {
  const placement = "placement" in result ? result.placement : undefined;
  if (!isPlacement(placement))
    return `${name}: ran on engine ${engine} (it does not say which steps ran where)`;
  const steps = (here: boolean): string =>
    placement
      .filter((p) => (p.engine !== "in-process") === here)
      .map((p) => p.step)
      .join(", ") || "none";
  return `${name}: on engine ${engine}: ${steps(true)}; in process: ${steps(false)}`;
}
