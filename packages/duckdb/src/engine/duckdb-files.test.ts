import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbFiles, duckdbFilesFormat } from "./duckdb-files";

const Order = z.object({ id: z.int() });

describe("duckdbFiles", () => {
  it("refuses a folder or glob given as a string (JavaScript), saying what it takes", () => {
    expect(() => duckdbFiles("data" as never, Order)).toThrow(TypeError);
    expect(() => duckdbFiles("data" as never, Order)).toThrow(
      'duckdbFiles needs a list of file paths, as resolveSources gives (duckdbFiles(await resolveSources("data/"), schema)), got the string "data"; for a folder or a glob, resolve it first, or use duckdbCsvFiles or duckdbParquetFiles, which take one',
    );
    expect(() => duckdbFiles(undefined as never, Order)).toThrow(
      /needs a list of file paths.*got undefined;/,
    );
    expect(() => duckdbFiles(["a.csv", 3] as never, Order)).toThrow(/got a list holding number;/);
  });

  it("picks the reader by the files' extensions", () => {
    expect(duckdbFilesFormat(["a.csv", "b.TSV"])).toBe("csv");
    expect(duckdbFilesFormat(["a.parquet"])).toBe("parquet");
    expect(duckdbFiles(["a.arrow"], Order)).toBeUndefined();
  });
});
