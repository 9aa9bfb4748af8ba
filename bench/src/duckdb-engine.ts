/**
 * The tip model on the DuckDB engine beside the in-process run and the hand-written DuckDB baseline (#13, #17
 * goal 6: within 1.1× of the baseline), on the bench's generated sample, runs interleaved, medians printed:
 *
 *   npx --yes pnpm@10.34.9 run build && npx --yes pnpm@10.34.9 --filter @tablepipe/bench run build
 *   npx tsx bench/src/duckdb-engine.ts --rows 1000000 --runs 3 --memory-limit 4GB
 *
 * Seconds are wall clock per process (start included); stages are what each run logged (the baseline's own
 * read/transform/train split, the tip model's job stages), so the gap can be read stage by stage.
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureSample } from "./dataset";
import { measure } from "./measure";
import { median } from "./stats";
import { parseTablepipeLog } from "./tablepipe-log";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "3" },
    "memory-limit": { type: "string", default: "4GB" },
    cache: { type: "string", default: ".cache/bench" },
  },
});
const root = resolve(import.meta.dirname, "../..");
const rows = Number(values.rows);
const runs = Number(values.runs);
const note = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const sample = await ensureSample(root, resolve(root, values.cache), rows, note);
const cli = join(root, "packages/tip-model/dist/cli.js");
const runDir = resolve(root, values.cache, "duckdb-engine", String(rows));

const variants = {
  "tablepipe in process": (out: string) => [
    cli,
    "run",
    "--data-dir",
    sample.dir,
    "--output-dir",
    out,
    "--model",
    "linear",
    "--log-format",
    "json",
  ],
  "tablepipe on DuckDB": (out: string) => [
    cli,
    "run",
    "--data-dir",
    sample.dir,
    "--output-dir",
    out,
    "--model",
    "linear",
    "--log-format",
    "json",
    "--engine",
    "duckdb",
    "--duckdb-memory-limit",
    values["memory-limit"] as string,
  ],
  "DuckDB baseline": (out: string) => [join(root, "bench/dist/duckdb-job.js"), sample.dir, out],
} as const;
type Variant = keyof typeof variants;

const seconds = new Map<Variant, number[]>();
const rss = new Map<Variant, number[]>();
const stages = new Map<Variant, Record<string, number>[]>();
for (let run = 1; run <= runs; run++) {
  for (const [name, args] of Object.entries(variants) as [Variant, (out: string) => string[]][]) {
    const out = join(runDir, `${name.replaceAll(" ", "-")}-${run}`);
    await rm(out, { recursive: true, force: true });
    note(`${rows.toLocaleString("en-US")} rows, run ${run}/${runs}: ${name}`);
    const result = await measure("node", args(out), { cwd: root, timeoutSeconds: 3600 });
    if (result.exitCode !== 0)
      throw new Error(`${name} failed (exit ${result.exitCode}):\n${result.stderr.slice(-2000)}`);
    seconds.set(name, [...(seconds.get(name) ?? []), result.seconds]);
    rss.set(name, [...(rss.get(name) ?? []), result.peakRssBytes]);
    const logged =
      name === "DuckDB baseline"
        ? (JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}").stages as Record<string, number>)
        : parseTablepipeLog(result.stderr).stages;
    stages.set(name, [...(stages.get(name) ?? []), logged]);
  }
}
const baseline = median(seconds.get("DuckDB baseline") ?? []);
console.log(
  `${rows.toLocaleString("en-US")} trips, ${runs} run(s), medians; --duckdb-memory-limit ${values["memory-limit"]}`,
);
for (const name of Object.keys(variants) as Variant[]) {
  const s = median(seconds.get(name) ?? []);
  const gb = median(rss.get(name) ?? []) / 2 ** 30;
  const last = (stages.get(name) ?? []).at(-1) ?? {};
  const parts = Object.entries(last)
    .map(([stage, value]) => `${stage} ${Number(value).toFixed(2)}`)
    .join(", ");
  console.log(
    `${name.padEnd(22)} ${s.toFixed(2)} s  ${(s / baseline).toFixed(2)}×  peak ${gb.toFixed(2)} GB  (${parts})`,
  );
}
