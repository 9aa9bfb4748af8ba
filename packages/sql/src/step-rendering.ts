import type { CastType, SqlStepContext } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { FailureProbe } from "./failure-probe";
import type { RowOrderUse } from "./row-order-use";

/** The columns whose type the compiler knows, with it (a column not listed is of an unknown type). */
export type KnownTypes = Readonly<Record<string, CastType>>;

/** A step rendered to SQL: one `SELECT` over the step's input, and the columns it outputs (in order). */
export interface RenderedStep {
  readonly sql: string;
  /** The output columns, in order, without the row-order column. */
  readonly columns: readonly string[];
  /** The output columns' types, where known (none listed: every type unknown after this step). */
  readonly types?: KnownTypes;
  /** How its rows depend on its input's row order, when the rendering knows (see `RowOrderUse`). */
  readonly rowOrder?: RowOrderUse;
  /** How to find the row its query failed on, as in process, when the query can raise an error on a cell. */
  readonly failureProbe?: FailureProbe;
  /** True for a user's rendering (the transform's own `sql`, a run's `renderings`): checked against its contract. */
  readonly own?: boolean;
  /** A cheaper form for when the step is the query's last (see {@link LastStepForm}). */
  readonly asLast?: LastStepForm;
}

/**
 * How a step that orders its rows is rendered when it is the query's last: `sql`, a query over the same input
 * that keeps every row with its input's row order, and `order`, the ORDER BY terms (over its columns and that
 * row order) that give the step's row order. The query then sorts once by `order`, where numbering the rows by a
 * window over `order` and sorting by those numbers sorted twice.
 */
export interface LastStepForm {
  readonly sql: string;
  readonly order: string;
}

/** What a built-in rendering knows besides the step context: the input's types, and typed lookups. */
export interface StepKnowledge {
  /** The input columns' types, where known. */
  readonly types: KnownTypes;
  /** The relation name of a table the query reads, to be loaded with these column types. */
  readonly lookup: (table: ColumnTable, types: KnownTypes) => string;
  /** The engine's `columnTypes`: the types it loads the source's columns with, and a lookup's it declares none for. */
  readonly columnTypes: KnownTypes;
}

/** A built-in transform's rendering; `undefined` when these params do not render (the step runs in process). */
export type BuiltInRendering = (
  params: Readonly<Record<string, unknown>>,
  context: SqlStepContext,
  known: StepKnowledge,
) => RenderedStep | undefined;

/**
 * A rendering that keeps the input's columns (a filter, a reorder): its output columns and types are its
 * input's; `rowOrder` tells how its rows depend on the input's row order (see `RowOrderUse`), when known.
 */
export function keepingColumns(
  render: (
    params: Readonly<Record<string, unknown>>,
    context: SqlStepContext,
    known: StepKnowledge,
  ) => string | undefined,
  rowOrder?: (params: Readonly<Record<string, unknown>>, context: SqlStepContext) => RowOrderUse | undefined,
): BuiltInRendering {
  return (params, context, known) => {
    const sql = render(params, context, known);
    if (sql === undefined) return undefined;
    const use = rowOrder?.(params, context);
    return {
      sql,
      columns: context.columns,
      types: known.types,
      ...(use === undefined ? {} : { rowOrder: use }),
    };
  };
}

/** The known types of `names` among `types`, with `added` (new or overwritten columns) over them. */
export function typesOf(
  types: KnownTypes,
  names: readonly string[],
  added: Readonly<Record<string, CastType | undefined>> = {},
): KnownTypes {
  const out: Record<string, CastType> = {};
  for (const name of names) {
    const type = Object.hasOwn(added, name) ? added[name] : types[name];
    if (type !== undefined) out[name] = type;
  }
  return out;
}
