/** A plot on two linear axes (the scatter, the histogram): its marks between the grid lines and the axes. */
import { type AxisSpec, BOTTOM_AXIS_HEIGHT, bottomAxis, leftAxis } from "./chart-axes";
import { chartSvg } from "./chart-svg";

/** What an x-y chart shows: its plot size, its axes, and its marks drawn in plot coordinates. */
export interface XyChart {
  /** What the chart shows, for screen readers. */
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** The horizontal axis, its scale's range `[0, width]`. */
  readonly x: AxisSpec;
  /** The vertical axis, its scale's range `[height, 0]`. */
  readonly y: AxisSpec;
  /** The marks (trusted markup), drawn over the grid lines and under the axes. */
  readonly marks: string;
}

/**
 * The chart: grid lines, marks, then both axes, with the margins their labels and titles need.
 * @example xyChart({ label: "Residuals", width: 460, height: 200, x: { scale: x, title: "residual" }, y: { scale: y, title: "rows" }, marks })
 */
export function xyChart(chart: XyChart): string {
  const xAxis = bottomAxis(chart.x, chart.height);
  const yAxis = leftAxis(chart.y, chart.width);
  return chartSvg({
    label: chart.label,
    width: chart.width,
    height: chart.height,
    margins: { top: 8, right: 12, bottom: BOTTOM_AXIS_HEIGHT, left: yAxis.margin },
    body: xAxis.grid + yAxis.grid + chart.marks + xAxis.axis + yAxis.axis,
  });
}
