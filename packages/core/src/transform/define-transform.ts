import type { ColumnTable } from "arquero";
import type { ExprNode } from "../expr/nodes";
import { columnMisfit } from "../schema/conforms";
import {
  type ColumnType,
  formatColumnType,
  type LogicalType,
  type TableSchema,
} from "../schema/logical-types";
import { attachSchema, schemaOf } from "../schema/registry";
import type { ColumnParams } from "./column-params";
import { type ColumnContract, checkContract, columnsAfter, schemaAfter } from "./contract";
import { ContractViolationError } from "./errors";
import { paramsValidator, resolveParams } from "./params";
import type { FirstDistinctRows, FirstRowsCutoff, StepSpec, Transform, TransformRuntime } from "./runtime";
import type { SqlRendering } from "./sql-rendering";
import { isTable } from "./table";
import type { NoFixedColumns, NoParams, ParamsSchema, ResolvedParams, StaticContract } from "./types";

/** Everything that declares a transform once. */
export interface TransformDefinition<S extends ColumnParams, Z extends ParamsSchema> {
  /** Shown in traces, logs and errors: say what it does (`keepEveningRides`). */
  name: string;
  /** One sentence for the reference docs. */
  description?: string;
  /** Column-valued params and their roles, required (`needs()`) or with a default name (`needs("at")`). */
  columns?: S;
  /** Other params, as a zod object with defaults. */
  params?: Z;
  /**
   * Declare that each output row depends on one input row alone: a filter deciding each row by its own values
   * (and the params, lookup tables included), or a derive computing new columns from one row. Such a step
   * can run on each chunk of a streamed read (`pipeFrom`), so rows it drops are never held. It must read
   * only the columns its contract says it needs (a streamed read may hand it just those, and gather the
   * others for the rows it keeps), and treat values a dedupe calls equal (`0` and `-0`) alike. Default false;
   * never set it on a step that looks at other rows (dedupe, windows, sorts, aggregates).
   */
  rowLocal?: boolean;
  /**
   * For a dedupe: true when, with these params, the step drops the rows equal in every column to an earlier
   * row (keeping the first) and nothing else. Row-local filters and derives commute with it, so the planner
   * may move it after them.
   */
  dropsDuplicateRows?: (params: ResolvedParams<S, Z>) => boolean;
  /**
   * For a top-N filter: true when, with these params, the step keeps the `n` first rows of each group under
   * a total order whose ties are broken by every other column (so rows tied on everything are equal), keeps
   * them in input order, and does nothing else. After a dedupe on every column such a step may run on a
   * prefix of the rows and again on what it kept plus the rest, with the same result: a streamed read
   * (`pipeFrom`) then holds only each group's candidates instead of every row.
   */
  keepsFirstRowsPerGroup?: (params: ResolvedParams<S, Z>) => boolean;
  /**
   * For a step that keeps the first rows per group: a cutoff a streamed read applies to each batch once the
   * step has run on the rows before it, dropping rows that `n` kept rows of their group come strictly before
   * (see `FirstRowsCutoff`). Optional: without it the read holds every candidate until its next compaction.
   */
  firstRowsCutoff?: (params: ResolvedParams<S, Z>) => FirstRowsCutoff | undefined;
  /**
   * For a step that keeps the first rows per group: its output on the distinct rows of `table` (the table a
   * dedupe on every column, then `apply`, give, row for row) and how many distinct rows `table` holds, in one
   * run. A streamed read (`pipeFrom`) runs a dedupe followed by this step so: equal rows share their group and
   * order values, so a step that knows them can find the copies among far fewer rows than a dedupe hashes.
   * Optional: without it the dedupe runs, then `apply`.
   */
  keepFirstDistinctRows?: (table: ColumnTable, params: ResolvedParams<S, Z>) => FirstDistinctRows;
  /**
   * For a row-local filter (`rowLocal: true` that drops rows and adds none): the rows it keeps among `rows`
   * (backing row numbers of `table`, ascending), as backing row numbers, ascending: exactly the rows `apply`
   * keeps of a view of `table` showing `rows`. A streamed read then passes one list of rows from such filter
   * to filter and copies the surviving rows once, instead of making a table at every filter.
   * @example keepRows: (table, rows, { min }) => rows.filter((row) => fares(table)[row] > min)
   */
  keepRows?: (table: ColumnTable, rows: Uint32Array, params: ResolvedParams<S, Z>) => Uint32Array;
  /**
   * For a row-local filter (`rowLocal: true`, adds and removes no column): the rows it keeps as a condition, an
   * expression that is true on exactly the rows `apply` keeps of a table with the `input` column types (false
   * or null on the others), or undefined when it cannot say for these params. A parallel read (`pipeFrom`)
   * then tests it in the worker threads that parse the rows, so the rows it drops never reach the calling
   * thread. It must give the rows `apply` gives on every table of those types: prove it with a test.
   * @example keepWhere: ({ column, min }) => gt(col(column), min)
   */
  keepWhere?: (params: ResolvedParams<S, Z>, input: TableSchema) => ExprNode | undefined;
  /**
   * Columns read/added/removed that no column param names (e.g. derived from other params), the types of
   * needed and added columns that no typed column param declares (`needTypes`, `addTypes`), and the added
   * columns the step may overwrite (`replaces`).
   */
  contract?: (params: ResolvedParams<S, Z>) => Partial<ColumnContract>;
  /**
   * The types of the columns the step adds (or changes in place) when they depend on the input's types: an
   * aggregate's `max(col("at"))` is a timestamp when `at` is one. Merged over the contract's `addTypes`.
   */
  types?: (params: ResolvedParams<S, Z>, input: TableSchema) => Readonly<Record<string, ColumnType>>;
  /**
   * Refuse params that cannot fit columns of the `input` types (a fill value of another kind than its column's
   * declared type, a lookup table without its key column) by throwing the error `apply` would throw on such a
   * table. The pre-flight calls it when the input's types are known, before any row is read, and throws what
   * it throws as the run would (a `StepFailedError` naming the step). Check declared types only (see
   * `declaredKinds`): a column typed from a plain table's values (`fromValues`) is left to `apply`, whose error
   * names a row (an expression's check may type it, `expressionKinds`: its error names no row).
   */
  check?: (params: ResolvedParams<S, Z>, input: TableSchema) => void;
  /**
   * Optional: the same step as SQL, for engines that run a pipe as one query (`@tablepipe/duckdb`). It must
   * give what `apply` gives, row for row (prove it with a parity test).
   */
  sql?: SqlRendering<ResolvedParams<S, Z>>;
  /** The implementation: pure, synchronous, never mutates `table`. */
  apply: (table: ColumnTable, params: ResolvedParams<S, Z>) => ColumnTable;
}

function contractFromColumnParams(
  columns: ColumnParams,
  resolved: Record<string, unknown>,
  extra: Partial<ColumnContract> | undefined,
): ColumnContract {
  const roles: Record<"needs" | "adds" | "removes", string[]> = { needs: [], adds: [], removes: [] };
  const needTypes: Record<string, NonNullable<ColumnContract["needTypes"]>[string]> = {};
  const addTypes: Record<string, ColumnType> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = resolved[key];
    const names = Array.isArray(value) ? (value as string[]) : [value as string];
    roles[column.role].push(...names);
    if (column.type === undefined) continue;
    for (const name of names) {
      if (column.role === "needs") needTypes[name] = column.type;
      else if (column.role === "adds")
        addTypes[name] = { type: column.type as LogicalType, nullable: column.nullable };
    }
  }
  Object.assign(needTypes, extra?.needTypes);
  Object.assign(addTypes, extra?.addTypes);
  const contract: ColumnContract = {
    needs: [...roles.needs, ...(extra?.needs ?? [])],
    adds: [...roles.adds, ...(extra?.adds ?? [])],
    removes: [...roles.removes, ...(extra?.removes ?? [])],
    ...(Object.keys(needTypes).length > 0 ? { needTypes } : {}),
    ...(Object.keys(addTypes).length > 0 ? { addTypes } : {}),
    ...(extra?.replaces !== undefined && extra.replaces.length > 0 ? { replaces: [...extra.replaces] } : {}),
    ...(extra?.renames !== undefined && Object.keys(extra.renames).length > 0
      ? { renames: { ...extra.renames } }
      : {}),
  };
  return extra?.keepsOnly === undefined ? contract : { ...contract, keepsOnly: [...extra.keepsOnly] };
}

function describeCell(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date)
    return `Date ${Number.isNaN(value.getTime()) ? "(invalid)" : value.toISOString()}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Throw a {@link ContractViolationError} if `output` does not honour `contract` (a bug in the transform): a
 * column it should add is absent, one it should remove is still there, a column of `addTypes` holds a
 * value of another type (or a missing value where it is not nullable), or, when the `input` columns are
 * given, a column it should keep (one its contract does not remove) is gone or a column it does not declare
 * (neither an input column it keeps nor one it adds) is there.
 */
export function verifyOutput(
  step: string,
  output: unknown,
  contract: ColumnContract,
  input?: readonly string[],
): ColumnTable {
  if (!isTable(output)) {
    throw new ContractViolationError(`${step}: the implementation returned something that is not a table`);
  }
  const columns = new Set(output.columnNames());
  const absent = [...contract.adds, ...(contract.keepsOnly ?? [])].filter((c) => !columns.has(c));
  const dropped = input === undefined ? [] : undeclaredDrops(input, columns, contract, absent);
  const extra = input === undefined ? [] : undeclaredAdds(input, output.columnNames(), contract);
  const kept =
    contract.keepsOnly === undefined
      ? contract.removes.filter((c) => columns.has(c) && !contract.adds.includes(c))
      : [...columns].filter((c) => !contract.keepsOnly?.includes(c));
  const wrong: string[] = [];
  for (const [name, type] of Object.entries(contract.addTypes ?? {})) {
    if (!columns.has(name)) continue;
    const misfit = columnMisfit(output, name, type);
    if (misfit !== undefined) {
      wrong.push(
        `column "${name}" should be ${formatColumnType(type)}, but row ${misfit.row} holds ${describeCell(misfit.value)}`,
      );
    }
  }
  if (absent.length > 0 || kept.length > 0 || wrong.length > 0 || dropped.length > 0 || extra.length > 0) {
    const parts = [
      absent.length > 0 ? `did not add ${[...new Set(absent)].join(", ")}` : "",
      kept.length > 0 ? `did not remove ${kept.join(", ")}` : "",
      ...wrong,
      dropped.length > 0 ? droppedMessage(dropped) : "",
      extra.length > 0 ? addedMessage(extra) : "",
    ].filter(Boolean);
    throw new ContractViolationError(
      `${step}: the implementation broke its column contract: ${parts.join("; ")}`,
    );
  }
  return output;
}

/** The input columns a step should have kept (its contract does not remove them) that `output` lacks. */
function undeclaredDrops(
  input: readonly string[],
  output: ReadonlySet<string>,
  contract: ColumnContract,
  absent: readonly string[],
): string[] {
  if (contract.keepsOnly !== undefined) return []; // its own list, checked as `absent`
  const missingAdds = new Set(absent);
  return columnsAfter(input, contract).filter((c) => !output.has(c) && !missingAdds.has(c));
}

/**
 * The columns of `output` a step should not have (neither kept from the input nor declared added): the planner,
 * the pre-flight and the SQL engines would not know them.
 */
function undeclaredAdds(
  input: readonly string[],
  output: readonly string[],
  contract: ColumnContract,
): string[] {
  if (contract.keepsOnly !== undefined) return []; // any other column is reported as not removed
  const expected = new Set(columnsAfter(input, contract));
  return output.filter((c) => !expected.has(c));
}

/** What a step added without declaring it, and how to declare it. */
function addedMessage(added: readonly string[]): string {
  const names = added.map((c) => `"${c}"`).join(", ");
  const plural = added.length === 1 ? "column" : "columns";
  const list = added.map((c) => JSON.stringify(c)).join(", ");
  return (
    `added ${plural} ${names}, which its contract does not add ` +
    `(declare it: an adds() column param, or contract: () => ({ adds: [${list}] }))`
  );
}

/** What a step dropped without declaring it, and how to declare it. */
function droppedMessage(dropped: readonly string[]): string {
  const names = dropped.map((c) => `"${c}"`).join(", ");
  const plural = dropped.length === 1 ? "column" : "columns";
  const list = dropped.map((c) => JSON.stringify(c)).join(", ");
  return (
    `dropped ${plural} ${names}, which its contract does not remove ` +
    `(declare it: a removes() column param, or contract: () => ({ removes: [${list}] }))`
  );
}

/** Attach the call signature to a runtime description, giving the typed transform function. */
export function makeTransform<
  S extends ColumnParams,
  Z extends ParamsSchema,
  F extends StaticContract,
  N extends string = string,
>(
  runtime: TransformRuntime,
  call: (table: ColumnTable, params: unknown) => ColumnTable,
): Transform<S, Z, F, N> {
  const fn = (table: ColumnTable, params?: unknown): ColumnTable => call(table, params);
  Object.defineProperty(fn, "name", { value: runtime.transformName });
  return Object.assign(fn, runtime) as unknown as Transform<S, Z, F, N>;
}

/** The runtime's `keepRows` for a definition's (none when it has none). */
function keepRowsOf<P>(
  keepRows: ((table: ColumnTable, rows: Uint32Array, params: P) => Uint32Array) | undefined,
): Pick<TransformRuntime, "keepRows"> {
  if (keepRows === undefined) return {};
  return { keepRows: (table, rows, resolved) => keepRows(table, rows, resolved as P) };
}

/** The runtime's `keepFirstDistinctRows` for a definition's (none when it has none). */
function keepFirstDistinctRowsOf<P>(
  keep: ((table: ColumnTable, params: P) => FirstDistinctRows) | undefined,
): Pick<TransformRuntime, "keepFirstDistinctRows"> {
  if (keep === undefined) return {};
  return { keepFirstDistinctRows: (table, resolved) => keep(table, resolved as P) };
}

/** The runtime's `keepWhere` for a definition's (none when it has none). */
function keepWhereOf<P>(
  keepWhere: ((params: P, input: TableSchema) => ExprNode | undefined) | undefined,
): Pick<TransformRuntime, "keepWhere"> {
  if (keepWhere === undefined) return {};
  return { keepWhere: (resolved, input) => keepWhere(resolved as P, input) };
}

/**
 * Declare a transform once: name, params schema with defaults, column contract and implementation.
 * The result is a plain function `(table, params) => table` that validates its params, checks the table
 * has the columns it needs, and never mutates its input.
 *
 * @example
 * const keepPositive = defineTransform({
 *   name: "keepPositive",
 *   columns: { column: needs("fare_amount") },
 *   apply: (table, { column }) => table.filter(escape((d: Record<string, number>) => d[column]! > 0)),
 * });
 * keepPositive(trips, { column: "tip_amount" });
 */
export function defineTransform<
  const S extends ColumnParams = Record<never, never>,
  Z extends ParamsSchema = NoParams,
  const N extends string = string,
>(definition: TransformDefinition<S, Z> & { name: N }): Transform<S, Z, NoFixedColumns, N> {
  const columns: ColumnParams = definition.columns ?? {};
  const validator = paramsValidator(columns, definition.params);
  const name = definition.name;
  const runtime: TransformRuntime = {
    transformName: name,
    kind: "transform",
    description: definition.description,
    rowLocal: definition.rowLocal === true,
    dropsDuplicateRows: (resolved) =>
      definition.dropsDuplicateRows?.(resolved as ResolvedParams<S, Z>) === true,
    keepsFirstRowsPerGroup: (resolved) =>
      definition.keepsFirstRowsPerGroup?.(resolved as ResolvedParams<S, Z>) === true,
    firstRowsCutoff: (resolved) => definition.firstRowsCutoff?.(resolved as ResolvedParams<S, Z>),
    ...keepFirstDistinctRowsOf(definition.keepFirstDistinctRows),
    ...keepRowsOf(definition.keepRows),
    ...keepWhereOf(definition.keepWhere),
    columnParams: columns,
    paramsSchema: validator.schema,
    resolveParams: (params) => resolveParams(name, validator, params),
    contract: (resolved, input) => {
      const params = resolved as ResolvedParams<S, Z>;
      if (input !== undefined) definition.check?.(params, input);
      const contract = contractFromColumnParams(columns, resolved, definition.contract?.(params));
      const types = input === undefined ? undefined : definition.types?.(params, input);
      if (types === undefined || Object.keys(types).length === 0) return contract;
      return { ...contract, addTypes: { ...contract.addTypes, ...types } };
    },
    expand: (): readonly StepSpec[] => [],
    applyUnchecked: (table, resolved) => definition.apply(table, resolved as ResolvedParams<S, Z>),
  };
  const sql = definition.sql;
  if (sql !== undefined) {
    Object.assign(runtime, {
      sql: (resolved: Record<string, unknown>, context: Parameters<typeof sql>[1]) =>
        sql(resolved as ResolvedParams<S, Z>, context),
    });
  }
  return makeTransform<S, Z, NoFixedColumns, N>(runtime, (table, params) => {
    if (!isTable(table)) throw new TypeError(`${name}: expected an arquero table, got ${typeof table}`);
    const resolved = runtime.resolveParams(params);
    const schema = schemaOf(table);
    const contract = runtime.contract(resolved, schema);
    const columns = table.columnNames();
    checkContract(name, columns, schema, contract);
    const output = verifyOutput(name, runtime.applyUnchecked(table, resolved), contract, columns);
    return attachSchema(output, schemaAfter(columns, schema, contract));
  });
}

/**
 * Give a transform a static contract whose columns depend on its params (types only, nothing changes at run
 * time): `F` names them through `this["params"]`, the params the caller passed (see `StaticContract`).
 *
 * @example
 * interface FilterColumns extends StaticContract {
 *   needs: ExprColumns<this["params"]>; adds: never; removes: never;
 * }
 * export const filter = withStaticContract<FilterColumns>()(defineTransform({ ... }));
 */
export function withStaticContract<F extends StaticContract>(): <
  S extends ColumnParams,
  Z extends ParamsSchema,
  N extends string,
>(
  transform: Transform<S, Z, NoFixedColumns, N>,
) => Transform<S, Z, F, N> {
  return <S extends ColumnParams, Z extends ParamsSchema, N extends string>(
    transform: Transform<S, Z, NoFixedColumns, N>,
  ) => transform as unknown as Transform<S, Z, F, N>;
}
