import { compareValues } from "@tablepipe/core/internal";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstNPerGroup } from "./first-n-per-group";
import { orderRows, ordersTable } from "./internal/test-support";
import { topNPerGroup } from "./top-n-per-group";

describe("topNPerGroup", () => {
  it("keeps the latest n orders per customer (descending), survivors in input order", () => {
    const orders = aq.table({ customer_id: [1, 1, 1, 2, 1], at: [1, 4, 2, 9, 3] });
    const latest = topNPerGroup(orders, { keys: ["customer_id"], orderBy: ["at"], descending: ["at"], n: 2 });
    expect(latest.objects()).toEqual([
      { customer_id: 1, at: 4 },
      { customer_id: 2, at: 9 },
      { customer_id: 1, at: 3 },
    ]);
    expect(() =>
      topNPerGroup(orders, { keys: [], orderBy: ["at"], descending: ["customer_id"], n: 1 }),
    ).toThrow('topNPerGroup: param "descending": "customer_id" is not one of the orderBy columns (at)');
  });

  it("puts missing values last descending, first ascending", () => {
    const t = aq.table({ x: [null, 2, 1] });
    expect(topNPerGroup(t, { keys: [], orderBy: ["x"], descending: ["x"], n: 1 }).array("x")).toEqual([2]);
    expect(topNPerGroup(t, { keys: [], orderBy: ["x"], n: 1 }).array("x")).toEqual([null]);
  });

  it("ascending is firstNPerGroup; descending is the reverse order, checked against a sort-based reference", () => {
    fc.assert(
      fc.property(orderRows, fc.integer({ min: 1, max: 3 }), (rows, n) => {
        const t = ordersTable(rows);
        const asc = { keys: ["customer_id"], orderBy: ["amount"], n };
        expect(topNPerGroup(t, asc).objects()).toEqual(firstNPerGroup(t, asc).objects());
        const kept = topNPerGroup(t, { ...asc, descending: ["amount"] }).objects() as typeof rows;
        // reference: per customer, sort by amount descending then the other columns ascending; keep n
        const columns = ["status", "ordered_at"] as const;
        const ranked = rows
          .map((r, i) => ({ r, i }))
          .sort(
            (a, b) =>
              -compareValues(a.r.amount, b.r.amount) ||
              columns.reduce((o, c) => o || compareValues(a.r[c], b.r[c]), 0),
          );
        const taken = new Map<unknown, number>();
        const keep = new Set<number>();
        for (const { r, i } of ranked) {
          const c = taken.get(r.customer_id) ?? 0;
          if (c < n) keep.add(i);
          taken.set(r.customer_id, c + 1);
        }
        expect(kept).toEqual(rows.filter((_, i) => keep.has(i)));
      }),
    );
  });
});
