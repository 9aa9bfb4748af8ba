import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsvHeader, readCsvHeaderRecord } from "./csv-header";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tablepipe-csv-header-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function headerOf(name: string, text: string, delimiter?: string): Promise<string[] | undefined> {
  const path = join(dir, name);
  await writeFile(path, text);
  return readCsvHeader(path, delimiter);
}

describe("readCsvHeader", () => {
  it("reads the names as readTable does: a byte order mark skipped, quotes followed, names trimmed", async () => {
    expect(await headerOf("plain.csv", "id,amount\n1,2\n")).toEqual(["id", "amount"]);
    expect(await headerOf("bom.csv", "\ufeffid,amount\r\n1,2\r\n")).toEqual(["id", "amount"]);
    expect(await headerOf("quoted.csv", '"a, b"," c ","d\ne",\n1,2,3,4\n')).toEqual([
      "a, b",
      "c",
      "d\ne",
      "",
    ]);
    expect(await headerOf("last.csv", "id,amount")).toEqual(["id", "amount"]);
  });

  it("says where the header record starts and the body starts, as readTable's tokenizer cuts the record", async () => {
    const recordOf = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return await readCsvHeaderRecord(path);
    };
    expect(await recordOf("r1.csv", "id,amount\n1,2\n")).toEqual({
      start: 0,
      end: 10,
      names: ["id", "amount"],
      line: 1,
    });
    // blank lines before the header are skipped (DuckDB would take the first as the header): it says so
    expect(await recordOf("r0.csv", "\n\r\nid,amount\n1,2\n")).toMatchObject({ end: 13, line: 3 });
    expect(await recordOf("r2.csv", "\ufeffid,amount\r\n1,2\r\n")).toMatchObject({ start: 3, end: 14 });
    // a quote inside an unquoted name is data: the record ends at the first line end
    expect(await recordOf("r3.csv", 'size"in,amount\n1,2\n3,"4"\n')).toMatchObject({
      end: 15,
      names: ['size"in', "amount"],
    });
    // a quoted line end is inside the record; a lone CR is data
    expect(await recordOf("r4.csv", '"a\nb",c\rd\n1,2\n')).toMatchObject({
      end: 10,
      names: ["a\nb", "c\rd"],
    });
    expect(await recordOf("r5.csv", "")).toBeUndefined();
  });

  it("splits a .tsv file at tabs, and any file at the delimiter given", async () => {
    expect(await headerOf("t.tsv", "id\tamount, net\n1\t2\n")).toEqual(["id", "amount, net"]);
    expect(await headerOf("semi.csv", "id;amount\n", ";")).toEqual(["id", "amount"]);
    // a delimiter readTable refuses is refused here too
    await expect(headerOf("quote.csv", "id\n", '"')).rejects.toThrow(
      "delimiter must be one ASCII character other than a quote or a line end",
    );
  });

  it("reads a header longer than the first read, and gives undefined for an empty file", async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `column_${i}`);
    const long = await headerOf("long.csv", `${names.join(",")}\n${names.map(() => "1").join(",")}\n`);
    expect(long?.length).toBe(16_384); // readTable's most header fields
    expect(long?.at(-1)).toBe("column_16383");
    expect(await headerOf("empty.csv", "")).toBeUndefined();
  });
});
