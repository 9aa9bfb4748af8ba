/**
 * A `date` column (`z.date().meta({ logicalType: "date" })`, epoch milliseconds of each day's midnight) refuses a
 * value holding another time of day as an invalid value, on every way readTable reads: CSV cells by the fast pass
 * and by the tokenizer, in the pieces of a parallel read, streamed through pipeFrom, and Parquet time stamps.
 */
import { join } from "node:path";
import { schemaOf } from "@tablepipe/core";
import { type ColumnSource, parquetWriteFile } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import type { InvalidValueLog, OnInvalid } from "../columns/invalid-values";
import { readCsvFile } from "../csv/csv-reader";
import { TableReadError } from "../errors";
import { pipeFrom } from "../source/source-pipe";
import { tempFolder, utc } from "../test-support";
import { pieceContext } from "../workers/piece-context";
import { callingThreadPool } from "../workers/worker-pool";
import { readTable, readTableWithReport } from "./read-table";
import { columnKinds } from "./schema-columns";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Day = z.object({ id: z.int(), d: z.date().meta({ logicalType: "date" }) });
const MaybeDay = z.object({ id: z.int(), d: z.date().meta({ logicalType: "date" }).nullable() });
const Stamp = z.object({ id: z.int(), d: z.date() });

/**
 * Read `path` into {@link Day} as the parallel read does, in pieces of whole lines (parsed here on the calling
 * thread by the workers' own `parseCsvPiece`): the ids of the rows read, and the invalid values counted.
 */
async function readInPieces(
  path: string,
  mode: OnInvalid,
): Promise<{ ids: number[]; invalid: InvalidValueLog }> {
  const ctx = pieceContext(path, columnKinds(Day), undefined, mode);
  const ids: number[] = [];
  ctx.onDecodedBatch = (columns) => ids.push(...Array.from(columns[0] as ArrayLike<number>));
  ctx.onBatch = () => {
    throw new Error("a batch read on the calling thread: the pieces were not parsed apart");
  };
  await readCsvFile(path, ctx, { delimiter: 44, chunkSize: 64, fileSize: 0, pool: callingThreadPool() });
  return { ids, invalid: ctx.invalid };
}

const EXPECTED = "e.g. 2018-07-27, 07/27/2018 or 2018-07-27 00:00:00 (no time of day but midnight)";
/** readTable's reason for a date cell holding a time of day. */
const timeOfDay = (value: string): string =>
  `"${value}" is not a midnight: the column holds dates (expected ${EXPECTED})`;

let files = 0;
function csv(rows: readonly string[]): string {
  return tmp.file(`d${++files}.csv`, `id,d\n${rows.join("\n")}\n`);
}

/** The read's error, as a TableReadError. */
async function readError(read: Promise<unknown>): Promise<TableReadError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableReadError);
  return error as TableReadError;
}

describe("a date column read from CSV", () => {
  it("refuses a cell holding a time of day, naming the file, line, column, value and what was expected", async () => {
    // the first record read by the tokenizer (a date alone is not the fast pass's layout), the other by the fast
    // pass (every cell written YYYY-MM-DD HH:MM:SS)
    for (const first of ["2023-01-02", "2023-01-02 00:00:00"]) {
      const path = csv([`1,${first}`, "2,2023-01-03 10:00:00", "3,2023-01-04"]);
      for (const schema of [Day, MaybeDay]) {
        const error = await readError(readTable(path, schema));
        expect(error.message).toBe(`${path} line 3, column d: ${timeOfDay("2023-01-03 10:00:00")}`);
        expect(error.value).toBe("2023-01-03 10:00:00");
        expect(error.expected).toBe(`a date, ${EXPECTED}`);
      }
    }
  });

  it("reads a day's midnight in any layout as that date, and a date column's schema says date", async () => {
    const cells = [
      "2023-01-03",
      "2023-01-03 00:00:00",
      "2023-01-03T00:00",
      "01/03/2023",
      "1/3/2023 12:00 AM",
    ];
    const path = csv(cells.map((cell, i) => `${i + 1},${cell}`));
    const table = await readTable(path, Day);
    expect(Array.from(table.array("d") as ArrayLike<number>)).toEqual(cells.map(() => utc(2023, 1, 3)));
    expect(schemaOf(table).d).toEqual({ type: "date", nullable: false });
  });

  it("refuses every other time of day, noon in AM/PM too, and names text that does not parse as a date", async () => {
    for (const cell of [
      "2023-01-03 00:00:01",
      "2023-01-03T23:59",
      "01/03/2023 12:00 PM",
      "2023-01-03 00:00:00.5",
    ]) {
      const error = await readError(readTable(csv([`1,${cell}`]), MaybeDay));
      expect(error.reason).toBe(timeOfDay(cell));
    }
    const error = await readError(readTable(csv(["1,soon"]), Day));
    expect(error.reason).toBe(`cannot parse "soon" as a date (expected ${EXPECTED})`);
  });

  it("keeps the time of day in a plain z.date() column", async () => {
    const table = await readTable(csv(["1,2023-01-03 10:00:00"]), Stamp);
    expect(Array.from(table.array("d") as ArrayLike<number>)).toEqual([utc(2023, 1, 3, 10)]);
  });

  it('drops and counts a row holding a time of day with onInvalid: "drop", as any invalid value', async () => {
    const path = csv([
      "1,2023-01-02 00:00:00",
      "2,2023-01-03 10:00:00",
      "3,2023-01-04",
      "4,2023-01-05 00:00:00",
      "5,01/06/2023 3:00 PM",
    ]);
    for (const schema of [Day, MaybeDay]) {
      const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop" });
      expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual([1, 3, 4]);
      expect(Array.from(table.array("d") as ArrayLike<number>)).toEqual([
        utc(2023, 1, 2),
        utc(2023, 1, 4),
        utc(2023, 1, 5),
      ]);
      expect(report.droppedRows).toBe(2);
      expect(report.invalidByColumn).toEqual({ d: 2 });
      expect(report.examples).toEqual([
        {
          file: path,
          line: 3,
          column: "d",
          value: "2023-01-03 10:00:00",
          reason: timeOfDay("2023-01-03 10:00:00"),
        },
        {
          file: path,
          line: 6,
          column: "d",
          value: "01/06/2023 3:00 PM",
          reason: timeOfDay("01/06/2023 3:00 PM"),
        },
      ]);
    }
  });

  it("refuses it in the pieces of a parallel read and streamed through pipeFrom, at the same line", async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i + 1},2023-01-${String((i % 28) + 1).padStart(2, "0")}`,
    );
    rows[30] = "31,2023-01-03 10:00:00";
    const path = csv(rows);
    const message = `${path} line 32, column d: ${timeOfDay("2023-01-03 10:00:00")}`;
    expect((await readError(readInPieces(path, "error"))).message).toBe(message);
    const dropped = await readInPieces(path, "drop");
    expect(dropped.ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1).filter((id) => id !== 31));
    expect(Object.fromEntries(dropped.invalid.byColumn)).toEqual({ d: 1 });
    expect(dropped.invalid.examples).toEqual([
      {
        file: path,
        line: 32,
        column: "d",
        value: "2023-01-03 10:00:00",
        reason: timeOfDay("2023-01-03 10:00:00"),
      },
    ]);
    expect((await readError(pipeFrom(path, Day, { chunkSize: 64 }).value())).message).toBe(message);
  });
});

describe("a date column read from Parquet", () => {
  /** A Parquet file of an id and a column `d` of INT64 wall-clock TIMESTAMP(MILLIS) values `millis`. */
  function stamps(millis: readonly number[]): string {
    const path = join(tmp.dir, `p${++files}.parquet`);
    const data: ColumnSource["data"] = millis.map((ms) => BigInt(ms));
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: "id", data: Int32Array.from(millis.map((_, i) => i + 1)) },
        { name: "d", data },
      ],
      schema: [
        { name: "root", num_children: 2 },
        { name: "id", type: "INT32", repetition_type: "REQUIRED" },
        {
          name: "d",
          type: "INT64",
          repetition_type: "REQUIRED",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" },
        },
      ],
    });
    return path;
  }

  it("reads time stamps at midnight, and refuses one holding a time of day, naming its row", async () => {
    const midnights = [utc(2023, 1, 2), utc(1969, 12, 31)];
    const table = await readTable(stamps(midnights), Day);
    expect(Array.from(table.array("d") as ArrayLike<number>)).toEqual(midnights);
    const path = stamps([utc(2023, 1, 2), utc(2023, 1, 3, 10)]);
    const error = await readError(readTable(path, MaybeDay));
    expect(error.message).toBe(`${path} row 2, column d: ${timeOfDay("2023-01-03T10:00:00")}`);
    const { report } = await readTableWithReport(path, Day, { onInvalid: "drop" });
    expect(report.invalidByColumn).toEqual({ d: 1 });
  });
});
