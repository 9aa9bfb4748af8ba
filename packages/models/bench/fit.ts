/**
 * Fit benchmark (`pnpm bench`): random forest (10 trees, depth 4, "auto" features) and GBT (20 iterations,
 * depth 4) on 100k / 500k / 1M synthetic rows, each in its own process for a clean peak RSS; then the
 * same forest against ml-random-forest on 2,000 rows. Rows can be chosen with BENCH_ROWS=100000,500000.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { RandomForestRegression } from "ml-random-forest";
import { gradientBoostedTrees, randomForest, regressionMetrics } from "../src/index";
import type { Regressor } from "../src/regressor";
import { FEATURES, LABEL, syntheticTable } from "./synthetic-data";

const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

interface CaseResult {
  model: string;
  rows: number;
  fitSeconds: number;
  fitCpuSeconds: number;
  dataRssBytes: number;
  peakRssBytes: number;
  trainR2: number;
}

interface CompareResult {
  rows: number;
  oursColdSeconds: number;
  oursSeconds: number;
  theirsSeconds: number;
  oursR2: number;
  theirsR2: number;
}

const spec = { features: FEATURES, label: LABEL };
const forest = (): Regressor<object> =>
  randomForest({ numTrees: 10, maxDepth: 4, featureSubset: "auto", bootstrap: true, seed: 42 });
const boosted = (): Regressor<object> =>
  gradientBoostedTrees({ maxIter: 20, stepSize: 0.1, maxDepth: 4, seed: 42 });

function runCase(model: string, rows: number): CaseResult {
  const data = syntheticTable(rows);
  const dataRssBytes = process.memoryUsage().rss;
  const regressor = model === "randomForest" ? forest() : boosted();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const fitted = regressor.fit(data, spec);
  const fitSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const fitCpuSeconds = (used.user + used.system) / 1e6;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const trainR2 = regressionMetrics(fitted.withPredictions(data), { label: LABEL }).r2;
  return { model, rows, fitSeconds, fitCpuSeconds, dataRssBytes, peakRssBytes, trainR2 };
}

function runCompare(rows: number): CompareResult {
  const data = syntheticTable(rows);
  const cold = performance.now();
  forest().fit(data, spec);
  const oursColdSeconds = (performance.now() - cold) / 1000;
  for (let i = 0; i < 20; i++) forest().fit(data, spec);
  const times: number[] = [];
  let oursR2 = 0;
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    const fitted = forest().fit(data, spec);
    times.push((performance.now() - start) / 1000);
    oursR2 = regressionMetrics(fitted.withPredictions(data), { label: LABEL }).r2;
  }
  times.sort((a, b) => a - b);
  const oursSeconds = times[Math.floor(times.length / 2)] as number;

  const x: number[][] = [];
  const y = data.array(LABEL) as number[] | Float64Array;
  const columns = FEATURES.map((name) => data.array(name));
  for (let i = 0; i < rows; i++) x.push(columns.map((c) => c[i] as number));
  const theirs = new RandomForestRegression({
    nEstimators: 10,
    maxFeatures: Math.ceil(FEATURES.length / 3),
    replacement: true,
    useSampleBagging: true,
    seed: 42,
    noOOB: true,
    treeOptions: { maxDepth: 4 },
  });
  const start = performance.now();
  theirs.train(x, Array.from(y));
  const theirsSeconds = (performance.now() - start) / 1000;
  const predicted = theirs.predict(x);
  const theirsR2 = regressionMetrics(data.assign({ prediction: Float64Array.from(predicted) }), {
    label: LABEL,
  }).r2;
  return { rows, oursColdSeconds, oursSeconds, theirsSeconds, oursR2, theirsR2 };
}

function child<T>(args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`benchmark child ${args.join(" ")} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}

function main(): void {
  const argv = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const mode = flag("--case");
  if (mode === "compare") {
    print(JSON.stringify(runCompare(Number(flag("--rows")))));
    return;
  }
  if (mode !== undefined) {
    print(JSON.stringify(runCase(mode, Number(flag("--rows")))));
    return;
  }

  const sizes = (process.env.BENCH_ROWS ?? "100000,500000,1000000").split(",").map(Number);
  print(`@tablepipe/models fit benchmark — node ${process.version}, one core, ${FEATURES.length} features`);
  print("random forest: 10 trees, maxDepth 4, featureSubset auto (onethird), bootstrap, seed 42");
  print("gradient-boosted trees: maxIter 20, stepSize 0.1, maxDepth 4, seed 42");
  print();
  print("| model | rows | fit s (wall) | fit s (CPU) | RSS after data MB | peak RSS MB | train R² |");
  print("|---|---:|---:|---:|---:|---:|---:|");
  for (const model of ["randomForest", "gradientBoostedTrees"]) {
    for (const rows of sizes) {
      const r = child<CaseResult>(["--case", model, "--rows", String(rows)]);
      print(
        `| ${r.model} | ${r.rows.toLocaleString("en-US")} | ${r.fitSeconds.toFixed(2)} | ${r.fitCpuSeconds.toFixed(2)} | ${mb(r.dataRssBytes)} | ${mb(r.peakRssBytes)} | ${r.trainR2.toFixed(3)} |`,
      );
    }
  }
  print();
  const c = child<CompareResult>(["--case", "compare", "--rows", "2000"]);
  print("| 2,000 rows, same forest params | fit s | train R² |");
  print("|---|---:|---:|");
  print(`| @tablepipe/models randomForest, first fit (cold JIT) | ${c.oursColdSeconds.toFixed(4)} | |`);
  print(
    `| @tablepipe/models randomForest, median of 21 warm fits | ${c.oursSeconds.toFixed(4)} | ${c.oursR2.toFixed(3)} |`,
  );
  print(`| ml-random-forest 2.1.0 | ${c.theirsSeconds.toFixed(2)} | ${c.theirsR2.toFixed(3)} |`);
  print();
  const ratio = (ours: number): string => Math.round(c.theirsSeconds / ours).toLocaleString("en-US");
  print(`speed-up: ${ratio(c.oursSeconds)}x warm, ${ratio(c.oursColdSeconds)}x cold`);
}

main();
