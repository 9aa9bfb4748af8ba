import { col, defineTransform, gt, pipe } from "@tablepipe/core";
import { dropDuplicates, excludeMatching, filter, join, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { pipeToSql } from "./pipe-to-sql";
import { ROW_ORDER_COLUMN } from "./row-order";

const numberRows = (relation: string) => `SELECT *, row_index AS "${ROW_ORDER_COLUMN}" FROM "${relation}"`;
const orders = () => aq.table({ id: [1, 2], amount: [10, 5] });

describe("pipeToSql", () => {
  it("numbers the source rows the engine's way and renders a CTE per step, in order", () => {
    const p = pipe(orders())
      .transform(dropDuplicates)
      .transform(filter, { where: gt(col("amount"), 6) });
    const sql = pipeToSql(p, { dialect: "duckdb", numberRows, sourceName: "orders" });
    expect(sql).toMatch(
      /^WITH\n"source" AS \(\n {2}SELECT \*, row_index AS "__tablepipe_row" FROM "orders"\n\),/,
    );
    expect(sql.indexOf('"dropDuplicates" AS (')).toBeLessThan(sql.indexOf('"filter" AS ('));
    expect(sql).toContain('"filter" AS (\n  SELECT * FROM "dropDuplicates" WHERE ("amount" > 6)\n)');
    expect(sql).toMatch(/SELECT "id", "amount" FROM "filter"\nORDER BY "__tablepipe_row" ASC NULLS FIRST$/);
  });

  it("sorts once by a last sortRows' own terms, and numbers rows by its window when a step follows it", () => {
    const last = pipeToSql(pipe(orders()).transform(sortRows, { by: ["amount"], descending: ["amount"] }), {
      dialect: "duckdb",
      numberRows,
      sourceTypes: { id: "int", amount: "float" },
    });
    expect(last).toContain(
      '"sortRows(amount)" AS (\n  SELECT "id", "amount", "__tablepipe_row" FROM "source"\n)',
    );
    expect(last).not.toContain("row_number()");
    expect(last).toMatch(
      /SELECT "id", "amount" FROM "sortRows\(amount\)"\nORDER BY \("amount" \+ 0\.0\) DESC NULLS LAST, "id" ASC NULLS FIRST, "__tablepipe_row"$/,
    );
    const followed = pipeToSql(
      pipe(orders())
        .transform(sortRows, { by: ["amount"] })
        .transform(filter, { where: gt(col("amount"), 6) }),
      { dialect: "spark", numberRows, sourceTypes: { id: "int", amount: "float" } },
    );
    expect(followed).toContain(
      "row_number() OVER (ORDER BY `amount` ASC NULLS FIRST, `id` ASC NULLS FIRST, `__tablepipe_row`)",
    );
    expect(followed).toMatch(/ORDER BY `__tablepipe_row` ASC NULLS FIRST$/);
  });

  it("stops at the first step without a rendering and lists the rest as running in process", () => {
    const custom = defineTransform({ name: "myStep", apply: (table) => table });
    const p = pipe(orders())
      .transform(custom)
      .transform(sortRows, { by: ["id"] });
    const sql = pipeToSql(p, { dialect: "duckdb", numberRows });
    expect(sql).not.toContain('"sortRows" AS');
    expect(sql).toMatch(/-- then in process:\n-- {3}myStep\n-- {3}sortRows\(id\)$/);
  });

  it("uses a rendering given by name for a transform that has none", () => {
    const custom = defineTransform({ name: "myStep", apply: (table) => table });
    const sql = pipeToSql(pipe(orders()).transform(custom), {
      dialect: "duckdb",
      numberRows,
      renderings: { myStep: (_params, c) => `SELECT * FROM ${c.input} WHERE ${c.quote("id")} > 1` },
    });
    expect(sql).toContain('"myStep" AS (\n  SELECT * FROM "source" WHERE "id" > 1\n)');
    expect(sql).not.toContain("then in process");
  });

  it("renders DuckDB's semi and anti joins as SEMI/ANTI JOIN, the lookup's predicate filtering its rows first", () => {
    const zones = aq.table({ zone_id: [1], zone_name: ["JFK Airport"] });
    const sql = pipeToSql(
      pipe(orders())
        .transform(excludeMatching, {
          column: "id",
          lookup: zones,
          lookupKey: "zone_id",
          where: { column: "zone_name", startsWith: "JFK" },
        })
        .transform(join, { right: zones.rename({ zone_id: "id" }), on: ["id"], how: "semi" }),
      { dialect: "duckdb", numberRows },
    );
    expect(sql).toContain(
      'SELECT "t".* FROM "source" AS "t" ANTI JOIN (SELECT * FROM "lookup 1" AS "l" WHERE COALESCE(starts_with("l"."zone_name", \'JFK\'), FALSE)) AS "l" ON "l"."zone_id" = "t"."id"',
    );
    expect(sql).toContain(
      'SELECT "l".* FROM "excludeMatching(id)" AS "l" SEMI JOIN "lookup 2" AS "r" ON "l"."id" = "r"."id"',
    );
    expect(sql).not.toContain("EXISTS");
  });
});
