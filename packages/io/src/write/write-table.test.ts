import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { table as makeTable } from "arquero";
import { parquetReadObjects } from "hyparquet";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { csvCell } from "../csv/csv-writer";
import { TableWriteError } from "../errors";
import { readTable } from "../read/read-table";
import { TripRow, tempFolder, utc } from "../test-support";
import { writeTable } from "./write-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({
  id: z.int(),
  big: z.int(),
  at: z.date(),
  maybe_at: z.date().nullable(),
  amount: z.number(),
  tip: z.number().nullable(),
  note: z.string().nullable(),
  kind: z.enum(["cash", "card"]),
  paid: z.boolean(),
  maybe_paid: z.boolean().nullable(),
});

/** A table as `readTable(path, Row)` gives it: time stamps as epoch milliseconds (Float64Array, or numbers and nulls). */
function sampleTable() {
  return makeTable({
    id: Float64Array.from([1, 2, 3, 4]),
    big: Float64Array.from([0, -5, 2 ** 40, 9_007_199_254_740_991]),
    at: Float64Array.from([
      utc(2018, 2, 4, 18),
      utc(2018, 2, 4, 18, 0, 0, 7),
      utc(1969, 12, 31, 23, 59, 59),
      utc(2018, 7, 27, 9, 14, 45, 999),
    ]),
    maybe_at: [null, utc(2020, 2, 29), null, utc(2018, 1, 1)],
    amount: Float64Array.from([12.5, -0, 0.1 + 0.2, 1e-300]),
    tip: [null, 1.25, 1e308, -2.5],
    note: ['say "hi", then\nleave', "", null, "  padded  "],
    kind: ["card", "cash", "card", "cash"],
    paid: [true, false, true, false],
    maybe_paid: [null, true, false, null],
  });
}

/** Every column as a plain array (a Date, which a read never gives, would show as `date:<ms>`). */
function plain(t: ReturnType<typeof sampleTable>): Record<string, unknown[]> {
  return Object.fromEntries(
    t
      .columnNames()
      .map((name) => [
        name,
        Array.from(t.array(name) as ArrayLike<unknown>, (v) =>
          v instanceof Date ? `date:${v.getTime()}` : v,
        ),
      ]),
  );
}

describe("csvCell", () => {
  it("quotes as RFC 4180 says and writes time stamps as UTC wall-clock", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("")).toBe('""');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(-0)).toBe("-0");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(10n)).toBe("10");
    expect(csvCell(new Date(utc(2018, 2, 4, 18)))).toBe("2018-02-04 18:00:00");
    expect(csvCell(new Date(utc(2018, 2, 4, 18, 0, 0, 120)))).toBe("2018-02-04 18:00:00.120");
  });
});

describe("writeTable", () => {
  it("writes CSV with a header, RFC 4180 quoting, empty nulls and UTC wall-clock stamps", async () => {
    const path = join(tmp.dir, "small.csv");
    const t = makeTable({ at: [new Date(utc(2018, 2, 4, 18)), null], note: ["a,b", null], n: [1.5, 2] });
    await writeTable(t, path);
    expect(readFileSync(path, "utf8")).toBe('at,note,n\n2018-02-04 18:00:00,"a,b",1.5\n,,2\n');
  });

  it("writes epoch-millisecond columns as time stamps when the schema says so, as numbers without it", async () => {
    const t = makeTable({
      at: Float64Array.from([utc(2018, 2, 4, 18), utc(2018, 2, 4, 18, 0, 0, 120)]),
      maybe: [null, utc(2020, 2, 29)],
      n: Float64Array.from([1.5, 2]),
    });
    const schema = z.object({ at: z.date(), maybe: z.date().nullable(), n: z.number() });
    const withSchema = join(tmp.dir, "stamps.csv");
    await writeTable(t, withSchema, { schema });
    expect(readFileSync(withSchema, "utf8")).toBe(
      "at,maybe,n\n2018-02-04 18:00:00,,1.5\n2018-02-04 18:00:00.120,2020-02-29 00:00:00,2\n",
    );
    const withoutSchema = join(tmp.dir, "numbers.csv");
    await writeTable(t, withoutSchema);
    expect(readFileSync(withoutSchema, "utf8")).toBe(
      `at,maybe,n\n${utc(2018, 2, 4, 18)},,1.5\n${utc(2018, 2, 4, 18, 0, 0, 120)},${utc(2020, 2, 29)},2\n`,
    );
  });

  it.each(["csv", "parquet"] as const)("round-trips every kind of column through %s", async (format) => {
    const path = join(tmp.dir, `round-trip.${format}`);
    const original = sampleTable();
    await writeTable(original, path, { schema: Row });
    const back = await readTable(path, Row);
    expect(plain(back)).toEqual(plain(original));
    expect(back.column("id")?.constructor).toBe(Float64Array);
    expect(back.column("at")?.constructor).toBe(Float64Array);
    expect(Object.is((back.array("amount") as number[])[1], -0)).toBe(true);
  });

  it.each(["csv", "parquet"] as const)(
    "still writes Date values as time stamps, in any column (%s)",
    async (format) => {
      const path = join(tmp.dir, `dates.${format}`);
      const schema = z.object({ at: z.date(), maybe: z.date().nullable() });
      const dates = makeTable({
        at: [new Date(utc(2018, 2, 4, 18)), new Date(utc(2018, 2, 4, 18, 0, 0, 7))],
        maybe: [null, new Date(utc(1969, 12, 31, 23, 59, 59))],
      });
      const mixed = makeTable({
        at: [new Date(utc(2018, 2, 4, 18)), utc(2018, 2, 4, 18, 0, 0, 7)],
        maybe: [null, utc(1969, 12, 31, 23, 59, 59)],
      });
      const expected = {
        at: [utc(2018, 2, 4, 18), utc(2018, 2, 4, 18, 0, 0, 7)],
        maybe: [null, utc(1969, 12, 31, 23, 59, 59)],
      };
      await writeTable(dates, path); // Dates need no schema
      expect(plain(await readTable(path, schema))).toEqual(expected);
      await writeTable(mixed, path, { schema }); // Dates and epoch milliseconds in one time-stamp column
      expect(plain(await readTable(path, schema))).toEqual(expected);
    },
  );

  it("writes numbers as Parquet DOUBLE without a schema, so they read back as numbers, not time stamps", async () => {
    const path = join(tmp.dir, "no-schema.parquet");
    const original = sampleTable();
    await writeTable(original, path);
    const NumbersRow = Row.extend({ at: z.number(), maybe_at: z.number().nullable() });
    expect(plain(await readTable(path, NumbersRow))).toEqual(plain(original));
    await expect(readTable(path, Row)).rejects.toThrow(
      "column at: the file types this column as DOUBLE (float), but the schema says a timestamp: read it with z.number()",
    );
  });

  it("writes Parquet time stamps that hyparquet reads back as the same Dates, and ints as INT32/INT64", async () => {
    const path = join(tmp.dir, "types.parquet");
    await writeTable(sampleTable(), path, { schema: Row });
    const buffer = readFileSync(path);
    const rows = await parquetReadObjects({
      file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length),
    });
    expect(rows[0]?.at).toEqual(new Date(utc(2018, 2, 4, 18)));
    expect(rows[0]?.id).toBe(1);
    expect(rows[3]?.big).toBe(9_007_199_254_740_991n);
  });

  it("writes an empty table, and reads it back with its columns", async () => {
    for (const format of ["csv", "parquet"] as const) {
      const path = join(tmp.dir, `empty.${format}`);
      const empty = sampleTable()
        .filter(() => false)
        .reify();
      await writeTable(empty, path, { schema: Row });
      const back = await readTable(path, Row);
      expect(back.numRows()).toBe(0);
      expect(back.columnNames()).toEqual(Object.keys(Row.shape));
    }
  });

  it("writes the rows of a filtered, ordered view", async () => {
    const path = join(tmp.dir, "view.csv");
    const view = sampleTable()
      .filter((d: { id: number }) => d.id > 1)
      .orderby("id")
      .select("id", "kind");
    await writeTable(view, path);
    expect(readFileSync(path, "utf8")).toBe("id,kind\n2,cash\n3,card\n4,cash\n");
  });

  it("round-trips a 17-column trip table through CSV and Parquet", async () => {
    const n = 5000;
    const trips = makeTable({
      vendor_id: Float64Array.from({ length: n }, (_, i) => 1 + (i % 2)),
      pickup_datetime: Float64Array.from({ length: n }, (_, i) => utc(2018, 1, 1) + i * 61_000),
      dropoff_datetime: Float64Array.from({ length: n }, (_, i) => utc(2018, 1, 1) + i * 61_000 + 600_000),
      passenger_count: Float64Array.from({ length: n }, (_, i) => i % 6),
      trip_distance: Float64Array.from({ length: n }, (_, i) => (i % 997) / 10),
      rate_code: Float64Array.from({ length: n }, () => 1),
      store_and_fwd_flag: Array.from({ length: n }, (_, i) =>
        i % 50 === 0 ? null : i % 7 === 0 ? "Y" : "N",
      ),
      payment_type: Float64Array.from({ length: n }, (_, i) => 1 + (i % 4)),
      fare_amount: Float64Array.from({ length: n }, (_, i) => (i % 400) / 4),
      extra: Float64Array.from({ length: n }, () => 0.5),
      mta_tax: Float64Array.from({ length: n }, () => 0.5),
      tip_amount: Float64Array.from({ length: n }, (_, i) => (i % 91) / 7),
      tolls_amount: Float64Array.from({ length: n }, () => 0),
      imp_surcharge: Float64Array.from({ length: n }, () => 0.3),
      total_amount: Float64Array.from({ length: n }, (_, i) => (i % 400) / 4 + 1.3 + (i % 91) / 7),
      pickup_location_id: Float64Array.from({ length: n }, (_, i) => 1 + (i % 263)),
      dropoff_location_id: Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 263)),
    });
    for (const format of ["csv", "parquet"] as const) {
      const path = join(tmp.dir, `trips.${format}`);
      await writeTable(trips, path, { schema: TripRow });
      expect(plain(await readTable(path, TripRow))).toEqual(plain(trips));
    }
  });

  it("refuses a misspelt option and a schema column the table lacks, naming them, writing nothing", async () => {
    const dir = tempFolder();
    try {
      const table = makeTable({ a: [1], b: ["x"] });
      await expect(writeTable(table, dir.file("o.csv", ""), { shcema: {} } as never)).rejects.toThrow(
        'writeTable: unknown option "shcema"; the options are format, schema, rowGroupRows',
      );
      await expect(
        writeTable(table, join(dir.dir, "p.csv"), { schema: z.object({ a: z.int(), c: z.string() }) }),
      ).rejects.toThrow(
        'writeTable: the schema names "c", which the table does not have (its columns: a, b)',
      );
      expect(readdirSync(dir.dir)).toEqual(["o.csv"]);
    } finally {
      dir.remove();
    }
  });

  it("refuses a missing value in a column the schema says is not nullable, naming it, in every format", async () => {
    const dir = tempFolder();
    try {
      const Reading = z.object({ sensor: z.string(), temp: z.number(), at: z.date() });
      const at = [utc(2024, 1, 1), utc(2024, 1, 2), utc(2024, 1, 3)];
      const cases = [
        {
          table: makeTable({ sensor: ["a", "b", "c"], temp: Float64Array.from([20.5, Number.NaN, 21]), at }),
          row: 2,
          column: "temp",
          shown: "NaN",
        },
        {
          table: makeTable({ sensor: ["a", "b", null], temp: [1, 2, 3], at }),
          row: 3,
          column: "sensor",
          shown: "null",
        },
        {
          table: makeTable({ sensor: ["a", "b", "c"], temp: [1, 2, 3], at: [at[0], undefined, at[2]] }),
          row: 2,
          column: "at",
          shown: "undefined",
        },
      ];
      for (const { table, row, column, shown } of cases) {
        for (const name of ["r.csv", "r.parquet", "r.arrow"]) {
          await expect(writeTable(table, join(dir.dir, name), { schema: Reading })).rejects.toThrow(
            `column ${column}, row ${row}: a missing value (${shown}), but the schema says the column is not nullable, and readTable refuses it: the file would not read back (expected a value, or declare the column .nullable())`,
          );
        }
      }
      expect(readdirSync(dir.dir)).toEqual([]);
      // nullable in the schema, or no schema: written, and read back as null
      const nullable = Reading.extend({ temp: z.number().nullable() });
      const path = join(dir.dir, "ok.csv");
      await writeTable(cases[0]!.table, path, { schema: nullable });
      expect(Array.from((await readTable(path, nullable)).array("temp") as ArrayLike<number | null>)).toEqual(
        [20.5, null, 21],
      );
    } finally {
      dir.remove();
    }
  });

  it("replaces an existing file only when the new one is complete, leaving no temporary file", async () => {
    const dir = tempFolder();
    try {
      const path = dir.file("out.csv", "old content\n");
      await writeTable(makeTable({ a: [1] }), path);
      expect(readFileSync(path, "utf8")).toBe("a\n1\n");
      const bad = makeTable({ a: [1, new Date(Number.NaN)] });
      await expect(writeTable(bad, path)).rejects.toThrow(TableWriteError);
      await expect(writeTable(bad, path)).rejects.toThrow(
        `cannot write ${path}: column a, row 2: invalid Date`,
      );
      await expect(writeTable(bad, join(dir.dir, "out.parquet"))).rejects.toThrow(/invalid Date/);
      const far = makeTable({ a: Float64Array.from([1, 1e20]) });
      const schema = z.object({ a: z.date() });
      await expect(writeTable(far, path, { schema })).rejects.toThrow(
        `cannot write ${path}: column a, row 2: 100000000000000000000 is not a time stamp (epoch milliseconds)`,
      );
      await expect(writeTable(far, join(dir.dir, "out.parquet"), { schema })).rejects.toThrow(
        /column a, row 2: 100000000000000000000 is not a time stamp/,
      );
      await expect(
        writeTable(makeTable({ a: ["2018-02-04"] }), join(dir.dir, "out.parquet"), { schema }),
      ).rejects.toThrow(/column a: the schema says timestamp but the table holds string values/);
      expect(readFileSync(path, "utf8")).toBe("a\n1\n");
      expect(readdirSync(dir.dir).sort()).toEqual(["out.csv"]);
    } finally {
      dir.remove();
    }
  });

  it("leaves no temporary file when a CSV write fails at once (the file is opened asynchronously)", async () => {
    const dir = tempFolder();
    try {
      const path = dir.file("out.csv", "a\n1\n");
      const bad = makeTable({ a: [new Date(Number.NaN)] });
      for (let i = 0; i < 300; i++) await writeTable(bad, path).catch(() => {});
      expect(readdirSync(dir.dir)).toEqual(["out.csv"]);
      expect(readFileSync(path, "utf8")).toBe("a\n1\n");
    } finally {
      dir.remove();
    }
  });

  it("names the path it cannot write", async () => {
    const dir = tempFolder();
    try {
      const blocker = dir.file("not-a-folder", "x");
      writeFileSync(blocker, "x");
      const path = join(blocker, "t.csv");
      await expect(writeTable(makeTable({ a: [1] }), path)).rejects.toThrow(`cannot write ${path}`);
      await expect(writeTable(makeTable({ a: [1] }), join(dir.dir, "t.json"))).rejects.toThrow(
        /writeTable writes \.csv, \.parquet and \.arrow files/,
      );
    } finally {
      dir.remove();
    }
  });
});
