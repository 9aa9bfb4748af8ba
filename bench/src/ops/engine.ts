/** What each engine of the group-by and join benchmark provides (one module per engine, loaded on demand). */
import type { Op } from "../ops-spec";

/** A result's columns as JS values (numbers or text), for the cross-engine check. */
export type ResultColumns = Record<string, ArrayLike<number | string | null>>;

/** One engine: load the inputs, run an operation (result materialised), read the result back. */
export interface OpsEngine<Loaded, Result> {
  /** Read the tables `op` needs from the sample folder into the engine's memory. */
  load(dir: string, op: Op): Promise<Loaded>;
  /** Run `op` on the loaded tables; the result is complete when the promise settles. */
  run(op: Op, loaded: Loaded): Promise<Result>;
  /** The number of rows of a result. */
  rows(result: Result): Promise<number>;
  /** A result's columns (the same names in every engine), for the equality check. */
  columns(op: Op, result: Result): Promise<ResultColumns>;
}

/** The engines of the ops benchmark. */
export const OPS_ENGINES = ["tablepipe", "polars", "duckdb"] as const;
export type OpsEngineName = (typeof OPS_ENGINES)[number];

/** The engine module named `name` (imported on demand, so each job process loads only its own engine). */
export async function loadEngine(name: OpsEngineName): Promise<OpsEngine<unknown, unknown>> {
  switch (name) {
    case "tablepipe":
      return (await import("./tablepipe")).tablepipeEngine as OpsEngine<unknown, unknown>;
    case "polars":
      return (await import("./polars")).polarsEngine as OpsEngine<unknown, unknown>;
    case "duckdb":
      return (await import("./duckdb")).duckdbEngine as OpsEngine<unknown, unknown>;
  }
}
