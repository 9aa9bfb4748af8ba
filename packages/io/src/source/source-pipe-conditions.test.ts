/**
 * A source pipe's leading filters that state their rows as a condition (`keepWhere`) are tested by the read
 * (in its worker threads when it has them; here, on this thread, through the same `keepRowsWhere`): the
 * result and the trace's rows are those of the whole read then the pipe, and the steps themselves do not run.
 */
import { cast, col, defineTransform, eq, gt, needs, pipe, type TraceEntry } from "@tablepipe/core";
import * as aq from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { readTable } from "../read/read-table";
import { tempFolder } from "../test-support";
import { pipeFrom } from "./source-pipe";
import { dedupe, firstPerId, isYes } from "./test-transforms";

const Row = z.object({ id: z.int(), fare: z.number(), flag: z.string().nullable(), code: z.string() });

/** How often each filter's own implementation ran. */
const ran = { keepFareAbove: 0, keepFlag: 0, keepCodeAbove: 0 };

/** The two filters, stating their rows as a condition or not (undefined: it cannot say). */
function filters(conditions: boolean) {
  const keepFareAbove = defineTransform({
    name: "keepFareAbove",
    rowLocal: true,
    columns: { column: needs("fare") },
    params: z.object({ min: z.number() }),
    apply: (table, { column, min }) => {
      ran.keepFareAbove++;
      return table.filter(aq.escape((d: Record<string, number>) => d[column]! > min)).reify();
    },
    keepWhere: ({ column, min }) => (conditions ? gt(col(column), min) : undefined),
  });
  const keepFlag = defineTransform({
    name: "keepFlag",
    rowLocal: true,
    columns: { column: needs("flag") },
    params: z.object({ value: z.string() }),
    apply: (table, { column, value }) => {
      ran.keepFlag++;
      return table.filter(aq.escape((d: Record<string, unknown>) => d[column] === value)).reify();
    },
    keepWhere: ({ column, value }) => (conditions ? eq(col(column), value) : undefined),
  });
  return { keepFareAbove, keepFlag };
}
const { keepFareAbove, keepFlag } = filters(true);

/** Its condition casts `code` to a number, which fails on a batch holding "n/a": that batch runs `apply`. */
const keepCodeAbove = defineTransform({
  name: "keepCodeAbove",
  rowLocal: true,
  columns: { column: needs("code") },
  params: z.object({ min: z.number() }),
  apply: (table, { column, min }) => {
    ran.keepCodeAbove++;
    return table.filter(aq.escape((d: Record<string, string>) => Number(d[column]) > min)).reify();
  },
  keepWhere: ({ column, min }) => gt(cast(col(column), "float"), min),
});

const folder = tempFolder();
afterAll(() => folder.remove());

/** 600 rows and repeats; one "n/a" code in the last rows when `withText`. */
function csv(withText: boolean): string {
  const lines = ["id,fare,flag,code"];
  for (let i = 0; i < 600; i++) {
    const flag = i % 5 === 0 ? "" : i % 3 === 0 ? "Y" : "N";
    const code = withText && i === 590 ? "n/a" : String(i % 13);
    lines.push(`${i % 37},${((i * 7919) % 101) - 20},${flag},${code}`);
    if (i % 4 === 0) lines.push(lines.at(-1) as string);
  }
  return `${lines.join("\n")}\n`;
}

const rowsOf = (trace: readonly TraceEntry[]) => trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);

describe("pipeFrom with filters that state their rows as a condition", () => {
  it("tests them in the read: the rows and trace of the steps themselves, without running them", async () => {
    const path = folder.file("trips.csv", csv(false));
    const run = (chunkSize: number | undefined, use: ReturnType<typeof filters>) =>
      pipeFrom(path, Row, chunkSize === undefined ? {} : { chunkSize })
        .transform(dedupe)
        .transform(use.keepFareAbove, { min: 10 })
        .transform(use.keepFlag, { value: "Y" })
        .transform(isYes)
        .transform(keepCodeAbove, { min: 3 }) // after a derive: runs here, on what the conditions kept
        .transform(firstPerId)
        .run();
    const whole = pipe(await readTable(path, Row))
      .transform(dedupe)
      .transform(keepFareAbove, { min: 10 })
      .transform(keepFlag, { value: "Y" })
      .transform(isYes)
      .transform(keepCodeAbove, { min: 3 })
      .transform(firstPerId)
      .run();
    for (const chunkSize of [64, 1000, undefined]) {
      const byStepsThemselves = await run(chunkSize, filters(false));
      ran.keepFareAbove = 0;
      ran.keepFlag = 0;
      const streamed = await run(chunkSize, filters(true));
      expect(ran).toMatchObject({ keepFareAbove: 0, keepFlag: 0 });
      expect(streamed.table.objects()).toEqual(whole.table.objects());
      expect(rowsOf(streamed.trace)).toEqual(rowsOf(byStepsThemselves.trace));
      expect(streamed.trace.map((e) => e.step)).toEqual([
        "read",
        "keepFareAbove",
        "keepFlag",
        "isYes",
        "keepCodeAbove",
        "dedupe",
        "firstPerId",
      ]);
    }
  });

  it("still stops at an invalid value in a row the conditions would drop, as the whole read does", async () => {
    // a row past the first batches whose flag is "N", which keepFlag({ value: "Y" }) drops, gets an id that is no integer
    const lines = csv(false).split("\n");
    const at = lines.findIndex((line, i) => i > 30 && /^\d+,-?\d+,N,\d+$/.test(line));
    lines[at] = `x1${lines[at]?.slice(lines[at].indexOf(","))}`;
    const path = folder.file("invalid-dropped.csv", lines.join("\n"));
    const whole = await readTable(path, Row).catch((error: unknown) => error);
    expect(whole).toBeInstanceOf(TableReadError);
    for (const chunkSize of [64, undefined]) {
      const streamed = await pipeFrom(path, Row, chunkSize === undefined ? {} : { chunkSize })
        .transform(keepFlag, { value: "Y" })
        .run()
        .catch((error: unknown) => error);
      expect(streamed).toBeInstanceOf(TableReadError);
      expect((streamed as TableReadError).message).toBe((whole as TableReadError).message);
    }
  });

  it("runs a filter itself on a batch its condition cannot be tested on, with the same result", async () => {
    const path = folder.file("text-code.csv", csv(true));
    const whole = pipe(await readTable(path, Row))
      .transform(keepCodeAbove, { min: 3 })
      .transform(keepFlag, { value: "N" })
      .run();
    ran.keepCodeAbove = 0;
    const streamed = await pipeFrom(path, Row, { chunkSize: 256 })
      .transform(keepCodeAbove, { min: 3 })
      .transform(keepFlag, { value: "N" })
      .run();
    expect(streamed.table.objects()).toEqual(whole.table.objects());
    expect(rowsOf(streamed.trace.slice(1))).toEqual(rowsOf(whole.trace));
    expect(ran.keepCodeAbove).toBe(1); // the one batch holding "n/a"; the others were tested in the read
  });
});
