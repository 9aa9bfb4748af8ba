/**
 * The group-by, join and CSV-write benchmark in the harness: for each size, each operation and each engine, timed runs
 * (each its own process, engines interleaved run by run), medians of the operation's own seconds, then one
 * cross-engine equality check per operation (ops-check.ts).
 */
import { join } from "node:path";
import { measure } from "./measure";
import { OPS_ENGINES, type OpsEngineName } from "./ops/engine";
import type { OpsCheck, OpsCheckVerdict } from "./ops-check";
import { ensureOpsSample } from "./ops-data";
import { type Op, type OpsReport, opsLabel } from "./ops-spec";
import { median } from "./stats";

/** One engine on one operation, over its runs (medians of the successful ones). */
export interface OpsSummary {
  runs: number;
  failed: number;
  failure?: string;
  opSeconds: number;
  /** CPU seconds (all threads) of the operation. */
  opCpuSeconds: number;
  loadSeconds: number;
  /** Wall seconds of the whole process (start, load, operation). */
  seconds: number;
  peakRssBytes: number;
  outputRows?: number;
}

/** Everything measured for one operation on one size. */
export interface OpsResult {
  op: Op;
  rows: number;
  csvBytes: number;
  summaries: Partial<Record<OpsEngineName, OpsSummary>>;
  equality?: Record<string, OpsCheckVerdict>;
  equalityError?: string;
}

/** Options of {@link benchOps}. */
export interface OpsBenchOptions {
  ops: readonly Op[];
  engines: readonly OpsEngineName[];
  runs: number;
  check: boolean;
  timeoutSeconds: number;
}

interface OpsRun {
  ok: boolean;
  failure?: string;
  seconds: number;
  peakRssBytes: number;
  report?: OpsReport;
}

function summarise(runs: readonly OpsRun[]): OpsSummary {
  const ok = runs.filter((r) => r.ok && r.report !== undefined);
  const failure = runs.find((r) => !r.ok)?.failure;
  const rows = ok[0]?.report?.outputRows;
  return {
    runs: runs.length,
    failed: runs.length - ok.length,
    ...(failure === undefined ? {} : { failure }),
    opSeconds: median(ok.map((r) => r.report?.opSeconds ?? Number.NaN)),
    opCpuSeconds: median(ok.map((r) => r.report?.opCpuSeconds ?? Number.NaN)),
    loadSeconds: median(ok.map((r) => r.report?.loadSeconds ?? Number.NaN)),
    seconds: median(ok.map((r) => r.seconds)),
    peakRssBytes: median(ok.map((r) => r.peakRssBytes)),
    ...(rows === undefined ? {} : { outputRows: rows }),
  };
}

const lastLine = (text: string): string => text.trim().split("\n").at(-1) ?? "";

/** Time the group-by and the join of `rows` facts on each engine, and check the engines agree. */
export async function benchOps(
  root: string,
  benchDist: string,
  cache: string,
  rows: number,
  options: OpsBenchOptions,
  note: (line: string) => void,
): Promise<OpsResult[]> {
  const sample = await ensureOpsSample(cache, rows, note);
  const results: OpsResult[] = [];
  for (const op of options.ops) {
    const label = opsLabel(op, rows);
    const runs = new Map<OpsEngineName, OpsRun[]>(options.engines.map((e) => [e, []]));
    for (let run = 1; run <= options.runs; run++) {
      for (const engine of options.engines) {
        note(`${label}, run ${run}/${options.runs}: ${engine}`);
        const measured = await measure("node", [join(benchDist, "ops-job.js"), engine, op, sample.dir], {
          cwd: root,
          timeoutSeconds: options.timeoutSeconds,
        });
        const ok = measured.exitCode === 0 && !measured.timedOut;
        const result: OpsRun = {
          ok,
          seconds: measured.seconds,
          peakRssBytes: measured.peakRssBytes,
          ...(ok
            ? { report: JSON.parse(lastLine(measured.stdout)) as OpsReport }
            : {
                failure: measured.timedOut
                  ? `timed out after ${options.timeoutSeconds} s`
                  : `exit ${measured.exitCode}: ${lastLine(measured.stderr).slice(0, 300)}`,
              }),
        };
        note(
          result.report
            ? `  ${result.report.opSeconds.toFixed(2)} s (cpu ${result.report.opCpuSeconds.toFixed(2)} s; load ${result.report.loadSeconds.toFixed(2)} s), peak ${(result.peakRssBytes / 1024 ** 3).toFixed(2)} GB`
            : `  failed: ${result.failure}`,
        );
        runs.get(engine)?.push(result);
      }
    }
    const opResult: OpsResult = {
      op,
      rows,
      csvBytes: sample.bytes,
      summaries: Object.fromEntries(options.engines.map((e) => [e, summarise(runs.get(e) ?? [])])),
    };
    if (options.check && options.engines.length === OPS_ENGINES.length) {
      note(`checking the ${op} results of the three engines against each other`);
      const checked = await measure("node", [join(benchDist, "ops-check.js"), op, sample.dir], {
        cwd: root,
        timeoutSeconds: options.timeoutSeconds,
      });
      if (checked.exitCode === 0)
        opResult.equality = (JSON.parse(lastLine(checked.stdout)) as OpsCheck).verdicts;
      else opResult.equalityError = `ops-check failed: ${lastLine(checked.stderr).slice(0, 200)}`;
    }
    results.push(opResult);
  }
  return results;
}
