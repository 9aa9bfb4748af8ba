import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, gt, type Pipe, pipe, StepFailedError } from "@tablepipe/core";
import { readTable } from "@tablepipe/io";
import { inProcessMessage } from "@tablepipe/sql/test-support";
import { fillNull, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as z from "zod";
import { runOnSpark } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { SparkSession } from "./engine/spark-session";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: that part declared, not run. */
const remote = inject("sparkRemote");

const Order = z.object({ id: z.int(), amount: z.number().nullable(), note: z.string().nullable() });

/** The steps the pre-flight refuses on the schema's types: a fill of another kind, a comparison of two kinds. */
const refused = (p: Pipe<string>) => [
  p.transform(fillNull, { columns: { amount: "none" } }),
  p.transform(filter, { where: gt(col("note"), 1) }),
];

/** The pipe's table of a file source: the columns only, no types. */
const columnsOnly = () => aq.table({ id: [], amount: [], note: [] });

/** The errors the in-process run throws on readTable's table of the orders. */
async function inProcessErrors(folder: string): Promise<string[]> {
  const csv = join(folder, "orders.csv");
  await writeFile(csv, "id,amount,note\n1,10.5,a\n2,,\n3,7,c\n");
  const expected = refused(pipe(await readTable(csv, Order))).map(inProcessMessage);
  await rm(csv);
  expect(expected[0]).toMatch(/fillNull/);
  expect(expected[1]).toMatch(/filter/);
  return expected;
}

/** What the run rejects with: the error's class and message. */
const failure = (run: Promise<unknown>) =>
  run.then(
    () => "the run did not fail",
    (error: unknown) => [(error as Error).constructor.name, (error as Error).message],
  );

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "tablepipe-spark-preflight-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the pre-flight of a file source's steps on Spark: the schema's types, before anything is read", () => {
  it("refuses what the in-process run refuses on readTable's table, with its error, before connecting", async () => {
    const expected = await inProcessErrors(folder);
    // a port nothing listens on: a run that got as far as connecting would fail with a connection error instead
    const nowhere = "sc://127.0.0.1:9";
    const schemas = [Order, { id: "int", amount: "float", note: "string" } as const];
    for (const schema of schemas) {
      const source = sparkFiles("csv", join(folder, "orders.csv"), { schema });
      for (const [i, p] of refused(pipe(columnsOnly())).entries()) {
        expect(await failure(runOnSpark(p, { remote: nowhere, source }))).toEqual([
          StepFailedError.name,
          expected[i],
        ]);
      }
    }
  });

  it.runIf(remote !== "")(
    "refuses it on a session too, where the file is gone: nothing was read",
    async () => {
      const expected = await inProcessErrors(folder);
      const session = await SparkSession.connect(remote);
      try {
        const source = sparkFiles("csv", join(folder, "orders.csv"), { schema: Order });
        for (const [i, p] of refused(pipe(columnsOnly())).entries()) {
          expect(await failure(runOnSpark(p, { remote: session, source }))).toEqual([
            StepFailedError.name,
            expected[i],
          ]);
        }
      } finally {
        await session.close();
      }
    },
  );
});
