import { compose, pipe, step, tableParam, typedTable } from "@tablepipe/core";
import { excludeAirports, excludeMatching, join, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity, expectSameError } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const orders = aq.table({ order_id: [1, 2, 3], customer_id: [7, 8, 9] });
const HOWS = ["inner", "left", "semi", "anti"] as const;

describe("a key column an earlier join added", () => {
  const customers = aq.table({ customer_id: [7, 8], region_id: ["1", "08"] });

  it("is checked as in process: strings against numbers fail (DuckDB would convert and match)", async () => {
    const regions = aq.table({ region_id: [1, 8], region: ["north", "south"] });
    for (const how of HOWS) {
      const p = pipe(orders)
        .transform(join, { right: customers, on: ["customer_id"] })
        .transform(join, { right: regions, on: ["region_id"], how });
      await expectSameError(p, db, {}, /key "region_id" holds strings on the left but numbers on the right/);
    }
    const p = pipe(orders)
      .transform(join, { right: customers, on: ["customer_id"] })
      .transform(excludeMatching, { column: "region_id", lookup: regions, lookupKey: "region_id" });
    await expectSameError(p, db, {}, /"region_id"/);
  });

  it("matches as in process when both sides may match, typed by the right's schema or the engine's columnTypes", async () => {
    const ids = aq.table({ customer_id: [7, 8], region_id: [1, 2] });
    const typed = typedTable(ids, z.object({ customer_id: z.int(), region_id: z.int() }));
    const regions = aq.table({ region_id: [1, 2], region: ["north", "south"] });
    const runs = [
      { right: typed, options: {} },
      { right: ids, options: { columnTypes: { region_id: "int" } } as const },
    ];
    for (const { right, options } of runs) {
      const result = await expectParity(
        pipe(orders)
          .transform(join, { right, on: ["customer_id"] })
          .transform(join, { right: regions, on: ["region_id"] }),
        db,
        options,
      );
      expect(result.placement.map((s) => s.engine)).toEqual(["duckdb", "duckdb"]);
      expect(result.table.array("region")).toEqual(["north", "south"]);
    }
  });
});

describe("a composite's typed table param", () => {
  const withRegions = compose({
    name: "withRegions",
    params: z.object({ ids: tableParam(z.object({ customer_id: z.int(), region_id: z.int() })) }),
    steps: (p) => [step(join, { right: p.ids, on: ["customer_id"], how: "left" })],
  });

  it("is a lookup like any other: the join and a later join on its column run on DuckDB, as in process", async () => {
    const regions = aq.table({ region_id: [1, 2], region: ["north", "south"] });
    const result = await expectParity(
      pipe(orders)
        .transform(withRegions, { ids: aq.table({ customer_id: [7, 8], region_id: [1, 2] }) })
        .transform(join, { right: regions, on: ["region_id"] }),
      db,
    );
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb", "duckdb"]);
    expect(result.table.array("region")).toEqual(["north", "south"]);
  });
});

describe("a right or lookup table whose key holds no value matches nothing, as in process", () => {
  const rights = [
    aq.table({ customer_id: [null, null], name: ["Ann", "Bo"] }),
    aq.table({ customer_id: [], name: [] }),
  ];

  it("join (every how)", async () => {
    for (const right of rights) {
      for (const how of HOWS) {
        const result = await expectParity(
          pipe(orders).transform(join, { right, on: ["customer_id"], how }),
          db,
        );
        expect(result.table.numRows()).toBe(how === "left" || how === "anti" ? 3 : 0);
      }
    }
  });

  it("excludeMatching and excludeAirports keep every row", async () => {
    const lookups = [aq.table({ zone: [null], name: [null] }), aq.table({ zone: [], name: [] })];
    for (const lookup of lookups) {
      const excluded = await expectParity(
        pipe(orders).transform(excludeMatching, { column: "customer_id", lookup, lookupKey: "zone" }),
        db,
      );
      expect(excluded.table.numRows()).toBe(3);
      const airports = await expectParity(
        pipe(orders).transform(excludeAirports, {
          column: "customer_id",
          zones: lookup,
          zoneIdColumn: "zone",
          zoneNameColumn: "name",
        }),
        db,
      );
      expect(airports.table.numRows()).toBe(3);
    }
  });

  it("union's other table: a column of nulls only, or no row", async () => {
    for (const other of [
      aq.table({ order_id: [4], customer_id: [null] }),
      aq.table({ order_id: [], customer_id: [] }),
    ]) {
      const result = await expectParity(pipe(orders).transform(union, { other }), db);
      expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
    }
  });
});

describe("union of an int column with numbers an int does not hold", () => {
  it("is a float column, as in process", async () => {
    for (const x of [2.5, 1e20, -Infinity]) {
      const result = await expectParity(
        pipe(aq.table({ x: [1] })).transform(union, { other: aq.table({ x: [x] }) }),
        db,
        { columnTypes: { x: "int" } },
      );
      expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
      expect(Array.from(result.table.array("x") as ArrayLike<number>)).toEqual([1, x]);
    }
  });
});

describe("one table that two steps load with different types", () => {
  const typed = typedTable(orders, z.object({ order_id: z.int(), customer_id: z.int() }));
  // late orders, their customer not known yet: `union` loads customer_id as the input's int, `excludeMatching`
  // (which does not read it) as a string; loaded once, the last step's types won for both
  const late = aq.table({ order_id: [4], customer_id: [null] });

  it("is loaded once per set of types, each step reading its own", async () => {
    const p = pipe(typed)
      .transform(union, { other: late })
      .transform(excludeMatching, { column: "order_id", lookup: late, lookupKey: "order_id" });
    const result = await expectParity(p, db);
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb", "duckdb"]);
    // before: ["7", "8", "9"], union's int column read against a VARCHAR one
    expect(result.table.array("customer_id")).toEqual([7, 8, 9]);
  });
});

describe("columnTypes given for the source, naming a column a right or lookup table declares", () => {
  const left = typedTable(aq.table({ k: [1, 2, null] }), z.object({ k: z.int().nullable() }));
  const declaredFloat = () =>
    typedTable(
      aq.table({ k: [1, 2.5], v: ["p", "q"] }),
      z.object({ k: z.number().nullable(), v: z.string().nullable() }),
    );
  const columnTypes = { k: "int" } as const;

  it("does not retype the table's declared column: a join and an anti-join run as in process", async () => {
    for (const how of HOWS) {
      const p = pipe(left).transform(join, { right: declaredFloat(), on: ["k"], how });
      const result = await expectParity(p, db, { columnTypes });
      expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
    }
    const p = pipe(left).transform(excludeMatching, { column: "k", lookup: declaredFloat(), lookupKey: "k" });
    const result = await expectParity(p, db, { columnTypes });
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
    expect(result.table.array("k")).toEqual([2, null]);
  });
});
