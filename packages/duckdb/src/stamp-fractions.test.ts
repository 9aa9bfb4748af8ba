import { pipe, typedTable } from "@tablepipe/core";
import { addDateParts, castColumns, fillNull, limitHistory, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

/** Time stamps with fractions of a millisecond around the epoch and a month's end, a missing one among them. */
const AT = [-0.4, 1.5, -1.5, 0.999, null, 0, -1, Date.UTC(2018, 2, 1) - 0.25, 1.25];

const stamps = () =>
  typedTable(aq.table({ at: AT, n: AT.map((_, i) => i), ms: AT.map((x) => x ?? 2.5) }), {
    at: { type: "timestamp", nullable: true },
    n: { type: "int", nullable: false },
    ms: { type: "float", nullable: false },
  });

describe("a fraction of a millisecond in a time stamp on DuckDB, as in process", () => {
  it("comes back as it went in (DuckDB keeps microseconds)", async () => {
    const { table } = await expectParity(pipe(stamps()).transform(sortRows, { by: ["n"] }), db);
    expect(Array.from(table.array("at") as ArrayLike<unknown>)).toEqual(AT);
  });

  it("addDateParts reads the millisecond it falls in (-0.4 is 1969-12-31)", async () => {
    const { table } = await expectParity(pipe(stamps()).transform(addDateParts, { column: "at" }), db);
    expect(table.objects()[0]).toMatchObject({ at: -0.4, month: 12 });
  });

  it("limitHistory puts it in the month it falls in", async () => {
    await expectParity(
      pipe(stamps()).transform(limitHistory, { column: "at", after: "196911", through: "196912" }),
      db,
    );
    await expectParity(
      pipe(stamps()).transform(limitHistory, { column: "at", after: "196912", through: "201802" }),
      db,
    );
    await expectParity(
      pipe(stamps()).transform(limitHistory, { column: "at", after: "201802", through: "201803" }),
      db,
    );
  });

  it("sortRows orders it within its millisecond", async () => {
    await expectParity(pipe(stamps()).transform(sortRows, { by: ["at", "n"] }), db);
    await expectParity(pipe(stamps()).transform(sortRows, { by: ["at"], descending: ["at"] }), db);
  });

  it("fillNull and castColumns keep it", async () => {
    const { table } = await expectParity(pipe(stamps()).transform(fillNull, { columns: { at: 1.5 } }), db);
    expect(table.array("at")[4]).toBe(1.5);
    await expectParity(pipe(stamps()).transform(fillNull, { columns: { at: -0.4 } }), db);
    await expectParity(pipe(stamps()).transform(castColumns, { columns: { ms: "timestamp" } }), db);
  });

  it("castColumns of it to a float keeps it (its epoch milliseconds), to an int truncates it", async () => {
    const { table } = await expectParity(
      pipe(stamps()).transform(castColumns, { columns: { at: "float" } }),
      db,
    );
    expect(Array.from(table.array("at") as ArrayLike<unknown>)).toEqual(AT);
    await expectParity(pipe(stamps()).transform(castColumns, { columns: { at: "int" } }), db);
  });
});
