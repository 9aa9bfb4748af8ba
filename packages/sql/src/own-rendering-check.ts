import { ContractViolationError, SQL_DIALECTS, type SqlDialectName } from "@tablepipe/core";
import { type CompiledCte, type CompiledPipe, withClause } from "./compile-pipe";
import { droppedRowOrder } from "./locate-failure";
import { ROW_ORDER_COLUMN } from "./row-order";

/** What the values of an engine's column type are, for comparing it with a contract's declared type. */
export type EngineTypeKind = "number" | "string" | "boolean" | "time" | "null" | "other";

/** One output column of a query, as the engine describes it without running the query. */
export interface DescribedColumn {
  readonly name: string;
  /** The engine's name of its type (`BOOLEAN`, `DECIMAL(18,3)`, `TIMESTAMP_NTZ`). */
  readonly type: string;
  readonly kind: EngineTypeKind;
}

/**
 * How an engine gives a query's output columns without running it (a prepared statement's, an analyzed plan's
 * schema); `what` names the step for its errors. It throws when the query does not bind.
 */
export type DescribeQuery = (sql: string, what: string) => Promise<readonly DescribedColumn[]>;

/** The engine type kinds a column of each declared logical type may have (a column of nulls fits any). */
const FITTING_KINDS: Readonly<Record<string, readonly EngineTypeKind[]>> = {
  int: ["number", "null"],
  float: ["number", "null"],
  string: ["string", "null"],
  boolean: ["boolean", "null"],
  timestamp: ["time", "null"],
  date: ["time", "null"],
};

/** True when the compiled pipe holds a step rendered by a user's own `sql` (or a run's `renderings`). */
export function hasOwnRenderings(compiled: CompiledPipe): boolean {
  return compiled.ctes.some((cte) => cte.ownRendering === true);
}

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");
const columnsWord = (names: readonly string[]): string => (names.length === 1 ? "column" : "columns");

/** What a step's own rendering outputs against what its contract says (empty: it fits). */
function misfits(cte: CompiledCte, outputs: readonly DescribedColumn[], dialect: SqlDialectName): string[] {
  const step = cte.step;
  if (step === undefined) return [];
  const fold = SQL_DIALECTS[dialect].caseInsensitiveNames
    ? (name: string) => name.toLowerCase()
    : (name: string) => name;
  const byName = new Map(outputs.map((column) => [fold(column.name), column]));
  const expected = cte.columns ?? [];
  const wanted = new Set(expected.map(fold));
  const missing = expected.filter((name) => !byName.has(fold(name)));
  const adds = new Set(step.contract.adds);
  const missingAdds = missing.filter((name) => adds.has(name));
  const missingKept = missing.filter((name) => !adds.has(name));
  const extra = outputs
    .map((column) => column.name)
    .filter((name) => name !== ROW_ORDER_COLUMN && !wanted.has(fold(name)));
  const parts: string[] = [];
  if (missingAdds.length > 0)
    parts.push(`does not output ${columnsWord(missingAdds)} ${quoted(missingAdds)}, which its contract adds`);
  if (missingKept.length > 0)
    parts.push(
      `does not output ${columnsWord(missingKept)} ${quoted(missingKept)}, which its contract keeps`,
    );
  if (extra.length > 0) {
    parts.push(
      `outputs ${columnsWord(extra)} ${quoted(extra)}, which its contract does not add (declare it: an adds() ` +
        `column param, or contract: () => ({ adds: [${extra.map((c) => JSON.stringify(c)).join(", ")}] }))`,
    );
  }
  for (const [name, declared] of Object.entries(step.contract.addTypes ?? {})) {
    const column = byName.get(fold(name));
    const fitting = FITTING_KINDS[declared.type];
    if (column === undefined || fitting === undefined || fitting.includes(column.kind)) continue;
    parts.push(
      `its SQL gives column "${name}" as ${column.type}, but its contract adds it as ${declared.type}`,
    );
  }
  if (missing.length > 0 || extra.length > 0) {
    const listed = outputs.map((column) => column.name).filter((name) => name !== ROW_ORDER_COLUMN);
    parts.push(`its SQL outputs: ${listed.length > 0 ? listed.join(", ") : "(no column)"}`);
  }
  return parts;
}

/**
 * Check each step rendered by a user's own `sql` (or a run's `renderings`) against its contract before the
 * pipe's query runs, with one description of its output columns per such step (the engine binds the query, reads
 * no row): every column the contract keeps or adds is output, no other one (the hidden row-order column aside),
 * and each added column the contract types has an engine type of that kind (numbers for `int` and `float`, text for
 * `string`, ...; nullability is not checked: neither engine says whether a column holds a null without reading it).
 * A misfit throws a `ContractViolationError` naming the step, the column, what its SQL gives and what the contract
 * says; a dropped row-order column the `StepFailedError` `locateFailure` gives. A built-in rendering is trusted, and
 * a pipe without a user's rendering costs nothing. A description that fails (the step's query does not bind) ends
 * the check: the run's own error then names the step.
 * @example await checkOwnRenderings(compiled, "duckdb", (sql) => describeOnDuckDb(db, sql));
 */
export async function checkOwnRenderings(
  compiled: CompiledPipe,
  dialect: SqlDialectName,
  describe: DescribeQuery,
): Promise<void> {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  for (const [i, cte] of compiled.ctes.entries()) {
    if (cte.step === undefined || cte.ownRendering !== true) continue;
    let outputs: readonly DescribedColumn[];
    try {
      const sql = `${withClause(compiled.ctes.slice(0, i + 1), dialect)}\nSELECT * FROM ${quote(cte.name)}`;
      outputs = await describe(sql, cte.step.path);
    } catch {
      return;
    }
    const parts = misfits(cte, outputs, dialect);
    if (parts.length > 0) {
      throw new ContractViolationError(
        `${cte.step.path}: its SQL rendering breaks its column contract: ${parts.join("; ")}`,
      );
    }
    if (!outputs.some((column) => column.name === ROW_ORDER_COLUMN)) {
      const listed = outputs.map((column) => column.name).join(", ");
      throw droppedRowOrder(cte, new Error(`its SQL outputs: ${listed}`));
    }
  }
}
