/**
 * The tip model on the DuckDB engine beside the in-process run and the hand-written DuckDB baseline (#13, #17
 * goal 6: within 1.1× of the baseline), on the bench's generated sample, runs interleaved, medians printed:
 *
 *   npx --yes pnpm@10.34.9 run build && npx --yes pnpm@10.34.9 --filter @tablepipe/bench run build
 *   npx tsx bench/src/duckdb-engine.ts --rows 1000000 --runs 3 --memory-limit 4GB
 *
 * Seconds are wall clock per process (start included); stages are what each run logged (the baseline's own
 * read/transform/train split, the tip model's job stages), so the gap can be read stage by stage. The ratio to
 * the baseline is also given run by run (each DuckDB-engine run ÷ the baseline run beside it, mean ± standard
 * error), which a machine whose speed drifts moves less than a ratio of medians.
 *
 * `--against OTHER/packages/tip-model/dist/cli.js` (another build: a `git worktree` of another commit, built)
 * times that build on the DuckDB engine in the same rounds and prints the difference, this build's minus that
 * one's, of the wall time and of each stage (mean ± standard error over the rounds): how a change is measured.
 * Each build keeps its own compile cache (`tip-model`'s code cache, written by an untimed first run).
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureSample } from "./dataset";
import { measure } from "./measure";
import { meanAndError, median, pairedDifference } from "./stats";
import { parseTablepipeLog } from "./tablepipe-log";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "3" },
    "memory-limit": { type: "string", default: "4GB" },
    cache: { type: "string", default: ".cache/bench" },
    against: { type: "string" },
  },
});
const root = resolve(import.meta.dirname, "../..");
const rows = Number(values.rows);
const runs = Number(values.runs);
const note = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const sample = await ensureSample(root, resolve(root, values.cache), rows, note);
const cli = join(root, "packages/tip-model/dist/cli.js");
const runDir = resolve(root, values.cache, "duckdb-engine", String(rows));
const against = values.against === undefined ? undefined : resolve(values.against);

/** `tip-model run` of the CLI at `path`, writing `out`, with `extra` flags. */
const tipModelRun = (path: string, out: string, ...extra: string[]): string[] => [
  path,
  "run",
  "--data-dir",
  sample.dir,
  "--output-dir",
  out,
  "--model",
  "linear",
  "--log-format",
  "json",
  ...extra,
];
const onDuckDb = ["--engine", "duckdb", "--duckdb-memory-limit", values["memory-limit"] as string];

const variants = {
  "tablepipe in process": (out: string) => tipModelRun(cli, out),
  "tablepipe on DuckDB": (out: string) => tipModelRun(cli, out, ...onDuckDb),
  "DuckDB baseline": (out: string) => [join(root, "bench/dist/duckdb-job.js"), sample.dir, out],
  ...(against === undefined
    ? {}
    : { "the other build on DuckDB": (out: string) => tipModelRun(against, out, ...onDuckDb) }),
} as const;
type Variant = keyof typeof variants;
const slug = (name: string): string => name.replaceAll(" ", "-");
/** Each build's own code cache: the two builds' caches never replace each other. */
const cacheEnv = (name: Variant): Record<string, string> =>
  name === "DuckDB baseline"
    ? {}
    : {
        TABLEPIPE_COMPILE_CACHE: join(
          runDir,
          "compile-cache",
          name === "the other build on DuckDB" ? "other" : "this",
        ),
      };

/** Run one variant once; its seconds, peak RSS and logged stages. */
async function runVariant(name: Variant, args: (out: string) => string[], out: string) {
  await rm(out, { recursive: true, force: true });
  const result = await measure("node", args(out), { cwd: root, timeoutSeconds: 3600, env: cacheEnv(name) });
  if (result.exitCode !== 0)
    throw new Error(`${name} failed (exit ${result.exitCode}):\n${result.stderr.slice(-2000)}`);
  const logged =
    name === "DuckDB baseline"
      ? (JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}").stages as Record<string, number>)
      : parseTablepipeLog(result.stderr).stages;
  return { seconds: result.seconds, rss: result.peakRssBytes, stages: logged };
}

// an untimed first run of each build writes its compile cache: the timed runs read it, as a user's runs do
for (const [name, args] of Object.entries(variants) as [Variant, (out: string) => string[]][]) {
  if (name === "DuckDB baseline") continue;
  note(`${name}: a first, untimed run (writes the compile cache)`);
  await runVariant(name, args, join(runDir, `${slug(name)}-warm-up`));
}

const seconds = new Map<Variant, number[]>();
const rss = new Map<Variant, number[]>();
const stages = new Map<Variant, Record<string, number>[]>();
for (let run = 1; run <= runs; run++) {
  for (const [name, args] of Object.entries(variants) as [Variant, (out: string) => string[]][]) {
    note(`${rows.toLocaleString("en-US")} rows, run ${run}/${runs}: ${name}`);
    const result = await runVariant(name, args, join(runDir, `${slug(name)}-${run}`));
    seconds.set(name, [...(seconds.get(name) ?? []), result.seconds]);
    rss.set(name, [...(rss.get(name) ?? []), result.rss]);
    stages.set(name, [...(stages.get(name) ?? []), result.stages]);
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
    `${name.padEnd(26)} ${s.toFixed(2)} s  ${(s / baseline).toFixed(2)}×  peak ${gb.toFixed(2)} GB  (${parts})`,
  );
}

const onEngine = seconds.get("tablepipe on DuckDB") ?? [];
const baselineRuns = seconds.get("DuckDB baseline") ?? [];
const ratio = meanAndError(onEngine.map((s, i) => s / (baselineRuns[i] as number)));
console.log(
  `run by run, tablepipe on DuckDB ÷ DuckDB baseline: ${ratio.mean.toFixed(3)} ± ${ratio.error.toFixed(3)} (${ratio.count} runs)`,
);
if (against !== undefined) {
  const ms = (values: readonly number[]): number[] => values.map((v) => v * 1000);
  const delta = (a: readonly number[], b: readonly number[]): string => {
    const { mean, error } = pairedDifference(ms(a), ms(b));
    return `${mean >= 0 ? "+" : ""}${mean.toFixed(1)} ± ${error.toFixed(1)} ms`;
  };
  const other = seconds.get("the other build on DuckDB") ?? [];
  console.log(`this build − the other (${against}), ${runs} rounds: wall ${delta(other, onEngine)}`);
  const stageRuns = (name: Variant) => stages.get(name) ?? [];
  for (const stage of Object.keys(stageRuns("tablepipe on DuckDB")[0] ?? {})) {
    const pick = (name: Variant) => stageRuns(name).map((logged) => Number(logged[stage] ?? Number.NaN));
    console.log(
      `  ${stage.padEnd(10)} ${delta(pick("the other build on DuckDB"), pick("tablepipe on DuckDB"))}`,
    );
  }
}
