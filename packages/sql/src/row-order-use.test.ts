import { col, defineTransform, gt, type Pipe, pipe } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import {
  derive,
  dropDuplicates,
  excludeMatching,
  filter,
  firstNPerGroup,
  join,
  sortRows,
  topNPerGroup,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compilePipe } from "./compile-pipe";
import { resultIgnoresRowOrder } from "./row-order-use";

const trips = () => aq.table({ id: [1, 2, 2], zone: ["a", "b", "b"], fare: [10, 5, 5] });

/** Whether the pipe's compiled query gives the same rows in the same order whatever its source rows' order. */
function ignoresRowOrder(p: Pipe<string>): boolean {
  const columns = p.source.columnNames();
  return compilePipe(columns, flattenPlan(planSteps(columns, p.steps)), {
    dialect: "duckdb",
    sourceRelation: "trips",
    lookupRelation: (i) => `lookup_${i}`,
    numberRows: (relation) => `SELECT *, rowid AS "__tablepipe_row" FROM "${relation}"`,
  }).ignoresRowOrder;
}

describe("resultIgnoresRowOrder", () => {
  it("needs every use known, a sort, and only row-local steps after the last sort", () => {
    expect(resultIgnoresRowOrder(["keeps", "multiset", "sorts", "keeps"])).toBe(true);
    expect(resultIgnoresRowOrder(["sorts", "multiset", "sorts"])).toBe(true);
    expect(resultIgnoresRowOrder(["keeps", "multiset"])).toBe(false);
    expect(resultIgnoresRowOrder(["sorts", "multiset"])).toBe(false);
    expect(resultIgnoresRowOrder([undefined, "sorts"])).toBe(false);
    expect(resultIgnoresRowOrder([])).toBe(false);
  });
});

describe("compilePipe's ignoresRowOrder", () => {
  const sorted = (p: Pipe<string>) => p.transform(sortRows, { by: ["zone"] });
  it("holds for filters, derives, anti joins, full dedupes and first-N steps before a sort", () => {
    const lookup = aq.table({ zone: ["z"] });
    const p = pipe(trips())
      .transform(filter, { where: gt(col("fare"), 1) })
      .transform(excludeMatching, { column: "zone", lookup, lookupKey: "zone" })
      .transform(dropDuplicates)
      .transform(dropDuplicates, { subset: ["fare", "zone", "id"] })
      .transform(firstNPerGroup, { keys: ["zone"], orderBy: ["fare"], n: 1 })
      .transform(topNPerGroup, { keys: ["zone"], orderBy: ["fare"], descending: ["fare"], n: 1 });
    expect(ignoresRowOrder(sorted(p))).toBe(true);
    // a row-local step after the sort keeps the sorted order
    expect(ignoresRowOrder(sorted(p).transform(filter, { where: gt(col("id"), 1) }))).toBe(true);
  });

  it("fails without a final sort, after a dedupe on some columns, or after an order-using step", () => {
    const base = pipe(trips()).transform(dropDuplicates);
    expect(ignoresRowOrder(base)).toBe(false);
    // the first row of each zone depends on which comes first
    expect(ignoresRowOrder(sorted(pipe(trips()).transform(dropDuplicates, { subset: ["zone"] })))).toBe(
      false,
    );
    // a dedupe after the sort may keep rows in another order
    expect(ignoresRowOrder(sorted(pipe(trips())).transform(dropDuplicates))).toBe(false);
    const right = aq.table({ zone: ["a"], name: ["A"] });
    expect(ignoresRowOrder(sorted(pipe(trips()).transform(join, { on: ["zone"], right })))).toBe(false);
  });

  it("takes a custom rendering's word only for a row-local transform", () => {
    const sql = (_params: unknown, c: { input: string }) => `SELECT * FROM ${c.input}`;
    const local = defineTransform({ name: "mineLocal", rowLocal: true, apply: (t) => t, sql });
    const other = defineTransform({ name: "mineOther", apply: (t) => t, sql });
    expect(ignoresRowOrder(sorted(pipe(trips()).transform(local)))).toBe(true);
    expect(ignoresRowOrder(sorted(pipe(trips()).transform(other)))).toBe(false);
    expect(ignoresRowOrder(sorted(pipe(trips()).transform(derive, { columns: { two: col("id") } })))).toBe(
      true,
    );
  });
});
