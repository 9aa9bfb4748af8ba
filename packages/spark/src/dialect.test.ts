import { cast, col, dayOfWeek, first, gt, last, pipe, SQL_DIALECTS, toSql } from "@tablepipe/core";
import { pipeToSql } from "@tablepipe/sql";
import { aggregate, dropDuplicates, excludeMatching, filter, firstNPerGroup } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";

// The Spark SQL a pipe renders to, without a Spark (the parity tests run it on a real one).
const orders = aq.table({ id: [1], status: ["a"], amount: [1], at: [0] });
const numberRows = (relation: string) => `SELECT * FROM ${SQL_DIALECTS.spark.quoteIdentifier(relation)}`;

describe("the Spark SQL dialect", () => {
  it("quotes identifiers in backticks, doubling a backtick", () => {
    expect(SQL_DIALECTS.spark.quoteIdentifier("a`b c")).toBe("`a``b c`");
  });

  it("keeps Spark's dayofweek (Sunday is 1), casts ints by truncating BIGINT casts, time stamps as TIMESTAMP_NTZ", () => {
    expect(toSql(dayOfWeek(col("at")), "spark")).toBe("dayofweek(`at`)");
    expect(toSql(cast(col("amount"), "int"), "spark")).toBe(
      "CAST(NULLIF(CAST(`amount` AS DOUBLE), CAST('NaN' AS DOUBLE)) AS BIGINT)",
    );
    expect(toSql(cast(col("amount"), "timestamp"), "spark")).toBe("CAST(`amount` AS TIMESTAMP_NTZ)");
  });

  it("renders a pipe with backticks everywhere, min_by/max_by for first/last, NOT EXISTS and ranked subqueries", () => {
    const zones = aq.table({ zone_id: [1], zone_name: ["JFK Airport"] });
    const sql = pipeToSql(
      pipe(orders)
        .transform(dropDuplicates, { subset: ["id"] })
        .transform(excludeMatching, {
          column: "id",
          lookup: zones,
          lookupKey: "zone_id",
          where: { column: "zone_name", startsWith: "JFK" },
        })
        .transform(firstNPerGroup, { keys: ["id"], orderBy: ["at"], n: 1 })
        .transform(filter, { where: gt(col("amount"), 0) })
        .transform(aggregate, { by: ["status"], measures: { f: first(col("amount")), l: last(col("id")) } }),
      { dialect: "spark", numberRows },
    );
    expect(sql).not.toMatch(/"/); // no double-quoted identifier: Spark reads "x" as a string
    expect(sql).toContain("AS `__tablepipe_rank` FROM `source`) WHERE `__tablepipe_rank` = 1");
    expect(sql).toContain(
      "WHERE NOT EXISTS (SELECT 1 FROM `lookup 1` AS `l` WHERE `l`.`zone_id` = `t`.`id` AND COALESCE(startswith(`l`.`zone_name`, 'JFK'), FALSE))",
    );
    expect(sql).toContain(
      "min_by(`amount`, `__tablepipe_row`) AS `f`, max_by(`id`, `__tablepipe_row`) AS `l`",
    );
    expect(sql).toContain("ORDER BY `__tablepipe_row` ASC NULLS FIRST");
  });
});
