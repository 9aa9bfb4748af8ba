import {
  defineTransform,
  type ExprColumns,
  needsEach,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { columnValues } from "./internal/columns";
import { expressionInput } from "./internal/expression-input";
import { MeasureCache, measureColumn } from "./internal/group-measures";
import { measureKeys, measureNeeds, measuresParams, measureTypes } from "./internal/measure-params";
import { groupRows } from "./internal/row-groups";
import { assignColumns, visibleRows } from "./internal/rows";

/** The columns of `addGroupMeasures`: it needs its keys and measures' columns and adds (or overwrites) the measures. */
export interface AddGroupMeasuresColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds: this["params"] extends { measures: infer M } ? keyof M & string : never;
  removes: never;
}

/** Each position's value from its group's: `perGroup[groupOf[p]]`, as a Float64Array when the groups' are one. */
function spreadToRows(perGroup: Float64Array | unknown[], groupOf: Int32Array): Float64Array | unknown[] {
  // plain loops: `Float64Array.from(groupOf, map)` calls `map` through a slow path, ~5× the time
  if (perGroup instanceof Float64Array) {
    const out = new Float64Array(groupOf.length);
    for (let p = 0; p < groupOf.length; ++p) out[p] = perGroup[groupOf[p]!]!;
    return out;
  }
  const out = new Array<unknown>(groupOf.length);
  for (let p = 0; p < groupOf.length; ++p) out[p] = perGroup[groupOf[p]!];
  return out;
}

/**
 * Add to every row measures of its group of equal `by` values: the group's sum, mean, count, ... beside each of
 * its rows (pandas' `groupby(...).transform(...)`, SQL's `sum(x) OVER (PARTITION BY ...)`), e.g. to compare a row
 * with its group (`div(col("fare"), col("zone_mean_fare"))`).
 *
 * - Groups and measures are `aggregate`'s: equal values in every `by` column, missing keys one group, `-0` and `0`
 *   one key; `sum` and `mean` add in row order (the same double on every engine), `first`/`last` by row order.
 * - Output: every row, in input order, with a column per measure; a measure named like an input column
 *   overwrites it, except a `by` column (refused). With no `by`, every row gets the measures of the whole table.
 *
 * Params: `by` (required; `[]` for the whole table), `measures` (required): `{ name: measure }`.
 *
 * @example
 * addGroupMeasures(trips, { by: ["zone"], measures: { zone_mean_fare: mean(col("fare")), zone_trips: count() } });
 */
export const addGroupMeasures = withStaticContract<AddGroupMeasuresColumns>()(
  defineTransform({
    name: "addGroupMeasures",
    description: "Add to each row measures of its group of equal key values (aggregate OVER (PARTITION BY)).",
    columns: { by: needsEach() },
    params: measuresParams,
    contract: ({ measures }) => ({
      needs: measureNeeds(measures),
      adds: Object.keys(measures),
      // like derive and window, a measure overwrites the column of its name
      replaces: Object.keys(measures),
    }),
    types: ({ measures }, input) => measureTypes(measures, input),
    apply: (table, { by, measures }) => {
      const keys = measureKeys("addGroupMeasures", by, measures);
      const rows = visibleRows(table);
      const groups = groupRows(
        keys.map((name) => columnValues(table, name)),
        rows,
      );
      const cache = new MeasureCache(expressionInput(table, rows), groups);
      const data: Record<string, Float64Array | unknown[]> = {};
      for (const [name, measure] of Object.entries(measures)) {
        const perGroup = measureColumn(measure, cache, `addGroupMeasures: measure "${name}"`);
        data[name] = spreadToRows(perGroup, groups.groupOf);
      }
      return assignColumns(table, rows, data);
    },
  }),
);

markBuiltIn(addGroupMeasures);
