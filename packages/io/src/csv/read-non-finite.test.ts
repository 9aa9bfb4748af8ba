import { join } from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { readTable, readTableWithReport } from "../read/read-table";
import { tempFolder } from "../test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const schema = z.object({ id: z.int(), fare: z.number(), tip: z.number().nullable() });
const NON_FINITE = ["Infinity", "-Infinity", "1e999", "NaN", "inf"];

describe("non-finite numbers are invalid values", () => {
  it.each(NON_FINITE)("%s in a float column: an error naming file, line, column and value", async (value) => {
    const path = tmp.file(`bad-${value}.csv`, `id,fare,tip\n1,2.5,\n2,${value},1\n`);
    const error = await readTable(path, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableReadError);
    expect((error as TableReadError).message).toBe(
      `${path} line 3, column fare: ${JSON.stringify(value)} is not a finite number (expected e.g. 12.5; NaN, Infinity and values beyond ±1.8e308 are invalid)`,
    );
    expect((error as TableReadError).value).toBe(value);
  });

  it("in a nullable column too, and in an int column", async () => {
    const nullable = tmp.file("nullable.csv", "id,fare,tip\n1,2.5,-inf\n");
    await expect(readTable(nullable, schema)).rejects.toThrow(
      `${nullable} line 2, column tip: "-inf" is not a finite number`,
    );
    const int = tmp.file("int.csv", "id,fare,tip\nInfinity,2.5,\n");
    await expect(readTable(int, schema)).rejects.toThrow(
      `${int} line 2, column id: "Infinity" is not a finite number`,
    );
  });

  it("with onInvalid drop: dropped and counted per column", async () => {
    const rows = NON_FINITE.map((v, i) => `${i + 2},${v},1`);
    const path = tmp.file("drop.csv", ["id,fare,tip", "1,2.5,", ...rows, "9,3.5,0.5", "10,1,NaN"].join("\n"));
    for (const chunkSize of [7, 1 << 20]) {
      const { table, report } = await readTableWithReport(path, schema, { onInvalid: "drop", chunkSize });
      expect(Array.from(table.array("id") as ArrayLike<number>)).toEqual([1, 9]);
      expect(report.droppedRows).toBe(6);
      expect(report.invalidByColumn).toEqual({ fare: 5, tip: 1 });
    }
  });

  it("in a Parquet DOUBLE column: the same error, by row", async () => {
    const path = join(tmp.dir, "inf.parquet");
    // written by hyparquet-writer itself: writeTable refuses a non-finite number
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: "id", data: Int32Array.of(1, 2), type: "INT32" },
        { name: "fare", data: Float64Array.of(1.5, Number.POSITIVE_INFINITY), type: "DOUBLE" },
        { name: "tip", data: [null, 1], type: "DOUBLE" },
      ],
    });
    await expect(readTable(path, schema)).rejects.toThrow(
      `${path} row 2, column fare: "Infinity" is not a finite number`,
    );
    const { report } = await readTableWithReport(path, schema, { onInvalid: "drop" });
    expect(report.droppedRows).toBe(1);
  });
});
