import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readTable } from "./read-table";
import { tempFolder } from "./test-support";

const logged = vi.hoisted(() => ({ warn: [] as string[], debug: [] as string[] }));
vi.mock("../log", () => ({
  getLogger: () => ({
    debug: (message: string) => logged.debug.push(message),
    info: () => {},
    warn: (message: string) => logged.warn.push(message),
    error: () => {},
  }),
}));

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("readTable logging", () => {
  it("logs one warning with the dropped count per column and examples", async () => {
    const path = tmp.file("drop.csv", "id,amount\n1,2\nx,3\n3,y\n4,z\n5,6\n");
    await readTable(path, z.object({ id: z.int(), amount: z.number() }), { onInvalid: "drop" });
    expect(logged.warn).toHaveLength(1);
    expect(logged.warn[0]).toMatch(/^dropped 3 rows with invalid values \(id 1, amount 2\); e\.g\. /);
    expect(logged.warn[0]).toContain(`${path} line 3, column id: cannot parse "x" as an integer`);
  });

  it("logs nothing above debug when every row is valid", async () => {
    logged.warn.length = 0;
    await readTable(tmp.file("ok.csv", "id\n1\n"), z.object({ id: z.int() }));
    expect(logged.warn).toEqual([]);
    expect(logged.debug.at(-1)).toMatch(/^read 1 rows from .*ok\.csv in \d+ ms$/);
  });
});
