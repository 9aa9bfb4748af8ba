import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BYTE_KIND, byteKindsAt } from "./byte-kinds";
import { csvBodyKinds } from "./csv-body-kinds";

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
