import { pipe } from "@tablepipe/core";
import {
  describeNaNAsNullParity,
  expectNaNParity,
  NAN_ROWS,
  nanPipes,
  nanTable,
} from "@tablepipe/sql/test-support";
import { describe, expect, it } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { type SparkSource, sparkFiles, sparkTable } from "./engine/sources";
import { sparkParityEngine, sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(1);

describeNaNAsNullParity(engine, enabled);

const sparkTest = sparkTestSession("spark-nan");
const { remote } = sparkTest;

/** `NAN_ROWS` as SQL `VALUES`, NaN as Spark's `double('NaN')`; y a FLOAT, whose NaN-free values keep their type. */
const values = NAN_ROWS.k
  .map((k, i) => {
    const number = (v: number | null, type: string) =>
      v === null
        ? `CAST(NULL AS ${type})`
        : Number.isNaN(v)
          ? `CAST('NaN' AS ${type})`
          : `CAST(${v} AS ${type})`;
    return `(${k}, '${NAN_ROWS.g[i]}', ${number(NAN_ROWS.x[i] ?? null, "DOUBLE")}, ${number(NAN_ROWS.y[i] ?? null, "FLOAT")})`;
  })
  .join(", ");

/** Every `nanPipes` pipe over the source holding `NAN_ROWS` gives the in-process result. */
async function expectSourceParity(source: SparkSource): Promise<void> {
  for (const p of nanPipes(() => pipe(nanTable()))) {
    // its columns' types are Spark's, unknown to the compiler: fillNull runs in process
    const result = await runOnSpark(p, { remote: sparkTest.session, source });
    expectNaNParity(p, result);
    const inProcess = result.placement.filter((step) => step.engine !== "spark").map((step) => step.step);
    expect(inProcess.filter((step) => !step.startsWith("fillNull"))).toEqual([]);
  }
}

describe.runIf(remote !== "")(
  "a Spark table's or schema-less files' NaN is a missing value, as in process",
  { timeout: 300_000 },
  () => {
    it("sparkTable: the measures, null tests, fills, filters, sorts, keys and windows over it", async () => {
      await sparkTest.session.client.statement(
        `CREATE OR REPLACE TEMP VIEW nan_rows AS SELECT * FROM VALUES ${values} AS t(k, g, x, y)`,
        "a view",
      );
      await expectSourceParity(sparkTable("nan_rows"));
    });

    it("sparkFiles without a schema (a CSV whose NaN Spark infers as a DOUBLE's): the same", async () => {
      const cell = (v: number | null) => (v === null ? "" : String(v));
      const lines = NAN_ROWS.k.map(
        (k, i) => `${k},${NAN_ROWS.g[i]},${cell(NAN_ROWS.x[i] ?? null)},${cell(NAN_ROWS.y[i] ?? null)}`,
      );
      const path = await sparkTest.file("nan-rows.csv", ["k,g,x,y", ...lines, ""].join("\n"));
      await expectSourceParity(sparkFiles("csv", path, { options: { header: "true", inferSchema: "true" } }));
    });
  },
);
