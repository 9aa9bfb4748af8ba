import type { ColumnTable } from "arquero";
import type { ColumnParams } from "./column-params";
import { type ColumnContract, requireColumns } from "./contract";
import { ContractViolationError } from "./errors";
import { paramsValidator, resolveParams } from "./params";
import type { StepSpec, Transform, TransformRuntime } from "./runtime";
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
  /** Columns read/added/removed that no column param names (e.g. derived from other params). */
  contract?: (params: ResolvedParams<S, Z>) => Partial<ColumnContract>;
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
  for (const [key, column] of Object.entries(columns)) {
    const value = resolved[key];
    const names = Array.isArray(value) ? (value as string[]) : [value as string];
    roles[column.role === "needs" ? "needs" : column.role === "adds" ? "adds" : "removes"].push(...names);
  }
  const contract: ColumnContract = {
    needs: [...roles.needs, ...(extra?.needs ?? [])],
    adds: [...roles.adds, ...(extra?.adds ?? [])],
    removes: [...roles.removes, ...(extra?.removes ?? [])],
  };
  return extra?.keepsOnly === undefined ? contract : { ...contract, keepsOnly: [...extra.keepsOnly] };
}

/** Throw a {@link ContractViolationError} if `output` does not honour `contract` (a bug in the transform). */
export function verifyOutput(step: string, output: unknown, contract: ColumnContract): ColumnTable {
  if (!isTable(output)) {
    throw new ContractViolationError(`${step}: the implementation returned something that is not a table`);
  }
  const columns = new Set(output.columnNames());
  const absent = [...contract.adds, ...(contract.keepsOnly ?? [])].filter((c) => !columns.has(c));
  const kept =
    contract.keepsOnly === undefined
      ? contract.removes.filter((c) => columns.has(c) && !contract.adds.includes(c))
      : [...columns].filter((c) => !contract.keepsOnly?.includes(c));
  if (absent.length > 0 || kept.length > 0) {
    const parts = [
      absent.length > 0 ? `did not add ${[...new Set(absent)].join(", ")}` : "",
      kept.length > 0 ? `did not remove ${kept.join(", ")}` : "",
    ].filter(Boolean);
    throw new ContractViolationError(
      `${step}: the implementation broke its column contract: ${parts.join("; ")}`,
    );
  }
  return output;
}

/** Attach the call signature to a runtime description, giving the typed transform function. */
export function makeTransform<S extends ColumnParams, Z extends ParamsSchema, F extends StaticContract>(
  runtime: TransformRuntime,
  call: (table: ColumnTable, params: unknown) => ColumnTable,
): Transform<S, Z, F> {
  const fn = (table: ColumnTable, params?: unknown): ColumnTable => call(table, params);
  Object.defineProperty(fn, "name", { value: runtime.transformName });
  return Object.assign(fn, runtime) as unknown as Transform<S, Z, F>;
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
>(definition: TransformDefinition<S, Z>): Transform<S, Z, NoFixedColumns> {
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
    columnParams: columns,
    paramsSchema: validator.schema,
    resolveParams: (params) => resolveParams(name, validator, params),
    contract: (resolved) =>
      contractFromColumnParams(columns, resolved, definition.contract?.(resolved as ResolvedParams<S, Z>)),
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
  return makeTransform<S, Z, NoFixedColumns>(runtime, (table, params) => {
    if (!isTable(table)) throw new TypeError(`${name}: expected an arquero table, got ${typeof table}`);
    const resolved = runtime.resolveParams(params);
    const contract = runtime.contract(resolved);
    requireColumns(table, contract.needs, name);
    return verifyOutput(name, runtime.applyUnchecked(table, resolved), contract);
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
>(
  transform: Transform<S, Z, NoFixedColumns>,
) => Transform<S, Z, F> {
  return <S extends ColumnParams, Z extends ParamsSchema>(transform: Transform<S, Z, NoFixedColumns>) =>
    transform as unknown as Transform<S, Z, F>;
}
