/** castColumns' failures on an engine are the in-process error, naming the row of the first cell that fails. */
import { type CastType, col, gt, type Pipe, pipe, StepFailedError } from "@tablepipe/core";
import { castColumns, filter, join, sortRows, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { inProcessMessage, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { id: "int", s: "string", b: "string" } as const;
const table = aq.table({
  id: [1, 2, 3, 4, 5, 6],
  s: ["1", " 2.5 ", null, "", "x", "3"],
  b: ["true", "no", "FALSE", null, "yes", "false"],
});

/** Assert `p` fails in process with a message matching `pattern`, and on the engine with that error (a StepFailedError). */
async function expectSameCastError(
  engine: ParityEngine,
  p: Pipe<string>,
  pattern: RegExp,
  columnTypes: Readonly<Record<string, CastType>> = TYPES,
): Promise<void> {
  const message = inProcessMessage(p);
  expect(message).toMatch(pattern);
  const error = await engine.run(p, columnTypes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StepFailedError);
  expect((error as Error).message).toBe(message);
}

/**
 * `castColumns` on one SQL engine: a cell that does not convert fails with the in-process error and its row
 * (0-based, in the step's input order: after a filter, a sort, a union), the first failing column in the params'
 * order, and the first failing row although the engine runs rows in parallel (250,000 rows: a table DuckDB splits
 * into row groups, Spark receives in parts).
 */
export function describeCastRowErrors(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `castColumns on ${engine.name}: a cell that does not convert is the in-process error, naming its row`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("the row (0-based, as in process) of the first cell that does not convert: a blank cell is one", async () => {
        const p = pipe(table).transform(castColumns, { columns: { s: "float" } });
        const blank =
          /^castColumns: column "s": cast\(col\("s"\), "float"\): cannot convert "" to float \(row 3\)$/;
        await expectSameCastError(engine, p, blank);
      });

      it("the first column in the params' order that fails, even when another fails on an earlier row", async () => {
        const p = pipe(table).transform(castColumns, { columns: { id: "string", s: "int", b: "boolean" } });
        await expectSameCastError(engine, p, /column "s": .*cannot convert "" to int \(row 3\)/);
        const booleans = pipe(table).transform(castColumns, { columns: { b: "boolean", s: "int" } });
        await expectSameCastError(engine, booleans, /column "b": .*cannot convert "no" to boolean \(row 1\)/);
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
        for (const [i, p] of pipes.entries()) await expectSameCastError(engine, p, rows[i] as RegExp);
      });

      it("a later step that keeps no row (a join with an empty table) does not hide the failure", async () => {
        // Spark then skips the whole query, and only counting the step's rows meets the failure
        const none = aq.table({ id: [] as number[], label: [] as string[] });
        const p = pipe(table)
          .transform(filter, { where: gt(col("id"), 0) })
          .transform(castColumns, { columns: { s: "float" } })
          .transform(join, { right: none, on: ["id"] });
        await expectSameCastError(engine, p, /column "s": .*cannot convert "" to float \(row 3\)/);
      });

      it("the first such row in order when the engine runs the rows in parallel, and the value as in process", async () => {
        const n = 250_000;
        const long = `${"a".repeat(70)} "quoted"`;
        const s = Array.from({ length: n }, (_, i) =>
          i < 200_000 ? String(i) : i === 200_000 ? long : "bad",
        );
        const p = pipe(aq.table({ s })).transform(castColumns, { columns: { s: "float" } });
        await expectSameCastError(engine, p, /"a{57}\.\.\." to float \(row 200000\)/, { s: "string" });
      });
    },
  );
}
