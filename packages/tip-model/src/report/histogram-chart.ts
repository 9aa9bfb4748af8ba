/** A histogram of bins already counted: one bar per bin, on a value axis and a count axis. */
import { scaleLinear } from "d3-scale";
import { drawableDomain } from "./chart-axes";
import { px } from "./chart-svg";
import type { HistogramBin } from "./residuals";
import { xyChart } from "./xy-chart";

/** How a histogram is drawn. */
export interface HistogramChartOptions {
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** The plot area in px. */
  readonly width: number;
  readonly height: number;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly color: string;
}

/** The gap between neighbouring bars, in px. */
const BAR_GAP = 1;

/**
 * One bar per bin, from its start to its end (ordered, adjacent bins), as high as its count; the count axis
 * starts at zero and shows whole numbers only.
 * @example histogramChart([{ start: -1, end: 0, count: 12 }, { start: 0, end: 1, count: 30 }], options)
 */
export function histogramChart(bins: readonly HistogramBin[], options: HistogramChartOptions): string {
  const x = scaleLinear()
    .domain(drawableDomain(bins[0]?.start ?? 0, bins[bins.length - 1]?.end ?? 1))
    .range([0, options.width])
    .clamp(true);
  const most = Math.max(0, ...bins.map((bin) => bin.count));
  const y = scaleLinear().domain(drawableDomain(0, most)).range([options.height, 0]).nice().clamp(true);
  const rects = bins.map((bin) => {
    const left = x(bin.start) + BAR_GAP / 2;
    const width = Math.max(0, x(bin.end) - x(bin.start) - BAR_GAP);
    const top = y(bin.count);
    return `<rect x="${px(left)}" y="${px(top)}" width="${px(width)}" height="${px(options.height - top)}"/>`;
  });
  return xyChart({
    label: options.label,
    width: options.width,
    height: options.height,
    x: { scale: x, title: options.xTitle },
    y: { scale: y, title: options.yTitle, format: ",d", integers: true },
    marks: `<g class="marks bars" fill="${options.color}">${rects.join("")}</g>`,
  });
}
