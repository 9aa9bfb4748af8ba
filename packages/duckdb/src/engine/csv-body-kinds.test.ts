import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BYTE_KIND, byteKindsAt } from "./byte-kinds";
import { csvBodyKinds } from "./csv-body-kinds";
import { ODD_STAMP, stampFieldTable, stampLinesAt } from "./stamp-lines";

let folder: string;
let files = 0;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "tablepipe-body-kinds-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function csv(text: string): Promise<string> {
  const path = join(folder, `f${++files}.csv`);
  await writeFile(path, text, "latin1");
  return path;
}

/** What the scan of a body should find: the body between the header's LF and a line end after it. */
const expected = (body: string): number =>
  byteKindsAt(Buffer.from(`\n${body}\n`, "latin1"), 1, body.length + 1);

const BODY_BYTES = [...'0123456789._+eE"\r\n\v\f ,-:N'];

describe("csvBodyKinds", () => {
  it("scans the body after the header record, chunk by chunk, as one range", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("a,b\n", "a_e,b+\n", '"a\nE_",b\n', "a,b\r\n"),
        fc.array(fc.constantFrom(...BODY_BYTES), { maxLength: 120 }).map((cs) => cs.join("")),
        fc.integer({ min: 1, max: 40 }),
        async (header, body, chunk) => {
          expect(await csvBodyKinds(await csv(header + body), { chunk: chunk })).toBe(expected(body));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads the header's own bytes as no kind, even quoted across chunks, and a file without a body as none", async () => {
    expect(await csvBodyKinds(await csv('"a_1\n+e",b.\n1,2\n'), { chunk: 3 })).toBe(0);
    expect(await csvBodyKinds(await csv("a_1,b\n"))).toBe(0);
    expect(await csvBodyKinds(await csv("a_1,b"))).toBe(0);
    expect(await csvBodyKinds(await csv(""))).toBe(0);
    expect(await csvBodyKinds(await csv("a\n.5\n"))).toBe(BYTE_KIND.barePoint);
    // the header record ends where readTable's tokenizer ends it: a quote inside an unquoted name is data, so
    // the `_` of the first row is in the body
    expect(await csvBodyKinds(await csv('size"in,b\n1_0,2\n3,4\n'))).toBe(BYTE_KIND.underscore);
  });

  it("stops once it found a kind it was told is enough", async () => {
    const path = await csv(`a,b\n1_0,1\n${"1,2\n".repeat(50)}1e3,5\n`);
    expect(await csvBodyKinds(path, { chunk: 8 })).toBe(BYTE_KIND.underscore | BYTE_KIND.exponent);
    expect(await csvBodyKinds(path, { enough: BYTE_KIND.underscore, chunk: 8 })).toBe(BYTE_KIND.underscore);
  });

  it("with a limit, finds only kinds of the whole body's, and all of them once the limit covers it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...BODY_BYTES), { maxLength: 120 }).map((cs) => cs.join("")),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 160 }),
        async (body, chunk, limit) => {
          const path = await csv(`a,b\n${body}`);
          const limited = await csvBodyKinds(path, { chunk: chunk, limit: limit });
          expect(limited & ~expected(body)).toBe(0);
          if (limit > body.length) expect(limited).toBe(expected(body));
        },
      ),
      { numRuns: 200 },
    );
    // the first chunk of two: the `_` in the second is not read
    expect(await csvBodyKinds(await csv("a,b\n1,2\n3,4\n1_0,5\n"), { chunk: 6, limit: 6 })).toBe(0);
  });
});

/** A time-stamp cell: mostly canonical or empty, else one of `odd` (a body of 12 lines then holds one at times). */
const stampCell = (canonical: readonly string[], odd: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...canonical), weight: 30 },
    { arbitrary: fc.constantFrom(...odd), weight: 1 },
  );

/** Lines of three fields, the second and third time stamps: canonical, empty, or a near miss. */
const stampBody = fc
  .array(
    fc
      .tuple(
        fc.constantFrom("1", "22", ""),
        stampCell(
          ["2018-02-04 18:00:00", "2018-02-04T09:59:59", ""],
          ["2018-02-04 24:00:00", "2018-2-04 1:00:00"],
        ),
        stampCell(["2018-12-31 23:59:59", ""], ["2018-12-31 23:59:5", '"2018-12-31 23:59:59"']),
      )
      .map((cells) => cells.join(",")),
    { maxLength: 12 },
  )
  .chain((lines) =>
    fc
      .tuple(fc.constant(lines), fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(([ls, end, closed]) => (ls.length === 0 ? "" : `${ls.join(end)}${closed ? end : ""}`)),
  );

/** Whether the scan should call the body's time stamps odd: a line's cell is not canonical, or it holds a quote. */
function oddStamps(body: string): boolean {
  if (body.includes('"')) return true;
  const closed = body === "" || body.endsWith("\n") ? body : `${body}\n`;
  const bytes = Buffer.from(`${closed}${" ".repeat(48)}`, "latin1");
  return !stampLinesAt(bytes, 0, closed.length - 1, 44, stampFieldTable([1, 2]));
}

describe("csvBodyKinds with time-stamp columns", () => {
  const stamps = { fields: [1, 2], delimiter: 44 };

  it("calls them odd exactly when a line's cell is not canonical or the file holds a quote, however it is cut", async () => {
    const seen = { odd: 0, canonical: 0 };
    await fc.assert(
      fc.asyncProperty(stampBody, fc.integer({ min: 1, max: 60 }), async (body, chunk) => {
        const kinds = await csvBodyKinds(await csv(`a,b,c\n${body}`), { chunk, stamps });
        const odd = oddStamps(body);
        seen[odd ? "odd" : "canonical"]++;
        expect((kinds & ODD_STAMP) !== 0).toBe(odd);
        expect(kinds & ~ODD_STAMP).toBe(expected(body));
      }),
      { numRuns: 300 },
    );
    expect(seen.odd).toBeGreaterThan(40);
    expect(seen.canonical).toBeGreaterThan(40);
  });

  it("joins every line cut between chunks, at every cut", async () => {
    const good = ",2018-02-04 18:00:00,2018-12-31T23:59:59\n1,,\r\n22,2018-02-04 18:00:00,\n";
    const canonical = await csv(`a,b,c\n${good}${good}`);
    // one byte lost or doubled at a cut shifts a cell: the line ends early, or a stamp is cut
    const shifted = await csv(`a,b,c\n${good}2018-02-04 18:00:00,2018-12-31T23:59:59\n`);
    for (let chunk = 1; chunk <= good.length * 2 + 1; chunk++) {
      expect(await csvBodyKinds(canonical, { chunk, stamps }), `chunk ${chunk}`).toBe(0);
      expect(await csvBodyKinds(shifted, { chunk, stamps }), `chunk ${chunk}`).toBe(ODD_STAMP);
    }
  });

  it("with a limit, judges only the lines read whole: canonical when the whole body is", async () => {
    await fc.assert(
      fc.asyncProperty(
        stampBody,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 200 }),
        async (body, chunk, limit) => {
          const kinds = await csvBodyKinds(await csv(`a,b,c\n${body}`), { chunk, limit, stamps });
          if (!oddStamps(body)) expect(kinds & ODD_STAMP).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
    // the odd line past the limit is not read; a line cut by the limit is not judged
    const good = "1,2018-02-04 18:00:00,\n";
    const path = await csv(`a,b,c\n${good}${good}1,2018-02-04 24:00:00,\n`);
    expect(await csvBodyKinds(path, { chunk: 30, limit: 30, stamps })).toBe(0);
    expect(await csvBodyKinds(path, { chunk: 30, stamps })).toBe(ODD_STAMP);
  });

  it("calls them odd when it stops early, having found a kind it was told is enough", async () => {
    const path = await csv("a,b,c\n1_0,2018-02-04 18:00:00,\n");
    expect(await csvBodyKinds(path, { enough: BYTE_KIND.underscore, chunk: 8, stamps })).toBe(
      BYTE_KIND.underscore | ODD_STAMP,
    );
    expect(await csvBodyKinds(path, { stamps })).toBe(BYTE_KIND.underscore);
  });
});
