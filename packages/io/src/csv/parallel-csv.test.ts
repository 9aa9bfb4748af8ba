/**
 * The parallel CSV read (pieces of whole lines parsed apart, batches handed on in file order) gives what the
 * sequential read gives: the same rows and values, the same invalid-value counts, the same errors at the same
 * lines — also when quotes appear mid-file (it then reads on sequentially). Pieces are parsed here on the
 * calling thread (`callingThreadPool`); the worker threads run the very same `parseCsvPiece`.
 */

import { col, type ExprNode, gt, hour, isIn } from "@tablepipe/core";
import { TableAccumulator } from "@tablepipe/core/internal";
import { table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { createColumnBuilder } from "../columns/column-builders";
import { InvalidValueLog, type OnInvalid } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import { ProgressReporter } from "../read/progress";
import type { ReadContext } from "../read/read-context";
import { readTableWithReport } from "../read/read-table";
import { columnKinds } from "../read/schema-columns";
import type { ReadProgress } from "../read/types";
import { tempFolder } from "../test-support";
import { decodeColumn, encodeColumn } from "../workers/piece-result";
import { callingThreadPool, type PiecePool } from "../workers/worker-pool";
import { readCsvFile } from "./csv-reader";
import { readCsvInParallel } from "./parallel-csv";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({
  id: z.int(),
  at: z.date(),
  amount: z.number(),
  count: z.int().nullable(),
  flag: z.string().nullable(),
  kind: z.enum(["cash", "card"]),
});

function line(i: number): string {
  const day = 1 + (i % 28);
  const count = i % 7 === 0 ? "" : String(i % 5);
  const flag = i % 3 === 0 ? "" : i % 2 === 0 ? "N" : "Y";
  return `${i},2018-03-${String(day).padStart(2, "0")} 1${i % 10}:0${i % 6}:00,${(i * 37) % 101}.5,${count},${flag},${i % 4 === 0 ? "cash" : "card"}`;
}

function csv(lines: string[], eol = "\n"): string {
  return ["id,at,amount,count,flag,kind", ...lines].join(eol);
}

/** Read `path` in parallel pieces (on this thread, by `pool`), as a batched read; the batches concatenated. */
async function readParallel(
  path: string,
  onInvalid: OnInvalid,
  chunkSize: number,
  chunks?: AsyncIterable<Buffer>,
  pool: PiecePool = callingThreadPool(),
  keepWhere?: readonly ExprNode[],
): Promise<{
  table: ReturnType<TableAccumulator["finish"]>;
  invalid: InvalidValueLog;
  batches: number;
  /** The batches read on the calling thread (after a quote where no field starts or ends). */
  sequentialBatches: number;
  threads: number | undefined;
  /** Each row condition's rows in and out, summed over the pieces tested on it. */
  tallies: [number, number][];
}> {
  const specs = columnKinds(Row);
  const acc = new TableAccumulator();
  let batches = 0;
  let sequentialBatches = 0;
  const ctx: ReadContext = {
    file: path,
    specs,
    builders: specs.map(createColumnBuilder),
    aliases: undefined,
    invalid: new InvalidValueLog(onInvalid),
    progress: new ProgressReporter(0, undefined),
    rows: 0,
    drained: 0,
    ...(keepWhere === undefined ? {} : { keepWhere }),
  };
  const tallies: [number, number][] = (keepWhere ?? []).map(() => [0, 0]);
  const batchOf = (columns: ArrayLike<unknown>[]) =>
    makeTable(
      Object.fromEntries(specs.map((s, c) => [s.name, columns[c] ?? []])),
      specs.map((s) => s.name),
    );
  ctx.onDecodedBatch = (columns, _rows, counted) => {
    counted?.forEach(({ rowsIn, rowsOut }, i) => {
      const tally = tallies[i] as [number, number];
      tally[0] += rowsIn;
      tally[1] += rowsOut;
    });
    batches++;
    acc.append(batchOf(columns));
  };
  // after a quote, the rest goes through the builders, batch by batch
  ctx.onBatch = () => {
    batches++;
    sequentialBatches++;
    acc.append(batchOf(ctx.builders.map((b) => b.finish())));
    ctx.builders = specs.map(createColumnBuilder);
    ctx.drained += ctx.rows;
    ctx.rows = 0;
  };
  if (chunks === undefined) {
    await readCsvFile(path, ctx, { delimiter: 44, chunkSize, fileSize: 0, pool });
  } else {
    await readCsvInParallel(chunks, ctx, { delimiter: 44, fileSize: 0 }, pool);
  }
  return {
    table: acc.finish(specs.map((s) => s.name)),
    invalid: ctx.invalid,
    batches,
    sequentialBatches,
    threads: ctx.threads,
    tallies,
  };
}

async function expectSameAsSequential(name: string, content: string, onInvalid: OnInvalid = "error") {
  const path = tmp.file(name, content);
  const whole = await readTableWithReport(path, Row, { onInvalid });
  for (const chunkSize of [7, 64, 1000, 1 << 20]) {
    const { table, invalid } = await readParallel(path, onInvalid, chunkSize);
    expect(table.objects()).toEqual(whole.table.objects());
    expect(invalid.droppedRows).toBe(whole.report.droppedRows);
    expect(Object.fromEntries(invalid.byColumn)).toEqual(whole.report.invalidByColumn);
    expect(new Set(invalid.examples.map((e) => JSON.stringify(e)))).toEqual(
      new Set(whole.report.examples.map((e) => JSON.stringify(e))),
    );
  }
}

/** Read `path` in parallel at each chunk size: the sequential read's error, at line `line` when given. */
async function expectSequentialError(path: string, chunkSizes: readonly number[], line?: number) {
  const sequential = await readTableWithReport(path, Row).catch((e: unknown) => e);
  expect(sequential).toBeInstanceOf(TableReadError);
  for (const chunkSize of chunkSizes) {
    const parallel = await readParallel(path, "error", chunkSize).catch((e: unknown) => e);
    expect(parallel).toBeInstanceOf(TableReadError);
    expect((parallel as TableReadError).message).toBe((sequential as TableReadError).message);
    if (line !== undefined) expect((parallel as TableReadError).line).toBe(line);
  }
}

describe("the parallel CSV read", () => {
  const lines = Array.from({ length: 400 }, (_, i) => line(i));

  it("sends back from each piece only the rows its row conditions keep, with each condition's rows in and out", async () => {
    const path = tmp.file("conditions.csv", `${csv(lines)}\n`);
    const whole = (await readTableWithReport(path, Row)).table;
    const amounts = whole.array("amount") as number[];
    const hours = Array.from(whole.array("at") as Float64Array, (ms) => new Date(ms).getUTCHours());
    const afterFirst = whole.objects().filter((_, i) => (amounts[i] as number) > 50);
    const afterBoth = whole
      .objects()
      .filter((_, i) => (amounts[i] as number) > 50 && [11, 14].includes(hours[i] as number));
    const conditions = [gt(col("amount"), 50), isIn(hour(col("at")), [11, 14])];
    for (const chunkSize of [64, 1000, 1 << 20]) {
      const read = await readParallel(path, "error", chunkSize, undefined, callingThreadPool(), conditions);
      expect(read.sequentialBatches).toBe(0);
      expect(read.table.objects()).toEqual(afterBoth);
      expect(read.tallies).toEqual([
        [lines.length, afterFirst.length],
        [afterFirst.length, afterBoth.length],
      ]);
    }
    expect(afterBoth.length).toBeGreaterThan(0);
    expect(afterBoth.length).toBeLessThan(afterFirst.length);
  });

  it("gives the sequential read's rows, in order, whatever the piece size", async () => {
    await expectSameAsSequential("plain.csv", `${csv(lines)}\n`);
    await expectSameAsSequential("no-final-newline.csv", csv(lines));
    await expectSameAsSequential("crlf.csv", `${csv(lines, "\r\n")}\r\n`);
    await expectSameAsSequential("bom.csv", `\uFEFF${csv(lines)}\n`);
    await expectSameAsSequential("header-only.csv", "id,at,amount,count,flag,kind\n");
  });

  it("counts its pool's worker threads for the read's report; a read on the calling thread counts none", async () => {
    const path = tmp.file("threads.csv", `${csv(lines)}\n`);
    const threePool: PiecePool = { ...callingThreadPool(), size: 3 };
    expect((await readParallel(path, "error", 64, undefined, threePool)).threads).toBe(3);
    expect((await readTableWithReport(path, Row)).report.threads).toBeUndefined();
  });

  it("hands a worker only memory it owns: chunks cut from a caller's buffer are copied, never detached", async () => {
    const content = `${csv(lines)}\n`;
    const path = tmp.file("caller-chunks.csv", content);
    const whole = await readTableWithReport(path, Row);
    const bytes = Buffer.from(content);
    // each chunk starts a larger buffer the caller goes on using
    const backings: ArrayBuffer[] = [];
    async function* cut(size: number): AsyncGenerator<Buffer> {
      for (let at = 0; at < bytes.length; at += size) {
        const piece = bytes.subarray(at, at + size);
        const backing = new ArrayBuffer(piece.length + 8);
        new Uint8Array(backing).set(piece);
        backings.push(backing);
        yield Buffer.from(backing, 0, piece.length);
      }
    }
    for (const size of [50, 999, bytes.length]) {
      const { table } = await readParallel(path, "error", size, cut(size));
      expect(table.objects()).toEqual(whole.table.objects());
    }
    // none was handed over (a handed-over buffer reads as empty)
    expect(backings.filter((backing) => backing.byteLength === 0)).toEqual([]);
  });

  it("cuts a file of quoted fields between records, whatever they hold, and reads it all in pieces", async () => {
    // quoted cells hold delimiters, line ends and "" escapes; the header is quoted too
    const quoted = lines.map((l, i) =>
      i % 3 === 0
        ? l.replace(/,([^,]*),(cash|card)$/, ',"$1, ""q""\nline",$2')
        : l.replace(/(cash|card)$/, '"$1"'),
    );
    const text = `${csv(quoted).replace("id,at,amount,count,flag,kind", '"id","at",amount,count,flag,"kind"')}\n`;
    await expectSameAsSequential("quoted.csv", text);
    await expectSameAsSequential("quoted-crlf.csv", text.replaceAll("\n", "\r\n"));
    const path = tmp.file("quoted-pieces.csv", text);
    for (const chunkSize of [64, 1000]) {
      const { batches, sequentialBatches } = await readParallel(path, "error", chunkSize);
      expect(batches).toBeGreaterThan(1);
      expect(sequentialBatches).toBe(0);
    }
    // an error after quoted cells, at the sequential read's line (quoted line ends counted)
    const bad = [...quoted.slice(0, 300), "x,2018-03-02 10:00:00,1,1,N,cash", ...quoted.slice(300)];
    await expectSequentialError(tmp.file("bad-after-quotes.csv", `${csv(bad)}\n`), [7, 64, 4096], 402);
  });

  it("reads on sequentially from a quote where no field starts or ends, with the same values and lines", async () => {
    const stray = [
      ...lines.slice(0, 200),
      "201,2018-03-02 10:00:00,1.5,,5'11\",cash",
      '202,2018-03-02 10:00:00,1.5,,"a ""quoted"", flag",cash',
      ...lines.slice(200),
    ];
    await expectSameAsSequential("stray-quote.csv", `${csv(stray)}\n`);
    const path = tmp.file("stray-pieces.csv", `${csv(stray)}\n`);
    expect((await readParallel(path, "error", 64)).sequentialBatches).toBeGreaterThan(0);
    const badAfterQuote = [...stray.slice(0, 300), "x,2018-03-02 10:00:00,1,1,N,cash", ...stray.slice(300)];
    await expectSequentialError(tmp.file("bad-after-quote.csv", `${csv(badAfterQuote)}\n`), [64], 302);
  });

  it("gives a quoted field left open at the end of the file the sequential read's error", async () => {
    const path = tmp.file(
      "open-quote.csv",
      `${csv(lines.slice(0, 50))}\n51,2018-03-02 10:00:00,1,1,"N,cash\n`,
    );
    await expectSequentialError(path, [7, 64, 1 << 20]);
  });

  it("drops and counts invalid rows as the sequential read does", async () => {
    const bad = lines.map((l, i) =>
      i % 50 === 7 ? l.replace(/^\d+,/, "oops,") : i % 90 === 3 ? `${l},extra` : l,
    );
    await expectSameAsSequential("invalid.csv", `${csv(bad)}\n`, "drop");
  });

  it("throws the sequential read's error, at the same line", async () => {
    const bad = [...lines.slice(0, 350), "351,not a time,1,1,N,cash", ...lines.slice(350)];
    await expectSequentialError(tmp.file("error.csv", `${csv(bad)}\n`), [64, 4096], 352);
    const missing = tmp.file("missing-column.csv", "id,at,amount\n1,2018-03-02 10:00:00,1\n");
    await expect(readParallel(missing, "error", 64)).rejects.toThrow(/column count: column not found/);
  });
});

describe("the parallel CSV read's progress", () => {
  it("counts every byte of the file, piece by piece, though each piece's buffer is handed to the parser", async () => {
    const content = csv(Array.from({ length: 400 }, (_, i) => line(i)));
    const path = tmp.file("progress.csv", content);
    const specs = columnKinds(Row);
    const reports: ReadProgress[] = [];
    const total = Buffer.byteLength(content);
    const ctx: ReadContext = {
      file: path,
      specs,
      builders: specs.map(createColumnBuilder),
      aliases: undefined,
      invalid: new InvalidValueLog("error"),
      progress: new ProgressReporter(total, (progress) => reports.push({ ...progress })),
      rows: 0,
      drained: 0,
      onDecodedBatch: () => {},
    };
    await readCsvFile(path, ctx, {
      delimiter: 44,
      chunkSize: 512,
      fileSize: total,
      pool: callingThreadPool(),
    });
    ctx.progress.finish(400);
    const bytes = reports.map((r) => r.bytesRead);
    expect(bytes.at(-1)).toBe(total);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
  });
});

describe("encodeColumn / decodeColumn", () => {
  it("round-trips every kind of finished column exactly", () => {
    const columns: ArrayLike<unknown>[] = [
      Float64Array.from([1, -0, Number.NaN]),
      [1, null, -0, Number.NaN],
      ["N", null, "Y", "N", ""],
      ["N", "N", null, "N", "Y", "Y", "", "", "N"],
      [true, null, false],
      [],
    ];
    for (const column of columns) {
      const back = Array.from(decodeColumn(encodeColumn(column)));
      expect(back.map((v) => (Object.is(v, -0) ? "-0" : v))).toEqual(
        Array.from(column).map((v) => (Object.is(v, -0) ? "-0" : v)),
      );
    }
  });
});
