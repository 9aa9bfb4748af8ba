import type { ColumnTable } from "arquero";
import type * as z from "zod";
import type { ExprNode } from "../expr/nodes";
import type { TableSchema } from "../schema/logical-types";
import type { ColumnParams } from "./column-params";
import type { ColumnContract } from "./contract";
import type { SqlRendering } from "./sql-rendering";
import type { ParamsSchema, StaticContract, TransformCall } from "./types";

/** One step of a pipeline: a transform and the params it will be called with. */
export interface StepSpec {
  readonly transform: TransformRuntime;
  readonly params: unknown;
  /** Shown in traces and errors instead of the transform's name. */
  readonly label: string | undefined;
}

/**
 * How a first-N step (`keepsFirstRowsPerGroup`) lets a streamed read drop rows before it holds them: from the
 * rows the step kept so far, a test for later rows of a group whose `n` kept rows all come strictly before them
 * in the step's order. Such a row can never be kept, whatever comes later.
 */
export interface FirstRowsCutoff {
  /** The columns the test reads: a later table given to it holds at least these. */
  readonly columns: readonly string[];
  /**
   * From a table the step returned: a function giving a later table without the rows that cannot be kept
   * (the later table itself when it drops none). It keeps every column of the later table, hidden ones too.
   */
  from(kept: ColumnTable): (later: ColumnTable) => ColumnTable;
}

/** What a first-N step gives on the distinct rows of a table (see `TransformRuntime.keepFirstDistinctRows`). */
export interface FirstDistinctRows {
  /** The step's output on the table's distinct rows: what a dedupe on every column, then the step, give. */
  readonly table: ColumnTable;
  /** How many distinct rows the table holds: the dedupe's rows out. */
  readonly distinctRows: number;
}

/** What every transform is at run time, whatever its static types: the pipe plans and runs these. */
export interface TransformRuntime {
  /** The transform's name, as shown in traces and errors. */
  readonly transformName: string;
  /** "transform" for a primitive, "composite" for a group of steps made by `compose`. */
  readonly kind: "transform" | "composite";
  /** One sentence saying what it does. */
  readonly description: string | undefined;
  /**
   * True when each output row depends on one input row alone (a filter that looks at one row, or a derive that
   * computes new columns from one row): running it on consecutive chunks of a table and concatenating the
   * outputs gives the same table as running it once. A streaming read applies such leading steps to each
   * chunk as it arrives (see `pipeFrom`). Always false for a composite (the planner looks at its steps).
   */
  readonly rowLocal: boolean;
  /**
   * True when, with these (resolved) params, the step drops every row equal in all columns to an earlier row
   * (keeping the first) and does nothing else. The planner may then run it after the row-local steps that
   * follow it and keep every column, which gives the same table (see `optimizePlan`).
   */
  dropsDuplicateRows(resolved: Record<string, unknown>): boolean;
  /**
   * True when, with these params, the step keeps the first `n` rows of each group under a total order that
   * breaks ties by every other column, in input order, and does nothing else: after a dedupe on every
   * column it may run on a prefix and again on its output plus the rest (see `pipeFrom`'s streamed read).
   * Optional: absent means false.
   */
  keepsFirstRowsPerGroup?(resolved: Record<string, unknown>): boolean;
  /**
   * For a step that keeps the first rows per group: its cutoff for a streamed read, or undefined (see
   * `TransformDefinition.firstRowsCutoff`). Optional: absent means none.
   */
  firstRowsCutoff?(resolved: Record<string, unknown>): FirstRowsCutoff | undefined;
  /**
   * For a step that keeps the first rows per group: a dedupe on every column and the step in one run (see
   * `TransformDefinition.keepFirstDistinctRows`). Optional: absent means the two run one after the other.
   */
  readonly keepFirstDistinctRows?: (
    table: ColumnTable,
    resolved: Record<string, unknown>,
  ) => FirstDistinctRows;
  /**
   * For a row-local filter that can say which rows it keeps without building a table (see
   * `TransformDefinition.keepRows`). Absent otherwise.
   */
  readonly keepRows?: (
    table: ColumnTable,
    rows: Uint32Array,
    resolved: Record<string, unknown>,
  ) => Uint32Array;
  /**
   * For a row-local filter that can say which rows it keeps as a condition on the input's column types (see
   * `TransformDefinition.keepWhere`). Absent otherwise.
   */
  readonly keepWhere?: (resolved: Record<string, unknown>, input: TableSchema) => ExprNode | undefined;
  /** The column-valued params and their roles. */
  readonly columnParams: ColumnParams;
  /** The full params schema (column params included), strict: unknown params are errors. */
  readonly paramsSchema: z.ZodObject;
  /** Validate params and apply defaults. Throws `TransformParamError`. */
  resolveParams(params: unknown): Record<string, unknown>;
  /**
   * The columns read, added and removed with these (resolved) params, with their types. Given the input's
   * schema, the types of added columns that depend on it are included (see `TransformDefinition.types`), and
   * params that cannot fit it are refused (`TransformDefinition.check`: it throws what `apply` would).
   */
  contract(resolved: Record<string, unknown>, input?: TableSchema): ColumnContract;
  /** A composite's steps for these params (primitives have none). */
  expand(resolved: Record<string, unknown>): readonly StepSpec[];
  /** The step as SQL, when the transform was given a rendering (see `TransformDefinition.sql`). */
  readonly sql?: SqlRendering;
  /** Run the implementation without any checks (the pipe checks before it calls this). */
  applyUnchecked(table: ColumnTable, resolved: Record<string, unknown>): ColumnTable;
}

declare const staticContract: unique symbol;
declare const paramsType: unique symbol;

/**
 * A transform: a plain function `(table, params) => table` that also carries its name, params schema and
 * column contract. `S` types its column params, `Z` its other params, `F` a composite's fixed contract.
 */
export type Transform<
  S extends ColumnParams = ColumnParams,
  Z extends ParamsSchema = ParamsSchema,
  F extends StaticContract = StaticContract,
  N extends string = string,
> = TransformCall<S, Z, F, N> &
  Omit<TransformRuntime, "columnParams" | "transformName"> & {
    readonly columnParams: S;
    readonly [staticContract]?: F;
    readonly [paramsType]?: Z;
    /** The transform's name, as a literal type when it was declared with one (for compile-time messages). */
    readonly transformName: N;
  };
