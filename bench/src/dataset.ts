/** The generated samples the benchmark reads: made once with `tip-model sample`, then reused. */
import { existsSync } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { measure } from "./measure";
import { DATA_FILES } from "./pipeline-spec";

const MARKER = ".complete";

/** The folder holding the sample of `rows` trips; generated (seed 42) unless a complete one is cached. */
export async function ensureSample(
  root: string,
  cache: string,
  rows: number,
  log: (line: string) => void,
): Promise<{ dir: string; bytes: number }> {
  const dir = join(cache, String(rows));
  if (!existsSync(join(dir, MARKER))) {
    log(`generating ${rows.toLocaleString("en-US")} trips into ${dir} (once; reused afterwards)`);
    const run = await measure(
      "node",
      [
        join(root, "packages/tip-model/dist/cli.js"),
        "sample",
        "--rows",
        String(rows),
        "--seed",
        "42",
        "--out",
        dir,
      ],
      { cwd: root, timeoutSeconds: 3600 },
    );
    if (run.exitCode !== 0) throw new Error(`tip-model sample failed:\n${run.stderr}`);
    await writeFile(join(dir, MARKER), `${rows}\n`);
  }
  return { dir, bytes: (await stat(join(dir, DATA_FILES.trips))).size };
}

/**
 * A Parquet copy of the sample in `dir` (written once by tablepipe's own writer into `dir/parquet/`), for
 * timing the Parquet read; the heap is raised for the conversion only (it holds the whole table).
 */
export async function ensureParquetSample(
  root: string,
  benchDist: string,
  dir: string,
  log: (line: string) => void,
): Promise<string> {
  const out = join(dir, "parquet");
  if (!existsSync(join(out, MARKER))) {
    log(`writing a Parquet copy of ${dir} into ${out} (once)`);
    const run = await measure(
      "node",
      ["--max-old-space-size=12000", join(benchDist, "to-parquet.js"), dir, out],
      { cwd: root, timeoutSeconds: 3600 },
    );
    if (run.exitCode !== 0) throw new Error(`writing the Parquet copy failed:\n${run.stderr}`);
    await writeFile(join(out, MARKER), "parquet\n");
  }
  return out;
}
