import { columnKinds } from "@tablepipe/io";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { fastReadSql, NEEDS_TEXT_PATH, NO_TRUST, type ReadTrust } from "./engine/fast-csv-read";
import { cellLayers } from "./engine/read-files";
import { stampFieldTable, stampLinesAt } from "./engine/stamp-lines";

const Cells = z.object({
  float: z.number(),
  int: z.int(),
  timestamp: z.date(),
  boolean: z.boolean(),
  enum: z.enum(["N", "Y"]),
  nullableFloat: z.number().nullable(),
  defaulted: z.int().default(7),
});
type Kind = keyof z.infer<typeof Cells>;
const SPECS = columnKinds(Cells);

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;

interface Verdict {
  readonly text: string | null;
  /** The exact (text) path: the value, and whether the cell is invalid by readTable's rules. */
  readonly exact: unknown;
  readonly exactBad: boolean;
  /** The fast path: the value, and whether the cell is left to the exact path. */
  readonly fast: unknown;
  readonly fastDeclines: boolean;
}

/** Both paths' verdicts on each cell text (`null`: an empty unquoted cell) of one column. */
async function verdicts(
  kind: Kind,
  texts: readonly (string | null)[],
  trust: ReadTrust = NO_TRUST,
): Promise<Verdict[]> {
  const spec = SPECS.find((s) => s.name === kind);
  if (spec === undefined) throw new Error(kind);
  const layers = cellLayers(spec, 0);
  const cells = texts.map((t, i) => `(${i}, ${t === null ? "NULL" : sqlText(t)})`).join(", ");
  const source = `(SELECT * FROM (VALUES ${cells}) AS v("i", "c0"))`;
  const split = `(SELECT "i", ${layers.split.join(", ")} FROM ${source})`;
  const parse = `(SELECT "i", ${layers.parse.join(", ")} FROM ${split})`;
  const exact = `SELECT "i", CAST(${layers.value} AS VARCHAR) AS "v", ${layers.bad} AS "bad" FROM ${parse}`;
  const fast = fastReadSql([spec], ["c0"], [0], source, ["i"], trust);
  const quick = `SELECT "i", CAST(${JSON.stringify(kind)} AS VARCHAR) AS "v", "${NEEDS_TEXT_PATH}" AS "declines" FROM (${fast})`;
  const sql = `SELECT e."v" AS "exact", e."bad", f."v" AS "fast", f."declines" FROM (${exact}) e JOIN (${quick}) f USING ("i") ORDER BY "i"`;
  const rows = (await db.connection.runAndReadAll(sql)).getRowObjectsJS() as {
    exact: unknown;
    bad: boolean;
    fast: unknown;
    declines: boolean;
  }[];
  return rows.map((r, i) => ({
    text: texts[i] ?? null,
    exact: r.exact,
    exactBad: r.bad,
    fast: r.fast,
    fastDeclines: r.declines,
  }));
}

/** The fast path never accepts a cell the exact path rejects, and where it accepts, the value is the same. */
function expectFastAgrees(found: readonly Verdict[]): void {
  for (const v of found) {
    if (v.fastDeclines) continue;
    expect({ text: v.text, bad: v.exactBad, value: v.fast }).toEqual({
      text: v.text,
      bad: false,
      value: v.exact,
    });
  }
}

/** Number characters, with the blanks DuckDB's cast trims and readTable does not (`\v`, `\f`, CR, LF). */
const NUMBER_CHARS = [..."0123456789.eE+-_ \tx\v\f\r\n", "inf", "nan", "Infinity"];
const numberLike = fc
  .array(fc.constantFrom(...NUMBER_CHARS), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(""));
/** Number texts DuckDB's casts read differently from readTable, spliced into well-formed numbers. */
const NUMBER_TRAPS = [
  "_",
  "+-",
  "-+",
  "--",
  "e3",
  "E+2",
  ".0",
  ".5",
  "inf",
  "nan",
  "e999",
  " ",
  "\t",
  "x",
  "\v",
  "\f",
  "\r",
  "\n",
];
const trappedNumber = fc
  .tuple(fc.integer({ min: -999, max: 999 }), fc.constantFrom(...NUMBER_TRAPS), fc.nat(3), fc.nat(99))
  .map(([n, trap, where, m]) => {
    const parts = [String(n), trap, String(m)];
    return where === 0 ? trap + parts[0] + parts[2] : where === 1 ? parts.join("") : String(n) + trap;
  });
const STAMP_CHARS = [..."0123456789-:T tZ+./", "AM", "PM", "2018-", "-02-", "-29", " 24:", ":60"];
const stampLike = fc
  .array(fc.constantFrom(...STAMP_CHARS), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join(""));
const two = (n: number): string => String(n).padStart(2, "0");
const isoStamp = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 60 }),
    sep: fc.constantFrom(" ", "T"),
    layout: fc.constantFrom("full", "minutes", "date"),
    pad: fc.boolean(),
    suffix: fc.constantFrom("", "", "", "Z", "+05:00", "-0500", " -05", ".5", ".123", ",5", " UTC", " "),
  })
  .map(({ y, mo, d, h, mi, s, sep, layout, pad, suffix }) => {
    const field = (n: number): string => (pad ? two(n) : String(n));
    const date = `${y}-${field(mo)}-${two(d)}`;
    if (layout === "date") return date + suffix;
    return `${date}${sep}${field(h)}:${two(mi)}${layout === "full" ? `:${two(s)}` : ""}${suffix}`;
  });

/** Numbers at the edges of the fast path's checks: overflowing sums, 2^53, fractions, non-finite values. */
const EDGE_NUMBERS = [
  "1e308",
  "-1e308",
  "9007199254740991",
  "9007199254740992",
  "2.5",
  "inf",
  "nan",
  "1e999",
];

/** The columns of a row-level check, in order: every kind of number cell beside a time stamp. */
const ROW_KINDS = ["float", "int", "nullableFloat", "defaulted", "timestamp"] as const;

interface RowVerdict {
  readonly declines: boolean;
  readonly values: readonly unknown[];
}

/** The fast read of whole rows (one text per column of {@link ROW_KINDS}): whether it declines each, its values. */
async function rowVerdicts(rows: readonly (readonly (string | null)[])[]): Promise<RowVerdict[]> {
  const specs = ROW_KINDS.map((kind) => SPECS.find((s) => s.name === kind)).filter((s) => s !== undefined);
  const header = ROW_KINDS.map((_, c) => `c${c}`);
  const cells = rows
    .map((row, i) => `(${[String(i), ...row.map((t) => (t === null ? "NULL" : sqlText(t)))].join(", ")})`)
    .join(", ");
  const source = `(SELECT * FROM (VALUES ${cells}) AS v("i", ${header.map((h) => `"${h}"`).join(", ")}))`;
  const fast = fastReadSql(
    specs,
    header,
    header.map((_, c) => c),
    source,
    ["i"],
  );
  const values = ROW_KINDS.map((kind) => `CAST("${kind}" AS VARCHAR) AS "${kind}"`).join(", ");
  const sql = `SELECT "${NEEDS_TEXT_PATH}" AS "declines", ${values} FROM (${fast}) ORDER BY "i"`;
  const found = (await db.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  return found.map((r) => ({ declines: r.declines === true, values: ROW_KINDS.map((kind) => r[kind]) }));
}

describe("the fast CSV parse agrees with readTable's exact one", { timeout: 60_000 }, () => {
  it("numbers: never accepts what readTable refuses (1_000, +-1, inf, 1e999, 1e3 or .0 as an int), same values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(numberLike, trappedNumber, fc.double().map(String), fc.integer().map(String)), {
          minLength: 1,
          maxLength: 40,
        }),
        async (texts) => {
          for (const kind of ["float", "int", "nullableFloat", "defaulted"] as const) {
            expectFastAgrees(await verdicts(kind, [...texts, null]));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("time stamps: never accepts a zone, a fraction, a one-digit field or an impossible date; same values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(stampLike, isoStamp), { minLength: 1, maxLength: 40 }),
        async (texts) => {
          expectFastAgrees(await verdicts("timestamp", [...texts, null]));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("time stamps DuckDB's cast reads and readTable refuses: hour 24, second 60, a zone, a fraction", async () => {
    const traps = ["2018-07-27 24:00", "2018-07-27T24:00:00", "2018-07-27 23:59:60", "2018-07-27 09:14:45Z"];
    const found = await verdicts("timestamp", [
      ...traps,
      "2018-07-27 09:14:45.5",
      "0000-01-01",
      "2018-07-27 23:59",
    ]);
    expectFastAgrees(found);
    expect(found.slice(0, traps.length).map((v) => [v.text, v.exactBad])).toEqual(
      traps.map((t) => [t, true]),
    );
  });

  it("time stamps a scan found canonical: the cast alone gives readTable's value, or declines (Feb 30, minute 60)", async () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
    const canonical = fc
      .tuple(
        digits(4),
        digits(2),
        digits(2),
        fc.integer({ min: 0, max: 23 }),
        digits(2),
        digits(2),
        fc.boolean(),
      )
      .map(
        ([y, mo, d, h, mi, s, t]) =>
          `${y.join("")}-${mo.join("")}-${d.join("")}${t ? "T" : " "}${two(h)}:${mi.join("")}:${s.join("")}`,
      );
    // most random digits make no date: these mostly do
    const likely = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([y, mo, d, h, mi]) => `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(mi)}`);
    const vouched = (text: string): boolean =>
      stampLinesAt(Buffer.from(`${text}\n${" ".repeat(48)}`), 0, text.length, 44, stampFieldTable([0]));
    expect(["2018-07-27 09:14:45", "0000-01-01T23:00:00", "2018-02-30 10:00:00"].every(vouched)).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(canonical, likely), { minLength: 1, maxLength: 40 }),
        async (texts) => {
          expect(texts.every(vouched)).toBe(true);
          const found = await verdicts("timestamp", [...texts, null], {
            typedNumbers: false,
            canonicalStamps: true,
          });
          expectFastAgrees(found);
          // the guard declines what the cast alone declines: nothing the scan vouches for is lost
          const guarded = await verdicts("timestamp", [...texts, null]);
          expect(found.map((v) => v.fastDeclines)).toEqual(guarded.map((v) => v.fastDeclines));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("booleans and enums: the same words, any case, blanks around", async () => {
    const words = ["true", "T", " yes", "N", "0", "1", "2", "on", "", "Y", "y", " N "];
    expectFastAgrees(await verdicts("boolean", words));
    expectFastAgrees(await verdicts("enum", words));
  });

  it("takes the fast path on well-formed cells: numbers as JavaScript prints them, ISO time stamps, null where allowed", async () => {
    const floats = await verdicts("float", ["12.5", "-0", "1e-7", "3", " 4.25 ", String(Math.PI)]);
    const ints = await verdicts("int", ["42", "-7", "3.0", "+5", "9007199254740991"]);
    const stamps = await verdicts("timestamp", ["2018-07-27 09:14:45", "2018-07-27T09:14", "2016-02-29"]);
    const nulls = await verdicts("nullableFloat", [null]);
    const defaults = await verdicts("defaulted", [null]);
    for (const v of [...floats, ...ints, ...stamps, ...nulls, ...defaults]) {
      expect({ text: v.text, declines: v.fastDeclines }).toEqual({ text: v.text, declines: false });
    }
    expectFastAgrees([...floats, ...ints, ...stamps, ...nulls, ...defaults]);
    expect(defaults[0]?.fast).toBe("7");
  });

  it("whole rows: a row is taken only when every cell is, with each cell's exact value (checks run per row)", async () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -999, max: 999 }).map(String) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...EDGE_NUMBERS),
      },
      { weight: 1, arbitrary: fc.oneof(numberLike, trappedNumber) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const stamp = fc.oneof(
      { weight: 6, arbitrary: fc.constant("2018-07-27 09:14:45") },
      { weight: 1, arbitrary: fc.oneof(stampLike, isoStamp, fc.constant(null)) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell, cell, stamp), { minLength: 1, maxLength: 30 }),
        async (rows) => {
          const exact = await Promise.all(
            ROW_KINDS.map((kind, c) =>
              verdicts(
                kind,
                rows.map((row) => row[c] ?? null),
              ),
            ),
          );
          for (const [i, row] of (await rowVerdicts(rows)).entries()) {
            if (row.declines) continue;
            const cells = exact.map((column) => column[i] as Verdict);
            expect({ row: rows[i], bad: cells.map((v) => v.exactBad), values: row.values }).toEqual({
              row: rows[i],
              bad: cells.map(() => false),
              values: cells.map((v) => v.exact),
            });
          }
        },
      ),
      {
        numRuns: 40,
        // found by a random seed: an int cell "-1.51" in a row whose other int cells are whole
        examples: [
          [
            [
              ["0", "-1.51", "0", "9007199254740991", "2018-07-27 09:14:45"],
              ["0", "0", "0", "0", "2018-07-27 09:14:45"],
            ],
          ],
        ],
      },
    );
  });

  it("whole rows: well-formed rows are taken; one refused cell anywhere declines its row", async () => {
    const good = ["12.5", "42", null, null, "2018-07-27 09:14:45"];
    const bad = ["1_0", "4.5", "inf", "+-1", "2018-07-27 24:00"];
    // two integers' fractions that cancel (1.5 and -0.5), and one below -(2^53 - 1) beside one in range
    const together = [
      ["12.5", "1.5", null, "-0.5", "2018-07-27 09:14:45"],
      ["12.5", "-9007199254740992", null, "7", "2018-07-27 09:14:45"],
    ];
    const rows = [
      good,
      ["1e308", "9007199254740991", "-0", "7", "2018-07-27"],
      ["1", "-9007199254740991", "-0", "-7", "2018-07-27"],
      ...bad.map((b, c) => good.with(c, b)),
      ...together,
    ];
    expect((await rowVerdicts(rows)).map((r) => r.declines)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect((await rowVerdicts([good]))[0]?.values).toEqual(["12.5", "42", null, "7", "2018-07-27 09:14:45"]);
  });

  it("leaves to the exact path what it cannot vouch for: other layouts, blanks, an empty required cell", async () => {
    const stamps = await verdicts("timestamp", ["07/27/2018 09:14:45 AM", "2018-07-27 09:14:45.5", null]);
    const floats = await verdicts("float", [" ", '""'.slice(1, 1), "1_000", "+-1", "-+1", "inf"]);
    const ints = await verdicts("int", [".0", "+.0", "-.0", " .0", "1e3", "1E3", "1_000", "+-1", "-+1"]);
    // blanks DuckDB's cast trims and readTable does not (a quoted cell may hold CR or LF)
    const blanks = ["5\v", "\v5", "5\f", "\f5", "5\r", "\r5", "5\n", "\n5"];
    for (const kind of ["float", "int"] as const) {
      for (const v of await verdicts(kind, blanks)) {
        expect({ text: v.text, bad: v.exactBad, declines: v.fastDeclines }).toEqual({
          text: v.text,
          bad: true,
          declines: true,
        });
      }
    }
    for (const v of [...stamps, ...floats, ...ints]) {
      expect({ text: v.text, declines: v.fastDeclines }).toEqual({ text: v.text, declines: true });
    }
  });
});
