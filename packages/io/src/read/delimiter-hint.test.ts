import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());
const Station = z.object({ station_id: z.int(), name: z.string() });

describe("a header that holds none of the schema's columns", () => {
  it("names the delimiter option when it holds a semicolon", async () => {
    const file = tmp.file("semi.csv", "station_id;name\n1;A\n");
    await expect(readTable(file, Station)).rejects.toThrow(
      'the file has: station_id;name; its header holds ";": if the file is separated by ";", read it with { delimiter: ";" }',
    );
    expect((await readTable(file, Station, { delimiter: ";" })).array("name")).toEqual(["A"]);
  });

  it("names the delimiter option when it holds a tab", async () => {
    const file = tmp.file("tabs.csv", "station_id\tname\n1\tA\n");
    await expect(readTable(file, Station)).rejects.toThrow(
      'its header holds "\\t": if the file is separated by "\\t", read it with { delimiter: "\\t" }',
    );
  });

  it("gives no hint when some schema column is found", async () => {
    const file = tmp.file("partial.csv", "station_id,na;me\n1,A\n");
    const message = await readTable(file, Station).then(
      () => "",
      (e: unknown) => (e as Error).message,
    );
    expect(message).toMatch(/column name: column not found/);
    expect(message).not.toContain("delimiter");
  });
});
