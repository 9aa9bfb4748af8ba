import { schemaOf } from "@tablepipe/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./duckdb-database";
import { readQuery } from "./read-result";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

/** `Number(bigint)` of a whole number given as text, as the value-by-value read gives it. */
const n = (text: string): number => Number(BigInt(text));
/** Epoch milliseconds of micros given as text: the whole milliseconds, the microseconds as a fraction. */
const ms = (micros: string): number => {
  const big = BigInt(micros);
  return Number(big / 1000n) + Number(big % 1000n) / 1000;
};
/** Epoch milliseconds of micros below 2^53, as {@link ms} gives them. */
const msOf = (micros: number): number => Math.trunc(micros / 1000) + (micros % 1000) / 1000;

describe("readQuery", () => {
  it("reads BIGINT, TIMESTAMP and the other number types as numbers, the extremes and nulls too", async () => {
    const bigints = [
      "0",
      "-1",
      "9007199254740991",
      "-9007199254740991",
      "9007199254740993",
      "-9007199254740993",
    ];
    bigints.push("9223372036854775807", "-9223372036854775808", "4294967296", "-4294967297");
    const micros = ["0", "-1", "999", "-1000", "-1001", "1530683085123456", "-62135596800000000"];
    micros.push("253402300799999999", "-9007199254741001", "9007199254741001");
    const rows = bigints.map(
      (b, i) => `('${b}'::BIGINT, make_timestamp('${micros[i % micros.length]}'::BIGINT))`,
    );
    const table = await readQuery(
      db.connection,
      `SELECT * FROM (VALUES ${rows.join(", ")}, (NULL, NULL)) t(b, ts)`,
    );
    expect(table.array("b")).toEqual([...bigints.map(n), null]);
    expect(table.array("ts")).toEqual([
      ...bigints.map((_, i) => ms(micros[i % micros.length] as string)),
      null,
    ]);
    expect(Array.from(table.array("ts") as ArrayLike<unknown>).slice(0, 5)).toEqual([
      0, -0.001, 0.999, -1, -1.001,
    ]);
    const others = await readQuery(
      db.connection,
      "SELECT * FROM (VALUES (1.5::DOUBLE, 0.25::FLOAT, -7::INTEGER, -300::SMALLINT, -8::TINYINT), ('NaN'::DOUBLE, NULL, 2147483647, NULL, 127), (NULL, -0.0::FLOAT, NULL, 32767, NULL)) t(d, f, i, s, y)",
    );
    expect(others.array("d")).toEqual([1.5, Number.NaN, null]);
    expect(others.array("f")).toEqual([0.25, null, -0]);
    expect(others.array("i")).toEqual([-7, 2147483647, null]);
    expect(others.array("s")).toEqual([-300, null, 32767]);
    expect(others.array("y")).toEqual([-8, 127, null]);
  });

  it("reads nulls at every bit of the validity mask, over several chunks", async () => {
    const count = 5000;
    const table = await readQuery(
      db.connection,
      `SELECT CASE WHEN i % 7 = 3 OR i % 64 IN (31, 32, 63) THEN NULL ELSE i - 2500 END::BIGINT AS b,
        CASE WHEN i % 5 = 0 THEN NULL ELSE make_timestamp((i - 2500) * 1001) END AS ts,
        CASE WHEN i % 3 = 0 THEN NULL ELSE i / 4 END::DOUBLE AS d
       FROM range(${count}) r(i) ORDER BY i`,
    );
    const expected = Array.from({ length: count }, (_, i) => ({
      b: i % 7 === 3 || [31, 32, 63].includes(i % 64) ? null : i - 2500,
      ts: i % 5 === 0 ? null : msOf((i - 2500) * 1001),
      d: i % 3 === 0 ? null : i / 4,
    }));
    expect(table.array("b")).toEqual(expected.map((e) => e.b));
    expect(table.array("ts")).toEqual(expected.map((e) => e.ts));
    expect(table.array("d")).toEqual(expected.map((e) => e.d));
  });

  it("reads numbers without a null, over several chunks, as a Float64Array; a first null in a later chunk, as an array", async () => {
    const count = 5000;
    const late = 4321;
    const table = await readQuery(
      db.connection,
      `SELECT (i * 1000003 - 2500000000)::BIGINT AS b, make_timestamp((i - 2500) * 1001) AS ts,
         (i / 8)::DOUBLE AS d, (i / 4)::FLOAT AS f, (i - 2500)::INTEGER AS i32, (i - 2500)::SMALLINT AS i16,
         (i % 200 - 100)::TINYINT AS i8, (i * 3)::HUGEINT AS h, (i / 4)::DECIMAL(9, 2) AS dec,
         CASE WHEN i = ${late} THEN NULL ELSE i END::BIGINT AS late_null
       FROM range(${count}) r(i) ORDER BY i`,
    );
    const rows = Array.from({ length: count }, (_, i) => i);
    const expected: Record<string, number[]> = {
      b: rows.map((i) => i * 1000003 - 2500000000),
      ts: rows.map((i) => msOf((i - 2500) * 1001)),
      d: rows.map((i) => i / 8),
      f: rows.map((i) => Math.fround(i / 4)),
      i32: rows.map((i) => i - 2500),
      i16: rows.map((i) => i - 2500),
      i8: rows.map((i) => (i % 200) - 100),
      h: rows.map((i) => i * 3),
      dec: rows.map((i) => Math.round((i / 4) * 100) / 100),
    };
    for (const [name, values] of Object.entries(expected)) {
      expect({ name, typed: table.column(name) instanceof Float64Array }).toEqual({ name, typed: true });
      expect(Array.from(table.array(name) as ArrayLike<number>)).toEqual(values);
      expect(schemaOf(table)[name]?.nullable).toBe(false);
    }
    expect(table.array("late_null")).toEqual(rows.map((i) => (i === late ? null : i)));
    expect(Array.isArray(table.column("late_null"))).toBe(true);
    expect(schemaOf(table).late_null?.nullable).toBe(true);
  });

  it("rejects with DuckDB's error when a chunk after the first fails, and the connection reads on", async () => {
    // the chunk fetched ahead fails while the one before it is read: nothing is left unsettled
    const failing = readQuery(
      db.connection,
      "SELECT CASE WHEN i < 6000 THEN i ELSE error('tablepipe test: row ' || i) END AS v FROM range(20000) r(i)",
    );
    await expect(failing).rejects.toThrow(/tablepipe test: row \d+/);
    const next = await readQuery(db.connection, "SELECT 42 AS answer");
    expect(Array.from(next.array("answer") as ArrayLike<number>)).toEqual([42]);
  });

  it("reads texts as DuckDB's own reader does: short and long, ASCII or not, empty, null, over several chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.option(
            fc.oneof(
              fc.constantFrom("Y", "N", "", "ab", "\u0000", "é", "Ünïcødé", "exactly12chr", "thirteen char"),
              fc.string({ maxLength: 8 }),
              fc.string({ unit: "grapheme", maxLength: 20 }),
            ),
          ),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 300 }),
        async (texts, repeat) => {
          // each text `repeat` times, so the values run over several chunks (2,048 rows each)
          // a NUL cannot be written inside an SQL string: chr(0) joins the parts around it
          const quoted = (t: string) =>
            t
              .split("\u0000")
              .map((part) => `'${part.replaceAll("'", "''")}'`)
              .join(" || chr(0) || ");
          const values = texts.map((t) => (t === null ? "NULL" : quoted(t)));
          const list = values.length === 0 ? "[]::VARCHAR[]" : `[${values.join(", ")}]`;
          const sql = `SELECT unnest(${list}) AS s FROM range(${repeat}) r(i) ORDER BY i`;
          const table = await readQuery(db.connection, sql);
          const own = (await db.connection.runAndReadAll(sql)).getColumnsObjectJS().s ?? [];
          expect(table.array("s") ?? []).toEqual(own);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps a byte-order mark that starts a text, which DuckDB's own reader drops", async () => {
    const texts = ["\ufeff7", "\ufeff", "\ufeff\ufeffmore than twelve bytes", "a\ufeff", "\ufeffé"];
    const sql = `SELECT unnest([${texts.map((t) => `'${t}'`).join(", ")}]) AS s`;
    const table = await readQuery(db.connection, sql);
    expect(table.array("s")).toEqual(texts);
  });
});
