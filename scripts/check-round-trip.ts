/**
 * A check a person runs on real files (never part of the tests: CI has no such folder): every `*.csv` of the
 * folder is read with the tip model's trip schema (or its zone schema, for `taxi_zone_geo.csv`), written as
 * CSV, Parquet and Arrow without a schema, and read back — with the schema, and (Parquet, Arrow) without one —
 * and each result must equal the table read first.
 *
 *   npx tsx scripts/check-round-trip.ts /path/to/folder
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTable, writeTable } from "@tablepipe/io";
import { taxiTripAliases, taxiTripSchema, taxiZoneGeoAliases, taxiZoneGeoSchema } from "@tablepipe/tip-model";

const folder = process.argv[2];
if (folder === undefined) {
  console.error("usage: npx tsx scripts/check-round-trip.ts <folder of CSV files>");
  process.exit(2);
}

type Columns = Record<string, unknown[]>;
const plain = (t: { columnNames(): string[]; array(name: string): ArrayLike<unknown> }): Columns =>
  Object.fromEntries(t.columnNames().map((name) => [name, Array.from(t.array(name))]));

function firstDifference(a: Columns, b: Columns): string | undefined {
  for (const [name, values] of Object.entries(a)) {
    const other = b[name];
    if (other === undefined) return `column ${name} missing`;
    if (other.length !== values.length)
      return `column ${name}: ${other.length} rows, expected ${values.length}`;
    for (let i = 0; i < values.length; i++) {
      if (!Object.is(values[i], other[i]))
        return `column ${name}, row ${i + 1}: ${String(other[i])}, expected ${String(values[i])}`;
    }
  }
  return undefined;
}

const out = mkdtempSync(join(tmpdir(), "tablepipe-round-trip-"));
let failures = 0;
try {
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith(".csv"))
    .sort()) {
    const zones = name.startsWith("taxi_zone_geo");
    const schema = zones ? taxiZoneGeoSchema : taxiTripSchema;
    const aliases = zones ? taxiZoneGeoAliases : taxiTripAliases;
    const original = await readTable(join(folder, name), schema, { aliases, onInvalid: "drop" });
    const expected = plain(original);
    const results: string[] = [];
    for (const format of ["csv", "parquet", "arrow"] as const) {
      const path = join(out, `${name}.${format}`);
      const started = performance.now();
      await writeTable(original, path);
      const reads: [string, Promise<unknown>][] = [[`${format}+schema`, readTable(path, schema)]];
      if (format !== "csv") reads.push([`${format}, no schema`, readTable(path)]);
      for (const [label, read] of reads) {
        const difference = firstDifference(expected, plain((await read) as Parameters<typeof plain>[0]));
        if (difference !== undefined) failures++;
        results.push(`${label}: ${difference ?? "equal"}`);
      }
      results.push(`${format} write+reads ${Math.round(performance.now() - started)} ms`);
    }
    console.log(`${name} (${original.numRows()} rows): ${results.join("; ")}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
