import { funnelChartSpec, importanceChartSpec, predictionChartSpec, residualChartSpec } from "./charts";
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
import { renderChartSvg } from "./svg";
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

async function funnelSection(input: Pick<ReportChartInput, "funnel">): Promise<string> {
  const rows = funnelRows(input.funnel);
  if (rows.length === 0)
    return sectionHtml("funnel", "Funnel", emptyHtml("No pipeline steps were recorded."));
  const chart = await renderChartSvg(funnelChartSpec(rows), { id: "funnel", label: "Rows after each step" });
  const figure = chartFigureHtml(
    "funnel",
    chart.svg,
    "Rows going in, then rows left after each step of the pipeline; nested steps are lighter and labelled by their path.",
  );
  return sectionHtml("funnel", "Funnel", `${figure}\n${funnelTableHtml(rows)}`);
}

async function importanceSection(input: Pick<ReportChartInput, "importances">): Promise<string> {
  if (input.importances.length === 0) {
    return sectionHtml("importances", "Feature importances", emptyHtml("The model reported no importances."));
  }
  const chart = await renderChartSvg(importanceChartSpec(input.importances), {
    id: "importances",
    label: "Feature importances",
  });
  const figure = chartFigureHtml("importances", chart.svg, "Each feature's share of the model's importance.");
  return sectionHtml("importances", "Feature importances", figure);
}

async function predictionSection(
  input: Pick<ReportChartInput, "predictions">,
  maxPoints: number,
  residualBins: number,
): Promise<string> {
  const { actual, predicted } = input.predictions;
  const sample = samplePredictions(actual, predicted, maxPoints);
  const heading = "Predicted vs actual (test set)";
  if (sample.points.length === 0) {
    return sectionHtml("predictions", heading, emptyHtml("No test predictions to show."));
  }
  const range = scatterRange(sample.points);
  const scatter = await renderChartSvg(predictionChartSpec(range.inside, range.domain), {
    id: "predictions",
    label: "Predicted against actual tip amount on the test set",
  });
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
    scatter.svg,
    `${shown}; the dashed line is y = x, where a perfect model's points would lie.${outliers}${dropped}`,
  );

  const histogram = residualHistogram(residualsOf(actual, predicted), residualBins);
  const first = histogram.bins[0];
  const last = histogram.bins[histogram.bins.length - 1];
  if (first === undefined || last === undefined) return sectionHtml("predictions", heading, scatterFigure);
  const residuals = await renderChartSvg(residualChartSpec(histogram.bins), {
    id: "residuals",
    label: "Histogram of residuals on the test set",
  });
  const clamped =
    histogram.clamped > 0
      ? ` ${formatCount(histogram.clamped, "residual", "residuals")} outside [${formatPlain(first.start)}, ${formatPlain(last.end)}] ${histogram.clamped === 1 ? "is" : "are"} counted in the end bins.`
      : "";
  const residualFigure = chartFigureHtml(
    "residuals",
    residuals.svg,
    `Residuals (predicted - actual) of ${formatInteger(histogram.total)} test rows.${clamped}`,
  );
  return sectionHtml("predictions", heading, `${scatterFigure}\n<h3>Residuals</h3>\n${residualFigure}`);
}

/** What the report's charts are drawn from: the funnel, the importances and the test predictions. */
export type ReportChartInput = Pick<ReportInput, "funnel" | "importances" | "predictions">;

/** The report's three sections with charts, as HTML: the costly part of a report (vega draws each chart). */
export interface ReportChartSections {
  readonly funnel: string;
  readonly importances: string;
  readonly predictions: string;
}

/** One chart section to draw, with the part of the chart input it is drawn from. */
export type ChartSectionRequest =
  | ({ readonly section: "funnel" } & Pick<ReportChartInput, "funnel">)
  | ({ readonly section: "importances" } & Pick<ReportChartInput, "importances">)
  | ({ readonly section: "predictions" } & Pick<ReportChartInput, "predictions">);

/**
 * The requests of the three chart sections, in the order they are always drawn: vega keeps some global
 * counters, so the same order gives the same bytes on any thread.
 */
export function chartSectionRequests(
  input: ReportChartInput,
): readonly [ChartSectionRequest, ChartSectionRequest, ChartSectionRequest] {
  return [
    { section: "funnel", funnel: input.funnel },
    { section: "importances", importances: input.importances },
    { section: "predictions", predictions: input.predictions },
  ];
}

/**
 * Draw one chart section as HTML (the options are checked whichever it is). Sections drawn one at a time, in
 * the order of {@link chartSectionRequests}, give the bytes {@link renderChartSections} gives.
 * @example await renderChartSection({ section: "funnel", funnel: trace })
 */
export async function renderChartSection(
  request: ChartSectionRequest,
  options: RenderReportOptions = {},
): Promise<string> {
  const maxPoints = positiveInteger("maxPoints", options.maxPoints ?? DEFAULT_MAX_POINTS);
  const residualBins = positiveInteger("residualBins", options.residualBins ?? DEFAULT_RESIDUAL_BINS);
  switch (request.section) {
    case "funnel":
      return funnelSection(request);
    case "importances":
      return importanceSection(request);
    case "predictions":
      return predictionSection(request, maxPoints, residualBins);
  }
}

/**
 * Draw the report's chart sections (funnel, importances, predicted vs actual with residuals), one chart at a
 * time in a fixed order: plain data in, HTML out, so a worker thread can draw them (see `chart-worker`).
 */
export async function renderChartSections(
  input: ReportChartInput,
  options: RenderReportOptions = {},
): Promise<ReportChartSections> {
  // one at a time, in the order of chartSectionRequests: the output must not depend on timing
  const [funnel, importances, predictions] = chartSectionRequests(input);
  return {
    funnel: await renderChartSection(funnel, options),
    importances: await renderChartSection(importances, options),
    predictions: await renderChartSection(predictions, options),
  };
}

/**
 * Render the run report as one self-contained HTML page: metrics, funnel, feature importances, predicted vs
 * actual and residuals as inline SVG charts (drawn here, in Node, with vega), model and config. The page has
 * no script and loads nothing; the same input gives the same bytes.
 */
export async function renderReport(input: ReportInput, options: RenderReportOptions = {}): Promise<string> {
  return assembleReport(input, await renderChartSections(input, options));
}

/** The report page from its input and its chart sections drawn already (by {@link renderChartSections}). */
export function assembleReport(input: ReportInput, charts: ReportChartSections): string {
  const { funnel, importances, predictions } = charts;
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
