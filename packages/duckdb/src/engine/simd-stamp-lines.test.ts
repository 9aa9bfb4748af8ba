import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simdByteScanner, TABLE_ROOM } from "./simd-byte-kinds";
import { stampFieldTable, stampLinesAt } from "./stamp-lines";

const scanner = simdByteScanner(1 << 16);
const s = scanner as NonNullable<typeof scanner>;
const [LF, COMMA, TAB] = [10, 44, 9];
/** Bytes a walk could take for part of a time stamp or a cell's end: written past the limit, and around. */
const NOISE = [..."0123456789-: T\t,\r\n\nx/;"].map((c) => c.charCodeAt(0));

/** The SIMD check's answer and stampLinesAt's on the same memory, from `from` to `limit`. */
function both(from: number, limit: number, delimiter: number, table: Uint8Array): [boolean, boolean] {
  return [s.stamps(from, limit, delimiter, table), stampLinesAt(s.bytes, from, limit, delimiter, table)];
}

/** `text` written at `at` in the scanner's memory, `noise` (cycled) before it and for 64 bytes after it. */
function place(text: string, at: number, noise: readonly number[]): void {
  const end = at + text.length + 64;
  for (let i = 0; i < end; i++) s.bytes[i] = noise.length === 0 ? 0 : (noise[i % noise.length] as number);
  s.bytes.set(Buffer.from(text, "latin1"), at);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A canonical time stamp, a space or `T` between day and time. */
const canonical = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(" ", "T"),
  )
  .map(
    ([y, mo, d, h, mi, sec, sep]) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}`,
  );

/** A byte near the ones of a time stamp: a digit's neighbours, the separators, a lower-case `t`. */
const nearByte = fc.constantFrom(..."0123456789/:;-. Tt,\t\r\nx\u00b0\u00ff".split(""));

/** A canonical time stamp with one change: a byte replaced, dropped or added, or an hour past 23. */
const mutated = fc.oneof(
  fc.tuple(canonical, fc.nat(18), nearByte).map(([c, i, b]) => `${c.slice(0, i)}${b}${c.slice(i + 1)}`),
  fc.tuple(canonical, fc.nat(18)).map(([c, i]) => `${c.slice(0, i)}${c.slice(i + 1)}`),
  fc.tuple(canonical, fc.nat(19), nearByte).map(([c, i, b]) => `${c.slice(0, i)}${b}${c.slice(i)}`),
  fc
    .tuple(canonical, fc.constantFrom("24", "29", "30", "20", "23", "19", "09", "99", "2:", "/3"))
    .map(([c, h]) => `${c.slice(0, 11)}${h}${c.slice(13)}`),
);

/** A short field of bytes from time stamps, cell ends and delimiters. */
const shortField = fc
  .array(fc.constantFrom(..."0123456789-: T,\t\r\nx".split("")), { maxLength: 6 })
  .map((cs) => cs.join(""));
/** A short field without delimiters or line ends. */
const plainField = fc
  .array(fc.constantFrom(..."0123456789-: Tx.".split("")), { maxLength: 8 })
  .map((cs) => cs.join(""));

/** A time-stamp cell: mostly canonical, else empty, mutated or anything short. */
const stampCell = fc.oneof(
  { arbitrary: canonical, weight: 8 },
  { arbitrary: fc.constant(""), weight: 2 },
  { arbitrary: mutated, weight: 1 },
  { arbitrary: shortField, weight: 1 },
);
const otherCell = fc.oneof({ arbitrary: plainField, weight: 8 }, { arbitrary: shortField, weight: 1 });

/** A table: mostly of fields 0-6 as stampFieldTable makes it, else any bytes (the last may not be 1). */
const table = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.nat(6), { maxLength: 4 }).map(stampFieldTable), weight: 9 },
  { arbitrary: fc.array(fc.nat(2), { maxLength: 7 }).map((t) => Uint8Array.from(t)), weight: 1 },
);
const delimiter = fc.oneof(
  { arbitrary: fc.constantFrom(COMMA, TAB), weight: 20 },
  // odd ones, which the wasm check takes as stampLinesAt does (not LF: a walk cut at LF runs past its line)
  { arbitrary: fc.constantFrom(32, 45, 48, 58, 84, 13), weight: 1 },
);

/** A line for `t`: its cells (a few more or fewer, now and then), a line end (LF, CRLF, or a lone CR first). */
const lineFor = (t: Uint8Array, d: string) =>
  fc
    .tuple(
      fc.integer({ min: -2, max: 3 }),
      fc.constantFrom("\n", "\n", "\n", "\r\n", "\r\n", "\r\r\n", "\r\n\n"),
      fc.array(stampCell, { minLength: t.length + 3, maxLength: t.length + 3 }),
      fc.array(otherCell, { minLength: t.length + 3, maxLength: t.length + 3 }),
      fc.nat(100),
    )
    .map(([extra, end, stamps, others, early]) => {
      const count = early < 5 ? Math.max(0, t.length + extra) : Math.max(1, t.length + Math.max(0, extra));
      const cells = Array.from({ length: count }, (_, f) => (t[f] === 1 ? stamps[f] : others[f]) as string);
      return `${cells.join(d)}${end}`;
    });

/** Lines for a table and a delimiter, where the memory's text goes, and the noise around it. */
const linesCase = fc.tuple(table, delimiter).chain(([t, d]) =>
  fc.record({
    table: fc.constant(t),
    delimiter: fc.constant(d),
    lines: fc.array(lineFor(t, String.fromCharCode(d)), { minLength: 1, maxLength: 8 }),
    at: fc.nat(40),
    noise: fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 97 }),
    pastLimit: fc.option(
      fc.array(fc.oneof(fc.constantFrom(...NOISE), fc.nat(255)), { minLength: 63, maxLength: 63 }),
    ),
    span: fc.tuple(fc.nat(), fc.nat()),
  }),
);

describe("the SIMD time-stamp line check", () => {
  it("is available on this Node", () => {
    expect(scanner).toBeDefined();
  });

  it("answers stampLinesAt's examples", () => {
    const passes = (text: string, fields: readonly number[], d = ","): boolean => {
      place(text, 3, [120]);
      const [simd, reference] = both(3, 3 + text.length - 1, d.charCodeAt(0), stampFieldTable(fields));
      expect(simd, JSON.stringify(text)).toBe(reference);
      return simd;
    };
    expect(passes("1,2018-02-04 18:00:00,2018-02-04T23:59:59,5\n", [1, 2])).toBe(true);
    expect(passes("1,,,5\n2,2018-02-04 00:00:00,,7\n", [1, 2])).toBe(true);
    expect(passes("1,2018-02-04 18:00:00\r\n", [1])).toBe(true);
    expect(passes("1,\r\n", [1])).toBe(true);
    expect(passes("2018-02-04 18:00:00\t2018-02-04 19:00:00\n", [0, 1], "\t")).toBe(true);
    expect(passes("a,b\n", [])).toBe(true);
    for (const cell of [
      "2018-02-04 24:00:00",
      "2018-2-04 18:00:00 ",
      " 2018-02-04 18:00:00",
      "2018-02-04 18:00",
    ]) {
      expect(passes(`1,${cell},5\n`, [1])).toBe(false);
    }
    expect(passes("1,2018-02-04 18:00:00\r,5\n", [1])).toBe(false);
    expect(passes("1\n", [1])).toBe(false);
    expect(passes("1,2018-02-04 18:00:00\n", [1, 2])).toBe(false);
    // a delimiter that is a digit: a cell starting with it is empty, though a time stamp starts there
    expect(passes("122018-02-04 18:00:00x\n", [1], "2")).toBe(true);
    expect(passes("122018-02-04 18:00:002x\n", [1, 2], "2")).toBe(false);
    expect(passes("102018-02-04 18:00:00\n", [1], "0")).toBe(true);
  });

  it("agrees with stampLinesAt on random lines, from any line to any later one, whatever lies past the limit", () => {
    const answers = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(linesCase, ({ table: t, delimiter: d, lines, at, noise, pastLimit, span }) => {
        const text = lines.join("");
        place(text, at, noise);
        const ends: number[] = [];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === LF) ends.push(at + i);
        const limit = ends[span[0] % ends.length] as number;
        const starts = [at, ...ends.filter((e) => e < limit).map((e) => e + 1), limit + 1];
        const from = starts[span[1] % starts.length] as number;
        // the lines after the limit, or random bytes
        if (pastLimit !== null) s.bytes.set(pastLimit, limit + 1);
        const [simd, reference] = both(from, limit, d, t);
        answers[reference ? "accepted" : "refused"]++;
        expect(simd).toBe(reference);
      }),
      { numRuns: 6_000 },
    );
    // both answers are common enough for the runs to mean something
    expect(Math.min(answers.accepted, answers.refused)).toBeGreaterThan(600);
  });

  it("agrees from every alignment of the lines (its loads are unaligned)", () => {
    fc.assert(
      fc.property(linesCase, ({ table: t, delimiter: d, lines, noise }) => {
        const text = lines.join("");
        for (let at = 0; at < 48; at++) {
          place(text, at, noise);
          const [simd, reference] = both(at, at + text.length - 1, d, t);
          expect(simd).toBe(reference);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("judges every byte value at every offset of a time stamp as stampLinesAt does", () => {
    const good = "2018-02-04 18:00:00";
    for (const end of [",x\n", "\n", "\r\n", "\r,\n"]) {
      for (let i = 0; i <= good.length; i++) {
        for (let byte = 0; byte < 256; byte++) {
          const c = String.fromCharCode(byte);
          for (const cell of [
            `${good.slice(0, i)}${c}${good.slice(i + 1)}`,
            `${good.slice(0, i)}${c}${good.slice(i)}`,
          ]) {
            const text = `1,${cell}${end}`;
            place(text, 5, NOISE);
            const [simd, reference] = both(5, 5 + text.length - 1, COMMA, stampFieldTable([1]));
            expect(simd, JSON.stringify(text)).toBe(reference);
          }
        }
      }
    }
  });

  it("takes stampLinesAt for a table longer than its room, with the same answers", () => {
    const fields = [1, TABLE_ROOM + 5];
    const t = stampFieldTable(fields);
    expect(t.length).toBeGreaterThan(TABLE_ROOM);
    const stamp = "2018-02-04 18:00:00";
    const cells = Array.from({ length: TABLE_ROOM + 6 }, (_, f) => (fields.includes(f) ? stamp : "x"));
    for (const [text, expected] of [
      [`${cells.join(",")}\n`, true],
      [`${cells.slice(0, -1).join(",")}\n`, false],
      [`${cells.join(",").replace(stamp, "2018-02-04 24:00:00")}\n`, false],
    ] as const) {
      place(text, 7, NOISE);
      expect(both(7, 7 + text.length - 1, COMMA, t)).toEqual([expected, expected]);
    }
  });

  it("refuses every line for a table whose last field is no time stamp, however many fields a line has", () => {
    const cells = Array.from({ length: TABLE_ROOM + 100 }, (_, f) =>
      f === 1 || f === TABLE_ROOM - 1 ? "2018-02-04 18:00:00" : "x",
    );
    const text = `${cells.join(",")}\n`;
    // the room past a table holds earlier tables' bytes: a table as long as the room sets them to 0 but the last
    // (a walk into them would read them, then past the memory's end)
    place("\n", 0, NOISE);
    expect(both(0, 0, COMMA, stampFieldTable([TABLE_ROOM - 1]))).toEqual([false, false]);
    place(text, 7, NOISE);
    expect(both(7, 7 + text.length - 1, COMMA, Uint8Array.from([0, 1, 0]))).toEqual([false, false]);
    expect(both(7 + text.length, 7 + text.length - 1, COMMA, Uint8Array.from([0, 1, 0]))).toEqual([
      true,
      true,
    ]);
  });
});
