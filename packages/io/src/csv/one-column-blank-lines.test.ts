/**
 * In a CSV file of one column a blank line is a record whose one cell is empty (a missing value, as writeTable
 * writes it and DuckDB reads it); the line end of the last record makes none. readTable, pipeFrom and the
 * parallel read's pieces read it so; a file of more columns skips its blank lines, counting them as lines.
 */

import { readFileSync } from "node:fs";
import * as aq from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { createColumnBuilder } from "../columns/column-builders";
import { InvalidValueLog, type OnInvalid } from "../columns/invalid-values";
import { ProgressReporter } from "../read/progress";
import type { ReadContext } from "../read/read-context";
import { readTable, readTableWithReport } from "../read/read-table";
import { columnKinds, type RowSchema } from "../read/schema-columns";
import { pipeFrom } from "../source/source-pipe";
import { tempFolder } from "../test-support";
import { callingThreadPool } from "../workers/worker-pool";
import { writeTable } from "../write/write-table";
import { readCsvFile } from "./csv-reader";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Reading = z.object({ reading: z.number().nullable() });
const Required = z.object({ reading: z.number() });

/** Files of one column and the values readTable (and DuckDB) read from them. */
const FILES: readonly [string, (number | null)[]][] = [
  ["reading\n1\n", [1]],
  ["reading\n1", [1]],
  ["reading\n1\n\n", [1, null]],
  ["reading\n1\n\n\n", [1, null, null]],
  ["reading\n\n1\n\n2", [null, 1, null, 2]],
  ["reading\n", []],
  ["reading\n\n", [null]],
  ["reading\r\n1\r\n\r\n2\r\n", [1, null, 2]],
  ["reading\r\n1\r\n\r\n\r\n", [1, null, null]],
  ["reading\n1\n\r\n2\n", [1, null, 2]],
  ['reading\n""\n\n2\n', [null, null, 2]],
];

let files = 0;
const file = (content: string): string => tmp.file(`f${++files}.csv`, content);

/** The file's rows read in parallel pieces of about `chunkSize` bytes (parsed here by `callingThreadPool`). */
async function readInPieces(
  path: string,
  schema: RowSchema,
  onInvalid: OnInvalid,
  chunkSize: number,
): Promise<{ values: unknown[]; invalid: InvalidValueLog }> {
  const specs = columnKinds(schema);
  const values: unknown[] = [];
  const ctx: ReadContext = {
    file: path,
    specs,
    builders: specs.map(createColumnBuilder),
    aliases: undefined,
    invalid: new InvalidValueLog(onInvalid),
    progress: new ProgressReporter(0, undefined),
    rows: 0,
    drained: 0,
    onDecodedBatch: (columns) => values.push(...Array.from(columns[0] ?? [])),
  };
  await readCsvFile(path, ctx, { delimiter: 44, chunkSize, fileSize: 0, pool: callingThreadPool() });
  return { values, invalid: ctx.invalid };
}

describe("a blank line in a one-column CSV file", () => {
  it("is a missing value: writeTable's file of nulls and NaN reads back with every row", async () => {
    const path = `${tmp.dir}/readings.csv`;
    await writeTable(aq.table({ reading: [1.5, null, 2.5, Number.NaN] }), path, { schema: Reading });
    expect(readFileSync(path, "utf8")).toBe("reading\n1.5\n\n2.5\n\n");
    const { table, report } = await readTableWithReport(path, Reading);
    expect(table.array("reading")).toEqual([1.5, null, 2.5, null]);
    expect([report.rows, report.droppedRows]).toEqual([4, 0]);
    // text: a quoted "" is the empty text, a blank line null
    const Note = z.object({ note: z.string().nullable() });
    await writeTable(aq.table({ note: ["a", "", null, "b"] }), `${tmp.dir}/notes.csv`, { schema: Note });
    expect((await readTable(`${tmp.dir}/notes.csv`, Note)).array("note")).toEqual(["a", "", null, "b"]);
  });

  it("in a column that is not nullable is an empty value: an error naming its line, or dropped and counted", async () => {
    // as writeTable writes a missing value without a schema (with one, it refuses to write it)
    const path = `${tmp.dir}/required.csv`;
    await writeTable(aq.table({ reading: [1.5, Number.NaN, 2.5] }), path);
    expect(readFileSync(path, "utf8")).toBe("reading\n1.5\n\n2.5\n");
    await expect(readTable(path, Required)).rejects.toThrow(
      `${path} line 3, column reading: empty value, but the column is not nullable`,
    );
    const { table, report } = await readTableWithReport(path, Required, { onInvalid: "drop" });
    expect(Array.from(table.array("reading") as ArrayLike<number>)).toEqual([1.5, 2.5]);
    expect([report.droppedRows, report.invalidByColumn]).toEqual([1, { reading: 1 }]);
    expect(report.examples.map((e) => e.line)).toEqual([3]);
  });

  it("reads blank lines at the end, LF or CRLF, as DuckDB does: the last line end makes no record", async () => {
    for (const [content, expected] of FILES) {
      const path = file(content);
      for (const chunkSize of [1, 2, 5, 1 << 20]) {
        const values = (await readTable(path, Reading, { chunkSize })).array("reading");
        expect({ content, chunkSize, values }).toEqual({ content, chunkSize, values: expected });
      }
    }
  });

  it("reads the same in pipeFrom's batches", async () => {
    for (const [content, expected] of FILES) {
      const path = file(content);
      for (const chunkSize of [1, 3, 1 << 20]) {
        const { table } = await pipeFrom(path, Reading, { chunkSize, workers: 0 }).run();
        expect({ content, chunkSize, values: table.array("reading") }).toEqual({
          content,
          chunkSize,
          values: expected,
        });
      }
    }
  });

  it("reads the same in parallel pieces wherever they are cut, with the sequential read's lines", async () => {
    const cells = Array.from({ length: 300 }, (_, i) => (i % 3 === 1 || i % 7 === 0 ? "" : `${i}.5`));
    const expected = cells.map((cell) => (cell === "" ? null : Number(cell)));
    for (const eol of ["\n", "\r\n"]) {
      const path = file(`reading${eol}${cells.join(eol)}${eol}${eol}`);
      for (const chunkSize of [1, 7, 64, 1 << 20]) {
        const { values } = await readInPieces(path, Reading, "error", chunkSize);
        expect({ eol, chunkSize, values }).toEqual({ eol, chunkSize, values: [...expected, null] });
        const dropped = await readInPieces(path, Required, "drop", chunkSize);
        expect(dropped.values).toEqual(expected.filter((v) => v !== null));
        expect(dropped.invalid.droppedRows).toBe(expected.filter((v) => v === null).length + 1);
        expect(dropped.invalid.examples.map((e) => e.line)).toEqual([2, 3, 6]);
        await expect(readInPieces(path, Required, "error", chunkSize)).rejects.toThrow(
          `${path} line 2, column reading: empty value, but the column is not nullable`,
        );
      }
    }
  });
});

describe("a blank line in a CSV file of several columns", () => {
  it("is no record: skipped, and counted as a line", async () => {
    const Pair = z.object({ a: z.int(), b: z.int().nullable() });
    const path = file("a,b\n1,2\n\n\r\n3,\n\n");
    expect((await readTable(path, Pair)).objects()).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: null },
    ]);
    await expect(readTable(file("a,b\n1,2\n\n3,x\n"), Pair)).rejects.toThrow(/line 4, column b/);
  });
});
