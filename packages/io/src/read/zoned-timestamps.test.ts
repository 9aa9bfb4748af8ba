import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { int32, TimeUnit, tableFromArrays, tableToIPC, timestamp } from "@uwdata/flechette";
import { type ColumnSource, parquetWriteFile } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { tempFolder, utc } from "../test-support";
import { readTableInBatches } from "./read-batches";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]["schema"]>[number];

/** 2024-03-10 03:30 in New York, an instant: 07:30 UTC. */
const INSTANT = utc(2024, 3, 10, 7, 30);

/** A Parquet file of an id and a time-stamp column `at` typed by `element`, holding {@link INSTANT} in `data`. */
function parquet(name: string, element: Omit<SchemaElement, "name">, data: ColumnSource["data"]): string {
  const path = join(tmp.dir, name);
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: "id", data: Int32Array.from([1]) },
      { name: "at", data },
    ],
    schema: [
      { name: "root", num_children: 2 },
      { name: "id", type: "INT32", repetition_type: "REQUIRED" },
      { ...element, name: "at", repetition_type: "REQUIRED" } as SchemaElement,
    ],
  });
  return path;
}

const zoned = parquet(
  "zoned.parquet",
  { type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MICROS" } },
  [BigInt(INSTANT) * 1000n],
);
const legacy = parquet("legacy.parquet", { type: "INT64", converted_type: "TIMESTAMP_MILLIS" }, [
  BigInt(INSTANT),
]);
const wallClock = parquet(
  "wall-clock.parquet",
  { type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" } },
  [BigInt(INSTANT)],
);
const Row = z.object({ id: z.int(), at: z.date() });

describe("zoned time stamps", () => {
  it("refuses a Parquet TIMESTAMP adjusted to UTC, naming the file, the column, what it holds and the option", async () => {
    const error = await readTable(zoned, Row).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableReadError);
    expect((error as TableReadError).message).toBe(
      `${zoned}, column at: the file's column "at" holds time stamps with a zone (Parquet TIMESTAMP(MICROS, isAdjustedToUTC=true): instants, not wall-clock times): expected time stamps without a zone, the data's wall-clock time; to read each instant as its UTC wall-clock time, pass the read option zonedTimestamps: "utc"`,
    );
    // without a schema too, and a TIMESTAMP_MILLIS without a logical type (adjusted to UTC by the format)
    await expect(readTable(zoned)).rejects.toThrow(/column at: .*isAdjustedToUTC=true/);
    await expect(readTable(legacy, Row)).rejects.toThrow(
      /column at: the file's column "at" holds time stamps with a zone \(Parquet TIMESTAMP_MILLIS without a logical type/,
    );
  });

  it('reads each instant as its UTC wall-clock time with zonedTimestamps: "utc", in process and in worker threads', async () => {
    for (const path of [zoned, legacy]) {
      const table = await readTable(path, Row, { zonedTimestamps: "utc" });
      expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([INSTANT]);
      const batched: number[] = [];
      await readTableInBatches(path, Row, { zonedTimestamps: "utc", workers: 1 }, (batch) =>
        batched.push(...Array.from(batch.array("at") as ArrayLike<number>)),
      );
      expect(batched).toEqual([INSTANT]);
    }
    await expect(readTableInBatches(zoned, Row, { workers: 1 }, () => undefined)).rejects.toThrow(
      /isAdjustedToUTC=true/,
    );
    const schemaless = await readTable(zoned, undefined, { zonedTimestamps: "utc" });
    expect(Array.from(schemaless.array("at") as ArrayLike<number>)).toEqual([INSTANT]);
  });

  it("reads a wall-clock Parquet time stamp (isAdjustedToUTC=false) as before, and checks the option's value", async () => {
    expect(Array.from((await readTable(wallClock, Row)).array("at") as ArrayLike<number>)).toEqual([INSTANT]);
    await expect(readTable(zoned, Row, { zonedTimestamps: "UTC" as unknown as "utc" })).rejects.toThrow(
      'readTable: zonedTimestamps must be "error" or "utc", got "UTC"',
    );
  });

  it("refuses an Arrow timestamp with a time zone, and reads it as UTC wall-clock time when asked", async () => {
    const path = join(tmp.dir, "zoned.arrow");
    const types = { id: int32(), at: timestamp(TimeUnit.MILLISECOND, "America/New_York") };
    writeFileSync(
      path,
      tableToIPC(tableFromArrays({ id: [1], at: [INSTANT] }, { types }), { format: "file" }) as Uint8Array,
    );
    await expect(readTable(path, Row)).rejects.toThrow(
      `${path}, column at: the file's column "at" holds time stamps with a zone (Arrow timestamp with the time zone America/New_York`,
    );
    const table = await readTable(path, Row, { zonedTimestamps: "utc" });
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([INSTANT]);
  });
});
