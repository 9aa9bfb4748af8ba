import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, defineTransform, gt, pipe, StepFailedError } from "@tablepipe/core";
import { readTable } from "@tablepipe/io";
import { expectParity, expectSameTable, fixedOrders } from "@tablepipe/sql/test-support";
import {
  dropDuplicates,
  excludeMatching,
  filter,
  firstNDaily,
  join as joinTables,
  limitHistory,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SparkLoadError, SparkQueryError } from "./client/errors";
import { runOnSpark, type SparkPipeResult } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { spark } from "./engine/spark-engine";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark");
const { remote } = sparkTest;

const orders = fixedOrders;

describe.runIf(remote !== "")("runOnSpark against a real Spark", { timeout: 120_000 }, () => {
  it("runs a pipe as one query and gives the in-process table and trace; the rest runs in process", async () => {
    const custom = defineTransform({ name: "myStep", apply: (table) => table });
    const p = pipe(orders())
      .transform(dropDuplicates)
      .transform(limitHistory, { column: "at", after: "202312", through: "202402" })
      .transform(custom)
      .transform(filter, { where: gt(col("amount"), 6) });
    const result = (await expectParity(
      p,
      {
        name: "spark",
        runs: 1,
        run: (q, columnTypes) => runOnSpark(q, { remote: sparkTest.session, columnTypes }),
      },
      { at: "timestamp" },
    )) as SparkPipeResult<string>;
    expect(result.placement.map((s) => s.engine)).toEqual(["spark", "spark", "in-process", "in-process"]);
    expect(result.sql).toContain("`dropDuplicates` AS (");
    expect(result.table.numRows()).toBe(1);
  });

  it("is the engine of pipe.run({ engine: spark(remote) }), opening and releasing its own session", async () => {
    const p = pipe(orders()).transform(dropDuplicates);
    const local = p.run();
    const onSpark = await p.run({ engine: spark(remote, { columnTypes: { at: "timestamp" } }) });
    expect(onSpark.table.objects()).toEqual(local.table.objects());
    expect(onSpark.placement).toEqual([{ step: "dropDuplicates", engine: "spark" }]);
  });

  it("ships a table larger than one message in chunks, rows in order", async () => {
    const rows = 250_000;
    const big = aq.table({ n: Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 1000) });
    const p = pipe(big).transform(filter, { where: gt(col("n"), 990) });
    const result = await runOnSpark(p, { remote: sparkTest.session });
    expect(result.table.numRows()).toBe(p.run().table.numRows());
    expectSameTable(result.table, p.run().table);
  });

  it("names the step Spark refused, the kind and Spark's first line, without the plan", async () => {
    // a number padded with a no-break space: the cast's check reads it as in process, Spark's CAST refuses it
    const p = pipe(aq.table({ s: ["7\u00a0", "1"] })).transform(filter, {
      where: gt({ kind: "cast", to: "float", arg: { kind: "column", name: "s" } } as never, 0),
    });
    const error = await runOnSpark(p, { remote: sparkTest.session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkQueryError);
    expect((error as SparkQueryError).step).toBe("filter");
    expect((error as SparkQueryError).kind).toBe("conversion");
    expect((error as SparkQueryError).message).toMatch(
      /^filter: a value does not convert .*\[CAST_INVALID_INPUT\]/,
    );
    expect((error as SparkQueryError).message).not.toContain("\n");
  });

  it("refuses a column of mixed kinds before sending anything, naming it", async () => {
    const p = pipe(aq.table({ v: [1, "a"] })).transform(dropDuplicates);
    await expect(runOnSpark(p, { remote: sparkTest.session })).rejects.toThrow(SparkLoadError);
    await expect(runOnSpark(p, { remote: sparkTest.session })).rejects.toThrow(
      'column "v" holds floats and string values',
    );
  });

  it("reads a CSV file on Spark with the schema's types, equal to readTable's table and pipe result", async () => {
    const Order = z.object({
      id: z.int(),
      ordered_at: z.date(),
      amount: z.number().nullable(),
      paid: z.boolean(),
    });
    const path = join(sparkTest.folder, "orders.csv");
    await writeFile(
      path,
      "id,ordered_at,amount,paid\n1,2018-03-11 02:30:00,10.5,true\n1,2018-03-11 01:59:00,,false\n2,2018-11-04 01:30:00,3,true\n",
    );
    const table = await readTable(path, Order);
    const p = pipe(table).transform(firstNDaily, { key: "id", timestamp: "ordered_at", n: 1 });
    const result = await runOnSpark(p, {
      remote: sparkTest.session,
      source: sparkFiles("csv", path, { schema: Order }),
    });
    expectSameTable(result.table, p.run().table);
    const wrong = pipe(aq.table({ id: [1] })).transform(dropDuplicates);
    await expect(
      runOnSpark(wrong, { remote: sparkTest.session, source: sparkFiles("csv", path, { schema: Order }) }),
    ).rejects.toThrow("Spark reads the columns id, ordered_at, amount, paid; the pipe's table has id");
  });

  it("says a file Spark cannot find is an io error, naming the source", async () => {
    const p = pipe(aq.table({ id: [1] })).transform(dropDuplicates);
    const source = sparkFiles("parquet", join(sparkTest.folder, "nope.parquet"));
    const error = await runOnSpark(p, { remote: sparkTest.session, source }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkQueryError);
    expect((error as SparkQueryError).kind).toBe("io");
    expect((error as SparkQueryError).step).toContain("nope.parquet");
  });
});

describe("runOnSpark without a Spark: what it refuses before connecting", () => {
  // a port nothing listens on: a run that got as far as connecting would fail with a connection error instead
  const nowhere = "sc://127.0.0.1:9";
  const ordersById = aq.table({ id: [1, 2], customer_id: [7, 8] });
  const customers = aq.table({ customer_id: ["7", "08"], name: ["Ann", "Bob"] });

  it("a join or excludeMatching on keys that can never match (numbers against text): the in-process error", async () => {
    const pipes = [
      ...(["inner", "left", "semi", "anti"] as const).map((how) =>
        pipe(ordersById).transform(joinTables, { right: customers, on: ["customer_id"], how }),
      ),
      pipe(ordersById).transform(excludeMatching, {
        column: "customer_id",
        lookup: customers,
        lookupKey: "customer_id",
      }),
    ];
    for (const p of pipes) {
      let expected: unknown;
      try {
        p.run();
      } catch (error) {
        expected = error;
      }
      expect((expected as Error).message).toMatch(
        /holds numbers .*but .*strings.*, so no key can ever match/,
      );
      const failure = await runOnSpark(p, { remote: nowhere }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StepFailedError);
      expect((failure as Error).message).toBe((expected as Error).message);
    }
  });
});

describe.runIf(remote !== "")("SparkSession", { timeout: 60_000 }, () => {
  it("sets UTC, zone-less time stamps and case-sensitive names, and reports the server's version", async () => {
    const config = await sparkTest.session.client.getConfig([
      "spark.sql.session.timeZone",
      "spark.sql.timestampType",
      "spark.sql.caseSensitive",
    ]);
    expect(config).toEqual({
      "spark.sql.session.timeZone": "UTC",
      "spark.sql.timestampType": "TIMESTAMP_NTZ",
      "spark.sql.caseSensitive": "true",
    });
    expect(await sparkTest.session.client.sparkVersion()).toMatch(/^4\./);
    expect(await sparkTest.session.client.interruptAll()).toEqual([]);
  });
});
