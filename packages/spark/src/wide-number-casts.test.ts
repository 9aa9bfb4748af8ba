import { join } from "node:path";
import { cast, col, pipe } from "@tablepipe/core";
import { describeWideNumberCastParity, expectSameTable, inProcessMessage } from "@tablepipe/sql/test-support";
import { derive } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { type SparkSource, sparkFiles, sparkTable } from "./engine/sources";
import { sparkParityEngine, sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(1);

describeWideNumberCastParity(engine, enabled);

const sparkTest = sparkTestSession("spark-wide-number-casts");
const { remote } = sparkTest;
/** Rows of a DOUBLE holding NaN and a DECIMAL(38, 2), and a DECIMAL past 2^63 in row 2. */
const ROWS = `SELECT * FROM VALUES (1, double('NaN'), CAST(5 AS DECIMAL(38, 2))), (2, 2.5D, CAST(-7.25 AS DECIMAL(38, 2))), (3, CAST(NULL AS DOUBLE), CAST(15000000000000000000 AS DECIMAL(38, 2))) AS t(k, x, d)`;

describe.runIf(remote !== "")(
  "a Spark table's or Parquet file's NaN and DECIMAL, cast",
  { timeout: 180_000 },
  () => {
    /** The same rows in process: NaN a float, the DECIMAL its number. */
    const rows = () =>
      aq.table({ k: [1, 2, 3], x: [Number.NaN, 2.5, null], d: [5, -7.25, 15000000000000000000] });

    it("a table and Parquet files of such columns (types unknown to the compiler): the in-process values and error", async () => {
      await sparkTest.session.client.statement(
        `CREATE OR REPLACE TEMP VIEW nan_decimals AS ${ROWS}`,
        "a view",
      );
      const path = join(sparkTest.folder, "nan-decimals");
      await sparkTest.session.client.statement(
        `INSERT OVERWRITE DIRECTORY '${path}' USING parquet ${ROWS}`,
        "a Parquet file",
      );
      const sources: SparkSource[] = [sparkTable("nan_decimals"), sparkFiles("parquet", path)];
      const converting = pipe(rows()).transform(derive, {
        columns: {
          i: cast(col("x"), "int"),
          s: cast(col("x"), "string"),
          b: cast(col("x"), "boolean"),
          ds: cast(col("d"), "string"),
          df: cast(col("d"), "float"),
        },
      });
      const failing = pipe(rows()).transform(derive, { columns: { i: cast(col("d"), "int") } });
      const message = inProcessMessage(failing);
      expect(message).toMatch(/cannot convert 15000000000000000000 to int \(row 2\): expected a number from/);
      for (const source of sources) {
        const result = await runOnSpark(converting, { remote: sparkTest.session, source });
        // files without a schema are read in Spark's order
        expectSameTable(result.table.orderby("k").reify(), converting.run().table);
        if (source.label === "table nan_decimals") {
          await expect(runOnSpark(failing, { remote: sparkTest.session, source })).rejects.toThrow(message);
        } else {
          // the row in Spark's read order of the files
          await expect(runOnSpark(failing, { remote: sparkTest.session, source })).rejects.toThrow(
            /^derive: column "i": cast\(col\("d"\), "int"\): cannot convert 15000000000000000000 to int \(row \d\): expected a number from -2\^63 to below 2\^63$/,
          );
        }
      }
    });
  },
);

describe.runIf(remote !== "")("a Spark table's column of another type, cast", { timeout: 180_000 }, () => {
  it("a time stamp or a boolean of a type the compiler does not know cast to string: Spark's text (the SQL binds)", async () => {
    await sparkTest.session.client.statement(
      "CREATE OR REPLACE TEMP VIEW stamps_flags AS SELECT * FROM VALUES (1, TIMESTAMP_NTZ '2024-02-29 23:59:59.5', true) AS t(k, at, flag)",
      "a view",
    );
    const p = pipe(aq.table({ k: [1], at: [0], flag: [true] })).transform(derive, {
      columns: { t: cast(col("at"), "string"), f: cast(col("flag"), "string") },
    });
    const result = await runOnSpark(p, { remote: sparkTest.session, source: sparkTable("stamps_flags") });
    expect(result.table.objects()).toMatchObject([{ t: "2024-02-29 23:59:59.5", f: "true" }]);
  });
});
