/** Compiling a pipe as an engine does, for the SQL package's own tests (not exported from test-support). */
import type { Pipe } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import { type CompiledPipe, type CompileOptions, compilePipe } from "../compile-pipe";

/**
 * Compile `p` on DuckDB with plain relation names (`orders`, `lookup_1`, ...) and no row numbering, `options`
 * overriding any of them (the source's types, the engine's `columnTypes`, the dialect).
 * @example compileForTest(p, { sourceTypes: { id: "int" } }).renderedSteps
 */
export function compileForTest(p: Pipe<string>, options: Partial<CompileOptions> = {}): CompiledPipe {
  const columns = p.source.columnNames();
  return compilePipe(columns, flattenPlan(planSteps(columns, p.steps)), {
    dialect: "duckdb",
    sourceRelation: "orders",
    lookupRelation: (i) => `lookup_${i}`,
    numberRows: (relation) => `SELECT * FROM "${relation}"`,
    ...options,
  });
}

export { inProcessMessage } from "./expect-parity";
