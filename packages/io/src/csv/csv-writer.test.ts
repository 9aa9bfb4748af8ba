import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatWallClock, schemaFromRowSchema } from "@tablepipe/core";
import { table as makeTable } from "arquero";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { END_CSV_MS, FIRST_CSV_MS } from "./csv-cell-bytes";
import { csvCell, writeCsvFile } from "./csv-writer";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const SCHEMA = schemaFromRowSchema(
  z.object({
    id: z.int(),
    at: z.date().nullable(),
    amount: z.number().nullable(),
    note: z.string().nullable(),
    paid: z.boolean(),
  }),
);

/** The file the cells' texts make: the header, then each row's texts joined by commas, each row ending a line. */
function expectedCsv(rows: readonly Row[]): string {
  const names = Object.keys(SCHEMA);
  const lines = rows.map((row) =>
    [
      csvCell(row.id),
      row.at === null ? "" : formatWallClock(row.at),
      csvCell(row.amount),
      csvCell(row.note),
      csvCell(row.paid),
    ].join(","),
  );
  return `${[names.join(","), ...lines].map((line) => `${line}\n`).join("")}`;
}

interface Row {
  id: number;
  at: number | null;
  amount: number | null;
  note: string | null;
  paid: boolean;
}

const row: fc.Arbitrary<Row> = fc.record({
  id: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -1, 1e15, -1e15 + 1, 2 ** 53 - 1)),
  at: fc.option(
    fc.oneof(
      fc.integer({ min: FIRST_CSV_MS, max: END_CSV_MS - 1 }),
      fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2018, 0, 3) }),
    ),
    { nil: null },
  ),
  amount: fc.option(
    fc.oneof(
      // NaN included (written empty, as csvCell writes it); ±Infinity is refused (see round-trip.test.ts)
      fc.double({ noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 400 }).map((c) => c / 8),
    ),
    { nil: null },
  ),
  note: fc.option(
    fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.constantFrom('a "b", c', "x\ny")),
    {
      nil: null,
    },
  ),
  paid: fc.boolean(),
});

describe("writeCsvFile", () => {
  it("writes each cell as its text, row by row, whatever the values", async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), async (rows) => {
        const table = makeTable({
          id: Float64Array.from(rows, (r) => r.id),
          at: rows.map((r) => r.at),
          amount: rows.map((r) => r.amount),
          note: rows.map((r) => r.note),
          paid: rows.map((r) => r.paid),
        });
        const path = join(tmp.dir, `rows-${file++}.csv`);
        await writeCsvFile(table, path, SCHEMA);
        expect(readFileSync(path, "utf8")).toBe(expectedCsv(rows));
      }),
      { numRuns: 60 },
    );
  });

  it("fills several MiB of rows and a text longer than a MiB, non-ASCII, without losing a byte", async () => {
    const long = "é,".repeat(700_000); // 2.1 MB in UTF-8, quoted for its commas
    const rows: Row[] = Array.from({ length: 40_000 }, (_, i) => ({
      id: i * 37 - 5_000,
      at: Date.UTC(2018, 0, 1) + i * 61_001,
      amount: i % 3 === 0 ? null : i / 7,
      note: i === 20_000 ? long : `n${i % 11}`,
      paid: i % 2 === 0,
    }));
    const table = makeTable({
      id: Float64Array.from(rows, (r) => r.id),
      at: Float64Array.from(rows, (r) => r.at as number),
      amount: rows.map((r) => r.amount),
      note: rows.map((r) => r.note),
      paid: rows.map((r) => r.paid),
    });
    const path = join(tmp.dir, "big.csv");
    await writeCsvFile(table, path, SCHEMA);
    const text = readFileSync(path, "utf8");
    expect(text.length).toBeGreaterThan(3 << 20);
    expect(text).toBe(expectedCsv(rows));
  });
});

describe("writeCsvFile refuses what readTable would not read back", () => {
  const stamps = (at: number[]) => makeTable({ at: Float64Array.from(at) });
  const [First, Last] = [FIRST_CSV_MS, END_CSV_MS - 1];

  it("a time stamp or date whose year has more than four digits, naming the column and the row", async () => {
    const path = join(tmp.dir, "years.csv");
    const Stamp = schemaFromRowSchema(z.object({ at: z.date() }));
    await writeCsvFile(stamps([First, Last]), path, Stamp);
    expect(readFileSync(path, "utf8")).toBe("at\n0000-01-01 00:00:00\n9999-12-31 23:59:59.999\n");
    await expect(writeCsvFile(stamps([Last, Last + 1]), path, Stamp)).rejects.toThrow(
      `column at, row 2: ${formatWallClock(Last + 1)} is outside the years 0000 to 9999 a CSV time stamp holds, and readTable refuses it: the file would not read back (write Parquet or Arrow, which hold it; epoch ms ${Last + 1})`,
    );
    await expect(writeCsvFile(stamps([First - 1]), path, Stamp)).rejects.toThrow(
      "column at, row 1: -000001-12-31 23:59:59.999 is outside the years 0000 to 9999",
    );
    const Day = schemaFromRowSchema(z.object({ at: z.date().meta({ logicalType: "date" }) }));
    await expect(writeCsvFile(stamps([0, Last + 1]), path, Day)).rejects.toThrow(
      "column at, row 2: +010000-01-01 00:00:00 is outside the years 0000 to 9999",
    );
  });

  it("a text holding a NUL character, naming the column and the row", async () => {
    const path = join(tmp.dir, "nul.csv");
    await expect(writeCsvFile(makeTable({ note: ["fine", "a\0b"] }), path)).rejects.toThrow(
      "column note, row 2: the text holds a NUL character, and readTable refuses a CSV file holding one (it takes it for binary data): the file would not read back (write Parquet or Arrow, which hold it, or remove it)",
    );
  });
});
