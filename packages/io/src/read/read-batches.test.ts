import { schemaOf } from "@tablepipe/core";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { readTableInBatches } from "./read-batches";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({ id: z.int(), at: z.date(), note: z.string().nullable() });
const lines = Array.from(
  { length: 500 },
  (_, i) => `${i},2024-01-${String((i % 28) + 1).padStart(2, "0")} 10:00:00,n${i}`,
);
const file = tmp.file("rows.csv", ["id,at,note", ...lines].join("\n"));

describe("readTableInBatches", () => {
  it("gives each batch the column types readTable declares for the whole table", async () => {
    const whole = schemaOf(await readTable(file, Row));
    const batches: ReturnType<typeof schemaOf>[] = [];
    await readTableInBatches(file, Row, { chunkSize: 2048 }, (batch) => batches.push(schemaOf(batch)));
    expect(batches.length).toBeGreaterThan(1);
    for (const schema of batches) expect(schema).toEqual(whole);
    expect(whole.at).toEqual({ type: "timestamp", nullable: false });
  });
});
