import { funnelChartSvg, importanceChartSvg, predictionChartSvg, residualChartSvg } from "./charts";
import { formatCount, formatInteger, formatPlain } from "./format";
import { funnelRows } from "./funnel";
import { escapeHtml } from "./html";
import { residualHistogram, residualsOf } from "./residuals";
import { samplePredictions } from "./sample";
import { scatterRange } from "./scatter-range";
import {
  chartFigureHtml,
  columnsTableHtml,
  emptyHtml,
  filesListHtml,
  funnelTableHtml,
  keyValueTableHtml,
  metricsTableHtml,
  sectionHtml,
} from "./sections";
import { REPORT_CSS } from "./style";
import type { RenderReportOptions, ReportInput, ReportRun } from "./types";

/** Most points of the predicted-vs-actual scatter unless told otherwise. */
export const DEFAULT_MAX_POINTS = 2_000;
/** Target number of bins of the residual histogram unless told otherwise. */
export const DEFAULT_RESIDUAL_BINS = 40;

/** Nothing may load: no scripts, no fetches, no external styles or fonts; inline styles and data: images only. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The run's metadata as name/value rows. */
function runFacts(run: ReportRun): Record<string, string> {
  const inputs = Object.entries(run.inputs)
    .map(([name, rows]) => `${name}: ${formatCount(rows, "row", "rows")}`)
    .join("; ");
  return {
    started: run.startedAt,
    duration: `${(run.durationMs / 1000).toFixed(1)} s`,
    version: run.version,
    "command line": run.commandLine,
    inputs: inputs === "" ? "none" : inputs,
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`renderReport: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function funnelSection(trace: ReportInput["funnel"]): string {
  const rows = funnelRows(trace);
  if (rows.length === 0)
    return sectionHtml("funnel", "Funnel", emptyHtml("No pipeline steps were recorded."));
  const figure = chartFigureHtml(
    "funnel",
    funnelChartSvg(rows),
    "Rows going in, then rows left after each step of the pipeline; nested steps are lighter and labelled by their path.",
  );
  return sectionHtml("funnel", "Funnel", `${figure}\n${funnelTableHtml(rows)}`);
}

function importanceSection(importances: ReportInput["importances"]): string {
  if (importances.length === 0) {
    return sectionHtml("importances", "Feature importances", emptyHtml("The model reported no importances."));
  }
  const figure = chartFigureHtml(
    "importances",
    importanceChartSvg(importances),
    "Each feature's share of the model's importance.",
  );
  return sectionHtml("importances", "Feature importances", figure);
}

function predictionSection(
  predictions: ReportInput["predictions"],
  maxPoints: number,
  residualBins: number,
): string {
  const { actual, predicted } = predictions;
  const sample = samplePredictions(actual, predicted, maxPoints);
  const heading = "Predicted vs actual (test set)";
  if (sample.points.length === 0) {
    return sectionHtml("predictions", heading, emptyHtml("No test predictions to show."));
  }
  const range = scatterRange(sample.points);
  const shown =
    sample.points.length === sample.finiteRows
      ? `All ${formatInteger(sample.finiteRows)} test rows`
      : `${formatInteger(sample.points.length)} of ${formatInteger(sample.finiteRows)} test rows (evenly spaced)`;
  const outliers =
    range.outside > 0
      ? ` ${formatCount(range.outside, "of them lies", "of them lie")} beyond the axes and ${range.outside === 1 ? "is" : "are"} not drawn.`
      : "";
  const dropped =
    sample.nonFiniteRows > 0
      ? ` ${formatCount(sample.nonFiniteRows, "row with a missing value is", "rows with a missing value are")} left out.`
      : "";
  const scatterFigure = chartFigureHtml(
    "predictions",
    predictionChartSvg(range.inside, range.domain),
    `${shown}; the dashed line is y = x, where a perfect model's points would lie.${outliers}${dropped}`,
  );

  const histogram = residualHistogram(residualsOf(actual, predicted), residualBins);
  const first = histogram.bins[0];
  const last = histogram.bins[histogram.bins.length - 1];
  if (first === undefined || last === undefined) return sectionHtml("predictions", heading, scatterFigure);
  const clamped =
    histogram.clamped > 0
      ? ` ${formatCount(histogram.clamped, "residual", "residuals")} outside [${formatPlain(first.start)}, ${formatPlain(last.end)}] ${histogram.clamped === 1 ? "is" : "are"} counted in the end bins.`
      : "";
  const residualFigure = chartFigureHtml(
    "residuals",
    residualChartSvg(histogram.bins),
    `Residuals (predicted - actual) of ${formatInteger(histogram.total)} test rows.${clamped}`,
  );
  return sectionHtml("predictions", heading, `${scatterFigure}\n<h3>Residuals</h3>\n${residualFigure}`);
}

/**
 * Render the run report as one self-contained HTML page: metrics, funnel, feature importances, predicted vs
 * actual and residuals as inline SVG charts, model and config. The page has no script and loads nothing; the
 * same input gives the same bytes.
 * @example await writeFile("report.html", await renderReport(input))
 */
export async function renderReport(input: ReportInput, options: RenderReportOptions = {}): Promise<string> {
  const maxPoints = positiveInteger("maxPoints", options.maxPoints ?? DEFAULT_MAX_POINTS);
  const residualBins = positiveInteger("residualBins", options.residualBins ?? DEFAULT_RESIDUAL_BINS);
  const funnel = funnelSection(input.funnel);
  const importances = importanceSection(input.importances);
  const predictions = predictionSection(input.predictions, maxPoints, residualBins);
  const model = sectionHtml(
    "model",
    "Model",
    `<p><strong>${escapeHtml(input.model.name)}</strong></p>\n${keyValueTableHtml("params", input.model.params)}`,
  );
  const config = sectionHtml("config", "Config", keyValueTableHtml("config", input.config));
  const metrics = sectionHtml("metrics", "Metrics", metricsTableHtml(input.metrics, input.baseline));
  const run =
    input.run === undefined ? "" : sectionHtml("run", "Run", keyValueTableHtml("run", runFacts(input.run)));
  const columns =
    input.columns === undefined
      ? ""
      : sectionHtml("columns", "Prepared data, by column", columnsTableHtml(input.columns));
  const files =
    input.files === undefined ? "" : sectionHtml("files", "Files of this run", filesListHtml(input.files));
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${escapeHtml(input.title)}</h1>`,
    `<p class="source">Data: ${escapeHtml(input.generatedFrom)}</p>`,
    "</header>",
    "<main>",
    metrics,
    funnel,
    importances,
    predictions,
    columns,
    model,
    config,
    run,
    files,
    "</main>",
    "<footer>Generated by @tablepipe/tip-model. Self-contained: this page runs no script and loads nothing.</footer>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
