import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { readTable, readTableWithReport } from "../read/read-table";
import type { ReadProgress } from "../read/types";
import { TripRow, tempFolder, tripAliases, utc } from "../test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({
  id: z.int(),
  at: z.date(),
  amount: z.number(),
  tip: z.number().nullable(),
  count: z.int().nullable(),
  flag: z.string().nullable(),
  kind: z.enum(["cash", "card"]),
  paid: z.boolean(),
});

const rowCsv = [
  "kind,id,extra column,at,amount,tip,count,flag,paid",
  "card,1,x,2018-02-04 18:00:00,12.5,2,3,N,true",
  'cash,2,y,2018-02-04T18:30:00.250,7,,,"",N',
  'card,3,"z, with comma",07/27/2018 9:14:45 PM,-0.5,1.25,0,,1',
].join("\n");

async function readError(promise: Promise<unknown>): Promise<TableReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TableReadError) return error;
    throw error;
  }
  throw new Error("expected a TableReadError");
}

describe("readTable (CSV)", () => {
  it("types every column as the schema says, in schema order, ignoring other columns", async () => {
    const table = await readTable(tmp.file("rows.csv", rowCsv), Row);
    expect(table.columnNames()).toEqual(["id", "at", "amount", "tip", "count", "flag", "kind", "paid"]);
    expect(table.numRows()).toBe(3);
    expect(table.column("id")?.constructor).toBe(Float64Array);
    expect(table.column("amount")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual([1, 2, 3]);
    expect(Array.from(table.array("amount") as ArrayLike<number>)).toEqual([12.5, 7, -0.5]);
    expect(table.array("tip")).toEqual([2, null, 1.25]);
    expect(table.array("count")).toEqual([3, null, 0]);
    expect(table.array("flag")).toEqual(["N", "", null]);
    expect(table.array("kind")).toEqual(["card", "cash", "card"]);
    expect(table.array("paid")).toEqual([true, false, true]);
    // time stamps are epoch milliseconds of the UTC wall-clock time, in a Float64Array: no Date objects
    expect(table.column("at")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      utc(2018, 2, 4, 18),
      utc(2018, 2, 4, 18, 30, 0, 250),
      utc(2018, 7, 27, 21, 14, 45),
    ]);
  });

  it("holds time stamps as epoch milliseconds: numbers and nulls when nullable, defaults as epoch ms", async () => {
    const schema = z.object({
      id: z.int(),
      at: z.date(),
      maybe: z.date().nullable(),
      fallback: z.date().default(new Date(utc(2000, 1, 1))),
      absent: z.date().optional(),
      absent_default: z.date().default(new Date(utc(1999, 12, 31, 23, 59, 59))),
    });
    const path = tmp.file(
      "stamps.csv",
      "id,at,maybe,fallback\n1,2018-02-04 18:00:00,,\n2,1969-12-31 23:59:59.999, 2018-07-27 ,2018-07-27T09:14:45\n",
    );
    const table = await readTable(path, schema);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      utc(2018, 2, 4, 18),
      utc(1969, 12, 31, 23, 59, 59, 999),
    ]);
    expect(table.array("maybe")).toEqual([null, utc(2018, 7, 27)]);
    expect(table.column("fallback")?.constructor).toBe(Float64Array);
    expect(Array.from(table.array("fallback") as ArrayLike<number>)).toEqual([
      utc(2000, 1, 1),
      utc(2018, 7, 27, 9, 14, 45),
    ]);
    expect(table.array("absent")).toEqual([null, null]);
    expect(Array.from(table.array("absent_default") as ArrayLike<number>)).toEqual([
      utc(1999, 12, 31, 23, 59, 59),
      utc(1999, 12, 31, 23, 59, 59),
    ]);
  });

  it("reads the same instants whatever the machine's time zone", async () => {
    const path = tmp.file(
      "zones.csv",
      "at\n2018-03-11 02:30:00\n11/04/2018 01:30:00 AM\n2018-07-27T09:14:45\n",
    );
    const saved = process.env.TZ;
    const seen: number[][] = [];
    try {
      for (const zone of ["America/New_York", "Asia/Kolkata", "UTC"]) {
        process.env.TZ = zone;
        const table = await readTable(path, z.object({ at: z.date() }));
        seen.push(Array.from(table.array("at") as ArrayLike<number>));
      }
    } finally {
      process.env.TZ = saved;
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toEqual([utc(2018, 3, 11, 2, 30), utc(2018, 11, 4, 1, 30), utc(2018, 7, 27, 9, 14, 45)]);
  });

  it.each([
    ["Z", "2018-01-01T14:04:00Z"],
    ["+hh:mm", "2018-01-01T14:04:00+05:30"],
    ["-hh:mm", "2018-01-01T14:04:00-05:00"],
    ["a spaced offset", "2018-01-01 14:04:00.250 -0500"],
  ])("rejects a stamp with %s by name: a column is zone-less wall clock", async (_, stamp) => {
    const path = tmp.file("zoned.csv", `id,at\n1,2018-01-01 14:04:00\n2,${stamp}\n`);
    const schema = z.object({ id: z.int(), at: z.date().nullable() });
    await expect(readTable(path, schema)).rejects.toThrow(
      `${path} line 3, column at: ${JSON.stringify(stamp)} carries a zone (Z or an offset): expected a time stamp without a zone, the data's wall-clock time (e.g. 2018-07-27 09:14:45)`,
    );
    const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop" });
    expect(table.array("at")).toEqual([utc(2018, 1, 1, 14, 4)]);
    expect(report.invalidByColumn).toEqual({ at: 1 });
  });

  it("maps other layouts through aliases, ignoring case and underscores", async () => {
    const schema = z.object({ rate_code: z.int(), vendor_id: z.int() });
    const aliases = { rate_code: ["RatecodeID", "rate_code_id"] };
    const a = tmp.file("layout-a.csv", "VendorID,RatecodeID\n1,5\n");
    const b = tmp.file("layout-b.csv", "vendor_id,rate_code_id,congestion_surcharge\n2,6,\n");
    const c = tmp.file("layout-c.csv", "Vendor_ID,RATE_CODE\n3,1\n");
    const table = await readTable([a, b, c], schema, { aliases });
    expect(Array.from(table.array("vendor_id") as ArrayLike<number>)).toEqual([1, 2, 3]);
    expect(Array.from(table.array("rate_code") as ArrayLike<number>)).toEqual([5, 6, 1]);
  });

  it("reads the TLC layout through the trip aliases", async () => {
    const header =
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge";
    const path = tmp.file(
      "tlc.csv",
      `${header}\n2,2018-01-11 18:24:44,2018-01-11 18:35:02,1,1.65,1,N,230,237,1,8.5,1.0,0.5,2.06,0.0,0.3,12.36,\n`,
    );
    const table = await readTable(path, TripRow, { aliases: tripAliases });
    expect(table.columnNames()).toEqual(Object.keys(TripRow.shape));
    expect(table.objects()[0]).toMatchObject({
      vendor_id: 2,
      rate_code: 1,
      pickup_location_id: 230,
      dropoff_location_id: 237,
      imp_surcharge: 0.3,
      pickup_datetime: utc(2018, 1, 11, 18, 24, 44),
    });
  });

  it("names the file, the column, the names tried and the header when a column is missing", async () => {
    const path = tmp.file("missing.csv", "VendorID,RateCode_X\n1,2\n");
    const error = await readError(
      readTable(path, z.object({ vendor_id: z.int(), rate_code: z.int() }), {
        aliases: { rate_code: ["RatecodeID", "rate_code_id"] },
      }),
    );
    expect(error.file).toBe(path);
    expect(error.column).toBe("rate_code");
    expect(error.message).toContain(path);
    // rate_code_id is RatecodeID once case and underscores are ignored, so it is tried once
    expect(error.message).toContain('tried "rate_code", "RatecodeID" (ignoring case, "_", "-" and spaces)');
    expect(error.message).toContain("the file has: VendorID, RateCode_X");
  });

  it("rejects two file columns that match one schema column", async () => {
    const path = tmp.file("twice.csv", "RatecodeID,rate_code\n1,2\n");
    const error = await readError(
      readTable(path, z.object({ rate_code: z.int() }), { aliases: { rate_code: ["RatecodeID"] } }),
    );
    expect(error.message).toMatch(/"RatecodeID" \(column 1\) and "rate_code" \(column 2\) both match/);
  });

  it("rejects aliases for a column the schema does not have", async () => {
    const path = tmp.file("alias-typo.csv", "a\n1\n");
    await expect(
      readTable(path, z.object({ a: z.int() }), { aliases: { b: ["B"] } as never }),
    ).rejects.toThrow(/aliases name the column "b"/);
  });

  it.each([
    [
      "an integer",
      "id,at\n1,2018-01-01\n1.5,2018-01-01\n",
      3,
      "id",
      "1.5",
      /cannot parse "1.5" as an integer \(expected e.g. 42\)/,
    ],
    ["a number", "id,amount\n1,2\n2,abc\n", 3, "amount", "abc", /cannot parse "abc" as a number/],
    [
      "a timestamp",
      'id,at,note\n1,2018-01-01,"two\nlines"\n2,2018-13-45 99:00,x\n',
      4,
      "at",
      "2018-13-45 99:00",
      /cannot parse "2018-13-45 99:00" as a timestamp \(expected e.g. 2018-07-27 09:14:45/,
    ],
    [
      "an enum value",
      "id,kind\n1,cash\n2,bitcoin\n",
      3,
      "kind",
      "bitcoin",
      /"bitcoin" is not an allowed value \(expected one of "cash", "card"\)/,
    ],
    ["a boolean", "id,paid\n1,Y\n2,maybe\n", 3, "paid", "maybe", /cannot parse "maybe" as a boolean/],
    [
      "an empty required cell",
      "id,amount\n1,2\n2,\n",
      3,
      "amount",
      "",
      /empty value, but the column is not nullable \(expected a number/,
    ],
  ])(
    "names file, line, column, value and expectation for %s",
    async (_, csv, line, column, value, reason) => {
      const schema = z.object({
        id: z.int(),
        at: z.date().optional(),
        amount: z.number().optional(),
        kind: z.enum(["cash", "card"]).optional(),
        paid: z.boolean().optional(),
      });
      // make the column under test required, so that an empty cell is invalid
      const field = schema.shape[column as keyof typeof schema.shape];
      const strict = field instanceof z.ZodOptional ? schema.extend({ [column]: field.unwrap() }) : schema;
      const path = tmp.file(`invalid-${column}.csv`, csv);
      const error = await readError(readTable(path, strict));
      expect(error).toBeInstanceOf(TableReadError);
      expect(error.file).toBe(path);
      expect(error.line).toBe(line);
      expect(error.column).toBe(column);
      expect(error.value).toBe(value);
      expect(error.expected).toBeTruthy();
      expect(error.message.startsWith(`${path} line ${line}, column ${column}: `)).toBe(true);
      expect(error.message).toMatch(reason);
    },
  );

  it("reports the earliest invalid line when several columns fail", async () => {
    const path = tmp.file("earliest.csv", "a,b\n1,2\n1,x\ny,2\n");
    const error = await readError(
      readTable(path, z.object({ a: z.int(), b: z.int() }), { chunkSize: 1 << 20 }),
    );
    expect(error.line).toBe(3);
    expect(error.column).toBe("b");
  });

  it("rejects a row with the wrong number of fields, naming its line", async () => {
    const path = tmp.file("short.csv", "a,b\n1,2\n3\n");
    const error = await readError(readTable(path, z.object({ a: z.int(), b: z.int() })));
    expect(error.message).toBe(`${path} line 3: expected 2 fields as in the header, found 1`);
  });

  it("drops rows with invalid values when asked, counting them per column", async () => {
    const csv = [
      "id,amount,at",
      "1,1.5,2018-01-01 00:00:00",
      "x,2.5,2018-01-01 00:00:00",
      "3,abc,not a date",
      "4,4.5,2018-01-02 00:00:00",
      "5,,2018-01-03 00:00:00",
      "6,6.5",
      "7,7.5,2018-01-04 00:00:00",
    ].join("\n");
    const path = tmp.file("drop.csv", csv);
    const schema = z.object({ id: z.int(), amount: z.number(), at: z.date() });
    for (const chunkSize of [3, 1 << 20]) {
      const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop", chunkSize });
      expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual([1, 4, 7]);
      expect(Array.from(table.array("amount") as ArrayLike<number>)).toEqual([1.5, 4.5, 7.5]);
      expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
        utc(2018, 1, 1),
        utc(2018, 1, 2),
        utc(2018, 1, 4),
      ]);
      expect(report.rows).toBe(3);
      expect(report.droppedRows).toBe(4);
      expect(report.invalidByColumn).toEqual({ id: 1, amount: 2, at: 1, "(malformed row)": 1 });
      expect(report.examples).toContainEqual({
        file: path,
        line: 4,
        column: "at",
        value: "not a date",
        reason: expect.stringMatching(/cannot parse "not a date" as a timestamp/),
      });
    }
  });

  it("lists the counts per column as the first invalid value of each comes in the file, a malformed record at its line", async () => {
    // amount's first invalid value comes before id's, a malformed record before both: not the schema's order
    const path = tmp.file("order.csv", "id,amount\n1,2\n2\n3,y\nx,4\n5,z\n");
    const schema = z.object({ id: z.int(), amount: z.number() });
    for (const chunkSize of [3, 1 << 20]) {
      const { report } = await readTableWithReport(path, schema, { onInvalid: "drop", chunkSize });
      expect(Object.entries(report.invalidByColumn)).toEqual([
        ["(malformed row)", 1],
        ["amount", 2],
        ["id", 1],
      ]);
      expect(report.examples.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    }
  });

  it("drops, counts and reports invalid rows the same in every pass over a chunk's records", async () => {
    // one chunk of 3,000 records is converted 1,024 at a time: bad rows in the first, second and last pass
    const bad = new Map([
      [2, "x"],
      [1500, "1.5"],
      [1501, "y"],
      [2999, "-"],
    ]);
    const lines = ["id,amount"];
    for (let r = 0; r < 3000; r++) lines.push(`${bad.get(r) ?? r},${r / 4}`);
    lines.splice(1030, 0, "1,2,3"); // a malformed record in the second pass (line 1031)
    const path = tmp.file("passes.csv", `${lines.join("\n")}\n`);
    const schema = z.object({ id: z.int(), amount: z.number() });
    const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop" });
    const kept = [...Array(3000).keys()].filter((r) => !bad.has(r));
    expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual(kept);
    expect(Array.from(table.array("amount") as ArrayLike<number>)).toEqual(kept.map((r) => r / 4));
    expect(report.droppedRows).toBe(5);
    expect(report.invalidByColumn).toEqual({ id: 4, "(malformed row)": 1 });
    const second = await readError(readTable(path, schema));
    expect([second.line, second.column, second.value]).toEqual([4, "id", "x"]);
    const late = tmp.file("late.csv", `${lines.filter((_, i) => i !== 3).join("\n")}\n`);
    const error = await readError(readTable(late, schema));
    expect(error.message).toBe(`${late} line 1030: expected 2 fields as in the header, found 3`);
  });

  it("reads the same table whatever the chunk size (quotes, CRLF, multi-byte characters, BOM)", async () => {
    const csv =
      "\uFEFFid,name,note\r\n" +
      '1,José,"a ""quoted"" word"\r\n' +
      '2,"北京, 中国","two\r\nlines"\r\n' +
      "3,🚕,\r\n" +
      '4,"",plain\r\n';
    const path = tmp.file("chunks.csv", csv);
    const schema = z.object({ id: z.int(), name: z.string(), note: z.string().nullable() });
    const expected = {
      id: [1, 2, 3, 4],
      name: ["José", "北京, 中国", "🚕", ""],
      note: ['a "quoted" word', "two\r\nlines", null, "plain"],
    };
    for (const chunkSize of [1, 2, 3, 4, 5, 7, 13, 64, 1 << 20]) {
      const table = await readTable(path, schema, { chunkSize });
      expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual(expected.id);
      expect(table.array("name")).toEqual(expected.name);
      expect(table.array("note")).toEqual(expected.note);
    }
  });

  it("strips a byte order mark before the header", async () => {
    const table = await readTable(
      tmp.file("bom.csv", "\uFEFFvendor_id\n7\n"),
      z.object({ vendor_id: z.int() }),
    );
    expect(Array.from(table.array("vendor_id") as ArrayLike<number>)).toEqual([7]);
  });

  it("rejects an empty file and reads a header-only file as an empty typed table", async () => {
    const schema = z.object({ a: z.int(), b: z.date().nullable() });
    const error = await readError(readTable(tmp.file("empty.csv", ""), schema));
    expect(error.message).toMatch(/empty\.csv: the file is empty: a header row is required/);
    const table = await readTable(tmp.file("header-only.csv", "a,b\r\n"), schema);
    expect(table.numRows()).toBe(0);
    expect(table.columnNames()).toEqual(["a", "b"]);
    expect(table.column("a")?.constructor).toBe(Float64Array);
  });

  it("rejects an unclosed quote, naming file and line", async () => {
    const path = tmp.file("unclosed.csv", 'a,b\n1,2\n3,"oops\n');
    const error = await readError(readTable(path, z.object({ a: z.int(), b: z.string() }), { chunkSize: 4 }));
    expect(error.message).toBe(`${path} line 3: a quoted field is not closed before the end of the file`);
  });

  it("reports an invalid value before a bad quote on a later line of the same pass", async () => {
    // line 2: "x" (quoted) or x, not an allowed value; line 4: a byte after a closing quote (a syntax error)
    for (const bad of ['"x"', "x"]) {
      const path = tmp.file("value-then-quote.csv", `a,b\n1,${bad}\n2,"ok"\n3,"oops"s\n`);
      const error = await readError(readTable(path, z.object({ a: z.int(), b: z.enum(["ok"]) })));
      expect(error.line).toBe(2);
      expect(error.column).toBe("b");
      expect(error.message).toContain('"x"');
    }
  });

  it("fills empty cells with the default, and an absent optional column with its default or null", async () => {
    const schema = z.object({
      a: z.int(),
      b: z.number().default(-1),
      c: z.string().default("N"),
      d: z.number().optional(),
      e: z.boolean().default(false),
    });
    const table = await readTable(tmp.file("defaults.csv", "a,b,c\n1,,\n2,2.5,Y\n"), schema);
    expect(Array.from(table.array("b") as ArrayLike<number>)).toEqual([-1, 2.5]);
    expect(table.array("c")).toEqual(["N", "Y"]);
    expect(table.array("d")).toEqual([null, null]);
    expect(table.array("e")).toEqual([false, false]);
  });

  it("reads a glob in sorted path order, an array in the order given, and a folder", async () => {
    const dir = tempFolder();
    try {
      dir.file("trips-2018-02.csv", "id\n2\n");
      dir.file("trips-2018-01.csv", "id\n1\n");
      dir.file("trips-2018-10.csv", "id\n10\n");
      dir.file("other.txt", "not a table");
      const schema = z.object({ id: z.int() });
      const ids = (t: Awaited<ReturnType<typeof readTable>>): number[] =>
        Array.from(t.array("id") as ArrayLike<number>);
      const { table, report } = await readTableWithReport(`${dir.dir}/trips-2018-*.csv`, schema);
      expect(ids(table)).toEqual([1, 2, 10]);
      expect(report.files.map((f) => f.slice(dir.dir.length + 1))).toEqual([
        "trips-2018-01.csv",
        "trips-2018-02.csv",
        "trips-2018-10.csv",
      ]);
      expect(
        ids(await readTable([`${dir.dir}/trips-2018-10.csv`, `${dir.dir}/trips-2018-01.csv`], schema)),
      ).toEqual([10, 1]);
      const noMatch = await readError(readTable(`${dir.dir}/trips-2019-*.csv`, schema));
      expect(noMatch.message).toBe(`${dir.dir}/trips-2019-*.csv: no file matches this pattern`);
      const noFile = await readError(readTable(`${dir.dir}/nope.csv`, schema));
      expect(noFile.message).toBe(`${dir.dir}/nope.csv: no such file`);
      expect(ids(await readTable(dir.dir, schema, { format: "csv" }))).toEqual([1, 2, 10]);
    } finally {
      dir.remove();
    }
  });

  it("chooses the format by extension unless told, and reads tab-separated files", async () => {
    const schema = z.object({ a: z.int(), b: z.string() });
    const tsv = await readTable(tmp.file("tabs.tsv", "a\tb\n1\tx,y\n"), schema);
    expect(tsv.array("b")).toEqual(["x,y"]);
    const semi = await readTable(tmp.file("semi.data", "a;b\n1;z\n"), schema, {
      format: "csv",
      delimiter: ";",
    });
    expect(semi.array("b")).toEqual(["z"]);
    await expect(readTable(tmp.file("what.data", "a\n1\n"), schema)).rejects.toThrow(
      /cannot tell the format/,
    );
  });

  it("reports progress in bytes and rows, ending with the whole size", async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `${i},2018-01-01 00:00:00`).join("\n");
    const path = tmp.file("progress.csv", `id,at\n${body}\n`);
    const reports: ReadProgress[] = [];
    await readTable(path, z.object({ id: z.int(), at: z.date() }), {
      chunkSize: 256,
      onProgress: (p) => reports.push({ ...p }),
    });
    const last = reports.at(-1);
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(last).toEqual({
      bytesRead: last?.totalBytes,
      totalBytes: last?.totalBytes,
      rows: 2000,
      file: path,
    });
    expect(last?.totalBytes).toBeGreaterThan(30_000);
  });
});
