/** A square scatter plot of two quantities on one scale, with the line y = x across it. */
import { scaleLinear } from "d3-scale";
import { drawableDomain } from "./chart-axes";
import { CHART_COLOR, px } from "./chart-svg";
import { xyChart } from "./xy-chart";

/** One point: its value along each axis. */
export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
}

/** How a scatter plot is drawn. */
export interface ScatterChartOptions {
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** The range of both axes (points outside it are the caller's to leave out). */
  readonly domain: readonly [number, number];
  /** Side of the square plot area in px. */
  readonly size: number;
  readonly xTitle: string;
  readonly yTitle: string;
}

/** Radius of a point: a circle of about 14 px². */
const RADIUS = 2.1;
/** How much of a point's colour shows through the points over it. */
const POINT_OPACITY = 0.45;

/**
 * Points as circles (all in one group that carries their style), with the dashed line y = x, where points of
 * equal x and y lie; both axes share `domain`, so that line is the plot's diagonal.
 * @example scatterChart([{ x: 1.5, y: 1.2 }], { label: "Predicted against actual", domain: [0, 10], size: 420, xTitle: "actual", yTitle: "predicted" })
 */
export function scatterChart(points: readonly ScatterPoint[], options: ScatterChartOptions): string {
  const [low, high] = drawableDomain(options.domain[0], options.domain[1]);
  const x = scaleLinear().domain([low, high]).range([0, options.size]).clamp(true);
  const y = scaleLinear().domain([low, high]).range([options.size, 0]).clamp(true);
  const circles = points.map(
    (point) => `<circle cx="${px(x(point.x))}" cy="${px(y(point.y))}" r="${RADIUS}"/>`,
  );
  const line =
    `<path d="M${px(x(low))},${px(y(low))}L${px(x(high))},${px(y(high))}" fill="none" ` +
    `stroke="${CHART_COLOR.reference}" stroke-width="1.5" stroke-dasharray="5,4"/>`;
  return xyChart({
    label: options.label,
    width: options.size,
    height: options.size,
    x: { scale: x, title: options.xTitle },
    y: { scale: y, title: options.yTitle },
    marks:
      `<g class="marks points" fill="${CHART_COLOR.primary}" fill-opacity="${POINT_OPACITY}">${circles.join("")}</g>` +
      `<g class="marks line">${line}</g>`,
  });
}
