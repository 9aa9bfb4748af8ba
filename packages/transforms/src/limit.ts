import { defineTransform } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { keepPositions, visibleRows } from "./internal/rows";

/**
 * Keep the first `n` rows, in input order (SQL's `LIMIT` over the rows' order, pandas' `head(n)`): all of them when
 * there are fewer. On an engine the rows are those of the in-process order, never the engine's own.
 *
 * Params: `n` (required; a whole number, 0 or more).
 *
 * @example limit(trips, { n: 1000 }) // the first 1,000 trips
 */
export const limit = defineTransform({
  name: "limit",
  description: "Keep the first n rows, in input order.",
  params: z.object({
    n: z.int().min(0, "expected a whole number of rows, 0 or more").describe("How many rows to keep."),
  }),
  apply: (table, { n }): ColumnTable => {
    const rows = visibleRows(table);
    const first = new Uint32Array(Math.min(n, rows.length));
    for (let p = 0; p < first.length; ++p) first[p] = p;
    return keepPositions(table, rows, first);
  },
});

markBuiltIn(limit);
