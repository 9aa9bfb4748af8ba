import { add, cast, col, div, eq, hour, length, lit, mul, neg, pipe, typedTable } from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-cast-number-text-");

const table = () =>
  typedTable(
    aq.table({
      k: [1, -2, null, 2 ** 40],
      x: [0, 2, 2.5, null],
      s: ["a", "bb", null, "dddd"],
      t: [Date.UTC(2018, 0, 1, 5), null, Date.UTC(2018, 0, 1), Date.UTC(2018, 5, 1, 23)],
    }),
    {
      k: { type: "int", nullable: true },
      x: { type: "float", nullable: true },
      s: { type: "string", nullable: true },
      t: { type: "timestamp", nullable: true },
    },
  );

describe("the expression cast of a number to a string on DuckDB: JavaScript's text (2, not 2.0)", () => {
  it("of an int or float column, arithmetic, a negation, a date part, a length and a literal", async () => {
    const p = pipe(table()).transform(derive, {
      columns: {
        a: cast(col("k"), "string"),
        b: cast(col("x"), "string"),
        c: cast(add(col("k"), col("k")), "string"),
        d: cast(div(col("x"), 2), "string"),
        e: cast(neg(col("x")), "string"),
        f: cast(hour(col("t")), "string"),
        g: cast(length(col("s")), "string"),
        h: cast(lit(3), "string"),
        i: cast(cast(col("k"), "float"), "string"),
      },
    });
    const result = await expectParity(p, scratch.db);
    expect(result.placement.map((step) => step.engine)).toEqual(["duckdb"]);
    expect(result.table.array("c")).toEqual(["2", "-4", null, "2199023255552"]);
    expect(result.table.array("b")).toEqual(["0", "2", "2.5", null]);
  });

  it("of whole numbers up to 2^53 in magnitude: their exact digits, as JavaScript writes them", async () => {
    const big = typedTable(aq.table({ x: [1e15, -(2 ** 53 - 1), 2 ** 52 - 0.5, 1e15 + 1] }), {
      x: { type: "float", nullable: true },
    });
    const p = pipe(big).transform(derive, { columns: { s: cast(col("x"), "string") } });
    const result = await expectParity(p, scratch.db);
    expect(result.placement.map((step) => step.engine)).toEqual(["duckdb"]);
    expect(result.table.array("s")).toEqual([
      "1000000000000000",
      "-9007199254740991",
      "4503599627370495.5",
      "1000000000000001",
    ]);
  });

  it("in a filter: the text compared is JavaScript's", async () => {
    const p = pipe(table()).transform(filter, { where: eq(cast(mul(col("x"), 2), "string"), "4") });
    const result = await expectParity(p, scratch.db);
    expect(result.table.numRows()).toBe(1);
  });
});
