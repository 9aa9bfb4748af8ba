/**
 * The tip model's prepared table (and the model's metrics and predictions) in process and on DuckDB, on a folder
 * of real files: `npx tsx scripts/duckdb-parity.ts FOLDER` (FOLDER holds taxi_zone_geo.csv and trip CSV files).
 * Each trip file alone, then all of them together, through `tip-model prepare` on both engines (DuckDB reading
 * the files itself); then `tip-model run` on all of them. Prints one line per comparison; exits 1 on a difference.
 * Not a test: CI and users do not have real files.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetLogging } from "@tablepipe/job";
import { runTipModelCli } from "@tablepipe/tip-model";

const folder = process.argv[2];
if (folder === undefined) {
  console.error(
    "usage: npx tsx scripts/duckdb-parity.ts FOLDER (holding taxi_zone_geo.csv and trip CSV files)",
  );
  process.exit(2);
}
const zones = join(folder, "taxi_zone_geo.csv");
const trips = (await readdir(folder))
  .filter((name) => name.endsWith(".csv") && name !== "taxi_zone_geo.csv")
  .sort();
const out = await mkdtemp(join(tmpdir(), "duckdb-parity-"));

async function cli(argv: string[]): Promise<{ code: number; log: string; seconds: number }> {
  const log: string[] = [];
  const started = performance.now();
  const sink = { write: (chunk: string) => log.push(chunk) > 0 };
  const code = await runTipModelCli(argv, { stdout: sink, stderr: sink });
  resetLogging();
  return { code, log: log.join(""), seconds: (performance.now() - started) / 1000 };
}

let differences = 0;
async function compare(label: string, tripSource: string): Promise<void> {
  const files = { inProcess: join(out, `${label}-in-process.csv`), duckdb: join(out, `${label}-duckdb.csv`) };
  const flags = ["--trips", tripSource, "--zones", zones, "--drop-invalid-rows"];
  const a = await cli(["prepare", ...flags, "--out", files.inProcess]);
  const b = await cli(["prepare", ...flags, "--engine", "duckdb", "--out", files.duckdb]);
  if (a.code !== 0 || b.code !== 0) {
    differences++;
    console.log(`${label}: exit codes ${a.code} / ${b.code}\n${a.log}\n${b.log}`);
    return;
  }
  const [x, y] = await Promise.all([readFile(files.inProcess, "utf8"), readFile(files.duckdb, "utf8")]);
  const rows = x.split("\n").length - 2;
  const read = /taxi_trip_data: (read [^\n]*?) rows=/.exec(b.log)?.[1] ?? "?";
  const same = x === y;
  if (!same) differences++;
  console.log(
    `${same ? "same" : "DIFFERENT"}  ${label}: ${rows.toLocaleString("en-US")} prepared rows; DuckDB ${read}; ` +
      `in process ${a.seconds.toFixed(1)} s, DuckDB ${b.seconds.toFixed(1)} s`,
  );
}

for (const file of trips) await compare(file.replace(/\.csv$/, ""), join(folder, file));
const all = trips.length === 1 ? join(folder, trips[0] as string) : join(folder, `{${trips.join(",")}}`);
await compare("all trip files", all);

const runs = { inProcess: join(out, "run-in-process"), duckdb: join(out, "run-duckdb") };
const flags = ["--trips", all, "--zones", zones, "--drop-invalid-rows"];
const [a, b] = [
  await cli(["run", ...flags, "--output-dir", runs.inProcess]),
  await cli(["run", ...flags, "--engine", "duckdb", "--output-dir", runs.duckdb]),
];
for (const name of ["metrics.json", "predictions.csv"]) {
  const same =
    a.code === 0 &&
    b.code === 0 &&
    (await readFile(join(runs.inProcess, name), "utf8")) ===
      (await readFile(join(runs.duckdb, name), "utf8"));
  if (!same) differences++;
  console.log(`${same ? "same" : "DIFFERENT"}  tip-model run, all trip files: ${name}`);
}
await rm(out, { recursive: true, force: true });
console.log(differences === 0 ? "no difference" : `${differences} difference(s)`);
process.exit(differences === 0 ? 0 : 1);
