/** Medians over repeated runs. */
import type { RunResult } from "./engines";
import type { Engine } from "./options";
import type { FunnelStep } from "./tablepipe-log";

/** The median of `values` (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One engine on one sample, over its runs. */
export interface EngineSummary {
  engine: Engine;
  rows: number;
  runs: number;
  failed: number;
  /** The first failure, when a run failed. */
  failure?: string;
  seconds: number;
  peakRssBytes: number;
  stages: Record<string, number>;
  funnel?: FunnelStep[];
  preparedRows?: number;
}

/** Medians of the successful runs (seconds, peak RSS, each stage and funnel step). */
export function summarise(engine: Engine, rows: number, results: readonly RunResult[]): EngineSummary {
  const ok = results.filter((r) => r.ok);
  const failedRun = results.find((r) => !r.ok);
  const stageNames = [...new Set(ok.flatMap((r) => Object.keys(r.stages)))];
  const stages = Object.fromEntries(
    stageNames.map((name) => [
      name,
      median(ok.flatMap((r) => (r.stages[name] === undefined ? [] : [r.stages[name]]))),
    ]),
  );
  const first = ok[0];
  const funnel = first?.funnel?.map((step, i) => ({
    ...step,
    seconds: median(ok.map((r) => r.funnel?.[i]?.seconds ?? Number.NaN).filter((v) => !Number.isNaN(v))),
  }));
  return {
    engine,
    rows,
    runs: results.length,
    failed: results.length - ok.length,
    ...(failedRun?.failure === undefined ? {} : { failure: failedRun.failure }),
    seconds: median(ok.map((r) => r.seconds)),
    peakRssBytes: median(ok.map((r) => r.peakRssBytes)),
    stages,
    ...(funnel === undefined ? {} : { funnel }),
    ...(first?.preparedRows === undefined ? {} : { preparedRows: first.preparedRows }),
  };
}

/**
 * The mean of `values` and its standard error (NaN below two values).
 * @example meanAndError([1.1, 1.2, 1.15]) // { mean: 1.15, error: 0.029, count: 3 }
 */
export function meanAndError(values: readonly number[]): { mean: number; error: number; count: number } {
  const count = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / count;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1);
  return { mean, error: count < 2 ? Number.NaN : Math.sqrt(variance / count), count };
}

/**
 * The mean of `b[i] − a[i]` over runs made in pairs (`a[i]` and `b[i]` one after the other, so that a machine
 * slowing down or speeding up moves both), with its standard error.
 * @example pairedDifference([10, 12, 11], [8, 11, 9]) // { mean: -1.67, error: 0.33, count: 3 }
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
): { mean: number; error: number; count: number } {
  const pairs = Math.min(a.length, b.length);
  return meanAndError(Array.from({ length: pairs }, (_, i) => (b[i] as number) - (a[i] as number)));
}
