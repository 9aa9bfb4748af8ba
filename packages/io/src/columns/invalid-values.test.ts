import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTable } from "../read/read-table";
import { columnKinds } from "../read/schema-columns";
import { tempFolder } from "../test-support";
import { invalidValueReason } from "./invalid-values";

const Row = z.object({ n: z.number(), i: z.int(), t: z.date(), b: z.boolean(), e: z.enum(["N", "Y"]) });
const folder = tempFolder();
afterAll(() => folder.remove());

describe("invalidValueReason", () => {
  it("says what readTable says of the same cell: blanks are an empty value, anything else cannot be parsed", async () => {
    const specs = columnKinds(Row);
    const good = ["1.5", "2", "2018-07-27 09:14:45", "true", "N"];
    for (const [c, spec] of specs.entries()) {
      for (const cell of ["", " ", " \t ", "x", "1e999"]) {
        const path = folder.file(
          `${spec.name}-${cell.length}.csv`,
          `n,i,t,b,e\n${good.with(c, cell).join(",")}\n`,
        );
        const said = await readTable(path, Row).then(
          () => "",
          (error: Error) => error.message,
        );
        expect(said).toContain(invalidValueReason(spec, cell).reason);
      }
    }
  });

  it("says of a quoted empty cell what readTable says: an empty value, but a value not allowed in an enum column", async () => {
    const specs = columnKinds(Row);
    const good = ["1.5", "2", "2018-07-27 09:14:45", "true", "N"];
    for (const [c, spec] of specs.entries()) {
      const path = folder.file(`${spec.name}-quoted.csv`, `n,i,t,b,e\n${good.with(c, '""').join(",")}\n`);
      const said = await readTable(path, Row).then(
        () => "",
        (error: Error) => error.message,
      );
      expect(said).toContain(invalidValueReason(spec, "", true).reason);
    }
  });
});
