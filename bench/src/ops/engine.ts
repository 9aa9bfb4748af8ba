/** The engines of the group-by and join benchmark, each module loaded on demand. */
import type { OpsEngine } from "./types";

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
