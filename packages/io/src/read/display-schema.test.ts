import { inspect } from "node:util";
import { printSchema, show, describe as summarize } from "@tablepipe/core";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("a table read with a schema remembers which columns are time stamps", () => {
  const Row = z.object({ at: z.date(), fare: z.number(), n: z.int().nullable(), kind: z.enum(["a", "b"]) });

  it("so show, describe, printSchema and console.log show them as wall-clock time stamps", async () => {
    const path = tmp.file(
      "shown.csv",
      "at,fare,n,kind\n2018-02-04 18:00:00,12.5,1,a\n2018-02-05 09:30:00,7,,b\n",
    );
    const trips = await readTable(path, Row);
    expect(show(trips, 1).text).toContain("|2018-02-04 18:00:00|12.5|1|a   |");
    expect(inspect(trips)).toContain("|2018-02-05 09:30:00|   7|null|b   |");
    expect(summarize(trips).text).toContain("2018-02-05 09:30:00");
    expect(printSchema(trips).text).toBe(
      [
        "root",
        " |-- at: timestamp (nullable = false)",
        " |-- fare: float (nullable = false)",
        " |-- n: int (nullable = true)",
        " |-- kind: string (nullable = false)",
      ].join("\n"),
    );
  });
});
