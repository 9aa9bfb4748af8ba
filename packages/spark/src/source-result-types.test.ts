import { pipe, schemaOf } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { sparkTable } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-source-types");
const { remote } = sparkTest;
describe.runIf(remote !== "")(
  "the result of a Spark table source: column types from Spark's",
  { timeout: 180_000 },
  () => {
    it("integers are int, a DECIMAL float, time stamps and dates theirs, as readTable types a file's columns", async () => {
      await sparkTest.session.client.statement(
        "CREATE OR REPLACE TEMP VIEW typed_values AS SELECT * FROM VALUES (1L, 3, TIMESTAMP_NTZ '2024-02-29 23:59:59.5', DATE '2024-01-02', CAST(2.5 AS DECIMAL(10, 2)), 1.5D, 'a', true), (NULL, 4, NULL, NULL, NULL, NULL, NULL, NULL) AS t(k, i, at, day, d, x, s, b)",
        "a view",
      );
      const template = aq.table({ k: [0], i: [0], at: [0], day: [0], d: [0], x: [0], s: [""], b: [true] });
      const result = await runOnSpark(pipe(template), {
        remote: sparkTest.session,
        source: sparkTable("typed_values"),
      });
      expect(schemaOf(result.table)).toEqual({
        k: { type: "int", nullable: true },
        i: { type: "int", nullable: false },
        at: { type: "timestamp", nullable: true },
        day: { type: "date", nullable: true },
        d: { type: "float", nullable: true },
        x: { type: "float", nullable: true },
        s: { type: "string", nullable: true },
        b: { type: "boolean", nullable: true },
      });
      expect(result.table.objects()[0]).toEqual({
        k: 1,
        i: 3,
        at: Date.UTC(2024, 1, 29, 23, 59, 59, 500),
        day: Date.UTC(2024, 0, 2),
        d: 2.5,
        x: 1.5,
        s: "a",
        b: true,
      });
    });
  },
);
