/** The report's four charts, from its data: which chart each is, its colours, titles and labels. */
import { horizontalBarChart } from "./bar-chart";
import { CHART_COLOR } from "./chart-svg";
import { formatInteger, formatShare } from "./format";
import type { FunnelRow } from "./funnel";
import { histogramChart } from "./histogram-chart";
import type { HistogramBin } from "./residuals";
import type { PredictionPoint } from "./sample";
import { scatterChart } from "./scatter-chart";
import type { ReportImportance } from "./types";

/** The label of the funnel's first bar, the rows that went in. */
const FUNNEL_INPUT_LABEL = "(input)";

/** Width of the bar charts' and the histogram's plot area, in px. */
const PLOT_WIDTH = 460;

/**
 * Horizontal bars of the rows going in, then of the rows left after each step, nested steps lighter and
 * labelled by their path.
 * @example funnelChartSvg(funnelRows(trace))
 */
export function funnelChartSvg(rows: readonly FunnelRow[]): string {
  const bar = (label: string, rowsOut: number, color: string) => ({
    label,
    value: rowsOut,
    text: formatInteger(rowsOut),
    color,
  });
  const first = rows[0];
  const bars = [
    ...(first === undefined ? [] : [bar(FUNNEL_INPUT_LABEL, first.rowsIn, CHART_COLOR.input)]),
    ...rows.map((row) =>
      bar(row.label, row.rowsOut, row.depth === 0 ? CHART_COLOR.primary : CHART_COLOR.nested),
    ),
  ];
  return horizontalBarChart(bars, {
    label: "Rows after each step",
    width: PLOT_WIDTH,
    step: 22,
    valueTitle: "rows after the step",
    valueFormat: ",d",
    integers: true,
    legend: [
      { label: "input", color: CHART_COLOR.input },
      { label: "step", color: CHART_COLOR.primary },
      { label: "nested step", color: CHART_COLOR.nested },
    ],
  });
}

/**
 * Bars of each feature's share of the importance, in the order given (largest first).
 * @example importanceChartSvg([{ feature: "fare_amount", importance: 0.41 }])
 */
export function importanceChartSvg(importances: readonly ReportImportance[]): string {
  const bars = importances.map((item) => ({
    label: item.feature,
    value: item.importance,
    text: formatShare(item.importance),
    color: CHART_COLOR.primary,
  }));
  return horizontalBarChart(bars, {
    label: "Feature importances",
    width: PLOT_WIDTH,
    step: 20,
    valueTitle: "share of importance",
    valueFormat: ".0%",
  });
}

/**
 * Predicted against actual for the (sampled) test rows, on one range for both axes, with the line y = x where
 * a perfect model's points lie.
 * @example predictionChartSvg(range.inside, range.domain)
 */
export function predictionChartSvg(
  points: readonly PredictionPoint[],
  domain: readonly [number, number],
): string {
  return scatterChart(
    points.map((point) => ({ x: point.actual, y: point.predicted })),
    {
      label: "Predicted against actual tip amount on the test set",
      domain,
      size: 420,
      xTitle: "actual",
      yTitle: "predicted",
    },
  );
}

/**
 * Bars of the residual (predicted - actual) histogram, already binned.
 * @example residualChartSvg(residualHistogram(residuals, 40).bins)
 */
export function residualChartSvg(bins: readonly HistogramBin[]): string {
  return histogramChart(bins, {
    label: "Histogram of residuals on the test set",
    width: PLOT_WIDTH,
    height: 200,
    xTitle: "residual (predicted - actual)",
    yTitle: "test rows",
    color: CHART_COLOR.primary,
  });
}
