import { col, gt, type Pipe, pipe, StepFailedError } from "@tablepipe/core";
import { castColumns, filter, sortRows, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runOnSpark, type SparkRunOptions } from "./engine/run-on-spark";
import { SparkSession } from "./engine/spark-session";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const remote = inject("sparkRemote");

let session: SparkSession;
beforeAll(async () => {
  if (remote !== "") session = await SparkSession.connect(remote);
});
afterAll(async () => {
  if (remote !== "") await session.close();
});

/** Assert a pipe fails in process and on Spark with the same error (a `StepFailedError`), matching `pattern`. */
async function expectSameError(
  p: Pipe<string>,
  options: Omit<SparkRunOptions, "remote">,
  pattern: RegExp,
): Promise<void> {
  let message = "";
  try {
    p.run();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(pattern);
  const error = await runOnSpark(p, { ...options, remote: session }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StepFailedError);
  expect((error as Error).message).toBe(message);
}

const types = { columnTypes: { id: "int", s: "string", b: "string" } } as const;
const table = aq.table({
  id: [1, 2, 3, 4, 5, 6],
  s: ["1", " 2.5 ", null, "", "x", "3"],
  b: ["true", "no", "FALSE", null, "yes", "false"],
});

describe.runIf(remote !== "")(
  "castColumns on Spark: a cell that does not convert is the in-process error, naming its row",
  { timeout: 120_000 },
  () => {
    it("the row (0-based, as in process) of the first cell that does not convert: a blank cell is one", async () => {
      const p = pipe(table).transform(castColumns, { columns: { s: "float" } });
      await expectSameError(
        p,
        types,
        /^castColumns: column "s": cast\(col\("s"\), "float"\): cannot convert "" to float \(row 3\)$/,
      );
    });

    it("the first column in the params' order that fails, even when another fails on an earlier row", async () => {
      const p = pipe(table).transform(castColumns, { columns: { id: "string", s: "int", b: "boolean" } });
      await expectSameError(p, types, /column "s": .*cannot convert "" to int \(row 3\)/);
      const booleans = pipe(table).transform(castColumns, { columns: { b: "boolean", s: "int" } });
      await expectSameError(booleans, types, /column "b": .*cannot convert "no" to boolean \(row 1\)/);
    });

    it("counts the rows of the step's input, in its order: after a filter, a sort, a union", async () => {
      const pipes = [
        pipe(table)
          .transform(filter, { where: gt(col("id"), 4) })
          .transform(castColumns, { columns: { s: "float" } }),
        pipe(table)
          .transform(sortRows, { by: ["id"], descending: ["id"] })
          .transform(castColumns, { columns: { s: "float" } }),
        pipe(table)
          .transform(union, {
            other: table.filter((d: { id: number }) => d.id === 1).derive({ s: () => "one" }),
          })
          .transform(filter, { where: gt(col("id"), 1) })
          .transform(castColumns, { columns: { b: "boolean" } }),
      ];
      const rows = [/"x" to float \(row 0\)/, /"x" to float \(row 1\)/, /"no" to boolean \(row 0\)/];
      for (const [i, p] of pipes.entries()) await expectSameError(p, types, rows[i] as RegExp);
    });

    it("the first such row in order when Spark runs the rows in parallel (a table shipped in parts), and the value as in process", async () => {
      const n = 250_000;
      const long = `${"a".repeat(70)} "quoted"`;
      const s = Array.from({ length: n }, (_, i) => (i < 200_000 ? String(i) : i === 200_000 ? long : "bad"));
      const p = pipe(aq.table({ s })).transform(castColumns, { columns: { s: "float" } });
      await expectSameError(p, { columnTypes: { s: "string" } }, /"a{57}\.\.\." to float \(row 200000\)/);
    });
  },
);
