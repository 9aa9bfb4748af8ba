import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTableWithReport } from "../read/read-table";
import { tempFolder } from "../test-support";
import { csvRecordLines } from "./record-lines";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("csvRecordLines", () => {
  it("gives each record's line as readTable counts them: blank lines, quoted line ends, a BOM, CRLF", async () => {
    const path = tmp.file("lines.csv", '\uFEFF\n"a\nb",c\r\n1,2\r\n\r\n\n3,"x\n\ny"\n4,\n\n5,6');
    expect(await csvRecordLines(path, [0, 1, 2, 3, 4])).toEqual([4, 7, 10, 12, -1]);
    // the records asked for in any order, twice
    expect(await csvRecordLines(path, [3, 0, 3])).toEqual([12, 4, 12]);
    expect(await csvRecordLines(path, [])).toEqual([]);
    // in a one-column file a blank line is a record
    const one = tmp.file("one.csv", "v\n1\n\n\n2\n\n");
    expect(await csvRecordLines(one, [0, 1, 2, 3, 4, 5])).toEqual([2, 3, 4, 5, 6, -1]);
    expect(await csvRecordLines(tmp.file("semi.tsv", "a;b\n\n1;2\n"), [0], ";")).toEqual([3]);
  });

  it("numbers the records of a file read in many chunks as readTable names their invalid values", async () => {
    const lines = ["id,note"];
    for (let i = 0; i < 30_000; i++) {
      if (i % 7 === 3) lines.push("");
      lines.push(i % 11 === 5 ? `${i},"a\nb"` : i % 1000 === 999 ? `x${i},n` : `${i},n`);
    }
    const path = tmp.file("long.csv", `${lines.join("\n")}\n`);
    const { report } = await readTableWithReport(path, z.object({ id: z.int(), note: z.string() }), {
      onInvalid: "drop",
    });
    const records = [999, 1999, 2999];
    expect(report.examples.map((e) => e.line)).toEqual(await csvRecordLines(path, records));
    expect((await csvRecordLines(path, [29_999]))[0]).toBeGreaterThan(30_000);
  });
});
