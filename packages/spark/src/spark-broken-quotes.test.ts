import { pipe, type RowSchema } from "@tablepipe/core";
import { type OnInvalid, readTable } from "@tablepipe/io";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { openQuoteBreaks } from "./engine/csv-record";
import { runOnSpark } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-quotes");
const { remote } = sparkTest;

/** The table Spark reads from the file with the schema (a pipe of no steps over it). */
async function sparkRead(path: string, schema: RowSchema, onInvalid: OnInvalid): Promise<aq.ColumnTable> {
  const shape = aq.table(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, []])));
  const source = sparkFiles("csv", path, { schema, onInvalid });
  return (await runOnSpark(pipe(shape), { remote: sparkTest.session, source })).table;
}

/** readTable's error message for the file, or "" when it reads it. */
async function readTableError(path: string, schema: RowSchema, onInvalid: OnInvalid): Promise<string> {
  return await readTable(path, schema, { onInvalid }).then(
    () => "",
    (error: unknown) => (error as Error).message,
  );
}

const Notes = z.object({ id: z.int(), a: z.string(), b: z.string() });

describe("openQuoteBreaks", () => {
  it("finds a quoted cell left open as readTable does, and the line breaks before its quote", () => {
    expect(openQuoteBreaks('2,"abc,x\n3,y,z', ",")).toBe(0);
    expect(openQuoteBreaks('1,"x\ny","abc\n2,3,4', ",")).toBe(1);
    expect(openQuoteBreaks('1,"a""b",c', ",")).toBeUndefined();
    expect(openQuoteBreaks('1,"a""', ",")).toBe(0);
    // a quote that does not start its cell is text
    expect(openQuoteBreaks('1,a"b,c', ",")).toBeUndefined();
    expect(openQuoteBreaks('1;"a;b";"c', ";")).toBe(0);
    expect(openQuoteBreaks('1,"",""', ",")).toBeUndefined();
  });
});

describe.runIf(remote !== "")("sparkFiles on broken quoting, as readTable", { timeout: 120_000 }, () => {
  it("fails as readTable on a quoted cell left open to the end of the file that is not its record's last", async () => {
    const mid = await sparkTest.file("open-mid.csv", 'id,a,b\n1,a,b\n2,"abc,x\n3,y,z\n');
    // the quote opens on the record's second line: readTable names that line
    const later = await sparkTest.file("open-later.csv", 'id,a,b,c\n0,a,b,c\n1,"x\ny","abc,z\n2,3,4,5\n');
    const schemas = [Notes, Notes.extend({ c: z.string() })];
    for (const [i, path] of [mid, later].entries()) {
      const schema = schemas[i] as RowSchema;
      for (const onInvalid of ["error", "drop"] as const) {
        const expected = await readTableError(path, schema, onInvalid);
        expect(expected).toMatch(/line [34]: a quoted field is not closed before the end of the file$/);
        const error = await sparkRead(path, schema, onInvalid).catch((e: unknown) => e as Error);
        expect([(error as Error).name, (error as Error).message]).toEqual(["TableReadError", expected]);
      }
    }
  });

  it("reads the rest of the file into an open last cell, and drops blanks after a closing quote (known differences)", async () => {
    // Spark's parser gives these cells whatever its options: only the file's bytes tell them from valid ones
    const open = await sparkTest.file("open-last.csv", 'id,a,b\n1,a,b\n2,x,"abc\n3,y,z\n');
    expect(await readTableError(open, Notes, "drop")).toMatch(/line 3: a quoted field is not closed/);
    expect((await sparkRead(open, Notes, "drop")).objects()).toEqual([
      { id: 1, a: "a", b: "b" },
      { id: 2, a: "x", b: "abc\n3,y,z\n" },
    ]);
    const blanks = await sparkTest.file("blanks.csv", 'id,a,b\n1,"abc"  ,x\n');
    expect(await readTableError(blanks, Notes, "drop")).toMatch(
      /line 2: unexpected " " after the closing quote/,
    );
    expect((await sparkRead(blanks, Notes, "drop")).objects()).toEqual([{ id: 1, a: "abc", b: "x" }]);
  });
});
