/** The comparison table and the per-stage breakdown, as Markdown (readable in a terminal, pasteable in a PR). */
import type { Comparison } from "./compare-prepared";
import type { Engine } from "./options";
import type { EngineSummary } from "./stats";

/** Everything measured on one sample. */
export interface SizeResult {
  rows: number;
  csvBytes: number;
  summaries: Partial<Record<Engine, EngineSummary>>;
  /** Equality of each baseline's prepared table with tablepipe's (absent when not checked). */
  equality?: Partial<Record<Engine, Comparison>>;
  /** Why the equality check could not run. */
  equalityError?: string;
}

const compactRows = (rows: number): string =>
  rows >= 1e6 && rows % 1e5 === 0
    ? `${rows / 1e6}M`
    : rows >= 1e3 && rows % 100 === 0
      ? `${rows / 1e3}k`
      : `${rows}`;
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const mb = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MB`;
const secs = (s: number): string =>
  s >= 100 ? `${s.toFixed(0)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;

function cell(summary: EngineSummary | undefined): string {
  if (summary === undefined) return "—";
  if (summary.failed === summary.runs) return `failed (${summary.failure ?? "?"})`.slice(0, 60);
  const partial = summary.failed > 0 ? ` [${summary.failed}/${summary.runs} failed]` : "";
  return `${secs(summary.seconds)} (${gb(summary.peakRssBytes)})${partial}`;
}

function ratio(ours: EngineSummary | undefined, theirs: EngineSummary | undefined): string {
  if (ours === undefined || theirs === undefined) return "—";
  if (ours.failed === ours.runs || theirs.failed === theirs.runs) return "—";
  return `${(ours.seconds / theirs.seconds).toFixed(2)}×`;
}

function equalCell(result: SizeResult): string {
  if (result.equalityError !== undefined) return `not checked: ${result.equalityError}`.slice(0, 60);
  if (result.equality === undefined) return "not checked";
  const verdicts = Object.entries(result.equality).map(([engine, c]) =>
    c.equal ? `${engine} ✓` : `${engine} ✗ (${c.missing} missing, ${c.extra} extra)`,
  );
  const rows = Object.values(result.equality)[0]?.referenceRows;
  return `${verdicts.join(", ")}${rows === undefined ? "" : ` — ${rows.toLocaleString("en-US")} rows`}`;
}

/** The main table: one line per sample size. Ratios are tablepipe's seconds over the baseline's (< 1: faster). */
export function comparisonTable(results: readonly SizeResult[]): string[] {
  const lines = [
    "| rows (CSV) | tablepipe s (peak RSS) | nodejs-polars s (peak) | DuckDB s (peak) | tablepipe ÷ polars | tablepipe ÷ DuckDB | prepared tables equal? |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const s = r.summaries;
    lines.push(
      `| ${compactRows(r.rows)} (${mb(r.csvBytes)}) | ${cell(s.tablepipe)} | ${cell(s.polars)} | ${cell(s.duckdb)} | ` +
        `${ratio(s.tablepipe, s.polars)} | ${ratio(s.tablepipe, s.duckdb)} | ${equalCell(r)} |`,
    );
  }
  return lines;
}

/** tablepipe's stages and transform steps, one column per sample size (medians, seconds). */
export function tablepipeBreakdown(
  results: readonly SizeResult[],
  engine: Exclude<Engine, "polars" | "duckdb"> = "tablepipe",
): string[] {
  const ours = results.map((r) => r.summaries[engine]);
  if (ours.every((s) => s === undefined || s.failed === s.runs)) return [];
  const header = `| ${engine} stage | ${results.map((r) => compactRows(r.rows)).join(" | ")} |`;
  const lines = [header, `|---|${results.map(() => "---:").join("|")}|`];
  const row = (label: string, pick: (s: EngineSummary) => number | undefined): void => {
    const cells = ours.map((s) => {
      const v = s === undefined ? undefined : pick(s);
      return v === undefined || Number.isNaN(v) ? "—" : secs(v);
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  };
  const names = ["extract", "transform", "train", "validate", "load"];
  const labels: Record<string, string> = {
    extract: "extract (read CSV)",
    transform: "transform (prepared)",
    train: "train (split + fit)",
    validate: "validate (metrics)",
    load: "load (write outputs)",
  };
  const steps = ours.find((s) => s?.funnel !== undefined)?.funnel ?? [];
  for (const name of names) {
    row(labels[name] ?? name, (s) => s.stages[name]);
    if (name === "transform") {
      steps.forEach((step, i) => {
        row(`${"&nbsp;&nbsp;".repeat(step.depth + 1)}${step.step}`, (s) => s.funnel?.[i]?.seconds);
      });
    }
  }
  row("**whole process (wall)**", (s) => s.seconds);
  return lines;
}

/** The baselines' own stage timings. */
export function baselineBreakdown(results: readonly SizeResult[]): string[] {
  const lines = [
    "| baseline | rows | read + prepare | write prepared | train (OLS) | write predictions | whole process |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    for (const engine of ["polars", "duckdb"] as const) {
      const s = r.summaries[engine];
      if (s === undefined || s.failed === s.runs) continue;
      const v = (k: string): string => (s.stages[k] === undefined ? "—" : secs(s.stages[k] as number));
      lines.push(
        `| ${engine} | ${compactRows(r.rows)} | ${v("prepare")} | ${v("writePrepared")} | ${v("train")} | ${v("write")} | ${secs(s.seconds)} |`,
      );
    }
  }
  return lines.length > 2 ? lines : [];
}

/** The tip model on the DuckDB engine against the hand-written DuckDB query and the in-process run (#13, #17 goal 6). */
export function duckdbEngineComparison(results: readonly SizeResult[]): string[] {
  const ran = results.filter(
    (r) =>
      r.summaries["tablepipe-duckdb"] !== undefined || r.summaries["tablepipe-duckdb-parquet"] !== undefined,
  );
  if (ran.length === 0) return [];
  const lines = [
    "| rows | input | tablepipe on DuckDB s (peak) | DuckDB baseline s (peak) | tablepipe in process s (peak) | ÷ DuckDB baseline | ÷ in process |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of ran) {
    const s = r.summaries;
    const inputs = [
      ["CSV", s["tablepipe-duckdb"], s.tablepipe],
      ["Parquet", s["tablepipe-duckdb-parquet"], s["tablepipe-parquet"]],
    ] as const;
    for (const [input, onDuckDb, inProcess] of inputs) {
      if (onDuckDb === undefined) continue;
      lines.push(
        `| ${compactRows(r.rows)} | ${input} | ${cell(onDuckDb)} | ${cell(s.duckdb)} | ${cell(inProcess)} | ` +
          `${ratio(onDuckDb, s.duckdb)} | ${ratio(onDuckDb, inProcess)} |`,
      );
    }
  }
  return lines;
}

/** tablepipe reading the CSV against reading a Parquet copy of it (when `tablepipe-parquet` ran). */
export function parquetComparison(results: readonly SizeResult[]): string[] {
  const withParquet = results.filter((r) => r.summaries["tablepipe-parquet"] !== undefined);
  if (withParquet.length === 0) return [];
  const lines = [
    "| rows | CSV: whole run (peak) | Parquet: whole run (peak) | CSV: read | Parquet: read | Parquet ÷ CSV |",
    "|---|---|---|---:|---:|---:|",
  ];
  const readOf = (s: EngineSummary | undefined): string => {
    const step = s?.funnel?.findIndex((f) => f.step === "read") ?? -1;
    const seconds = step < 0 ? undefined : s?.funnel?.[step]?.seconds;
    return seconds === undefined || Number.isNaN(seconds) ? "—" : secs(seconds);
  };
  for (const r of withParquet) {
    const csv = r.summaries.tablepipe;
    const parquet = r.summaries["tablepipe-parquet"];
    lines.push(
      `| ${compactRows(r.rows)} | ${cell(csv)} | ${cell(parquet)} | ${readOf(csv)} | ${readOf(parquet)} | ${ratio(parquet, csv)} |`,
    );
  }
  return lines;
}

/** The streamed job against the straightforward path (`--no-stream-read`), when `tablepipe-whole` ran. */
export function streamingComparison(results: readonly SizeResult[]): string[] {
  const withWhole = results.filter((r) => r.summaries["tablepipe-whole"] !== undefined);
  if (withWhole.length === 0) return [];
  const lines = [
    "| rows | streamed (default) | read whole, pipe as written (--no-stream-read) | streamed ÷ whole |",
    "|---|---|---|---:|",
  ];
  for (const r of withWhole) {
    const streamed = r.summaries.tablepipe;
    const whole = r.summaries["tablepipe-whole"];
    lines.push(`| ${compactRows(r.rows)} | ${cell(streamed)} | ${cell(whole)} | ${ratio(streamed, whole)} |`);
  }
  return lines;
}

/** Notes for failed runs and unequal tables. */
export function problems(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    for (const s of Object.values(r.summaries)) {
      if (s.failed > 0)
        lines.push(
          `- ${s.engine} at ${compactRows(r.rows)}: ${s.failed} of ${s.runs} runs failed: ${s.failure}`,
        );
    }
    for (const [engine, c] of Object.entries(r.equality ?? {})) {
      if (!c.equal) {
        lines.push(
          `- ${engine} at ${compactRows(r.rows)}: prepared table differs (${c.rows} rows vs tablepipe's ${c.referenceRows}; ${c.missing} missing, ${c.extra} extra)`,
        );
        for (const example of c.examples) lines.push(`  - ${example}`);
      }
    }
  }
  return lines;
}
