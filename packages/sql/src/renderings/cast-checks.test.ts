import { add, type CastType, cast, coalesce, col, gt, lit, pipe } from "@tablepipe/core";
import { castColumns, derive, filter, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import type { CompiledCte } from "../compile-pipe";
import { compileForTest } from "../test-support/compile-for-test";

const table = () => aq.table({ k: [1, 2], x: [1.5, 2], g: ["7", "a"], t: ["2018-01-01 00:00:00", null] });
const sourceTypes = { k: "int", x: "float", g: "string", t: "string" } as const;
const stepSql = (ctes: readonly CompiledCte[]): string => (ctes.at(-1) as CompiledCte).sql;

describe("the check of a cast that can fail: in the step's WHERE, and only for such a cast", () => {
  it("castColumns: a string to a number or boolean is checked in the WHERE, other casts add none", () => {
    for (const dialect of ["duckdb", "spark"] as const) {
      const checked = compileForTest(
        pipe(table()).transform(castColumns, { columns: { k: "float", g: "int" } }),
        {
          dialect,
          sourceTypes,
        },
      );
      expect(stepSql(checked.ctes)).toMatch(/ WHERE .*CASE WHEN .* THEN (error|raise_error)\(/s);
      expect(checked.ctes.at(-1)?.failureProbe).toBeDefined();
      const plain = compileForTest(
        pipe(table()).transform(castColumns, { columns: { k: "float", x: "string" } }),
        {
          dialect,
          sourceTypes,
        },
      );
      expect(stepSql(plain.ctes)).not.toContain("WHERE");
      expect(plain.ctes.at(-1)?.failureProbe).toBeUndefined();
    }
  });

  it("derive and filter: a cast of a string expression is checked; of numbers, or none, the SQL is as before", () => {
    const derived = compileForTest(
      pipe(table()).transform(derive, { columns: { y: cast(col("g"), "boolean"), z: add(col("k"), 1) } }),
      { sourceTypes },
    );
    expect(stepSql(derived.ctes)).toMatch(/ WHERE \(CASE WHEN "g" IS NOT NULL AND NOT \(.*\) THEN error\(/s);
    const plain = compileForTest(
      pipe(table()).transform(derive, { columns: { y: cast(col("k"), "float"), z: add(col("k"), 1) } }),
      { sourceTypes },
    );
    expect(stepSql(plain.ctes)).toBe(
      `SELECT "k", "x", "g", "t", CAST("k" AS DOUBLE) AS "y", (CAST("k" AS DOUBLE) + CAST(1 AS DOUBLE)) AS "z", "__tablepipe_row" FROM "source"`,
    );
    const filtered = compileForTest(
      pipe(table()).transform(filter, { where: gt(cast(col("g"), "float"), 1) }),
      {
        sourceTypes,
      },
    );
    expect(stepSql(filtered.ctes)).toMatch(/ WHERE \(CASE WHEN .* THEN error\(.* ELSE \(CAST\(/s);
    const kept = compileForTest(pipe(table()).transform(filter, { where: gt(col("k"), 1) }), { sourceTypes });
    expect(stepSql(kept.ctes)).toBe(`SELECT * FROM "source" WHERE ("k" > 1)`);
  });

  it("a float (a column, arithmetic) cast to int is checked against the int range; an int's is not", () => {
    const ranged = compileForTest(pipe(table()).transform(castColumns, { columns: { x: "int" } }), {
      sourceTypes,
    });
    expect(stepSql(ranged.ctes)).toMatch(
      / WHERE \(CASE WHEN "x" IS NOT NULL AND NOT \(\(isnan\("x"\) OR \("x" >= -9\.223372036854775808e18 AND "x" < 9\.223372036854775808e18\)\)\) THEN error\(/,
    );
    const derived = pipe(table()).transform(derive, { columns: { y: cast(add(col("k"), 1), "int") } });
    expect(stepSql(compileForTest(derived, { sourceTypes }).ctes)).toContain(" WHERE (CASE WHEN ");
    const plainCasts: Record<string, CastType>[] = [{ k: "int" }, { k: "float" }, { x: "float" }];
    for (const columns of plainCasts) {
      const p = pipe(table()).transform(castColumns, { columns });
      expect(stepSql(compileForTest(p, { sourceTypes }).ctes)).not.toContain("WHERE");
    }
  });

  it("a cast of a column of unknown type, or of a coalesce of numbers, is checked on the engine's type of it; to string, or of null, is not", () => {
    const untyped = pipe(table()).transform(derive, { columns: { y: coalesce(col("g"), col("t")) } });
    for (const [dialect, text] of [
      ["duckdb", `typeof("y") = 'VARCHAR'`],
      ["spark", "typeof(`y`) = 'string'"],
    ] as const) {
      const checked = untyped.transform(derive, { columns: { n: cast(col("y"), "int") } });
      // t's type unknown: so is the coalesce's (of one type, it would be that type's)
      const { t: _unknown, ...known } = sourceTypes;
      const compiled = compileForTest(checked, { dialect, sourceTypes: known });
      expect(stepSql(compiled.ctes)).toMatch(/ WHERE \(CASE WHEN /);
      expect(stepSql(compiled.ctes)).toContain(`WHEN (${text}) THEN `);
      expect(compiled.ctes.at(-1)?.failureProbe).toBeDefined();
    }
    const numbers = compileForTest(
      pipe(table()).transform(derive, { columns: { n: cast(coalesce(col("x"), col("k")), "int") } }),
      { sourceTypes },
    );
    expect(stepSql(numbers.ctes)).toContain(
      `AND NOT ((CASE WHEN (typeof(COALESCE("x", "k")) IN ('DOUBLE', 'FLOAT', 'HUGEINT', 'UHUGEINT', 'UBIGINT') OR typeof(COALESCE("x", "k")) LIKE 'DECIMAL%') THEN (isnan(TRY_CAST(`,
    );
    expect(stepSql(numbers.ctes)).not.toContain("= 'VARCHAR'"); // numbers: no text test
    const plainCasts = [
      { s: cast(col("y"), "string") },
      { s: cast(lit(null), "int") },
      { s: cast(coalesce(col("x"), col("k")), "float") },
      { s: cast(coalesce(col("x"), col("k")), "boolean") },
    ];
    for (const columns of plainCasts) {
      const plain = compileForTest(untyped.transform(derive, { columns }), { sourceTypes });
      expect(stepSql(plain.ctes)).not.toContain("WHERE");
    }
  });

  it("Spark's check is nondeterministic, so that Spark neither moves it below an earlier join nor splits it", () => {
    const p = pipe(table()).transform(castColumns, { columns: { g: "int" } });
    const sql = stepSql(compileForTest(p, { dialect: "spark", sourceTypes }).ctes);
    expect(sql).toMatch(/ WHERE \(CASE WHEN spark_partition_id\(\) >= 0 THEN \(CASE WHEN /);
  });

  it("a derive or filter casting a string to a time stamp runs in process (its layouts are the table reader's)", () => {
    const derived = pipe(table()).transform(derive, { columns: { at: cast(col("t"), "timestamp") } });
    expect(compileForTest(derived, { sourceTypes }).renderedSteps).toBe(0);
    const filtered = pipe(table()).transform(filter, { where: gt(cast(col("t"), "timestamp"), 0) });
    expect(compileForTest(filtered, { sourceTypes }).renderedSteps).toBe(0);
  });

  it("a step with a check names its failing row in its input's order: the rows are numbered in order", () => {
    const sorted = (p: ReturnType<typeof pipe<string>>) =>
      p.transform(sortRows, { by: ["k", "x", "g", "t"] });
    const checked = sorted(pipe(table()).transform(derive, { columns: { y: cast(col("g"), "int") } }));
    expect(compileForTest(checked, { sourceTypes }).ignoresRowOrder).toBe(false);
    const plain = sorted(pipe(table()).transform(derive, { columns: { y: cast(col("k"), "int") } }));
    expect(compileForTest(plain, { sourceTypes }).ignoresRowOrder).toBe(true);
  });
});
