import type { TopLevelSpec } from "vega-lite";
import { formatInteger, formatShare } from "./format";
import type { FunnelRow } from "./funnel";
import type { HistogramBin } from "./residuals";
import type { PredictionPoint } from "./sample";
import type { ReportImportance } from "./types";

/** The colours of the report's charts. */
const COLOR = {
  input: "#8c8c8c",
  primary: "#4c78a8",
  nested: "#9ecae9",
  reference: "#e45756",
  text: "#333333",
} as const;

/** Shared look: system fonts only (nothing to load), no view border, a white background. */
const CONFIG = {
  font: "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", titleColor: COLOR.text },
} as const;

/** The label of the funnel's first bar, the rows that went in. */
export const FUNNEL_INPUT_LABEL = "(input)";

/**
 * Horizontal bars of the rows going in, then of the rows left after each step, nested steps lighter and
 * labelled by their path.
 */
export function funnelChartSpec(rows: readonly FunnelRow[]): TopLevelSpec {
  const bar = (label: string, rowsOut: number, level: string) => ({
    label,
    rowsOut,
    rowsOutText: formatInteger(rowsOut),
    level,
  });
  const first = rows[0];
  const values = [
    ...(first === undefined ? [] : [bar(FUNNEL_INPUT_LABEL, first.rowsIn, "input")]),
    ...rows.map((row) => bar(row.label, row.rowsOut, row.depth === 0 ? "step" : "nested step")),
  ];
  const y = {
    field: "label",
    type: "nominal",
    sort: null,
    axis: { title: null, labelLimit: 0, labelFontSize: 11 }, // 0: full labels, never cut
  } as const;
  return {
    config: CONFIG,
    width: 460,
    height: { step: 22 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", tooltip: false },
        encoding: {
          x: { field: "rowsOut", type: "quantitative", title: "rows after the step", axis: { format: ",d" } },
          color: {
            field: "level",
            type: "nominal",
            scale: {
              domain: ["input", "step", "nested step"],
              range: [COLOR.input, COLOR.primary, COLOR.nested],
            },
            legend: { title: null, orient: "bottom" },
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 10, color: COLOR.text },
        encoding: {
          x: { field: "rowsOut", type: "quantitative" },
          text: { field: "rowsOutText", type: "nominal" },
        },
      },
    ],
  };
}

/** Bars of each feature's share of the importance, largest first (the input order). */
export function importanceChartSpec(importances: readonly ReportImportance[]): TopLevelSpec {
  const values = importances.map((item) => ({
    feature: item.feature,
    importance: Number.isFinite(item.importance) ? item.importance : 0,
    shareText: formatShare(item.importance),
  }));
  return {
    config: CONFIG,
    width: 460,
    height: { step: 20 },
    data: { values },
    encoding: {
      y: { field: "feature", type: "nominal", sort: null, axis: { title: null, labelLimit: 260 } },
    },
    layer: [
      {
        mark: { type: "bar", color: COLOR.primary, tooltip: false },
        encoding: {
          x: {
            field: "importance",
            type: "quantitative",
            title: "share of importance",
            axis: { format: ".0%" },
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 10, color: COLOR.text },
        encoding: {
          x: { field: "importance", type: "quantitative" },
          text: { field: "shareText", type: "nominal" },
        },
      },
    ],
  };
}

/** Predicted against actual for the (sampled) test rows, with the line y = x where a perfect model lies. */
export function predictionChartSpec(
  points: readonly PredictionPoint[],
  domain: readonly [number, number],
): TopLevelSpec {
  const scale = { domain: [domain[0], domain[1]], nice: false, zero: false };
  return {
    config: CONFIG,
    width: 420,
    height: 420,
    layer: [
      {
        data: { values: points.map((p) => ({ actual: p.actual, predicted: p.predicted })) },
        mark: { type: "circle", size: 14, opacity: 0.45, color: COLOR.primary, aria: false, tooltip: false },
        encoding: {
          x: { field: "actual", type: "quantitative", title: "actual", scale },
          y: { field: "predicted", type: "quantitative", title: "predicted", scale },
        },
      },
      {
        data: { values: [{ v: domain[0] }, { v: domain[1] }] },
        mark: { type: "line", color: COLOR.reference, strokeWidth: 1.5, strokeDash: [5, 4], aria: false },
        encoding: {
          x: { field: "v", type: "quantitative", scale },
          y: { field: "v", type: "quantitative", scale },
        },
      },
    ],
  };
}

/** Bars of the residual (predicted - actual) histogram, already binned. */
export function residualChartSpec(bins: readonly HistogramBin[]): TopLevelSpec {
  return {
    config: CONFIG,
    width: 460,
    height: 200,
    data: { values: bins.map((bin) => ({ start: bin.start, end: bin.end, count: bin.count })) },
    mark: { type: "bar", color: COLOR.primary, tooltip: false, binSpacing: 1 },
    encoding: {
      x: { field: "start", type: "quantitative", bin: "binned", title: "residual (predicted - actual)" },
      x2: { field: "end" },
      y: { field: "count", type: "quantitative", title: "test rows", axis: { format: ",d" } },
    },
  };
}
