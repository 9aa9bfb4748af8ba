import { join } from "node:path";
import { readTable } from "@tablepipe/io";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { scratchDuckDb } from "./test-support";

// readTable decodes flat Parquet columns itself (data pages V1 and V2); DuckDB writes V1 pages, PLAIN or
// dictionary, so its files check the V1 path against readTable's CSV read of the same rows.
const Row = z.object({
  id: z.int(),
  bucket: z.int(),
  amount: z.number().nullable(),
  ratio: z.number(),
  at: z.date(),
  day: z.date(),
  label: z.string().nullable(),
  count: z.int().nullable(),
});

/** The rows, `n` of them (nulls, repeats for dictionaries, time stamps before and after 1970). */
const rows = (n: number): string => `
  SELECT i::INTEGER AS id,
         (i * 7919 % 1000)::BIGINT AS bucket,
         CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 13) * 0.25 - 1 END AS amount,
         i / 3.0 AS ratio,
         TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 1234567) AS at,
         (DATE '1960-01-01' + (i % 40000)::INTEGER)::DATE AS day,
         CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 17) || 'é' END AS label,
         CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 100000)::INTEGER END AS count
  FROM range(${n}) t(i)`;

const scratch = scratchDuckDb("tablepipe-duckdb-parquet-");

describe("readTable on Parquet files DuckDB wrote (data pages V1)", () => {
  // brotli is slow to write (DuckDB compresses at its highest level): fewer rows
  for (const [compression, n] of [
    ["snappy", 30_000],
    ["uncompressed", 30_000],
    ["zstd", 30_000],
    ["gzip", 30_000],
    ["lz4_raw", 30_000],
    ["brotli", 3_000],
  ] as const) {
    it(`reads ${compression} row groups, dictionaries, plain pages and nulls as the CSV of the same rows`, async () => {
      const parquet = join(scratch.folder, `rows-${compression}.parquet`);
      const csv = join(scratch.folder, `rows-${compression}.csv`);
      await scratch.db.connection.run(
        `COPY (${rows(n)}) TO '${parquet}' (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE 7000)`,
      );
      await scratch.db.connection.run(
        `COPY (${rows(n)}) TO '${csv}' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S.%g')`,
      );
      const fromParquet = await readTable(parquet, Row);
      const fromCsv = await readTable(csv, Row);
      expect(fromParquet.numRows()).toBe(n);
      for (const name of fromCsv.columnNames())
        expect(Array.from(fromParquet.array(name) as ArrayLike<unknown>), name).toEqual(
          Array.from(fromCsv.array(name) as ArrayLike<unknown>),
        );
    });
  }
});
