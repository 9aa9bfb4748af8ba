import { MissingColumnsError, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { dropColumns } from "./drop-columns";

const orders = () =>
  typedTable(aq.table({ id: [1, 2, 3], status: ["paid", "open", null], amount: [10, 5, 7.5] }), {
    id: { type: "int", nullable: false },
    status: { type: "string", nullable: true },
    amount: { type: "float", nullable: false },
  });

describe("dropColumns", () => {
  it("drops the listed columns; the others keep their order, types and rows", () => {
    const out = pipe(orders())
      .transform(dropColumns, { columns: ["status", "status"] })
      .run().table;
    expect(out.columnNames()).toEqual(["id", "amount"]);
    expect(out.objects()).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 5 },
      { id: 3, amount: 7.5 },
    ]);
    expect(schemaOf(out)).toEqual({
      id: { type: "int", nullable: false },
      amount: { type: "float", nullable: false },
    });
  });

  it("refuses a column the table lacks before any row is read, naming it", () => {
    const p = pipe(orders()).transform(dropColumns, { columns: ["statsu" as "status"] });
    expect(() => p.check()).toThrow(MissingColumnsError);
    expect(() => p.check()).toThrow(/statsu/);
  });

  it("keeps a filtered and ordered table's visible rows in their order", () => {
    const view = orders()
      .filter((d: { amount: number }) => d.amount > 6)
      .orderby(aq.desc("amount"));
    expect(dropColumns(view, { columns: ["id"] }).objects()).toEqual([
      { status: "paid", amount: 10 },
      { status: null, amount: 7.5 },
    ]);
  });
});
