import { ContractViolationError, SQL_DIALECTS } from "@tablepipe/core";
import type { ReadReport } from "@tablepipe/io";
import {
  type CompiledCte,
  type CompiledPipe,
  ROW_ORDER_COLUMN,
  rowOrderedQuery,
  withClause,
} from "@tablepipe/sql";
import { cleanReadReport } from "./absent-columns";
import type { DuckDb } from "./duckdb-database";
import type { FilesRelation } from "./files-relation";
import { numberRowsByRowid } from "./numbered-relation";
import { runCounted } from "./profiled-counts";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;
const ROW = quote(ROW_ORDER_COLUMN);

/**
 * How many of the compiled pipe's first steps can run with the read of its files: row-local steps (filters and
 * derives) that read no lookup table and test no value against a list of five or more. DuckDB keeps the rows of
 * such a query (a scan, filters, projections) in file order when it writes them into a table, on every core; a
 * join or subquery may reorder them, and DuckDB rewrites `x IN (…)` of five or more constants into a join.
 */
export function filteredPrefixLength(compiled: CompiledPipe): number {
  const steps = compiled.ctes.filter((cte) => cte.step !== undefined);
  const index = steps.findIndex(
    ({ step, readsLookup }) =>
      step === undefined ||
      !step.transform.rowLocal ||
      step.children.length > 0 ||
      readsLookup === true ||
      holdsJoinedInList(step.resolved),
  );
  return index < 0 ? steps.length : index;
}

/** The fewest values of an `isIn` list that DuckDB turns into a join (its `in_clause` optimizer). */
const JOINED_IN_LIST = 5;

/** Whether a step's parameters hold an `isIn` expression (at any depth) of a list DuckDB joins against. */
function holdsJoinedInList(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsJoinedInList);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) {
    return false;
  }
  const node = value as { kind?: unknown; values?: unknown };
  if (node.kind === "in" && Array.isArray(node.values) && node.values.length >= JOINED_IN_LIST) return true;
  return Object.values(value).some(holdsJoinedInList);
}

/** What a filtered read gives: the run's value, each step's rows, and the read's report. */
export interface FilteredRun<T> {
  readonly value: T;
  readonly counts: Record<string, number>;
  readonly read: ReadReport;
}

/**
 * Read the files of `files` (one by one, in order) with the pipe's first `prefix` steps into a table of the rows
 * they keep, each file in one pass on every core, then run `run` on the rest of the query over that table (its
 * rowid the row order, or its scan's when a column named rowid hides it: the kept rows are in file order). The
 * rows the first steps drop are never stored: reading 10M taxi trips into a table first stored all 10M, where the evening and history filters keep 36%.
 * Both queries are counted (`runCounted`): `n0` is the files' rows, summed over the files. The counted run keeps
 * DuckDB's filter-moving optimizers off, and the first query needs that for more than its counts: with them on,
 * the steps' filters are evaluated before the read's check of each row (at 10M rows 11-15 s instead of
 * 18-20 s), and a bad cell in a row they drop would pass unchecked, where readTable names it.
 *
 * `onFirstView` runs once the view points at the first file, before the first query.
 *
 * Returns undefined when the files must be read into a table first after all, and the whole query run on it:
 * a cell only the exact read judges, any error (run again on the table, the query names its step), or counts
 * the profile does not give.
 */
export async function runFilteredRead<T>(
  db: DuckDb,
  compiled: CompiledPipe,
  files: FilesRelation,
  prefix: number,
  run: (sql: string) => Promise<T>,
  /** Called once the view first points at a file, before any query over it (a check that binds the query). */
  onFirstView: () => Promise<void> = async () => {},
): Promise<FilteredRun<T> | undefined> {
  const marked = compiled.markedCtes;
  const list = files.deferred;
  if (marked === undefined || list === undefined || prefix < 1) return undefined;
  const lookups = marked.slice(0, compiled.lookups.length);
  const head = marked.slice(0, compiled.lookups.length + 1 + prefix);
  const rest = marked.slice(compiled.lookups.length + 1 + prefix);
  const { name: kept, columns: keptColumns = [] } = head.at(-1) as CompiledCte;
  const table = quote(`${files.relation}_kept`);
  const started = performance.now();
  const totals: Record<string, number> = {};
  try {
    for (const [i, file] of list.entries()) {
      await files.viewOfFile(file);
      if (i === 0) await onFirstView();
      const select = `${withClause(head, "duckdb")}\nSELECT * EXCLUDE (${ROW}) FROM ${quote(kept)}`;
      const sql = i === 0 ? `CREATE TEMP TABLE ${table} AS ${select}` : `INSERT INTO ${table} ${select}`;
      const { counts } = await runCounted(db, prefix + 1, () => db.connection.run(sql));
      if (counts === undefined) return undefined;
      for (const [name, n] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + n;
    }
    const ms = performance.now() - started;
    const numbered = {
      name: kept,
      sql: numberRowsByRowid(`${files.relation}_kept`, keptColumns),
      step: undefined,
    };
    const query = rowOrderedQuery(
      [...lookups, numbered, ...rest],
      compiled.columns,
      "duckdb",
      compiled.finalOrder,
    );
    const ran = await runCounted(db, rest.length, () => run(query), prefix + 1);
    if (ran.counts === undefined) return undefined;
    const rows = totals.n0 ?? 0;
    const read = cleanReadReport(list, ms, rows, files.absentColumns);
    return { value: ran.value, counts: { ...totals, ...ran.counts }, read };
  } catch (error) {
    // a user's rendering that breaks its contract (`onFirstView`'s check) fails the run as it is
    if (error instanceof ContractViolationError) throw error;
    return undefined;
  } finally {
    await db.connection.run(`DROP VIEW IF EXISTS ${quote(files.relation)}`);
    await db.connection.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
