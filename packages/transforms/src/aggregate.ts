import {
  defineTransform,
  type ExprColumns,
  type KnownTypesOf,
  needsEach,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn, withoutNegativeZeros } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { columnValues } from "./internal/columns";
import { expressionInput } from "./internal/expression-input";
import { MeasureCache, measureColumn } from "./internal/group-measures";
import { measureKeys, measureNeeds, measuresParams, measureTypes } from "./internal/measure-params";
import { groupRows } from "./internal/row-groups";
import { takeRows, visibleRows } from "./internal/rows";

/** The columns of `aggregate`: it keeps only the `by` columns and the measures. */
export interface AggregateColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds:
    | (this["params"] extends { by: readonly (infer B extends string)[] } ? B : never)
    | (this["params"] extends { measures: infer M } ? keyof M & string : never);
  removes: string;
  /** The `by` columns keep their known types (a measure's type is known at run time only). */
  types: KnownTypesOf<
    Pick<
      this["input"],
      (this["params"] extends { by: readonly (infer B extends string)[] } ? B : never) & keyof this["input"]
    >
  >;
}

/**
 * One row per group of equal `by` values, with a column per measure: SQL's `GROUP BY`.
 *
 * - Groups: equal values in every `by` column; missing keys (null, undefined, NaN) form one group, as in SQL; `1` and `"1"` differ;
 *   `-0` and `0` are one key, which comes out as `0` (as Spark's `GROUP BY` gives it).
 *   Keys are hashed on typed arrays (no arquero `groupby`), so it scales past 8.4M groups.
 * - Output: the `by` columns (each group's values) then the measures, in the order given; groups in order of
 *   first appearance in the input. With no `by`, exactly one row, even for an empty input (SQL's global
 *   aggregate: `count()` 0, `sum` null).
 * - Measures skip nulls (`sum` and `mean` of no values are null, `stddev` of fewer than two or with an
 *   infinity among them is null) but `count()` counts rows and `first`/`last` take the first or last row's
 *   value, null included. `stddev` scales huge or tiny values by a power of two, so its squares stay finite.
 * - `sum` adds a group's values one by one in row order, from 0, and `mean` divides that sum by their count, as
 *   every engine does: a float result is the same double on every engine and every run. So is `stddev`: the
 *   mean so, then the squared deviations from it added in row order, over the count less one, its square root.
 * - `median` and `quantile(x, q)` sort a group's values and take the value at position `(n - 1) × q`, between two
 *   values interpolated as NumPy's and pandas' default (the median: the two middle values' mean), bit for bit.
 *
 * Params: `by` (required; `[]` for one group), `measures` (required): `{ name: measure }`.
 *
 * @example
 * aggregate(orders, { by: ["customer_id"], measures: { total: sum(col("amount")), orders: count() } });
 */
export const aggregate = withStaticContract<AggregateColumns>()(
  defineTransform({
    name: "aggregate",
    description: "One row per group of equal key values, with aggregate measures (SQL GROUP BY).",
    columns: { by: needsEach() },
    params: measuresParams,
    contract: ({ by, measures }) => ({
      needs: measureNeeds(measures),
      adds: Object.keys(measures),
      keepsOnly: [...new Set([...by, ...Object.keys(measures)])],
    }),
    types: ({ measures }, input) => measureTypes(measures, input),
    apply: (table, { by, measures }): ColumnTable => {
      const keys = measureKeys("aggregate", by, measures);
      const rows = visibleRows(table);
      const keyValues = keys.map((name) => columnValues(table, name));
      const groups =
        keys.length > 0 || rows.length > 0
          ? groupRows(keyValues, rows)
          : { groupOf: new Int32Array(0), groupCount: 1, firstPosition: new Int32Array(0) };
      const data: Record<string, unknown> = {};
      if (keys.length > 0) {
        const firstRows = Uint32Array.from(groups.firstPosition, (p) => rows[p]!);
        const keyTable = takeRows(table.ungroup().select(keys), firstRows);
        for (const name of keys) data[name] = withoutNegativeZeros(columnValues(keyTable, name));
      }
      const cache = new MeasureCache(expressionInput(table, rows), groups);
      for (const [name, measure] of Object.entries(measures)) {
        data[name] = measureColumn(measure, cache, `aggregate: measure "${name}"`);
      }
      return makeTable(data as Record<string, unknown[]>, [...keys, ...Object.keys(measures)]);
    },
  }),
);

markBuiltIn(aggregate);
