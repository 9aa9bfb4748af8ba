import {
  adds,
  ColumnTypeError,
  compose,
  defineTransform,
  MissingColumnsError,
  needs,
  pipe,
  StepFailedError,
  schemaOf,
  step,
} from "@tablepipe/core";
import * as aq from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTable } from "../read/read-table";
import { tempFolder } from "../test-support";
import { pipeFrom } from "./source-pipe";
import { dedupe, firstPerId, isYes } from "./test-transforms";

const Row = z.object({ id: z.int(), fare: z.number(), flag: z.string().nullable(), at: z.date() });

const keepFareAbove = defineTransform({
  name: "keepFareAbove",
  rowLocal: true,
  columns: { column: needs("fare") },
  params: z.object({ min: z.number() }),
  apply: (table, { column, min }) =>
    table.filter(aq.escape((d: Record<string, number>) => d[column]! > min)).reify(),
});
const fareFromId = defineTransform({
  name: "fareFromId",
  rowLocal: true,
  columns: { column: needs("id"), output: adds("fare") },
  // It may overwrite a column (the test below does): it says so.
  contract: ({ output }) => ({ replaces: [output] }),
  apply: (table, { column, output }) =>
    table.derive({ [output]: aq.escape((d: Record<string, number>) => d[column]! * 2) }),
});
const failOnNegative = defineTransform({
  name: "failOnNegative",
  rowLocal: true,
  apply: (table) => {
    if ((table.array("fare") as ArrayLike<number>)[0]! < 0) throw new Error("negative fare");
    return table;
  },
});

const folder = tempFolder();
afterAll(() => folder.remove());

/** 600 rows: repeats, nulls, a spread of fares; so small chunks make many batches. */
function csv(): string {
  const lines = ["id,fare,flag,at"];
  for (let i = 0; i < 600; i++) {
    const id = i % 37;
    const fare = ((i * 7919) % 101) - 20;
    const flag = i % 5 === 0 ? "" : i % 3 === 0 ? "Y" : "N";
    lines.push(`${id},${fare},${flag},2018-0${1 + (i % 9)}-0${1 + (i % 7)} 1${i % 10}:00:00`);
    if (i % 4 === 0) lines.push(lines.at(-1) as string); // an exact duplicate
  }
  return `${lines.join("\n")}\n`;
}

describe("pipeFrom", () => {
  const path = folder.file("trips.csv", csv());

  it("gives the table a whole read then the pipe gives, row for row, whatever the batch size", async () => {
    const whole = pipe(await readTable(path, Row))
      .transform(dedupe)
      .transform(keepFareAbove, { min: 10 })
      .transform(isYes)
      .transform(firstPerId)
      .value();
    for (const chunkSize of [64, 1000, 1 << 20]) {
      const streamed = await pipeFrom(path, Row, { chunkSize })
        .transform(dedupe)
        .transform(keepFareAbove, { min: 10 })
        .transform(isYes)
        .transform(firstPerId)
        .value();
      expect(streamed.columnNames()).toEqual(whole.columnNames());
      expect(streamed.objects()).toEqual(whole.objects());
      expect(streamed.column("fare")).toBeInstanceOf(Float64Array);
    }
  });

  it("knows the schema's column types: the read table carries them, and a step on a wrong type fails before the read", async () => {
    const table = await readTable(path, Row);
    expect(schemaOf(table)).toEqual({
      id: { type: "int", nullable: false },
      fare: { type: "float", nullable: false },
      flag: { type: "string", nullable: true },
      at: { type: "timestamp", nullable: false },
    });
    const hourOf = defineTransform({
      name: "hourOf",
      rowLocal: true,
      columns: { column: needs({ type: "timestamp" }), output: adds({ type: "int", default: "hour" }) },
      apply: (t, { column, output }) =>
        t.assign({
          [output]: Array.from(t.array(column) as ArrayLike<number>, (ms) => new Date(ms).getUTCHours()),
        }),
    });
    // The compiler rejects it too (flag is a string column); the run-time pre-flight is what this tests.
    // @ts-expect-error step "hourOf" needs column "flag" (timestamp), but it is string
    const wrong = pipeFrom(path, Row).transform(hourOf, { column: "flag" });
    expect(() => wrong.plan()).toThrow(ColumnTypeError);
    await expect(wrong.run()).rejects.toThrow(
      'step "hourOf(flag)" needs column "flag" (timestamp), but it is string (nullable)',
    );
    const streamed = await pipeFrom(path, Row, { chunkSize: 100 })
      .transform(hourOf, { column: "at" })
      .value();
    expect(schemaOf(streamed).hour).toEqual({ type: "int", nullable: false });
    expect(schemaOf(streamed).at).toEqual({ type: "timestamp", nullable: false });
  });

  it("gathers the columns the streamed steps do not read only for the rows they keep, overwritten ones included", async () => {
    const whole = pipe(await readTable(path, Row))
      .transform(fareFromId, { output: "at" }) // overwrites a column no streamed step reads
      .transform(keepFareAbove, { min: 30 })
      .value();
    const streamed = await pipeFrom(path, Row, { chunkSize: 100 })
      .transform(fareFromId, { output: "at" }) // overwrites a column no streamed step reads
      .transform(keepFareAbove, { min: 30 })
      .value();
    expect(streamed.objects()).toEqual(whole.objects());
    expect(streamed.numRows()).toBeGreaterThan(0);
  });

  it("runs the leading row-local steps per batch (the dedupe moved after them) and traces them summed", async () => {
    const source = pipeFrom(path, Row, { chunkSize: 64 })
      .transform(dedupe)
      .transform(keepFareAbove, { min: 10 })
      .transform(firstPerId);
    const plan = source.plan();
    expect(plan.streamed.map((s) => s.label)).toEqual(["keepFareAbove"]);
    expect(plan.rest.map((s) => s.label)).toEqual(["dedupe", "firstPerId"]);
    const { trace, report, table } = await source.run();
    expect(report.rows).toBe(750);
    expect(trace.map((t) => [t.step, t.rowsIn])).toEqual([
      ["read", 750],
      ["keepFareAbove", 750],
      ["dedupe", trace[1]?.rowsOut],
      ["firstPerId", trace[2]?.rowsOut],
    ]);
    expect(trace.at(-1)?.rowsOut).toBe(table.numRows());
  });

  it("nests its trace as the in-process run does: composites with their steps, a moved dedupe inside its composite", async () => {
    const cleanUp = compose({ name: "cleanUp", steps: [step(dedupe), step(keepFareAbove, { min: 10 })] });
    const whole = pipe(await readTable(path, Row))
      .transform(cleanUp)
      .transform(firstPerId)
      .run();
    const streamed = await pipeFrom(path, Row, { chunkSize: 64 })
      .transform(cleanUp)
      .transform(firstPerId)
      .run();
    const [read, ...steps] = streamed.trace;
    expect(read?.step).toBe("read");
    expect(steps.map((e) => [e.step, e.children.map((c) => c.step)])).toEqual([
      ["cleanUp", ["keepFareAbove", "dedupe"]], // ran in this order: the filter per batch, the dedupe after
      ["firstPerId", []],
    ]);
    // what a composite and the whole pipe let through is the same as in process
    expect(steps.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual(
      whole.trace.map((e) => [e.step, e.rowsIn, e.rowsOut]),
    );
    expect(whole.trace.map((e) => [e.step, e.children.map((c) => c.step)])).toEqual([
      ["cleanUp", ["dedupe", "keepFareAbove"]],
      ["firstPerId", []],
    ]);
  });

  it("checks every step before reading anything", async () => {
    // @ts-expect-error a step needing a column the schema lacks does not compile
    const broken = pipeFrom(`${folder.dir}/no-such-file.csv`, Row).transform(isYes, { column: "nope" });
    expect(() => broken.check()).toThrow(MissingColumnsError);
    await expect(broken.run()).rejects.toThrow(MissingColumnsError);
    expect(pipeFrom(path, Row).transform(isYes).check()).toEqual(["id", "fare", "flag", "at", "yes"]);
  });

  it("refuses, before reading anything, params a step's check finds unfit for the schema's declared types", async () => {
    const fillFlag = defineTransform({
      name: "fillFlag",
      columns: { column: needs("flag") },
      params: z.object({ value: z.union([z.string(), z.number()]) }),
      check: ({ column, value }, input) => {
        if (input[column]?.type === "string" && typeof value !== "string")
          throw new TypeError(
            `fillFlag: column "${column}" holds strings, but the fill value is a ${typeof value}`,
          );
      },
      apply: (table) => table,
    });
    const progress: number[] = [];
    const failure = await pipeFrom(path, Row, { onProgress: (p) => progress.push(p.rows) })
      .transform(keepFareAbove, { min: 0 })
      .transform(fillFlag, { value: 0 })
      .run()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(StepFailedError);
    expect((failure as Error).message).toBe(
      'fillFlag: column "flag" holds strings, but the fill value is a number',
    );
    expect(progress).toEqual([]);
    const { table } = await pipeFrom(path, Row, { onProgress: (p) => progress.push(p.rows) })
      .transform(fillFlag, { value: "N" })
      .run();
    expect(table.numRows()).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
  });

  it("names the step when a streamed step throws", async () => {
    await expect(pipeFrom(path, Row, { chunkSize: 64 }).transform(failOnNegative).run()).rejects.toThrow(
      StepFailedError,
    );
  });

  it("returns the schema's columns, empty, when nothing is read", async () => {
    const empty = folder.file("empty.csv", "id,fare,flag,at\n");
    const { table, trace } = await pipeFrom(empty, Row).transform(keepFareAbove, { min: 0 }).run();
    expect(table.numRows()).toBe(0);
    expect(table.columnNames()).toEqual(["id", "fare", "flag", "at"]);
    expect(trace.map((t) => t.rowsOut)).toEqual([0, 0]);
  });
});

describe("a source pipe on an engine that does not read files", () => {
  it("refuses it before reading, saying where a source pipe runs and what Spark reads", async () => {
    const file = folder.file("engine-one.csv", "id\n1\n");
    // a PipeEngine without runSource, as spark(remote) is (TypeScript refuses it; JavaScript gets this error)
    const spark = { name: "spark", runPipe: () => Promise.reject(new Error("not reached")) };
    const run = pipeFrom(file, z.object({ id: z.int() })).run({ engine: spark as never });
    await expect(run).rejects.toThrow(TypeError);
    await expect(run).rejects.toThrow(
      'a source pipe (pipeFrom) runs in process (run()) or on an engine that reads its files itself (run({ engine: duckdb() })); engine "spark" does not read them: on Spark, let Spark read the files, spark(remote, { source: sparkFiles("csv", paths, { schema }) })',
    );
  });
});
