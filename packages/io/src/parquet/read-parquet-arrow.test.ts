import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  dateDay,
  decimal32,
  decimal64,
  decimal128,
  dictionary,
  float64,
  int32,
  int64,
  largeUtf8,
  TimeUnit,
  tableFromArrays,
  tableToIPC,
  timestamp,
  utf8,
} from "@uwdata/flechette";
import { parquetMetadata } from "hyparquet";
import { type ColumnSource, parquetWriteFile } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { readTable, readTableWithReport } from "../read/read-table";
import { tempFolder, utc } from "../test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]["schema"]>[number];

function parquet(
  name: string,
  columns: { element: SchemaElement; data: ColumnSource["data"]; encoding?: ColumnSource["encoding"] }[],
  rowGroupSize?: number,
): string {
  const path = join(tmp.dir, name);
  parquetWriteFile({
    filename: path,
    columnData: columns.map((c) => ({
      name: c.element.name,
      data: c.data,
      ...(c.encoding === undefined ? {} : { encoding: c.encoding }),
    })),
    schema: [{ name: "root", num_children: columns.length }, ...columns.map((c) => c.element)],
    ...(rowGroupSize === undefined ? {} : { rowGroupSize }),
  });
  return path;
}

function arrow(
  name: string,
  data: Parameters<typeof tableFromArrays>[0],
  types: Parameters<typeof tableFromArrays>[1],
): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, tableToIPC(tableFromArrays(data, types), { format: "file" }) as Uint8Array);
  return path;
}

const Trip = z.object({
  vendor_id: z.int(),
  pickup_datetime: z.date(),
  rate_code: z.int().nullable(),
  fare_amount: z.number(),
  store_and_fwd_flag: z.enum(["N", "Y"]).nullable(),
});
const aliases = {
  vendor_id: ["VendorID"],
  pickup_datetime: ["tpep_pickup_datetime"],
  rate_code: ["RatecodeID"],
};

async function readError(promise: Promise<unknown>): Promise<TableReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TableReadError) return error;
    throw error;
  }
  throw new Error("expected a TableReadError");
}

describe("readTable (Parquet)", () => {
  it("maps a TLC-style file: INT64 ids, a microsecond TIMESTAMP, aliases, extra columns ignored", async () => {
    const path = parquet("tlc.parquet", [
      { element: { name: "VendorID", type: "INT64", repetition_type: "REQUIRED" }, data: [1n, 2n, 2n] },
      {
        element: {
          name: "tpep_pickup_datetime",
          type: "INT64",
          repetition_type: "OPTIONAL",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MICROS" },
        },
        data: [
          new Date(utc(2018, 1, 11, 18, 24, 44)),
          new Date(utc(2018, 2, 4, 18)),
          new Date(utc(2018, 7, 27, 9, 14, 45, 500)),
        ],
      },
      { element: { name: "RatecodeID", type: "DOUBLE", repetition_type: "OPTIONAL" }, data: [1, null, 5] },
      {
        element: { name: "fare_amount", type: "DOUBLE", repetition_type: "REQUIRED" },
        data: Float64Array.from([8.5, 5, 52]),
      },
      {
        element: { name: "congestion_surcharge", type: "DOUBLE", repetition_type: "OPTIONAL" },
        data: [null, null, null],
      },
      {
        element: {
          name: "store_and_fwd_flag",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "OPTIONAL",
        },
        data: ["N", "Y", null],
      },
    ]);
    const table = await readTable(path, Trip, { aliases });
    expect(table.columnNames()).toEqual([
      "vendor_id",
      "pickup_datetime",
      "rate_code",
      "fare_amount",
      "store_and_fwd_flag",
    ]);
    expect(table.column("vendor_id")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("vendor_id") as ArrayLike<number>)).toEqual([1, 2, 2]);
    expect(table.column("pickup_datetime")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("pickup_datetime") as ArrayLike<number>)).toEqual([
      utc(2018, 1, 11, 18, 24, 44),
      utc(2018, 2, 4, 18),
      utc(2018, 7, 27, 9, 14, 45, 500),
    ]);
    expect(table.array("rate_code")).toEqual([1, null, 5]);
    expect(table.array("store_and_fwd_flag")).toEqual(["N", "Y", null]);
  });

  it("parses string columns as the schema says (time stamps, numbers)", async () => {
    const path = parquet("strings.parquet", [
      {
        element: {
          name: "vendor_id",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "REQUIRED",
        },
        data: ["1", "2"],
      },
      {
        element: {
          name: "pickup_datetime",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "REQUIRED",
        },
        data: ["2018-07-27 09:14:45", "07/27/2018 12:05:00 AM"],
      },
      {
        element: {
          name: "rate_code",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "OPTIONAL",
        },
        data: ["", "3"],
      },
      {
        element: {
          name: "fare_amount",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "REQUIRED",
        },
        data: ["1.5", "1e2"],
      },
      {
        element: {
          name: "store_and_fwd_flag",
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          repetition_type: "OPTIONAL",
        },
        data: ["N", "N"],
      },
    ]);
    const table = await readTable(path, Trip);
    expect(Array.from(table.array("pickup_datetime") as ArrayLike<number>)).toEqual([
      utc(2018, 7, 27, 9, 14, 45),
      utc(2018, 7, 27, 0, 5),
    ]);
    expect(table.array("rate_code")).toEqual([null, 3]);
    expect(Array.from(table.array("fare_amount") as ArrayLike<number>)).toEqual([1.5, 100]);
  });

  it("reads several row groups in order, and names the row of an invalid value", async () => {
    const n = 2500;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const fares = ids.map((i) => (i === 2222 ? 1.5 : i));
    const path = parquet(
      "groups.parquet",
      [
        { element: { name: "id", type: "INT32", repetition_type: "REQUIRED" }, data: Int32Array.from(ids) },
        {
          element: { name: "n", type: "DOUBLE", repetition_type: "REQUIRED" },
          data: Float64Array.from(fares),
        },
      ],
      1000,
    );
    const ok = await readTable(path, z.object({ id: z.int(), n: z.number() }));
    expect(Array.from(ok.array("id") as ArrayLike<number>)).toEqual(ids);
    const error = await readError(readTable(path, z.object({ id: z.int(), n: z.int() })));
    expect(error.message).toBe(
      `${path} row 2222, column n: cannot parse "1.5" as an integer (expected e.g. 42)`,
    );
    expect(error.row).toBe(2222);
    expect(error.line).toBeUndefined();
    const { table, report } = await readTableWithReport(path, z.object({ id: z.int(), n: z.int() }), {
      onInvalid: "drop",
    });
    expect(table.numRows()).toBe(n - 1);
    expect(report.invalidByColumn).toEqual({ n: 1 });
    expect(report.examples[0]).toMatchObject({ file: path, row: 2222, column: "n", value: "1.5" });
  });

  it("rejects a null in a column that is not nullable, and a wrong type", async () => {
    const path = parquet("nulls.parquet", [
      { element: { name: "a", type: "DOUBLE", repetition_type: "OPTIONAL" }, data: [1, null] },
      { element: { name: "b", type: "BOOLEAN", repetition_type: "REQUIRED" }, data: [true, false] },
    ]);
    const nullError = await readError(readTable(path, z.object({ a: z.number() })));
    expect(nullError.message).toMatch(/row 2, column a: empty value, but the column is not nullable/);
    const typeError = await readError(readTable(path, z.object({ b: z.date() })));
    expect(typeError.message).toBe(
      `${path}, column b: the file types this column as BOOLEAN, but the schema says a timestamp: read it with z.boolean()`,
    );
  });

  it("decodes time stamps of every unit and dates as epoch milliseconds (sub-ms digits cut)", async () => {
    const stamp = (name: string, unit: "MILLIS" | "MICROS" | "NANOS", optional = false): SchemaElement => ({
      name,
      type: "INT64",
      repetition_type: optional ? "OPTIONAL" : "REQUIRED",
      logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit },
    });
    const at = BigInt(utc(2018, 2, 4, 18, 0, 0, 7));
    const path = parquet("units.parquet", [
      { element: stamp("ms", "MILLIS"), data: [at, -1n] },
      { element: stamp("us", "MICROS"), data: [at * 1000n + 999n, -1n] },
      { element: stamp("ns", "NANOS", true), data: [at * 1_000_000n + 5n, null] },
      {
        element: {
          name: "legacy",
          type: "INT64",
          converted_type: "TIMESTAMP_MILLIS",
          repetition_type: "REQUIRED",
        },
        data: [at, 0n],
      },
      {
        element: { name: "day", type: "INT32", converted_type: "DATE", repetition_type: "REQUIRED" },
        data: Int32Array.from([Date.UTC(2018, 1, 4) / 86_400_000, -1]),
      },
    ]);
    const schema = z.object({
      ms: z.date(),
      us: z.date(),
      ns: z.date().nullable(),
      legacy: z.date(),
      day: z.date(),
    });
    // a TIMESTAMP_MILLIS without a logical type is adjusted to UTC (by the Parquet format): read as stored when asked
    await expect(readTable(path, schema)).rejects.toThrow(/column legacy: .* holds time stamps with a zone/);
    const table = await readTable(path, schema, { zonedTimestamps: "utc" });
    const ms = Number(at);
    expect(table.column("ms")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("ms") as ArrayLike<number>)).toEqual([ms, -1]);
    // -1 µs is 1969-12-31 23:59:59.999999: its milliseconds are .999, so -1 ms (not 0)
    expect(Array.from(table.array("us") as ArrayLike<number>)).toEqual([ms, -1]);
    expect(table.array("ns")).toEqual([ms, null]);
    expect(Array.from(table.array("legacy") as ArrayLike<number>)).toEqual([ms, 0]);
    expect(Array.from(table.array("day") as ArrayLike<number>)).toEqual([utc(2018, 2, 4), -86_400_000]);
  });

  it("refuses before any row a time stamp read as another kind and a plain integer read as one, naming both types; rejects one out of range", async () => {
    const path = parquet("kinds.parquet", [
      {
        element: {
          name: "at",
          type: "INT64",
          repetition_type: "REQUIRED",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" },
        },
        data: [BigInt(utc(2018, 2, 4, 18)), 9_000_000_000_000_000n],
      },
      { element: { name: "n", type: "INT64", repetition_type: "REQUIRED" }, data: [1517767200000n, 5n] },
    ]);
    const asNumber = await readError(readTable(path, z.object({ at: z.number() })));
    expect(asNumber.message).toBe(
      `${path}, column at: the file types this column as TIMESTAMP, but the schema says a number: read it with z.date()`,
    );
    // no CSV hint ("expected e.g. \"N\""): the file's type and the schema's
    const asString = await readError(readTable(path, z.object({ at: z.string() })));
    expect(asString.message).toBe(
      `${path}, column at: the file types this column as TIMESTAMP, but the schema says a string: read it with z.date()`,
    );
    const aliased = await readError(
      readTable(path, z.object({ ordered_at: z.enum(["x"]) }), { aliases: { ordered_at: ["at"] } }),
    );
    expect(aliased.message).toBe(
      `${path}, column ordered_at: the file types its column at as TIMESTAMP, but the schema says an enum: read it with z.date()`,
    );
    const plain = await readError(readTable(path, z.object({ n: z.date() })));
    expect(plain.message).toBe(
      `${path}, column n: the file types this column as INT64 (int), but the schema says a timestamp: read it with z.int()`,
    );
    const outOfRange = await readError(readTable(path, z.object({ at: z.date() })));
    expect(outOfRange.message).toMatch(/row 2, column at: cannot parse "9000000000000000" as a timestamp/);
  });

  it("reads decimals of every physical type as the doubles nearest to them (1.15, not 1.1500000000000001)", async () => {
    const path = parquet("decimals.parquet", [
      {
        element: {
          name: "d32",
          type: "INT32",
          converted_type: "DECIMAL",
          precision: 9,
          scale: 2,
          repetition_type: "REQUIRED",
        },
        data: [115n, -30n, 0n, 999_999_999n],
      },
      {
        element: {
          name: "d64",
          type: "INT64",
          converted_type: "DECIMAL",
          precision: 15,
          scale: 4,
          repetition_type: "OPTIONAL",
        },
        data: [11_500n, null, -3n, 999_999_999_999_999n],
      },
      {
        element: {
          name: "fixed",
          type: "FIXED_LEN_BYTE_ARRAY",
          type_length: 9,
          converted_type: "DECIMAL",
          precision: 20,
          scale: 2,
          repetition_type: "REQUIRED",
        },
        data: [115n, -7n, 2n ** 50n, 2n ** 52n + 3n],
      },
      {
        // Spark's default DECIMAL(38, 18): unscaled integers far past 2^53
        element: {
          name: "wide",
          type: "FIXED_LEN_BYTE_ARRAY",
          type_length: 16,
          converted_type: "DECIMAL",
          precision: 38,
          scale: 18,
          repetition_type: "OPTIONAL",
        },
        data: [12_500_000_000_000_000_000n, -1_150_000_000_000_000_000n, null, 100_000_000_000_000_000n],
      },
      {
        element: {
          name: "d18",
          type: "INT64",
          converted_type: "DECIMAL",
          precision: 18,
          scale: 4,
          repetition_type: "REQUIRED",
        },
        data: [999_999_999_999_999_999n, 123_450_000n, -999_999_999_999_999_999n, 12_345n],
      },
    ]);
    const table = await readTable(
      path,
      z.object({
        d32: z.number(),
        d64: z.number().nullable(),
        fixed: z.number(),
        wide: z.number().nullable(),
        d18: z.number(),
      }),
    );
    expect(Array.from(table.array("d32"))).toEqual([1.15, -0.3, 0, 9_999_999.99]);
    expect(table.array("d64")).toEqual([1.15, null, -0.0003, 99_999_999_999.9999]);
    expect(Array.from(table.array("fixed"))).toEqual([1.15, -0.07, 11258999068426.24, 45035996273704.99]);
    // the nearest doubles, as Spark and DuckDB read them (12.500000000000002 and 1.1500000000000001 were
    // hyparquet's: the unscaled integer rounded to a double, times 10^-18)
    expect(table.array("wide")).toEqual([12.5, -1.15, null, 0.1]);
    expect(Array.from(table.array("d18"))).toEqual([1e14, 12345, -1e14, 1.2345]);
  });

  it("reads a DOUBLE's -0.0 in an int column as 0 (no engine's int holds -0), and keeps it in a float column", async () => {
    const path = parquet("signed-zeros.parquet", [
      { element: { name: "dense", type: "DOUBLE", repetition_type: "REQUIRED" }, data: [1, -0, 2] },
      { element: { name: "sparse", type: "DOUBLE", repetition_type: "OPTIONAL" }, data: [-0, null, 3] },
      { element: { name: "single", type: "FLOAT", repetition_type: "REQUIRED" }, data: [-0, 4, 5] },
    ]);
    const ints = await readTable(
      path,
      z.object({ dense: z.int(), sparse: z.int().nullable(), single: z.int() }),
    );
    expect(Array.from(ints.array("dense")).map((v) => Object.is(v, -0))).toEqual([false, false, false]);
    expect(Array.from(ints.array("dense"))).toEqual([1, 0, 2]);
    expect(Object.is(ints.array("sparse")[0], 0)).toBe(true);
    expect(Object.is(ints.array("single")[0], 0)).toBe(true);
    const floats = await readTable(path, z.object({ dense: z.number(), sparse: z.number().nullable() }));
    expect(Object.is(floats.array("dense")[1], -0)).toBe(true);
    expect(Object.is(floats.array("sparse")[0], -0)).toBe(true);
  });

  it("keeps a text's leading U+FEFF in a column hyparquet decodes (DELTA_BYTE_ARRAY), as in one read directly", async () => {
    const texts = ["\ufeffx", "\ufeff", "a\ufeff", null, "\ufeff\ufeffé"];
    const element = {
      name: "s",
      type: "BYTE_ARRAY",
      converted_type: "UTF8",
      repetition_type: "OPTIONAL",
    } as const;
    for (const encoding of ["DELTA_BYTE_ARRAY", "DELTA_LENGTH_BYTE_ARRAY", "PLAIN"] as const) {
      const path = parquet(`bom-${encoding}.parquet`, [{ element, data: texts, encoding }]);
      const table = await readTable(path, z.object({ s: z.string().nullable() }));
      expect(table.array("s"), encoding).toEqual(texts);
    }
  });

  it("names a file that is not Parquet", async () => {
    const path = tmp.file("fake.parquet", "id\n1\n");
    const error = await readError(readTable(path, z.object({ id: z.int() })));
    expect(error.message).toMatch(/fake\.parquet: cannot read as Parquet/);
  });

  it("names the file and row of a corrupt page, and never reads it as values", async () => {
    const path = parquet("corrupt.parquet", [
      {
        element: { name: "x", type: "DOUBLE", repetition_type: "REQUIRED" },
        data: Float64Array.from({ length: 1000 }, (_, i) => i * 1.5),
      },
    ]);
    const bytes = readFileSync(path);
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const chunk = metadata.row_groups[0]?.columns[0]?.meta_data;
    const at = Number(chunk?.dictionary_page_offset || chunk?.data_page_offset);
    bytes.fill(0, at, at + 4); // the first page header, zeroed
    writeFileSync(path, bytes);
    const error = await readError(readTable(path, z.object({ x: z.number() })));
    expect(error.message).toMatch(/corrupt\.parquet row 1: cannot read as Parquet/);
  });
});

describe("readTable (Arrow IPC)", () => {
  it("maps and types an Arrow file: int64, timestamps without a zone, dictionary strings, nulls", async () => {
    const path = arrow(
      "trips.arrow",
      {
        VendorID: [1, 2, 2],
        tpep_pickup_datetime: [
          utc(2018, 1, 11, 18, 24, 44),
          utc(2018, 2, 4, 18),
          utc(2018, 7, 27, 9, 14, 45),
        ],
        RatecodeID: [1, null, 5],
        fare_amount: [8.5, 5, 52],
        store_and_fwd_flag: ["N", "Y", null],
        extra_column: ["a", "b", "c"],
      },
      {
        types: {
          VendorID: int64(),
          tpep_pickup_datetime: timestamp(),
          RatecodeID: int32(),
          fare_amount: float64(),
          store_and_fwd_flag: dictionary(utf8()),
          extra_column: utf8(),
        },
      },
    );
    for (const format of [undefined, "arrow"] as const) {
      const table = await readTable(path, Trip, { aliases, ...(format ? { format } : {}) });
      expect(Array.from(table.array("vendor_id") as ArrayLike<number>)).toEqual([1, 2, 2]);
      expect(Array.from(table.array("pickup_datetime") as ArrayLike<number>)).toEqual([
        utc(2018, 1, 11, 18, 24, 44),
        utc(2018, 2, 4, 18),
        utc(2018, 7, 27, 9, 14, 45),
      ]);
      expect(table.array("rate_code")).toEqual([1, null, 5]);
      expect(table.array("store_and_fwd_flag")).toEqual(["N", "Y", null]);
    }
  });

  it("reads .feather and .ipc names, Arrow dates, and strings parsed as time stamps", async () => {
    const data = { day: [new Date(utc(2018, 2, 4))], at: ["2018-07-27T09:14:45"] };
    const feather = arrow("dates.feather", data, { types: { day: dateDay(), at: utf8() } });
    const ipc = join(tmp.dir, "dates.ipc");
    writeFileSync(
      ipc,
      tableToIPC(tableFromArrays(data, { types: { day: dateDay(), at: utf8() } }), {
        format: "stream",
      }) as Uint8Array,
    );
    for (const path of [feather, ipc]) {
      const table = await readTable(path, z.object({ day: z.date(), at: z.date() }));
      expect(Array.from(table.array("day") as ArrayLike<number>)).toEqual([utc(2018, 2, 4)]);
      expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([utc(2018, 7, 27, 9, 14, 45)]);
    }
  });

  it("reads nullable Arrow time stamps as numbers and nulls, and refuses them in a string column before any row", async () => {
    const path = arrow(
      "nullable.arrow",
      { at: [new Date(utc(2018, 2, 4, 18, 0, 0, 7)), null] },
      { types: { at: timestamp(TimeUnit.MICROSECOND) } },
    );
    const table = await readTable(path, z.object({ at: z.date().nullable() }));
    expect(table.array("at")).toEqual([utc(2018, 2, 4, 18, 0, 0, 7), null]);
    const error = await readError(readTable(path, z.object({ at: z.string().nullable() })));
    expect(error.message).toBe(
      `${path}, column at: the file types this column as Arrow type Timestamp (timestamp), but the schema says a string: read it with z.date()`,
    );
  });

  it("reads Arrow decimals of 32, 64 and 128 bits as the doubles nearest to them", async () => {
    const path = arrow(
      "decimals.arrow",
      { a: [115n, -30n], b: [1_150_000n, -3n], c: [115n, 2n ** 60n] },
      { types: { a: decimal32(9, 2), b: decimal64(15, 6), c: decimal128(30, 2) } },
    );
    const table = await readTable(path, z.object({ a: z.number(), b: z.number(), c: z.number() }));
    expect(Array.from(table.array("a"))).toEqual([1.15, -0.3]);
    expect(Array.from(table.array("b"))).toEqual([1.15, -0.000003]);
    // above 2^50 unscaled: as flechette decodes it (whole part plus fraction)
    expect(Array.from(table.array("c"))).toEqual([
      1.15,
      Number(2n ** 60n / 100n) + Number(2n ** 60n % 100n) / 100,
    ]);
  });

  it("keeps a text's leading U+FEFF in utf8, large utf8 and dictionary columns, nulls too", async () => {
    const texts = ["\ufeffx", "\ufeff", null, "a\ufeff", "\ufeff\ufeffé"];
    const path = arrow(
      "bom.arrow",
      { plain: texts, large: texts, coded: texts },
      { types: { plain: utf8(), large: largeUtf8(), coded: dictionary(utf8()) } },
    );
    const names = ["plain", "large", "coded"];
    const schema = z.object(Object.fromEntries(names.map((name) => [name, z.string().nullable()])));
    const table = await readTable(path, schema);
    for (const name of names) expect(table.array(name), name).toEqual(texts);
  });

  it("reads a float64's -0 in an int column as 0, as the Parquet and CSV readers do", async () => {
    const path = arrow("signed-zeros.arrow", { n: [1, -0, 2] }, { types: { n: float64() } });
    const table = await readTable(path, z.object({ n: z.int() }));
    expect(Object.is(table.array("n")[1], 0)).toBe(true);
  });

  it("names the row and column of an invalid value", async () => {
    const path = arrow("bad.arrow", { kind: ["N", "Y", "Q"] }, { types: { kind: utf8() } });
    const error = await readError(readTable(path, z.object({ kind: z.enum(["N", "Y"]) })));
    expect(error.message).toBe(
      `${path} row 3, column kind: "Q" is not an allowed value (expected one of "N", "Y")`,
    );
  });

  it("reads CSV, Parquet and Arrow files as one table", async () => {
    const schema = z.object({ id: z.int(), at: z.date() });
    const csv = tmp.file("mixed-1.csv", "id,at\n1,2018-01-01 00:00:00\n");
    const pq = parquet("mixed-2.parquet", [
      { element: { name: "id", type: "INT32", repetition_type: "REQUIRED" }, data: Int32Array.from([2]) },
      {
        element: {
          name: "at",
          type: "INT64",
          repetition_type: "REQUIRED",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" },
        },
        data: [new Date(utc(2018, 1, 2))],
      },
    ]);
    const arr = arrow(
      "mixed-3.arrow",
      { id: [3], at: [utc(2018, 1, 3)] },
      { types: { id: int32(), at: timestamp() } },
    );
    const { table, report } = await readTableWithReport([csv, pq, arr], schema);
    expect(report.files).toEqual([csv, pq, arr]);
    expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual([1, 2, 3]);
    expect(table.column("at")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      utc(2018, 1, 1),
      utc(2018, 1, 2),
      utc(2018, 1, 3),
    ]);
  });
});
