/** The group-by, join and CSV-write results as a Markdown table. */
import type { OpsResult, OpsSummary } from "./ops-bench";
import { opsLabel } from "./ops-spec";

const compact = (n: number): string =>
  n >= 1e6 && n % 1e5 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 100 === 0 ? `${n / 1e3}k` : `${n}`;
const secs = (s: number): string => (s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`);
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

function cell(s: OpsSummary | undefined): string {
  if (s === undefined) return "—";
  if (s.failed === s.runs) return `failed (${s.failure ?? "?"})`.slice(0, 60);
  const partial = s.failed > 0 ? ` [${s.failed}/${s.runs} failed]` : "";
  return `${secs(s.opSeconds)} (cpu ${secs(s.opCpuSeconds)}; load ${secs(s.loadSeconds)}, ${gb(s.peakRssBytes)})${partial}`;
}

function ratio(ours: OpsSummary | undefined, theirs: OpsSummary | undefined): string {
  if (
    ours === undefined ||
    theirs === undefined ||
    ours.failed === ours.runs ||
    theirs.failed === theirs.runs
  )
    return "—";
  return `${(ours.opSeconds / theirs.opSeconds).toFixed(2)}×`;
}

function equalCell(r: OpsResult): string {
  if (r.equalityError !== undefined) return `not checked: ${r.equalityError}`.slice(0, 60);
  if (r.equality === undefined) return "not checked";
  return Object.entries(r.equality)
    .map(([engine, v]) => (v.equal ? `${engine} ✓` : `${engine} ✗ (${v.differing} rows differ)`))
    .join(", ");
}

/** One line per operation and size: the operation's median seconds (load and peak RSS beside it), ratios. */
export function opsTable(results: readonly OpsResult[]): string[] {
  if (results.length === 0) return [];
  const lines = [
    "| operation | tablepipe s (cpu s; load s, peak RSS) | nodejs-polars s | DuckDB s | tablepipe ÷ polars | tablepipe ÷ DuckDB | results equal? |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const what = opsLabel(r.op, r.rows, compact);
    const s = r.summaries;
    const out = s.tablepipe?.outputRows;
    lines.push(
      `| ${what}${out === undefined ? "" : ` → ${out.toLocaleString("en-US")} rows`} | ${cell(s.tablepipe)} | ${cell(s.polars)} | ` +
        `${cell(s.duckdb)} | ${ratio(s.tablepipe, s.polars)} | ${ratio(s.tablepipe, s.duckdb)} | ${equalCell(r)} |`,
    );
  }
  return lines;
}

/** Notes for failed runs and unequal results. */
export function opsProblems(results: readonly OpsResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    for (const [engine, s] of Object.entries(r.summaries)) {
      if (s.failed > 0)
        lines.push(
          `- ${engine} ${r.op} at ${compact(r.rows)}: ${s.failed} of ${s.runs} runs failed: ${s.failure}`,
        );
    }
    for (const [engine, v] of Object.entries(r.equality ?? {})) {
      if (!v.equal) {
        lines.push(
          `- ${engine} ${r.op} at ${compact(r.rows)}: ${v.rows} rows vs tablepipe's ${v.referenceRows}, ${v.differing} differ`,
        );
        for (const example of v.examples) lines.push(`  - ${example}`);
      }
    }
  }
  return lines;
}
