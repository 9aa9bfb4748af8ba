import { describe, expect, it } from "vitest";
import {
  abs,
  add,
  and,
  caseWhen,
  cast,
  coalesce,
  col,
  contains,
  dayOfWeek,
  div,
  eq,
  gt,
  hour,
  isIn,
  isNull,
  length,
  lower,
  month,
  mul,
  neg,
  not,
  or,
  round,
  startsWith,
  sub,
  timestamp,
  truncate,
  year,
} from "./build";
import { toSql, toSqlOrderBy } from "./sql";
import { SQL_DIALECTS } from "./sql-dialects";

describe("toSql (DuckDB)", () => {
  const golden: [string, Parameters<typeof toSql>[0], string][] = [
    [
      "the issue's filter",
      and(gt(col("amount"), 10), eq(col("status"), "paid")),
      `(("amount" > 10) AND ("status" = 'paid'))`,
    ],
    [
      "division: null on a zero divisor",
      div(col("a"), col("b")),
      `NULLIF((CAST("a" AS DOUBLE) / NULLIF(CAST("b" AS DOUBLE), 0)), CAST('NaN' AS DOUBLE))`,
    ],
    [
      "negative literals and negation",
      add(neg(col("a")), -2.5),
      `NULLIF((CAST((-"a") AS DOUBLE) + CAST((-2.5) AS DOUBLE)), CAST('NaN' AS DOUBLE))`,
    ],
    [
      "arithmetic on doubles, as JavaScript's numbers: no BIGINT overflow, no exact DECIMAL",
      eq(mul(col("x"), 0.1), 0.3),
      `(NULLIF((CAST("x" AS DOUBLE) * CAST(0.1 AS DOUBLE)), CAST('NaN' AS DOUBLE)) = CAST(0.3 AS DOUBLE))`,
    ],
    ["quotes in names and strings", eq(col('odd"name'), "it's"), `("odd""name" = 'it''s')`],
    ["null tests and not", or(isNull(col("a")), not(col("flag"))), `(("a" IS NULL) OR (NOT "flag"))`],
    ["in-list", isIn(col("status"), ["paid", null]), `("status" IN ('paid', NULL))`],
    ["empty in-list", isIn(col("status"), []), `(CASE WHEN "status" IS NULL THEN NULL ELSE FALSE END)`],
    [
      "string functions",
      and(contains(lower(col("zone")), "airport"), startsWith(col("zone"), "J")),
      `(contains(lower("zone"), 'airport') AND starts_with("zone", 'J'))`,
    ],
    ["length", length(col("zone")), `length("zone")`],
    ["day of week, 1 = Sunday (DuckDB counts from 0)", dayOfWeek(col("at")), `(dayofweek("at") + 1)`],
    [
      "date parts",
      add(year(col("at")), add(month(col("at")), hour(col("at")))),
      `(CAST(year("at") AS DOUBLE) + (CAST(month("at") AS DOUBLE) + CAST(hour("at") AS DOUBLE)))`,
    ],
    ["truncation", truncate(col("at"), "week"), `date_trunc('week', "at")`],
    [
      "time-stamp literal",
      gt(col("at"), timestamp("2024-03-01 18:30")),
      `("at" > TIMESTAMP '2024-03-01 18:30:00')`,
    ],
    [
      "time-stamp literal with a fraction of a millisecond, to the microsecond",
      gt(col("at"), { kind: "literal", value: -0.4, timestamp: true }),
      `("at" > TIMESTAMP '1969-12-31 23:59:59.999600')`,
    ],
    [
      "time-stamp literal of 1.5 ms",
      gt(col("at"), { kind: "literal", value: 1.5, timestamp: true }),
      `("at" > TIMESTAMP '1970-01-01 00:00:00.001500')`,
    ],
    ["coalesce", coalesce(col("discount"), 0), `COALESCE("discount", 0)`],
    [
      "case",
      caseWhen([[gt(col("amount"), 100), "large"]], "small"),
      `(CASE WHEN ("amount" > 100) THEN 'large' ELSE 'small' END)`,
    ],
    ["case without else", caseWhen([[col("flag"), 1]]), `(CASE WHEN "flag" THEN 1 ELSE NULL END)`],
    [
      "cast to int truncates, NaN null",
      cast(col("x"), "int"),
      `CAST(trunc(NULLIF(CAST("x" AS DOUBLE), CAST('NaN' AS DOUBLE))) AS BIGINT)`,
    ],
    ["cast to string of a time stamp", cast(col("t"), "string"), `CAST("t" AS VARCHAR)`],
  ];
  it.each(golden)("renders %s", (_, expr, sql) => {
    expect(toSql(expr, "duckdb", { t: "timestamp" })).toBe(sql);
  });

  it("makes a product of ints 0, never -0 (`+ 0.0`), and leaves a product of floats as it is", () => {
    const types = { i: "int", x: "float" } as const;
    expect(toSql(mul(col("i"), -3), "duckdb", types)).toBe(
      `((CAST("i" AS DOUBLE) * CAST((-3) AS DOUBLE)) + 0.0)`,
    );
    expect(toSql(mul(col("x"), -3), "duckdb", types)).toBe(
      `NULLIF((CAST("x" AS DOUBLE) * CAST((-3) AS DOUBLE)), CAST('NaN' AS DOUBLE))`,
    );
    // type unknown
    expect(toSql(mul(col("i"), -3), "duckdb")).toBe(
      `NULLIF((CAST("i" AS DOUBLE) * CAST((-3) AS DOUBLE)), CAST('NaN' AS DOUBLE))`,
    );
  });

  it("makes NaN of arithmetic on floats null (once, around the outermost operator), not of arithmetic on ints", () => {
    const types = { i: "int", x: "float" } as const;
    expect(toSql(sub(add(col("x"), 1), col("x")), "duckdb", types)).toBe(
      `NULLIF(((CAST("x" AS DOUBLE) + CAST(1 AS DOUBLE)) - CAST("x" AS DOUBLE)), CAST('NaN' AS DOUBLE))`,
    );
    expect(toSql(abs(sub(col("x"), col("x"))), "spark", types)).toBe(
      "abs(NULLIF((CAST(`x` AS DOUBLE) - CAST(`x` AS DOUBLE)), CAST('NaN' AS DOUBLE)))",
    );
    expect(toSql(sub(add(col("i"), 1), col("i")), "duckdb", types)).toBe(
      `((CAST("i" AS DOUBLE) + CAST(1 AS DOUBLE)) - CAST("i" AS DOUBLE))`,
    );
  });

  it("writes numbers cast to string as JavaScript does, where their form or the known types say numbers", () => {
    const types = { k: "int", x: "float", t: "timestamp", s: "string" } as const;
    const text = SQL_DIALECTS.duckdb.numberText;
    expect(toSql(cast(col("k"), "string"), "duckdb", types)).toBe(text(`"k"`));
    expect(toSql(cast(add(col("t"), 1), "string"), "duckdb")).toBe(
      text(`NULLIF((CAST("t" AS DOUBLE) + CAST(1 AS DOUBLE)), CAST('NaN' AS DOUBLE))`),
    );
    expect(toSql(cast(hour(col("t")), "string"), "duckdb")).toBe(text(`hour("t")`));
    expect(toSql(cast(col("x"), "string"), "spark", types)).toBe(SQL_DIALECTS.spark.numberText("`x`"));
    // a time stamp, a string: SQL's CAST
    for (const name of ["t", "s"]) {
      expect(toSql(cast(col(name), "string"), "duckdb", types)).toBe(`CAST("${name}" AS VARCHAR)`);
    }
  });

  it("casts a value of unknown type to string or boolean by the engine's type of it: a number as in process", () => {
    const types = { k: "int", s: "string" } as const;
    const d = SQL_DIALECTS.duckdb;
    const number = d.valueTypeIs(`"u"`, "number");
    expect(toSql(cast(col("u"), "string"), "duckdb", types)).toBe(
      `(CASE WHEN ${number} THEN ${d.numberText(`TRY_CAST("u" AS DOUBLE)`)} ELSE CAST("u" AS VARCHAR) END)`,
    );
    expect(toSql(cast(coalesce(col("k"), col("u")), "boolean"), "duckdb", types)).toContain(
      `THEN CAST(NULLIF(TRY_CAST(COALESCE("k", "u") AS DOUBLE), CAST('NaN' AS DOUBLE)) AS BOOLEAN) ELSE CAST(COALESCE("k", "u") AS BOOLEAN) END`,
    );
    // with a string among the values it is never a number: SQL's CAST
    expect(toSql(cast(coalesce(col("s"), col("u")), "string"), "duckdb", types)).toBe(
      `CAST(COALESCE("s", "u") AS VARCHAR)`,
    );
  });

  it("sees numbers through a coalesce or case whose every value is a number or a null literal", () => {
    const types = { k: "int", x: "float", t: "timestamp", s: "string" } as const;
    const text = SQL_DIALECTS.duckdb.numberText;
    expect(toSql(cast(coalesce(col("k"), col("x"), 0), "string"), "duckdb", types)).toBe(
      text(`COALESCE("k", "x", 0)`),
    );
    const picked = caseWhen(
      [
        [gt(col("x"), 0), col("k")],
        [isNull(col("x")), null],
      ],
      neg(col("x")),
    );
    expect(toSql(cast(picked, "string"), "duckdb", types)).toBe(
      text(`(CASE WHEN ("x" > 0) THEN "k" WHEN ("x" IS NULL) THEN NULL ELSE (-"x") END)`),
    );
    expect(toSql(cast(coalesce(null, caseWhen([[gt(col("x"), 0), 1]])), "string"), "spark", types)).toBe(
      SQL_DIALECTS.spark.numberText("COALESCE(NULL, (CASE WHEN (`x` > 0) THEN 1 ELSE NULL END))"),
    );
    // a value of a time stamp or a string, or nulls only: SQL's CAST
    for (const other of ["t", "s"]) {
      expect(toSql(cast(coalesce(col("k"), col(other)), "string"), "duckdb", types)).toBe(
        `CAST(COALESCE("k", "${other}") AS VARCHAR)`,
      );
      expect(
        toSql(cast(caseWhen([[gt(col("x"), 0), col("k")]], col(other)), "string"), "duckdb", types),
      ).toBe(`CAST((CASE WHEN ("x" > 0) THEN "k" ELSE "${other}" END) AS VARCHAR)`);
    }
    expect(toSql(cast(coalesce(null, null), "string"), "duckdb", types)).toBe(
      `CAST(COALESCE(NULL, NULL) AS VARCHAR)`,
    );
  });

  it("writes round's operand four times on each engine, so a nested round grows by four, not by eleven", () => {
    const mentions = (sql: string, name: string): number => sql.split(name).length - 1;
    for (const dialect of ["duckdb", "spark"] as const) {
      const x = dialect === "duckdb" ? `"x"` : "`x`";
      expect(mentions(toSql(round(col("x"), 2), dialect, { x: "float" }), x)).toBe(4);
      const nested = round(round(round(col("x"), 3), 2), -1);
      expect(mentions(toSql(nested, dialect, { x: "float" }), x)).toBe(4 ** 3);
    }
  });
});

describe("toSqlOrderBy", () => {
  it("always says where nulls go: first ascending, last descending, unless told", () => {
    expect(
      toSqlOrderBy(
        [
          { column: "customer_id" },
          { column: "ordered_at", descending: true },
          { column: "x", nulls: "last" },
        ],
        "duckdb",
      ),
    ).toBe(`"customer_id" ASC NULLS FIRST, "ordered_at" DESC NULLS LAST, "x" ASC NULLS LAST`);
  });
});
