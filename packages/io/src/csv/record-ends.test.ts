import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMBIGUOUS, RecordEnds } from "./record-ends";

const COMMA = 44;
const encode = (text: string) => new Uint8Array(Buffer.from(text));

/**
 * The offsets of the line ends that end a record, byte by byte (the reference): a quote at a field's start
 * opens a quoted field, `""` inside it is a quote, the next quote closes it.
 */
function recordEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (quoted) {
      if (c === 34 && bytes[i + 1] === 34) i++;
      else if (c === 34) quoted = false;
      continue;
    }
    if (c === 34 && fieldStart) quoted = true;
    else if (c === 10) ends.push(i);
    fieldStart = c === COMMA || c === 10;
  }
  return ends;
}

/**
 * Feed `bytes` cut at `cuts`; the cuts found, as offsets in `bytes`, or AMBIGUOUS at the chunk that was.
 * `denseQuotes`: the quotes of a chunk found one by one before the rest is read byte by byte.
 */
function feedInChunks(
  bytes: Uint8Array,
  cuts: readonly number[],
  denseQuotes?: number,
): (number | typeof AMBIGUOUS)[] {
  const ends = new RecordEnds(COMMA, denseQuotes);
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), bytes.length];
  const found: (number | typeof AMBIGUOUS)[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number;
    const cut = ends.feed(bytes.subarray(from, bounds[i + 1]));
    if (cut === AMBIGUOUS) return [...found, AMBIGUOUS];
    if (cut >= 0) found.push(from + cut);
  }
  return found;
}

/** A field: plain, or quoted and holding delimiters, line ends (LF, CRLF) and `""` escapes. */
const field = fc.oneof(
  fc.constantFrom("", "1", "abc", "2018-02-04 18:00:00", " x "),
  fc
    .array(fc.constantFrom("a", ",", "\n", "\r\n", '""', " "), { maxLength: 6 })
    .map((parts) => `"${parts.join("")}"`),
);
const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(","));
const file = fc
  .tuple(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"))
  .map(([records, eol]) => records.map((r) => `${r}${eol}`).join(""));

describe("RecordEnds", () => {
  it("finds, in each chunk, the last line end that ends a record, however the file is cut", () => {
    fc.assert(
      fc.property(
        file,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(undefined, 0, 1, 3),
        (text, rawCuts, dense) => {
          const bytes = encode(text);
          const cuts = rawCuts.map((c) => c % (bytes.length + 1));
          const truth = recordEnds(bytes);
          const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), bytes.length];
          // the expected answer of each chunk: its last record end, where it has one
          const expected = bounds.slice(1).flatMap((end, i) => {
            const inChunk = truth.filter((e) => e >= (bounds[i] as number) && e < end);
            return inChunk.length > 0 ? [inChunk.at(-1) as number] : [];
          });
          expect(feedInChunks(bytes, cuts, dense)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("says AMBIGUOUS at a quote inside an unquoted field or a byte after a closing quote, and cuts rightly before", () => {
    for (const stray of ["5'11\",x", 'a"b', '"a"b', '"a" ', 'x,y"', 'a"b\n3,c",d']) {
      const text = `1,"q,\n"\n2,${stray}\n3,"z"\n`;
      const bytes = encode(text);
      const truth = recordEnds(bytes);
      for (let cut = 0; cut <= bytes.length; cut++) {
        for (const dense of [undefined, 0, 1]) {
          const found = feedInChunks(bytes, [cut], dense);
          expect(found.at(-1), `${JSON.stringify(text)} cut at ${cut}, ${dense}`).toBe(AMBIGUOUS);
          expect(found.slice(0, -1).every((end) => truth.includes(end as number))).toBe(true);
        }
      }
    }
  });

  it("follows a quote at the end of one chunk into the next: an escape, or the field's end", () => {
    for (const dense of [undefined, 0]) {
      const ends = new RecordEnds(COMMA, dense);
      expect(ends.feed(encode('1,"a"'))).toBe(-1);
      expect(ends.feed(encode('"b\n"\n2\n'))).toBe(6); // `""` then `b\n` inside, then the record's end
      const closed = new RecordEnds(COMMA, dense);
      expect(closed.feed(encode('1,"a"'))).toBe(-1);
      expect(closed.feed(encode("\n2\n"))).toBe(2);
    }
  });
});
