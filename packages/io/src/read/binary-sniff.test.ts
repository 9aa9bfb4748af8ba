import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { tempFolder } from "../test-support";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());
const schema = z.object({ id: z.int(), name: z.string() });
const csv = "id,name\n1,a\n2,b\n";

async function readError(path: string): Promise<TableReadError> {
  const error = await readTable(path, schema).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TableReadError);
  return error as TableReadError;
}

describe("reading a compressed or binary file as CSV", () => {
  it("names a gzip file and says to decompress it, without echoing its bytes", async () => {
    const path = tmp.file("trips.csv", gzipSync(csv));
    const error = await readError(path);
    expect(error.message).toBe(
      `${path}: the file is gzip-compressed, not CSV text: decompress it first (gunzip FILE)`,
    );
    expect([...error.message].every((ch) => ch >= " " && ch <= "~")).toBe(true); // printable ASCII only
  });

  it("names a Parquet file given a .csv name", async () => {
    const path = tmp.file("data.csv", Buffer.from("PAR1\u0000\u0000rest", "latin1"));
    expect((await readError(path)).message).toContain(
      'the file is a Parquet file, not CSV text: name it .parquet, or pass format: "parquet"',
    );
  });

  it("refuses a file with a NUL byte in its first 4 KB", async () => {
    const path = tmp.file("nul.csv", Buffer.from("id,name\n1,a\u0000b\n", "latin1"));
    expect((await readError(path)).message).toContain(
      "binary data (a NUL byte in its first 4 KB), not CSV text",
    );
  });

  it("reads plain CSV text as before", async () => {
    const table = await readTable(tmp.file("ok.csv", csv), schema);
    expect(table.objects()).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
  });
});
