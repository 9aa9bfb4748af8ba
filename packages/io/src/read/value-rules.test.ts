/**
 * readTable and pipeFrom enforce the schema's value rules (zod checks) on the typed values: a value that
 * breaks one is an error naming file, line (or row), column, value and the rule in words, or is dropped and
 * counted per column with `onInvalid: "drop"`. Rules that cannot be checked value by value are refused
 * before anything is read.
 */

import { defineTransform } from "@tablepipe/core";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { parseCsvPiece } from "../csv/csv-piece";
import { TableReadError } from "../errors";
import { pipeFrom } from "../source/source-pipe";
import { tempFolder, utc } from "../test-support";
import { writeTable } from "../write/write-table";
import { readTable, readTableWithReport } from "./read-table";
import { columnKinds } from "./schema-columns";

const tmp = tempFolder();
afterAll(() => tmp.remove());

async function readError(promise: Promise<unknown>): Promise<TableReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TableReadError) return error;
    throw error;
  }
  throw new Error("expected a TableReadError");
}

const csv = (name: string, header: string, rows: readonly string[]): string =>
  tmp.file(name, [header, ...rows].join("\n"));

describe("value rules: readTable rejects a value that breaks one, naming file, line, column, value and rule", () => {
  const cases: [string, z.ZodType, string, string][] = [
    ["min", z.number().min(0), "-5", "at least 0"],
    ["positive", z.number().positive(), "0", "greater than 0"],
    ["max", z.int().max(10), "11", "at most 10"],
    ["lt", z.number().lt(10), "10", "less than 10"],
    ["multipleOf", z.int().multipleOf(5), "7", "a multiple of 5"],
    ["int32", z.int32(), "3000000000", "within the int32 range -2147483648 to 2147483647"],
    ["min length", z.string().min(2), "a", "at least 2 characters"],
    ["max length", z.string().max(3), "abcd", "at most 3 characters"],
    ["length", z.string().length(2), "abc", "exactly 2 characters"],
    ["regex", z.string().regex(/^[A-Z]+$/), "abc", "matching /^[A-Z]+$/"],
    ["email", z.email(), "not-an-email", "an email address"],
    ["string().email()", z.string().email(), "x@", "an email address"],
    ["startsWith", z.string().startsWith("N"), "Y1", 'starting with "N"'],
    ["enum", z.enum(["N", "Y"]), "Q", 'one of "N", "Y"'],
    [
      "refine with a message",
      z.number().refine((v) => v % 2 === 0, "must be even"),
      "3",
      'the refinement "must be even"',
    ],
    [
      "date min",
      z.date().min(new Date(Date.UTC(2018, 0, 1))),
      "2017-12-31 23:59:59",
      "at or after 2018-01-01 00:00:00",
    ],
  ];
  for (const [label, field, bad, words] of cases) {
    it(`${label}: ${bad} is refused (${words})`, async () => {
      const path = csv(`rule-${label.replaceAll(/\W/g, "_")}.csv`, "id,v", [`1,${good(label)}`, `2,${bad}`]);
      const error = await readError(readTable(path, z.object({ id: z.int(), v: field as z.ZodNumber })));
      expect(error.file).toBe(path);
      expect(error.line).toBe(3);
      expect(error.column).toBe("v");
      expect(error.value).toBe(bad);
      expect(error.message).toContain(`line 3, column v:`);
      expect(error.message).toContain(words);
      expect(error.message).toContain(JSON.stringify(bad));
    });
  }

  function good(label: string): string {
    const values: Record<string, string> = {
      min: "0",
      positive: "0.5",
      max: "10",
      lt: "9.99",
      multipleOf: "15",
      int32: "-2147483648",
      "min length": "ab",
      "max length": "abc",
      length: "ab",
      regex: "ABC",
      email: "ada@example.com",
      "string().email()": "a.b@example.org",
      startsWith: "N1",
      enum: "Y",
      "refine with a message": "4",
      "date min": "2018-01-01 00:00:00",
    };
    return values[label] ?? "";
  }
});

describe("value rules: the values that keep them are read as they are", () => {
  it("reads a file whose values keep every rule unchanged", async () => {
    const path = csv("all-good.csv", "n,s,at", ["0,ab,2018-02-04 18:00:00", "9.5,xyz,2019-01-01 00:00:00"]);
    const table = await readTable(
      path,
      z.object({
        n: z.number().min(0).max(10),
        s: z
          .string()
          .min(2)
          .regex(/^[a-z]+$/),
        at: z.date().max(new Date(Date.UTC(2020, 0, 1))),
      }),
    );
    expect(Array.from(table.array("n") as ArrayLike<number>)).toEqual([0, 9.5]);
    expect(table.array("s")).toEqual(["ab", "xyz"]);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      utc(2018, 2, 4, 18),
      utc(2019, 1, 1),
    ]);
  });

  it("does not check rules on missing values of a nullable column, but a refinement outside .nullable() sees null", async () => {
    const path = csv("nulls.csv", "a,b", ["1,1", ",", "3,3"]);
    const table = await readTable(
      path,
      z.object({ a: z.number().min(1).nullable(), b: z.number().nullable() }),
    );
    expect(table.array("a")).toEqual([1, null, 3]);
    const error = await readError(
      readTable(
        path,
        z.object({
          a: z.number().nullable(),
          b: z
            .number()
            .nullable()
            .refine((v) => v !== null, "required here"),
        }),
      ),
    );
    expect(error.line).toBe(3);
    expect(error.column).toBe("b");
    expect(error.message).toContain('the refinement "required here"');
  });

  it("checks a column's other rules on present values only, when a refinement also sees null", async () => {
    const path = csv("mixed-nulls.csv", "id,s", ["1,ab", "2,", "3,x"]);
    const schema = z.object({
      id: z.int(),
      s: z
        .string()
        .min(2)
        .nullable()
        .refine((v) => v === null || v !== "zz", "not zz"),
    });
    const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop" });
    expect(table.array("s")).toEqual(["ab", null]);
    expect(report.examples.map((e) => [e.line, e.reason])).toEqual([
      [4, '"x" breaks the schema\'s rule: expected at least 2 characters'],
    ]);
  });

  it("reports the earliest problem, whether a rule or a parse failure", async () => {
    const path = csv("earliest.csv", "a,b", ["1,1", "2,-1", "x,2"]);
    const error = await readError(readTable(path, z.object({ a: z.int(), b: z.int().nonnegative() })));
    expect(error.line).toBe(3);
    expect(error.column).toBe("b");
  });
});

describe('value rules: onInvalid "drop" drops the rows and counts per column, as parse failures are', () => {
  it("counts each column's broken rules and parse failures, one dropped row per row", async () => {
    const path = csv("drop.csv", "a,b,e", [
      "1,1,a@b.co",
      "-1,1,a@b.co", // a breaks min
      "2,x,a@b.co", // b does not parse
      "-2,-2,nope", // a, b and e break rules: one row
      "3,3,c@d.io",
    ]);
    const { table, report } = await readTableWithReport(
      path,
      z.object({ a: z.int().min(0), b: z.int().min(0), e: z.email() }),
      { onInvalid: "drop" },
    );
    expect(Array.from(table.array("a") as ArrayLike<number>)).toEqual([1, 3]);
    expect(report.droppedRows).toBe(3);
    expect(report.invalidByColumn).toEqual({ a: 2, b: 2, e: 1 });
    const example = report.examples.find((e) => e.column === "e");
    expect(example).toMatchObject({ file: path, line: 5, value: "nope" });
    expect(example?.reason).toContain("an email address");
  });

  it("does not count a value twice when it does not parse (its placeholder is not checked against the rules)", async () => {
    const path = csv("placeholder.csv", "a", ["1", "x", "2"]);
    const { report } = await readTableWithReport(path, z.object({ a: z.number().min(0) }), {
      onInvalid: "drop",
    });
    expect(report.invalidByColumn).toEqual({ a: 1 });
  });
});

describe("value rules in Parquet files and in pipeFrom", () => {
  it("names the data row of a Parquet file", async () => {
    const path = `${tmp.dir}/rules.parquet`;
    await writeTable((await import("arquero")).table({ n: Float64Array.from([1, 2, -3]) }), path);
    const error = await readError(readTable(path, z.object({ n: z.number().positive() })));
    expect(error.row).toBe(3);
    expect(error.column).toBe("n");
    expect(error.value).toBe("-3");
  });

  const keepAll = defineTransform({ name: "keepAll", rowLocal: true, apply: (table) => table });

  it("pipeFrom enforces the rules on every batch", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i},${i === 150 ? -1 : i}`);
    const path = csv("streamed.csv", "id,a", lines);
    const schema = z.object({ id: z.int(), a: z.int().min(0) });
    const error = await readError(pipeFrom(path, schema, { chunkSize: 64 }).transform(keepAll).run());
    expect(error.line).toBe(152);
    expect(error.column).toBe("a");
    const { table, report } = await pipeFrom(path, schema, { chunkSize: 64, onInvalid: "drop" })
      .transform(keepAll)
      .run();
    expect(table.numRows()).toBe(199);
    expect(report.invalidByColumn).toEqual({ a: 1 });
  });

  it("a worker of the parallel read checks the rules it was sent (they survive the trip across threads)", () => {
    const specs = structuredClone(columnKinds(z.object({ id: z.int(), e: z.email(), n: z.number().max(5) })));
    const piece = (mode: "error" | "drop") =>
      parseCsvPiece({
        kind: "csv",
        file: "piece.csv",
        specs,
        aliases: undefined,
        mode,
        delimiter: 44,
        header: new TextEncoder().encode("id,e,n\n"),
        bytes: new TextEncoder().encode("1,a@b.co,1\n2,nope,2\n3,c@d.io,9\n"),
      });
    const failed = piece("error");
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ line: 3, column: "e", value: "nope" });
    const dropped = piece("drop");
    expect(dropped.ok && dropped.rows).toBe(1);
    expect(dropped.ok && dropped.invalidByColumn).toEqual([
      ["e", 1],
      ["n", 1],
    ]);
  });
});

describe("value rules that cannot be checked value by value are refused when the read starts", () => {
  it("refuses a rule on the whole row, naming it", async () => {
    const path = csv("row-rule.csv", "a,b", ["1,2"]);
    const schema = z.object({ a: z.int(), b: z.int() }).refine((row) => row.a < row.b, "a before b");
    await expect(readTable(path, schema)).rejects.toThrow(/the refinement "a before b" on the whole row/);
    await expect(pipeFrom(path, schema).run()).rejects.toThrow(/on the whole row/);
  });

  it("refuses a check that transforms values, naming the column", async () => {
    const path = csv("trim.csv", "s", ["x"]);
    await expect(readTable(path, z.object({ s: z.string().trim() }))).rejects.toThrow(
      /column s: a transformation/,
    );
  });

  it("describes a column's rules in columnKinds, and none for a plain column (the fast path)", () => {
    const [plain, ruled] = columnKinds(z.object({ plain: z.number(), ruled: z.number().min(1).max(2) }));
    expect(plain?.rules).toBeUndefined();
    expect(ruled?.rules?.map((rule) => rule.words)).toEqual(["at least 1", "at most 2"]);
  });
});
