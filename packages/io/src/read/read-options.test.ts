import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { pipeFrom } from "../source/source-pipe";
import { tempFolder } from "../test-support";
import { readTable, readTableWithReport } from "./read-table";
import type { ReadTableOptions } from "./types";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Order = z.object({ id: z.int(), amount: z.number() });
/** Options as a config file gives them: the compiler does not see their values. */
const fromConfig = (options: Record<string, unknown>) => options as ReadTableOptions<typeof Order>;

describe("read options are checked before any file is read", () => {
  const path = tmp.file("orders.csv", "id,amount\n1,2\n2,x\n3,4\n");

  it("an onInvalid other than error or drop is refused, naming it, where it would have dropped rows", async () => {
    for (const onInvalid of ["skip", "Drop", "", 1]) {
      const message = `readTable: onInvalid must be "error" or "drop", got ${typeof onInvalid === "string" ? `"${onInvalid}"` : onInvalid}`;
      await expect(readTable(path, Order, fromConfig({ onInvalid }))).rejects.toThrow(message);
      expect(() => pipeFrom(path, Order, fromConfig({ onInvalid }))).toThrow(
        message.replace("readTable", "pipeFrom"),
      );
    }
    const { report } = await readTableWithReport(path, Order, { onInvalid: "drop" });
    expect(report.droppedRows).toBe(1);
    await expect(readTable(path, Order, { onInvalid: "error" })).rejects.toThrow(/line 3, column amount/);
  });

  it("a misspelt option is refused, naming it and listing the options", async () => {
    await expect(readTable(path, Order, fromConfig({ onInvalide: "drop" }))).rejects.toThrow(
      /^readTable: unknown option "onInvalide"; the options are format, aliases, onInvalid, /,
    );
    expect(() => pipeFrom(path, Order, fromConfig({ alias: {} }))).toThrow(
      'pipeFrom: unknown option "alias"',
    );
  });

  it("a format, worker count, chunk size or progress callback of the wrong kind is refused", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ format: "tsv" }, 'format must be one of csv, parquet, arrow, got "tsv"'],
      [{ workers: -1 }, "workers must be a whole number ≥ 0, got -1"],
      [{ workers: 1.5 }, "workers must be a whole number ≥ 0, got 1.5"],
      [{ chunkSize: 0 }, "chunkSize must be a whole number of bytes > 0, got 0"],
      [{ onProgress: "log" }, 'onProgress must be a function, got "log"'],
    ];
    for (const [options, message] of cases) {
      await expect(readTable(path, Order, fromConfig(options))).rejects.toThrow(`readTable: ${message}`);
    }
    const read = await readTable(path, Order, { workers: 0, chunkSize: 8, format: "csv", onInvalid: "drop" });
    expect(read.numRows()).toBe(2);
  });
});
