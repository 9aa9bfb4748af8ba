import { add, col, eq, mul, pipe, sub, typedTable } from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const ints = (x: number[]) => typedTable(aq.table({ x }), { x: { type: "int", nullable: false } });

describe("arithmetic on DuckDB is on doubles, as JavaScript's numbers are", () => {
  it("ints multiply past BIGINT's range and lose precision past 2^53 as in process, no overflow error", async () => {
    const { table } = await expectParity(
      pipe(ints([5e9, 2 ** 53 - 1])).transform(derive, {
        columns: { square: mul(col("x"), col("x")), same: eq(add(col("x"), 2), add(col("x"), 1)) },
      }),
      db,
    );
    expect(table.objects()).toEqual([
      { x: 5e9, square: 2.5e19, same: false },
      { x: 2 ** 53 - 1, square: (2 ** 53 - 1) ** 2, same: true },
    ]);
  });

  it("a literal with a fraction is the nearest double, not an exact decimal", async () => {
    const { table } = await expectParity(
      pipe(ints([3, 1])).transform(filter, { where: eq(mul(col("x"), 0.1), 0.3) }),
      db,
    );
    expect(table.numRows()).toBe(0); // 3 × 0.1 is 0.30000000000000004
    const literals = await expectParity(
      pipe(ints([1])).transform(derive, {
        columns: {
          a: add(0.1, 0.2),
          b: mul(100000, 100000),
          c: add(2147483647, 1),
          d: sub(sub(col("x"), 0.1), 0.2),
        },
      }),
      db,
    );
    expect(literals.table.objects()).toEqual([
      { x: 1, a: 0.1 + 0.2, b: 1e10, c: 2147483648, d: 1 - 0.1 - 0.2 },
    ]);
  });
});
