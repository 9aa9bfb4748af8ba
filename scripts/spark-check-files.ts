/**
 * `pnpm spark:check-files <folder> [sc://remote]`: the tip model's prepared table from the trip files of a folder
 * (every `*.csv`/`*.parquet` with trips, and its zone table `taxi_zone_geo.csv`), made in process and on Spark
 * (`tip-model prepare --engine spark`), must be the same bytes. A check a person runs on real files (they are not
 * in the repository, so this is not a test); needs a Spark Connect server (`pnpm spark:start`).
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetLogging } from "@tablepipe/job";
import { runTipModelCli } from "@tablepipe/tip-model";

const [folder, remote = "sc://localhost:15002"] = process.argv.slice(2);
if (folder === undefined) {
  console.error("usage: pnpm spark:check-files <folder> [sc://host:port]");
  process.exit(2);
}

async function prepare(
  out: string,
  ...flags: string[]
): Promise<{ code: number; log: string; seconds: number }> {
  const log: string[] = [];
  const started = performance.now();
  const code = await runTipModelCli(["prepare", ...flags, "--out", out, "--overwrite"], {
    stdout: { write: () => true },
    stderr: { write: (c: string) => log.push(c) > 0 },
  });
  resetLogging();
  return { code, log: log.join(""), seconds: (performance.now() - started) / 1000 };
}

const scratch = await mkdtemp(join(tmpdir(), "tablepipe-spark-check-"));
let failed = false;
try {
  const zones = join(folder, "taxi_zone_geo.csv");
  const tripFiles = (await readdir(folder))
    .filter((name) => /\.(csv|parquet)$/.test(name) && name !== "taxi_zone_geo.csv")
    .sort();
  for (const name of tripFiles) {
    const flags = ["--trips", join(folder, name), "--zones", zones, "--drop-invalid-rows"];
    const local = await prepare(join(scratch, `${name}.in-process.csv`), ...flags);
    const onSpark = await prepare(
      join(scratch, `${name}.spark.csv`),
      ...flags,
      "--engine",
      "spark",
      "--spark-remote",
      remote,
    );
    if (local.code !== 0 || onSpark.code !== 0) {
      failed = true;
      console.log(`${name}: failed (in process ${local.code}, Spark ${onSpark.code})`);
      console.log((local.code !== 0 ? local.log : onSpark.log).trim().split("\n").slice(-3).join("\n"));
      continue;
    }
    const [a, b] = await Promise.all([
      readFile(join(scratch, `${name}.in-process.csv`), "utf8"),
      readFile(join(scratch, `${name}.spark.csv`), "utf8"),
    ]);
    const rows = a.split("\n").length - 2;
    const same = a === b;
    failed ||= !same;
    console.log(
      `${name}: ${same ? "same" : "DIFFERENT"} prepared table (${rows} rows; in process ${local.seconds.toFixed(1)} s, Spark ${onSpark.seconds.toFixed(1)} s)`,
    );
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
