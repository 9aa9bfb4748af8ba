import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import type { ColumnBuilder } from "../columns/builder-support";
import { createColumnBuilder } from "../columns/column-builders";
import { columnKinds } from "../read/schema-columns";
import { pieceContext } from "../workers/piece-context";
import { CsvFileReader, fastPassSettings } from "./csv-file-reader";
import { FastRecords } from "./fast-records";

/**
 * `x` and `s` have value rules: a negative `x`, an `s` longer than 3, are invalid values the pass reads, found
 * by the rule check after it (whose message quotes the cell's text, without the quotes of a quoted cell).
 */
const Row = z.object({
  n: z.int(),
  x: z.number().min(0),
  ni: z.int().nullable(),
  nx: z.number().nullable(),
  t: z.date(),
  nt: z.date().nullable(),
  s: z.string().max(3).nullable(),
  e: z.enum(["A", "B"]),
  d: z.number().default(7),
  b: z.boolean().nullable(),
});
const specs = columnKinds(Row);
/** The file's columns: the schema's, in another order, and one no column reads. */
const HEADER = ["x", "n", "ni", "extra", "nx", "t", "nt", "s", "e", "d", "b"];

/** Read `text` (a file holding `header`, then `text`) as a worker reads a piece; the columns, counts and error. */
function read(text: string, mode: "error" | "drop", fast: boolean, header = HEADER): unknown {
  fastPassSettings.enabled = fast;
  const ctx = pieceContext("f.csv", specs, undefined, mode);
  const reader = new CsvFileReader(ctx, 44, text.length);
  try {
    reader.push(Buffer.from(`${header.join(",")}\n${text}`), true);
  } catch (error) {
    return { error: (error as Error).message };
  }
  return {
    rows: ctx.rows,
    columns: ctx.builders.map((builder) => Array.from(builder.finish())),
    dropped: ctx.invalid.droppedRows,
    byColumn: [...ctx.invalid.byColumn],
    examples: ctx.invalid.examples,
    nextLine: reader.nextLine,
  };
}

const usual = {
  int: ["12", "-3", "0", "-0", "123456789012345", '"12"', '"-0"'],
  float: ["1.5", "-0", "-0.0", "2.", "8", "12345678901234.5", "0.30", "-2.5", '"1.5"', '"-2.5"'],
  stamp: ["2018-02-04 18:00:00", "2018-02-04T18:00:09", "2016-02-29 23:59:59", '"2018-02-04 18:00:00"'],
  text: ["N", "Y", "héllo", "a b", '"N"', '"héllo"', '"a b"'],
  enum: ["A", "B", '"A"'],
  boolean: ["true", "F", "yes", "1", "n", '"true"', '"F"'],
};
const odd = {
  int: [
    "",
    " 4",
    "+5",
    "3.0",
    "1.5",
    "1e3",
    "9007199254740993",
    "1234567890123456",
    "x",
    '""',
    '"7"x',
    '" 7"',
    '"7',
  ],
  float: [
    "",
    "  ",
    ".5",
    "1e-3",
    "nan",
    "inf",
    "1234567890123456.5",
    "0.1234567890123456",
    "-",
    "1,5",
    '""',
    '"1,5"',
    '"-1.5" ',
  ],
  stamp: [
    "",
    "2017-02-29 00:00:00",
    "2018-02-04 24:00:00",
    "2018-02-04",
    "2018-02-04 18:00",
    "02/04/2018 06:00:00 PM",
    "2018-02-04 18:00:00.5",
    "2018-02-04 18:00:00Z",
    "1899-12-31 23:59:59",
    "2200-01-01 00:00:00",
    " 2018-02-04 18:00:00",
    '"2018-02-04 18:00:00"x',
    '"2018-02-04 18:00:00',
    '""',
  ],
  text: ["", '"q,uoted"', '""', '"say ""hi"""', "x\ry", '"a\nb"', '"a\r\nb"', '"x"y', '"open', 'a"b'],
  enum: ["C", "", "a", '"C"', '""'],
  boolean: ["", " ", "maybe", " true", "TRUE ", "2", '""', '" "', '"maybe"'],
};
type Kind = keyof typeof usual;
const KINDS: Record<string, Kind> = {
  x: "float",
  n: "int",
  ni: "int",
  extra: "text",
  nx: "float",
  t: "stamp",
  nt: "stamp",
  s: "text",
  e: "enum",
  d: "float",
  b: "boolean",
};

/** A cell of `kind`: mostly a usual one, now and then an odd one. */
const cell = (kind: Kind) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...usual[kind]), weight: 6 },
    { arbitrary: fc.constantFrom(...odd[kind]), weight: 1 },
  );

/** The file's columns in other orders: a number, a time stamp or a text last (its terminator is the line end). */
const HEADERS = [
  HEADER,
  [...HEADER.slice(1), "x"],
  [...HEADER.slice(6), ...HEADER.slice(0, 6)],
  HEADER.toReversed(),
];

/** A line: the cells in `header` order, now and then a field short or long, a blank line, a CRLF. */
const lineOf = (header: readonly string[]) =>
  fc
    .tuple(
      fc.tuple(...header.map((name) => cell(KINDS[name] as Kind))),
      fc.constantFrom("same", "same", "same", "same", "same", "same", "short", "long", "blank"),
      fc.constantFrom("\n", "\n", "\n", "\n", "\r\n"),
    )
    .map(([cells, shape, end]) => {
      if (shape === "blank") return end;
      const fields = shape === "short" ? cells.slice(1) : shape === "long" ? [...cells, "1"] : cells;
      return `${fields.join(",")}${end}`;
    });
/** A header of {@link HEADERS}, and a file of lines in its order. */
const file = fc.constantFrom(...HEADERS).chain((header) =>
  fc.tuple(fc.array(lineOf(header), { maxLength: 30 }), fc.boolean()).map(([lines, cutEnd]) => {
    const text = lines.join("");
    return { header, text: cutEnd ? text.replace(/\r?\n$/, "") : text };
  }),
);

describe("the fast CSV pass", () => {
  afterEach(() => {
    fastPassSettings.enabled = true;
  });

  it("reads every file as the tokenizer and the builders do: values, dropped rows, examples, errors, lines", () => {
    fc.assert(
      fc.property(file, fc.constantFrom("error" as const, "drop" as const), ({ header, text }, mode) => {
        expect(read(text, mode, true, header)).toEqual(read(text, mode, false, header));
      }),
      { numRuns: 600 },
    );
  });

  it("leaves a quoted cell followed by anything but its terminator to the tokenizer, first, inside or last", () => {
    const stray: Record<Kind, string> = {
      int: '"7"x',
      float: '"1.5"x',
      stamp: '"2018-02-04 18:00:00"x',
      text: '"N"x',
      enum: '"A"x',
      boolean: '"true"x',
    };
    for (const header of HEADERS) {
      const usualCells = header.map((name) => usual[KINDS[name] as Kind][0] as string);
      for (let f = 0; f < header.length; f++) {
        const cells = usualCells.with(f, stray[KINDS[header[f] as string] as Kind]);
        const text = `${usualCells.join(",")}\n${cells.join(",")}\n${usualCells.join(",")}\n`;
        for (const mode of ["error", "drop"] as const) {
          expect(read(text, mode, true, header), `${header[f]} in ${header.join(",")}`).toEqual(
            read(text, mode, false, header),
          );
        }
      }
    }
  });

  it("reads on after odd records in a long file, pass after pass", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const x = i % 997 === 5 ? "1e3" : `${i}.25`;
      const s = i % 1499 === 7 ? '"q""d"' : i % 2 === 0 ? "N" : "";
      return `${x},${i},${i % 3 === 0 ? "" : i},z,-${i}.5,2018-02-04 18:00:${String(i % 60).padStart(2, "0")},,${s},A,,${i % 4 === 1 ? "" : "true"}`;
    });
    const text = `${rows.join("\n")}\n`;
    const fast = read(text, "error", true) as { rows: number };
    expect(fast.rows).toBe(5000);
    expect(fast).toEqual(read(text, "error", false));
  });

  it("reads a file of CRLF records itself, as the tokenizer does", () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${i}.5,${i},,z,-1.25,2018-02-04 18:00:00,,${i % 2 ? "N" : ""},B,,${i % 3 ? "y" : ""}\r\n`,
    );
    const text = rows.join("");
    const builders = specs.map(createColumnBuilder);
    const mapping = specs.map((spec) => HEADER.indexOf(spec.name));
    const fast = FastRecords.plan(builders, mapping, HEADER.length, 44, 4096) as FastRecords;
    expect(fast.read(Buffer.from(text), 0, 4096, builders)).toBe(text.length);
    expect(fast.count).toBe(3000);
    expect(fast.cellText(Buffer.from(text), 1, HEADER.indexOf("b"))).toBe("y"); // the last cell, without its CR
    expect(read(text, "error", true)).toEqual(read(text, "error", false));
    // a broken value rule in a CRLF file: the same error, cell and line
    const ruled = text.replace("\r\n2.5,", "\r\n-2.5,");
    expect(read(ruled, "error", true)).toEqual(read(ruled, "error", false));
  });

  it("takes the usual records itself, and stops before the first it cannot read whole", () => {
    const builders = specs.map(createColumnBuilder);
    const mapping = specs.map((spec) => HEADER.indexOf(spec.name));
    const fast = FastRecords.plan(builders, mapping, HEADER.length, 44, 1024) as FastRecords;
    expect(fast).toBeDefined();
    const usualLine = "1.5,12,,z,-0,2018-02-04 18:00:00,,N,B,,Yes\n";
    const oddLine = "1e3,12,,z,-0,2018-02-04 18:00:00,,N,B,,Yes\n";
    const buf = Buffer.from(usualLine.repeat(3) + oddLine + usualLine);
    expect(fast.read(buf, 0, 1024, builders)).toBe(usualLine.length * 3);
    expect(fast.count).toBe(3);
    expect(Array.from(builders[0]?.finish() ?? [])).toEqual([12, 12, 12]);
    expect(Array.from(builders[8]?.finish() ?? [])).toEqual([7, 7, 7]);
    expect(Array.from(builders[9]?.finish() ?? [])).toEqual([true, true, true]);
    expect(fast.cellText(buf, 2, HEADER.indexOf("e"))).toBe("B");
  });

  it("is not planned for a builder without a fast slot, or a one-field record", () => {
    const builders = columnKinds(z.object({ a: z.int(), b: z.boolean() })).map(createColumnBuilder);
    expect(FastRecords.plan(builders, [0, 1], 2, 44, 1024)).toBeDefined();
    const { fastSlot: _, ...withoutSlot } = Object.assign(Object.create(null), builders[1]) as ColumnBuilder;
    expect(FastRecords.plan([builders[0], withoutSlot], [0, 1], 2, 44, 1024)).toBeUndefined();
    const one = columnKinds(z.object({ a: z.int() }));
    expect(FastRecords.plan(one.map(createColumnBuilder), [0], 1, 44, 1024)).toBeUndefined();
  });
});
