import {
  formatBytes,
  formatChange,
  formatDisplayValue,
  formatInteger,
  formatMetric,
  formatMs,
} from "./format";
import type { FunnelRow } from "./funnel";
import { escapeHtml, tableHtml } from "./html";
import type { ReportInput } from "./types";

/** The deepest nesting that gets its own indentation class (deeper steps share it). */
const MAX_INDENT = 4;

/** A `<section>` with a heading; `body` is trusted HTML. */
export function sectionHtml(id: string, heading: string, body: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

/** A chart in a `<figure id="chart-…">` with an escaped caption; `svg` is trusted markup (the report's own charts). */
export function chartFigureHtml(id: string, svg: string, caption: string): string {
  return `<figure class="chart" id="chart-${escapeHtml(id)}">\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}

/** A paragraph saying there is nothing to show. */
export function emptyHtml(text: string): string {
  return `<p class="empty">${escapeHtml(text)}</p>`;
}

/**
 * The metrics table: rows, RMSE, MAE and R² for the training and the test set, and, when given, the baseline
 * (the training mean predicted for every test row) that the model must beat.
 */
export function metricsTableHtml(
  metrics: ReportInput["metrics"],
  baseline?: ReportInput["baseline"],
): string {
  const row = (name: string, set: ReportInput["metrics"]["training"]) => [
    { text: name },
    { text: formatInteger(set.count), numeric: true },
    { text: formatMetric(set.rmse), numeric: true },
    { text: formatMetric(set.mae), numeric: true },
    { text: formatMetric(set.r2), numeric: true },
  ];
  return tableHtml(
    "metrics",
    [
      { text: "set" },
      { text: "rows", numeric: true },
      { text: "RMSE", numeric: true },
      { text: "MAE", numeric: true },
      { text: "R²", numeric: true },
    ],
    [
      row("training", metrics.training),
      row("test", metrics.test),
      ...(baseline === undefined ? [] : [row("test, predicting the training mean", baseline)]),
    ],
  );
}

/** The prepared table column by column: type, nulls, min, max. */
export function columnsTableHtml(columns: NonNullable<ReportInput["columns"]>): string {
  if (columns.length === 0) return emptyHtml("The table has no columns.");
  return tableHtml(
    "columns",
    [
      { text: "column" },
      { text: "type" },
      { text: "nulls", numeric: true },
      { text: "min" },
      { text: "max" },
    ],
    columns.map((column) => [
      { text: column.name, className: "key" },
      { text: column.type },
      { text: formatInteger(column.nulls), numeric: true },
      { text: column.min, className: "value" },
      { text: column.max, className: "value" },
    ]),
  );
}

/** Links to the files written beside the report, with their sizes. */
export function filesListHtml(files: NonNullable<ReportInput["files"]>): string {
  if (files.length === 0) return emptyHtml("No other files.");
  const items = files.map(
    (file) =>
      `<li><a href="${escapeHtml(encodeURIComponent(file.name))}">${escapeHtml(file.name)}</a> <span class="note">${escapeHtml(formatBytes(file.bytes))}</span></li>`,
  );
  return `<ul class="files">\n${items.join("\n")}\n</ul>`;
}

/** The funnel as a table: step (indented by nesting), transform, rows in, rows out, change, ms. */
export function funnelTableHtml(rows: readonly FunnelRow[]): string {
  return tableHtml(
    "funnel",
    [
      { text: "step" },
      { text: "transform" },
      { text: "columns" },
      { text: "rows in", numeric: true },
      { text: "rows out", numeric: true },
      { text: "change", numeric: true },
      { text: "ms", numeric: true },
    ],
    rows.map((row) => [
      {
        text: row.step,
        className: [
          row.depth > 0 ? `depth-${Math.min(row.depth, MAX_INDENT)}` : "",
          row.composite ? "composite" : "",
        ]
          .filter((name) => name !== "")
          .join(" "),
      },
      { text: row.transform },
      { text: row.columns.join(", "), className: "columns" },
      { text: formatInteger(row.rowsIn), numeric: true },
      { text: formatInteger(row.rowsOut), numeric: true },
      { text: formatChange(row.rowsIn, row.rowsOut), numeric: true },
      { text: formatMs(row.ms), numeric: true },
    ]),
  );
}

/** A two-column table of names and values (config, model parameters), in the object's key order. */
export function keyValueTableHtml(className: string, values: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return emptyHtml("None.");
  return tableHtml(
    className,
    [{ text: "name" }, { text: "value" }],
    entries.map(([key, value]) => [
      { text: key, className: "key" },
      { text: formatDisplayValue(value), className: "value" },
    ]),
  );
}
