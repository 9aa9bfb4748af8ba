import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, gt } from "@tablepipe/core";
import { pipeFrom, writeTable } from "@tablepipe/io";
import { dropDuplicates, filter, firstNPerGroup } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import { duckdbFilesFormat } from "./engine/duckdb-files";
import { duckdbCsvFiles } from "./engine/read-files";

const Ride = z.object({
  zone: z.int(),
  picked_at: z.date(),
  fare: z.number().nullable(),
});

const CSV = [
  "Zone,picked_at,fare",
  "1,2024-03-10 02:30:00,12.5",
  "1,2024-03-10 02:30:00,12.5",
  "2,2023-11-05 01:15:00,",
  "1,2024-01-01T08:00,3",
  "2,07/04/2024 09:15:00 PM,40",
  "3,2024-02-29 23:59:59,7.25",
].join("\n");

let db: DuckDb;
let folder: string;
beforeAll(async () => {
  db = await DuckDb.open();
  folder = await mkdtemp(join(tmpdir(), "tablepipe-duckdb-source-"));
  await writeFile(join(folder, "rides.csv"), `${CSV}\n`);
  await writeFile(join(folder, "bad.csv"), "zone,picked_at,fare\n1,2024-13-01 00:00:00,2\n");
});
afterAll(async () => {
  db.close();
  await rm(folder, { recursive: true, force: true });
});

const steps = (path: string, options: { onInvalid?: "drop" } = {}) =>
  pipeFrom(path, Ride, { aliases: { zone: ["Zone"] }, ...options })
    .transform(dropDuplicates)
    .transform(filter, { where: gt(col("fare"), 5) })
    .transform(firstNPerGroup, { keys: ["zone"], orderBy: ["picked_at"], n: 1 });

describe("pipeFrom(...).run({ engine: duckdb() })", () => {
  it("DuckDB reads the CSV with readTable's rules: the in-process table, read report and funnel, step for step", async () => {
    const local = await steps(join(folder, "rides.csv")).run();
    const onDuckDb = await steps(join(folder, "rides.csv")).run({ engine: duckdb({ database: db }) });
    expect(onDuckDb.table.objects()).toEqual(local.table.objects());
    expect(onDuckDb.report.rows).toBe(local.report.rows);
    const funnel = (trace: typeof local.trace) => trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);
    expect(funnel(onDuckDb.trace)[0]).toEqual(["read", 6, 6]);
    // the same funnel, step for step: both run the dedupe after the row-local filter that follows it
    expect(funnel(onDuckDb.trace)).toEqual(funnel(local.trace));
    expect(funnel(onDuckDb.trace).map(([step]) => step)).toEqual([
      "read",
      "filter",
      "dropDuplicates",
      "firstNPerGroup(zone, picked_at)",
    ]);
    expect(onDuckDb.placement.every((p) => p.engine === "duckdb")).toBe(true);
  });

  it("DuckDB reads a Parquet source itself (streamed), with the in-process table, report and funnel", async () => {
    const path = join(folder, "rides.parquet");
    const rides = await pipeFrom(join(folder, "rides.csv"), Ride, { aliases: { zone: ["Zone"] } }).value();
    await writeTable(rides, path, { schema: Ride });
    const local = await steps(path).run();
    const onDuckDb = await steps(path).run({ engine: duckdb({ database: db }) });
    expect(onDuckDb.table.objects()).toEqual(local.table.objects());
    expect(onDuckDb.readBy).toBe("streamed");
    expect(onDuckDb.report.rows).toBe(local.report.rows);
    const funnel = (trace: typeof local.trace) => trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);
    expect(funnel(onDuckDb.trace)).toEqual(funnel(local.trace));
  });

  it("a CSV file with another delimiter than its extension's is read by readTable, then run in DuckDB", async () => {
    const path = join(folder, "semicolons.csv");
    await writeFile(path, `${CSV.replaceAll(",", ";")}\n`);
    const semicolons = (p: string) => pipeFrom(p, Ride, { aliases: { zone: ["Zone"] }, delimiter: ";" });
    const local = await semicolons(path).transform(dropDuplicates).run();
    const onDuckDb = await semicolons(path)
      .transform(dropDuplicates)
      .run({ engine: duckdb({ database: db }) });
    expect(onDuckDb.table.objects()).toEqual(local.table.objects());
    expect(onDuckDb.readBy).toBeUndefined();
    expect(duckdbFilesFormat([path, join(folder, "rides.parquet")])).toBeUndefined();
    expect(duckdbFilesFormat([path, join(folder, "rides.TSV")])).toBe("csv");
  });

  it("an impossible date gets readTable's named error, or is dropped and counted with onInvalid: drop", async () => {
    const bad = join(folder, "bad.csv");
    await expect(steps(bad).run({ engine: duckdb({ database: db }) })).rejects.toThrow(
      /bad\.csv line 2, column picked_at: .*"2024-13-01 00:00:00"/,
    );
    const dropped = await steps(bad, { onInvalid: "drop" }).run({ engine: duckdb({ database: db }) });
    expect([dropped.report.rows, dropped.report.droppedRows, dropped.table.numRows()]).toEqual([0, 1, 0]);
  });

  it("a schema with value rules is read by readTable, which enforces them, and refused by duckdbCsvFiles", async () => {
    const Priced = Ride.extend({ fare: z.number().min(10).nullable() });
    const ruled = pipeFrom(join(folder, "rides.csv"), Priced, {
      aliases: { zone: ["Zone"] },
      onInvalid: "drop",
    });
    const onDuckDb = await ruled.run({ engine: duckdb({ database: db }) });
    const local = await ruled.run();
    expect(onDuckDb.table.objects()).toEqual(local.table.objects());
    expect(onDuckDb.report.droppedRows).toBe(local.report.droppedRows);
    expect(local.report.droppedRows).toBeGreaterThan(0);
    expect(() => duckdbCsvFiles(join(folder, "rides.csv"), Priced)).toThrow(
      /column "fare" has value rules \(.*10.*\)/,
    );
  });

  it("an onInvalid other than error or drop is refused by duckdbCsvFiles, as by readTable, naming it", () => {
    const options = { onInvalid: "skip" } as unknown as { onInvalid: "drop" };
    expect(() => duckdbCsvFiles(join(folder, "rides.csv"), Ride, options)).toThrow(
      'duckdbCsvFiles: onInvalid must be "error" or "drop", got "skip"',
    );
  });

  it("checks the steps before reading anything: a missing column names the step", async () => {
    const wrong = pipeFrom(join(folder, "nope-*.csv"), Ride).transform(firstNPerGroup, {
      keys: ["nope"],
      orderBy: ["picked_at"],
      n: 1,
    } as never);
    await expect(wrong.run({ engine: duckdb({ database: db }) })).rejects.toThrow(/firstNPerGroup.*nope/s);
  });
});

describe("tables that carry a schema need no columnTypes on DuckDB", () => {
  it("a typed table's time stamps load as TIMESTAMP", async () => {
    const rides = await pipeFrom(join(folder, "rides.csv"), Ride, { aliases: { zone: ["Zone"] } }).value();
    const { pipe } = await import("@tablepipe/core");
    const { addDateParts } = await import("@tablepipe/transforms");
    const p = pipe(rides).transform(addDateParts, { column: "picked_at" });
    const onDuckDb = await p.run({ engine: duckdb({ database: db }) });
    expect(onDuckDb.table.objects()).toEqual(p.run().table.objects());
    expect(aq.from(onDuckDb.table.objects()).numRows()).toBe(6);
  });
});
